"""Kept copies of rendered parts of pages, fresh exactly as long as what they show is unchanged.

A fragment is kept under a name that says which thing it renders ("card:list:5"), with the
versions of the cache tags its render showed (purges.py). It stays fresh until one of those tags
is purged, or until a time given when it was kept (the next scheduled publication, for lists), so
editing one club leaves every fragment that does not show that club warm.

Two levels: this process's memory (no pickling, no round trip), then the shared cache. Checking a
copy costs nothing while the purge counter has not moved since it was last checked; after a purge
it costs one read of its tags' versions. A copy whose render overlapped a purge is not kept: it may
hold rows from before the change under versions from after it.

Off for editors (who bypass the page cache) and with NEWSROOM_FRAGMENT_CACHE=0; with the cache
down every fragment is rendered from the database.
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings

from . import purges, store


def _config(name):
    return settings.NEWSROOM_CACHE[name]


@dataclass
class Kept:
    value: object
    versions: dict  # tag -> version when the value was made
    checked: int  # the purge counter at which `versions` were last confirmed current
    fresh_until: float | None = None  # epoch seconds; None for "until a purge"

    def expired(self, now=None):
        return self.fresh_until is not None and (now or time.time()) >= self.fresh_until


class LocalCopies:
    """A bounded, thread-safe, least-recently-used dict: this process's level."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key, value):
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()


local_copies = LocalCopies(max_entries=5_000)


# ---------------------------------------------------------------------------------------------
# This request's counter


def request_counter(request):
    """The purge counter this request checks copies against, or None: render everything."""
    if request is not None and hasattr(request, "_kept_counter"):
        return request._kept_counter
    counter = None
    personal = getattr(request, "page_cache", None) == "bypass"
    if _config("FRAGMENTS_ENABLED") and not personal:
        try:
            counter = purges.current_counter()
        except store.CacheUnavailable:
            counter = None
    if request is not None:
        request._kept_counter = counter
    return counter


def still_fresh(entries, counter):
    """Which of {name: Kept} are fresh at `counter`: one read of versions for all of them."""
    now = time.time()
    fresh, to_check = {}, {}
    for name, kept in entries.items():
        if kept.expired(now):
            continue
        if kept.checked == counter:
            fresh[name] = kept
        else:
            to_check[name] = kept
    if to_check:
        wanted = set().union(*(kept.versions for kept in to_check.values()))
        try:
            _, current = purges.read_versions(sorted(wanted))
        except store.CacheUnavailable:
            return fresh
        for name, kept in to_check.items():
            if all(current.get(tag) == version for tag, version in kept.versions.items()):
                kept.checked = counter  # later checks at this counter cost nothing
                fresh[name] = kept
    return fresh


# ---------------------------------------------------------------------------------------------
# Reading and keeping


# Part of every shared key: bump it when what a kept value holds changes shape, so processes of a
# new release never read the old release's values (they would simply be misses).
KEPT_FORMAT = 2


def _shared_key(name):
    return f"kept{KEPT_FORMAT}:{name}"


def get_many(request, names, show=True):
    """{name: value} of the fresh kept copies among `names`; each one's tags are shown."""
    counter = request_counter(request)
    if counter is None or not names:
        return {}
    entries = {}
    wanted = []
    for name in names:
        kept = local_copies.get(name)
        if kept is not None:
            entries[name] = kept
        else:
            wanted.append(name)
    if wanted:
        shared = store.quietly("get_many", [_shared_key(name) for name in wanted]) or {}
        for name in wanted:
            kept = shared.get(_shared_key(name))
            if kept is not None:
                entries[name] = kept
                local_copies.set(name, kept)
    fresh = still_fresh(entries, counter)
    if show:
        for kept in fresh.values():
            purges.shows(*kept.versions)
    return {name: kept.value for name, kept in fresh.items()}


def keep_many(request, made, fresh_until=None):
    """Keep {name: (value, tags)} made during this request, unless a purge overlapped it."""
    counter = request_counter(request)
    if counter is None or not made:
        return
    wanted = set().union(*(tags for _, tags in made.values())) | {purges.EVERYTHING}
    try:
        now_counter, versions = purges.read_versions(sorted(wanted))
    except store.CacheUnavailable:
        return
    if now_counter != counter:
        return  # something changed while this request rendered: don't keep what it made
    values = {}
    for name, (value, tags) in made.items():
        kept = Kept(value, {tag: versions[tag] for tag in {*tags, purges.EVERYTHING}}, counter, fresh_until)
        local_copies.set(name, kept)
        values[_shared_key(name)] = kept
    store.quietly("set_many", values, _config("FRAGMENT_SECONDS"))


def kept(request, name, render, tags=(), fresh_until=None):
    """`render()`, or its kept copy. The tags are what the value shows beyond what its render
    says with `purges.shows()`; both are recorded."""
    found = get_many(request, [name])
    if name in found:
        return found[name]
    with purges.collecting() as shown:
        purges.shows(*tags)
        value = render()
    keep_many(request, {name: (value, shown)}, fresh_until)
    return value


# ---------------------------------------------------------------------------------------------
# Lists change by themselves when a scheduled report's time comes

_next_change_sources = []


def register_next_change(source):
    """`source()` gives the epoch time at which lists change by themselves (the next scheduled
    publication), or None; the editorial app registers it. Its answer is kept under the tag
    "schedule", which the changes that move it purge."""
    _next_change_sources.append(source)


def next_change(request):
    """The earliest time a registered source says lists change by themselves, or None."""
    if request is not None and hasattr(request, "_next_change"):
        return request._next_change

    # Not shown on the page: the page's lifetime is capped by this time instead, so saving an
    # article (which purges "schedule") does not make every page cold.
    found = get_many(request, ["next-change"], show=False)
    if "next-change" in found:
        value = found["next-change"]
    else:
        with purges.collecting(isolated=True) as shown:
            purges.shows("schedule")
            times = [t for t in (source() for source in _next_change_sources) if t]
            value = min(times) if times else 0
        # Kept until the moment passes (then the one after is looked up) or a purge moves it.
        keep_many(request, {"next-change": (value, shown)}, fresh_until=value or None)
    if request is not None:
        request._next_change = value or None
    return value or None


def kept_list(request, name, compute, tags):
    """`compute()` for a list drawn from the archive (related reports, a page count): kept until
    one of `tags` is purged or the next scheduled report comes out."""
    if request_counter(request) is None:
        return compute()  # nothing is kept: no need to know when it would go stale
    return kept(request, "list:" + name, compute, tags=tags, fresh_until=next_change(request))
