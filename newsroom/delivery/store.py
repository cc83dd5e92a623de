"""Cache access that never raises: a cache server that is down is the same as an empty cache.

Every read and write of the page cache, the fragments and the tag versions goes through here, so
with Redis gone the site renders from the database instead of answering 500.
"""

import logging

from django.core.cache import cache

log = logging.getLogger(__name__)


class CacheUnavailable(Exception):
    """The shared cache did not answer; callers render from the database instead."""


def call(method, *args, **kwargs):
    """`cache.<method>(...)`, raising CacheUnavailable for any backend error."""
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 — any backend error (connection, timeout) means "no cache"
        log.warning("cache %s failed: %s", method, exc)
        raise CacheUnavailable from exc


def quietly(method, *args, **kwargs):
    """`call()`, with None for an unavailable cache."""
    try:
        return call(method, *args, **kwargs)
    except CacheUnavailable:
        return None
