"""Project-wide middleware: request logging, security headers, primary-database pinning and the
503 page for a lost database. The page cache lives with the content it caches, in articles/caching.py.
"""

import base64
import hashlib
import logging
import re
import sys
import time

from csp.constants import HEADER as CSP_HEADER
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.views import defaults

from .delivery.fragments import LocalCopies
from .health import healthz
from .routers import use_primary

request_log = logging.getLogger("newsroom.request")
error_log = logging.getLogger("newsroom.errors")

IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def client_ip(request):
    """The reader's address; behind NEWSROOM_TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For.

    Only the addresses our own proxies appended are trusted (counted from the right): a client
    can put anything at the left of the header. Axes throttles logins by this address.
    """
    proxies = settings.NEWSROOM_TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RequestLogMiddleware:
    """One line per request on stdout: method, path, status, milliseconds, page-cache outcome.

    Routine requests at INFO, failed (5xx) and slow ones at WARNING, so the production default
    (NEWSROOM_REQUEST_LOG=WARNING) keeps what an operator must see at no cost per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    # Worth a WARNING line even when routine requests are not logged.
    SLOW_MS = 1000

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        level = logging.WARNING if response.status_code >= 500 or elapsed_ms >= self.SLOW_MS else logging.INFO
        if request_log.isEnabledFor(level):
            request_log.log(
                level,
                "%s %s %s %.1fms cache=%s",
                request.method,
                request.get_full_path()[:300],
                response.status_code,
                elapsed_ms,
                getattr(request, "page_cache", "-"),
            )
        return response


class HealthzMiddleware:
    """Right below SecurityMiddleware (its https redirect and HSTS still apply): /healthz answers
    before the rest of the stack runs. Liveness is "the process answers", and a probe every few
    seconds should cost no more than Django itself (newsroom/health.py has /readyz, which checks
    the database and the cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)  # the same view the URLconf routes, without the stack below
        return self.get_response(request)


# What is worth compressing: text. Pictures are compressed already, and WhiteNoise serves static
# files with their own precompressed copies (Content-Encoding set, so they are left alone).
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml",
                "application/json", "application/ld+json", "application/javascript")  # fmt: skip


class CompressionMiddleware:
    """Outermost: gzip for clients that accept it, when no proxy in front does it (settings
    NEWSROOM_COMPRESSION; docs/deploy.md says where compression belongs).

    Above the page cache, so the cache keeps one uncompressed copy for every reader and this adds
    `Vary: Accept-Encoding` to every answer. A public page (one with the page cache's ETag) is
    compressed once per version and kept here: a cached hit then costs a dictionary lookup, not a
    gzip (210 µs for the front page). Other responses (the admin, with its CSRF tokens) go through
    Django's GZipMiddleware, random padding against BREACH included. A client that asks for no
    compression costs a header check and the Vary header (a few µs: the benchmark's path)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.django_gzip = GZipMiddleware(get_response)
        self.compressed = LocalCopies(max_entries=500)

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.NEWSROOM_COMPRESSION or "Content-Encoding" in response:
            return response
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        etag = response.get("ETag")
        if not etag or response.streaming or "public" not in response.get("Cache-Control", ""):
            return self.django_gzip.process_response(request, response)
        if "Vary" in response:
            patch_vary_headers(response, ("Accept-Encoding",))
        else:
            response["Vary"] = "Accept-Encoding"
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        # The ETag is a hash of the content: one compressed copy per version of the page. No
        # random padding: a public page carries nothing secret for BREACH to find.
        compressed = self.compressed.get(etag)
        if compressed is None:
            compressed = compress_string(response.content)
            self.compressed.set(etag, compressed)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        if etag.startswith('"'):
            response["ETag"] = "W/" + etag  # RFC 9110: another representation, a weak validator
        response["Content-Encoding"] = "gzip"
        return response


# No address of ours comes near this (a search is cut at 100 characters); browsers and proxies
# manage about 2,000. gunicorn lets request lines up to 8,190 through (gunicorn.conf.py), so a
# longer address gets this site's page, not gunicorn's bare 400.
MAX_ADDRESS_LENGTH = 2000


class LongAddressMiddleware:
    """Above the page cache: an address longer than MAX_ADDRESS_LENGTH is answered with the
    site's own 414 page before any cache, database or view spends work on it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.path_info) + len(request.META.get("QUERY_STRING", "")) > MAX_ADDRESS_LENGTH:
            request._kept_counter = None  # the page's parts render fresh: no cache or database read
            response = HttpResponse(render_to_string("414.html", request=request), status=414)
            patch_cache_control(response, no_cache=True)
            return response
        return self.get_response(request)


class LowerCaseAddressMiddleware:
    """Just above the redirects app's fallback: a GET that found nothing at an address with
    capitals ("/clubs/Napoli/") is sent, once, to the same address in lower case, if the site has
    such a route. Slugs are lower case; readers and other sites type them otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if response.status_code != 404 or request.method not in ("GET", "HEAD") or path == path.lower():
            return response
        try:
            resolve(path.lower())
        except Resolver404:
            return response
        query = request.META.get("QUERY_STRING", "")
        prefix = request.path[: len(request.path) - len(path)]  # SCRIPT_NAME, when mounted below /
        return HttpResponsePermanentRedirect(prefix + path.lower() + (f"?{query}" if query else ""))


_static_policy = None


def _forget_policy(setting, **kwargs):
    global _static_policy
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _static_policy = None


setting_changed.connect(_forget_policy)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the policy built once: ours has no nonce and no report-only
    policy, so unless a response asks for changes (`_csp_update`, as below) the header is the same
    string every time, and django-csp would rebuild it twice per response."""

    def process_response(self, request, response):
        global _static_policy
        plain = getattr(request, "_csp_nonce", None) is None and not any(
            getattr(response, name, None)
            for name in ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
                         "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
        )  # fmt: skip
        if plain and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
            if CSP_HEADER not in response and not request.path_info.startswith(
                tuple(policy.get("EXCLUDE_URL_PREFIXES") or ())
            ):
                if _static_policy is None:
                    _static_policy = build_policy()
                response[CSP_HEADER] = _static_policy
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, and the CSP hash of any import map we rendered.

    django-prose-editor declares its ES modules in an inline <script type="importmap">. An import
    map runs no code (every module it names must still pass script-src 'self'), so allowing the
    exact map our own page contains, by hash, keeps 'unsafe-inline' out of script-src.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and b'type="importmap"' in response.content
        ):
            hashes = [
                f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
                for body in IMPORT_MAP.findall(response.content)
            ]
            if hashes:
                response._csp_update = {"script-src": hashes}
        return response


class PrimaryDatabaseMiddleware:
    """Pin editors, the admin and every write to the primary database (see newsroom/routers.py)."""

    SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        if (
            request.method not in self.SAFE_METHODS
            or request.path_info.startswith(self.admin_prefix)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            with use_primary():
                return self.get_response(request)
        return self.get_response(request)


def is_database_unavailable(exc):
    return isinstance(exc, OperationalError | InterfaceError)


def database_unavailable(request=None):
    """The 503 page: rendered without a request context, so it needs no database at all."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that loses the database answers 503 at once, in the site's design."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        if is_database_unavailable(exc):
            error_log.error("database unavailable: %s %s: %s", request.method, request.path, exc)
            return database_unavailable(request)
        return None


def server_error(request, template_name="500.html"):
    """handler500: a database lost outside any view (in a middleware) still gets the 503 page."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)
