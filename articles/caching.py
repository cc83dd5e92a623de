"""The page cache: anonymous readers get public pages from the cache, and the cache never lies.

How it stays truthful:

- **One content generation.** Every save or delete of any model in this app, and every change to
  its many-to-many rows, writes a new value under GENERATION_KEY (the receivers at the bottom).
  A stored page remembers the generation it was rendered under and is only fresh while that is
  still the current one, so one write invalidates every page at once: front, article, club,
  player, competition, author, feeds, sitemaps, search. Bulk `QuerySet.update()` and
  `bulk_create()` send no signals: code using them calls `bump_generation()` itself.
- **Scheduled articles need no job.** A page's lifetime is capped at the next scheduled
  publication time (looked up once per generation), so the page that should show it is rebuilt
  at that moment.
- **Only anonymous requests** (no session or messages cookie) are served from or stored in the
  cache, and only 200 responses without Set-Cookie and without private/no-store, so an editor's
  preview or a session cookie can never be stored.
- **One rebuild per key.** When a page expires, the first request takes a lock (`cache.add`) and
  renders; the others get the expired copy if only time made it old, or wait briefly for the
  rebuild if the content changed under it.
- **A lost cache is a miss.** Every cache call is wrapped: with Redis down, pages render from
  the database.
"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from newsroom.routers import use_primary

log = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
# The fragments' clock (articles/fragments.py): what many articles show has changed.
SHARED_GENERATION_KEY = "shared-generation"
CACHEABLE_NAMESPACES = {"articles"}
# Cookies that mean the page may differ for this reader: a session (editors) or pending messages.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def _config(name):
    return settings.NEWSROOM_CACHE[name]


# ---------------------------------------------------------------------------------------------
# Cache access that never raises: a cache server that is down is the same as an empty cache.


class CacheUnavailable(Exception):
    pass


def _call(method, *args, **kwargs):
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 — any backend error (connection, timeout) means "no cache"
        log.warning("cache %s failed: %s", method, exc)
        raise CacheUnavailable from exc


def _quietly(method, *args, **kwargs):
    try:
        return _call(method, *args, **kwargs)
    except CacheUnavailable:
        return None


# ---------------------------------------------------------------------------------------------
# The content generation


def _new_generation():
    # The time in nanoseconds: never repeats an earlier value (even after Redis restarts empty),
    # and tells the page cache how long ago content last changed.
    return time.time_ns()


def current_generation(key=GENERATION_KEY):
    """The current value of a generation (the pages', or the fragments' SHARED_GENERATION_KEY),
    creating one if the cache has none. Raises CacheUnavailable."""
    generation = _call("get", key)
    if generation is None:
        _call("add", key, _new_generation(), None)
        generation = _call("get", key)
    return generation


def _bump(*keys):
    # Now and again when the transaction commits: a page rebuilt between the two would otherwise
    # be stored, under the new generation, with data from before the commit.
    def bump():
        _quietly("set_many", dict.fromkeys(keys, _new_generation()), None)

    bump()
    transaction.on_commit(bump)


def bump_generation(**kwargs):
    """Mark every cached page and fragment (articles/fragments.py) as out of date. Never raises.

    Bulk writes (`QuerySet.update()`, `bulk_create()`) send no signals: code using them calls this.
    """
    if kwargs.get("raw"):
        return  # loaddata (restore) saves row by row, then bumps once itself
    _bump(GENERATION_KEY, SHARED_GENERATION_KEY)


def _bump_pages(**kwargs):
    """Receiver for every content change: every page is out of date. (Fragments have receivers of
    their own in articles/fragments.py, which only move what the change touched.)"""
    if not kwargs.get("raw"):
        _bump(GENERATION_KEY)


_next_publication_here = {}


def next_publication(generation):
    """The time (epoch seconds) of the next scheduled article, or None; cached per generation."""
    from .models import Article

    key = f"next-publication:{generation}"
    now = time.time()
    # The answer for a generation only changes when its time passes, so each process keeps its
    # own copy too: one round trip to the cache fewer on every request that needs it.
    cached = _next_publication_here.get(generation)
    if cached is None:
        cached = _quietly("get", key)
    if cached is not None and (cached == 0 or cached > now):
        _next_publication_here.clear()
        _next_publication_here[generation] = cached
        return cached or None
    moment = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .aggregate(next=Min("published_at"))["next"]
    )  # fmt: skip
    value = moment.timestamp() if moment else 0
    # Kept until it passes (then the one after is looked up); a new generation replaces it anyway.
    _quietly("set", key, value, max(1, int(value - now)) if value else _config("PAGE_SECONDS"))
    _next_publication_here.clear()
    _next_publication_here[generation] = value
    return value or None


# ---------------------------------------------------------------------------------------------
# The middleware


@dataclass
class StoredPage:
    generation: int
    fresh_until: float
    response: HttpResponse


class PageCacheMiddleware:
    """Serve and store anonymous GETs of the public pages (the `articles` URL namespace)."""

    def __init__(self, get_response):
        self.get_response = get_response

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
            return self._render(request, fresh_until=None)

        key = "page:" + hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
        lock_key = key + ":lock"
        try:
            found = _call("get_many", [GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or current_generation()
        except CacheUnavailable:
            request.page_cache = "down"
            return self._render(request, fresh_until=None)

        stored = found.get(key)
        if stored and stored.generation == generation and time.time() < stored.fresh_until:
            return self._serve(request, stored, "hit")

        locked = _quietly("add", lock_key, 1, _config("LOCK_SECONDS"))
        if locked is None:
            # The cache went away between the two calls: don't wait on it, just render.
            request.page_cache = "down"
            return self._render(request, fresh_until=None)
        if not locked:
            if stored and stored.generation == generation:
                # Only time made it old: serve it while the lock holder rebuilds.
                return self._serve(request, stored, "stale")
            rebuilt = self._wait_for_rebuild(key, generation)
            if rebuilt:
                return self._serve(request, rebuilt, "wait")
        try:
            return self._rebuild(request, key, generation)
        finally:
            if locked:
                _quietly("delete", lock_key)

    def _cacheable_request(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if any(name in request.COOKIES for name in PERSONAL_COOKIES):
            return False
        try:
            return resolve(request.path_info).namespace in CACHEABLE_NAMESPACES
        except Resolver404:
            return False

    def _wait_for_rebuild(self, key, generation):
        deadline = time.monotonic() + _config("WAIT_SECONDS")
        while time.monotonic() < deadline:
            time.sleep(0.05)
            stored = _quietly("get", key)
            if stored and stored.generation == generation:
                return stored
        return None

    def _rebuild(self, request, key, generation):
        request.page_cache = "miss"
        started = time.time()
        try:
            upcoming = next_publication(generation)
        except DatabaseError:
            # The view will meet the same database and answer 503; store nothing.
            upcoming = started
        fresh_until = started + _config("PAGE_SECONDS")
        if upcoming:
            fresh_until = min(fresh_until, upcoming)
        # Just after a change a replica may not have it yet: rebuild from the primary.
        if started - generation / 1e9 < _config("REPLICA_LAG_SECONDS"):
            with use_primary():
                response = self._render(request, fresh_until)
        else:
            response = self._render(request, fresh_until)
        if request.method == "GET" and self._storable(response) and fresh_until - started >= 1:
            _quietly("set", key, StoredPage(generation, fresh_until, response),
                     int(fresh_until - started) + _config("STALE_SECONDS"))  # fmt: skip
        return response

    def _render(self, request, fresh_until):
        response = self.get_response(request)
        if self._storable(response):
            response["Last-Modified"] = http_date()
            set_response_etag(response)
            self._set_lifetime(response, fresh_until)
        elif "Cache-Control" not in response:
            # A 404 for a report not yet published must not be kept by a CDN that caches 404s.
            patch_cache_control(response, no_cache=True)
        return response

    def _serve(self, request, stored, outcome):
        request.page_cache = outcome
        response = stored.response
        self._set_lifetime(response, stored.fresh_until if outcome != "stale" else None)
        return response

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
    def _set_lifetime(response, fresh_until):
        """Cache-Control for browsers and CDNs, never past the next scheduled publication."""
        remaining = max(0, int(fresh_until - time.time())) if fresh_until else 0
        patch_cache_control(
            response,
            public=True,
            max_age=min(_config("BROWSER_SECONDS"), remaining),
            s_maxage=min(_config("CDN_SECONDS"), remaining),
            stale_while_revalidate=_config("STALE_SECONDS"),
        )


# ---------------------------------------------------------------------------------------------
# Invalidation: any change to this app's content starts a new generation.


def _bump_on_m2m(sender, action, **kwargs):
    if action.startswith("post_") and sender._meta.app_label == "articles":
        _bump_pages()


# Bookkeeping of the editing workflow that no public page shows: a heartbeat every few seconds
# must not empty the page cache.
NOT_ON_PAGES = {"EditingSession", "SaveReceipt"}


def connect_receivers(app_config):
    for model in app_config.get_models():
        if model.__name__ in NOT_ON_PAGES:
            continue
        post_save.connect(_bump_pages, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
        post_delete.connect(_bump_pages, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")
    m2m_changed.connect(_bump_on_m2m, dispatch_uid="page-cache-m2m")
