"""Cache access that never raises: a cache server that is down is the same as an empty cache.

Every read and write of the page cache, the fragments and the tag versions goes through here, so
with Redis gone the site renders from the database instead of answering 500.
"""

import logging
import time

from django.core.cache import cache
from django.core.signals import setting_changed

log = logging.getLogger(__name__)

# After a failure the cache is left alone this long: a server that hangs cost every request one
# socket timeout per cache call (five calls, two and a half seconds) instead of one.
BREAK_SECONDS = 2.0
_broken_until = 0.0
# Whether a call failed since purges.py last compared the cache with the purge clock: a cache
# that was unreachable may have missed purges.
_failed = False


class CacheUnavailable(Exception):
    """The shared cache did not answer; callers render from the database instead."""


def call(method, *args, **kwargs):
    """`cache.<method>(...)`, raising CacheUnavailable for any backend error, and at once for
    BREAK_SECONDS after one."""
    global _broken_until, _failed
    if time.monotonic() < _broken_until:
        raise CacheUnavailable(f"cache {method} skipped: it failed less than {BREAK_SECONDS} s ago")
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 — any backend error (connection, timeout) means "no cache"
        log.warning("cache %s failed: %s", method, exc)
        _broken_until = time.monotonic() + BREAK_SECONDS
        _failed = True
        raise CacheUnavailable from exc


def failed_since_check():
    return _failed


def checked():
    """The cache was compared with the purge clock: earlier failures are accounted for."""
    global _failed
    _failed = False


def forget_failures(**kwargs):
    """A new cache configuration (or a test's fresh start): nothing failed yet."""
    global _broken_until, _failed
    _broken_until, _failed = 0.0, False


setting_changed.connect(forget_failures)


def quietly(method, *args, **kwargs):
    """`call()`, with None for an unavailable cache."""
    try:
        return call(method, *args, **kwargs)
    except CacheUnavailable:
        return None
