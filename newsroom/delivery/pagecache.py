"""The page cache: anonymous readers get public pages from the cache, and the cache never lies.

How it stays truthful:

- **A page is kept with the tags of what it showed** (purges.py): every fragment and list the
  view used says what it shows, the page records the versions of those tags, and it is fresh until
  one of them is purged. Editing one club leaves every page that does not show it warm. The same
  tags go out in `Surrogate-Key`, so Varnish or a CDN purges exactly the same pages.
- **Lists change by themselves** when a scheduled report's time comes: a page's lifetime is
  capped at that time (fragments.next_change()), so no job is needed.
- **Only anonymous requests** (no session or messages cookie) are served from or stored in the
  cache, and only 200 responses without Set-Cookie and without private/no-store, so an editor's
  preview or a session cookie can never be stored.
- **One rebuild per key.** When a page goes cold, the first request takes a lock (`cache.add`) and
  renders; the others get the old copy if only time made it old, or wait briefly for the rebuild
  if what it shows changed.
- **Two levels**, this process's memory and the shared cache, checked against the purge counter:
  a hit on a site that is not changing costs one cache read.
- **A lost cache is a miss.** With Redis down, pages render from the database.
"""

import functools
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from newsroom.routers import use_primary

from . import fragments, purges, store
from .fragments import Kept, LocalCopies

# Cookies that mean the page may differ for this reader: a session (editors) or pending messages.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
TAGS_HEADER = "Surrogate-Key"

local_pages = LocalCopies(max_entries=1_000)


def _config(name):
    return settings.NEWSROOM_CACHE[name]


@dataclass
class StoredPage:
    """What is kept of a response: enough to build a new one for each reader."""

    status: int
    headers: dict
    content: bytes

    @classmethod
    def of(cls, response):
        return cls(response.status_code, dict(response.items()), response.content)

    def response(self):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers.items():
            response[name] = value
        return response


def _tags_header(tags):
    return " ".join(sorted(tags))


class PageCacheMiddleware:
    """Serve and store anonymous GETs of the public pages (the NEWSROOM_CACHE["NAMESPACES"])."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.namespaces = set(_config("NAMESPACES"))

    def __call__(self, request):
        if not self._cacheable_request(request):
            request.page_cache = "bypass"
            response = self.get_response(request)
            if "Cache-Control" not in response:
                # A logged-in reader's copy must never be kept by a CDN or shared cache.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if not _config("ENABLED"):
            request.page_cache = "off"
            return self._render(request)

        key = "page:" + hashlib.sha256(
            f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode()
        ).hexdigest()
        try:
            counter = purges.current_counter()
        except store.CacheUnavailable:
            request.page_cache = "down"
            request._kept_counter = None
            return self._render(request)
        request._kept_counter = counter  # the fragments check against the same counter

        entry = local_pages.get(key)
        if entry is None:
            entry = store.quietly("get", key)
            if entry is not None:
                local_pages.set(key, entry)
        if entry is not None and fragments.still_fresh({key: entry}, counter):
            return self._serve(request, entry, "hit")

        lock_key = key + ":lock"
        locked = store.quietly("add", lock_key, 1, _config("LOCK_SECONDS"))
        if locked is None:
            # The cache went away between the two calls: don't wait on it, just render.
            request.page_cache = "down"
            return self._render(request)
        if not locked:
            if entry is not None and self._only_time_made_it_old(entry):
                return self._serve(request, entry, "stale")
            rebuilt = self._wait_for_rebuild(key, counter)
            if rebuilt:
                return self._serve(request, rebuilt, "wait")
        try:
            return self._rebuild(request, key, counter)
        finally:
            if locked:
                store.quietly("delete", lock_key)

    def _cacheable_request(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if any(name in request.COOKIES for name in PERSONAL_COOKIES):
            return False
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return False  # SecurityMiddleware, below, redirects it to https
        return self._public_path(request.path_info)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 — one middleware per process; paths repeat
    def _public_path(self, path):
        """Is `path` in one of the cached URL namespaces? resolve() costs ~10 µs; paths repeat."""
        try:
            return resolve(path).namespace in self.namespaces
        except Resolver404:
            return False

    @staticmethod
    def _only_time_made_it_old(entry):
        try:
            return purges.unchanged(entry.versions)
        except store.CacheUnavailable:
            return False

    def _wait_for_rebuild(self, key, counter):
        deadline = time.monotonic() + _config("WAIT_SECONDS")
        while time.monotonic() < deadline:
            time.sleep(0.05)
            entry = store.quietly("get", key)
            if entry is not None and not entry.expired() and self._only_time_made_it_old(entry):
                local_pages.set(key, entry)
                return entry
        return None

    def _rebuild(self, request, key, counter):
        request.page_cache = "miss"
        started = time.time()
        # A database that is gone is gone for the view too: letting it try again cost a second
        # connect timeout before the 503 (handler500 answers the site's 503 page for this error).
        upcoming = fragments.next_change(request)
        fresh_until = started + _config("PAGE_SECONDS")
        if upcoming:
            fresh_until = min(fresh_until, upcoming)
        # Just after a change a replica may not have it yet: rebuild from the primary.
        if started - counter / 1e9 < _config("REPLICA_LAG_SECONDS"):
            with use_primary(), purges.collecting() as shown:
                response = self._render(request, fresh_until, shown)
        else:
            with purges.collecting() as shown:
                response = self._render(request, fresh_until, shown)
        if purges.LIVE in shown and self._storable(response):
            # It shows a match in play: kept for seconds, here and at the edge.
            fresh_until = min(fresh_until, started + _config("LIVE_SECONDS"))
            self._set_lifetime(response, fresh_until)
        if request.method == "GET" and self._storable(response) and fresh_until - started >= 1:
            self._store(key, response, shown, counter, fresh_until)
        return response

    def _store(self, key, response, shown, counter, fresh_until):
        wanted = sorted({*shown, purges.EVERYTHING})
        try:
            now_counter, versions = purges.read_versions(wanted)
        except store.CacheUnavailable:
            return
        if now_counter != counter:
            return  # a purge overlapped this render: it may show rows from before the change
        entry = Kept(StoredPage.of(response), versions, counter, fresh_until)
        local_pages.set(key, entry)
        store.quietly("set", key, entry, int(fresh_until - time.time()) + _config("STALE_SECONDS"))

    def _render(self, request, fresh_until=None, shown=None):
        if shown is None:
            with purges.collecting() as shown:
                response = self.get_response(request)
        else:
            response = self.get_response(request)
        if self._storable(response):
            response["Last-Modified"] = http_date()
            set_response_etag(response)
            response[TAGS_HEADER] = _tags_header({*shown, purges.EVERYTHING})
            self._set_lifetime(response, fresh_until)
        elif "Cache-Control" not in response:
            # A 404 for a report not yet published must not be kept by a CDN that caches 404s.
            patch_cache_control(response, no_cache=True)
        return response

    def _serve(self, request, entry, outcome):
        request.page_cache = outcome
        response = entry.value.response()
        # The stored Cache-Control was ours (_set_lifetime): replaced whole, not parsed and patched.
        lifetime = self._lifetime(entry.fresh_until if outcome != "stale" else None)
        directives = ", ".join(f"{name}={value}" for name, value in lifetime.items())
        response["Cache-Control"] = f"public, {directives}"
        # Outermost, so ConditionalGetMiddleware never sees a hit: answer If-None-Match and
        # If-Modified-Since here, as it would.
        if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )

    @staticmethod
    def _storable(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )

    @staticmethod
    def _lifetime(fresh_until):
        """Cache-Control for browsers and CDNs, never past the next scheduled publication."""
        remaining = max(0, int(fresh_until - time.time())) if fresh_until else 0
        return {
            "max-age": min(_config("BROWSER_SECONDS"), remaining),
            "s-maxage": min(_config("CDN_SECONDS"), remaining),
            "stale-while-revalidate": _config("STALE_SECONDS"),
        }

    @classmethod
    def _set_lifetime(cls, response, fresh_until):
        """Our lifetime on a fresh response, keeping any other directive its view set."""
        lifetime = {name.replace("-", "_"): value for name, value in cls._lifetime(fresh_until).items()}
        patch_cache_control(response, public=True, **lifetime)
