"""Production: everything secret or site-specific comes from the environment.

Refuses to start without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS, rather than run insecurely.
Passes `manage.py check --deploy --fail-level WARNING` (tests/test_production.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, BASE_DIR, LOGGING, SECRET_KEY, cache_from_environment, os

if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production will not start without it.")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is too short: use at least 50 random characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS (comma-separated host names).")

DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
# Behind a TLS-terminating proxy or load balancer that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# Several gunicorn workers share one cache: without Redis, a file cache every worker sees, so a
# save in one worker invalidates the pages the others serve (local memory would not).
CACHES = cache_from_environment(
    {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("DJANGO_FILE_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
)

# Failed and slow requests only (newsroom/middleware.py); NEWSROOM_REQUEST_LOG=INFO logs each one.
LOGGING["loggers"]["newsroom.request"]["level"] = os.environ.get("NEWSROOM_REQUEST_LOG", "WARNING")
