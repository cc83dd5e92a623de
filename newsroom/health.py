"""Health endpoints for load balancers and orchestrators."""

import logging

from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness: the process answers. Touches neither database nor cache."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: 200 when every database and the cache answer, else 503 with what failed."""
    checks = {}
    for alias in connections:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
            checks[f"database:{alias}"] = "ok"
        except Exception as exc:  # noqa: BLE001 — any failure means "not ready", reported by name
            log.warning("readyz: database %s: %s", alias, exc)
            checks[f"database:{alias}"] = "unavailable"
    try:
        probe = get_random_string(12)
        cache.set("readyz", probe, 10)
        checks["cache"] = "ok" if cache.get("readyz") == probe else "unavailable"
    except Exception as exc:  # noqa: BLE001
        log.warning("readyz: cache: %s", exc)
        checks["cache"] = "unavailable"
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503)
