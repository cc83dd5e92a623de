"""What a change purges: cache tags, their versions, and the registry that says which model
purges which tags.

- **Tags name what a page shows**: `article-5`, `club-12`, `player-40`, `match-7`, and lists such
  as `list-front` or `list-club-12` (which reports a list holds). While a page or a fragment
  renders, the code that reads a thing calls `shows(tag)`; the page cache and the fragments record
  the tags with the copy they keep, and every public response carries them in `Surrogate-Key`.
- **Each tag has a version** in the shared cache. A kept copy is fresh while every tag it recorded
  still has the version it had when the copy was made. `purge(tags)` gives those tags new
  versions, so exactly the copies that showed what changed go cold, in every process sharing the
  cache, and the edge (Varnish, a CDN: `edge.py`) is told the same tags once the change commits.
- **A purge counter** moves with every purge. A copy checked at the current counter is fresh
  without reading its tags again: on a site that is not changing, a hit costs one cache read.
- **The purge clock** in the database (`PurgeClock`) keeps the newest purge's version, because
  the cache can lose its counter and versions: restarted from an old snapshot, or unreachable
  while a purge was sent. A process compares the cache's counter with the clock when it has a
  reason to doubt the cache (its cache calls failed, the counter went backwards, or
  CLOCK_SECONDS passed); a counter behind the clock means purges were lost, and every kept copy
  goes cold at once.
- **Each model declares its tags beside itself**: `register(Club, lambda club: {...})` in the
  model's module. The registry connects the signals (saves and deletes, and many-to-many changes
  for `register_m2m`), so a change made by any code path (the admin, taggit's manager, a command)
  purges. Bulk writes (`update()`, `bulk_create()`), which send no signals, call `purge()`
  themselves; `purge_everything()` is for commands that rewrite the archive.
- Models no public page shows say so with `not_on_pages()`; a test checks that every model of the
  content apps is one or the other.
"""

import contextvars
import logging
import re
import time
from contextlib import contextmanager
from types import SimpleNamespace

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from . import changes, edge, store
from .models import PurgeClock

log = logging.getLogger(__name__)

COUNTER_KEY = "purge-counter"
# Shown by whatever shows a match in play (a card's score, a match box, a live blog): the page
# cache keeps such a page for LIVE_SECONDS, not PAGE_SECONDS, and tells the edge the same. Its
# entries and goals purge it sooner still; the short life is for a CDN that cannot be purged.
LIVE = "live"
# Recorded by every kept page and fragment: purge_everything() makes them all cold at once.
EVERYTHING = "site"
_VALID_TAG = re.compile(r"^[a-z0-9][a-z0-9_:-]{0,99}$")


def tag(kind, pk):
    """The tag of one thing: tag("club", 12) == "club-12"."""
    return f"{kind}-{pk}"


def tags(kind, pks):
    return {f"{kind}-{pk}" for pk in pks if pk is not None}


# ---------------------------------------------------------------------------------------------
# What a render shows

_collectors = contextvars.ContextVar("newsroom_cache_tag_collectors", default=())


@contextmanager
def collecting(isolated=False):
    """Collect the tags shown by the code inside. Nested collectors each get every tag, unless
    `isolated`: then the outer ones get none (for values that do not end up on the page)."""
    collected = set()
    token = _collectors.set(((() if isolated else _collectors.get())) + (collected,))
    try:
        yield collected
    finally:
        _collectors.reset(token)


def shows(*tags):
    """Say that what is being rendered shows these things (or lists)."""
    for collected in _collectors.get():
        collected.update(tags)


# ---------------------------------------------------------------------------------------------
# Versions


def _new_version():
    # Nanoseconds: never repeats an earlier value, even after an empty Redis restarts; and past
    # every counter this process has seen, so a host whose clock runs a little behind another's
    # still moves the counter forwards.
    return max(time.time_ns(), _clock.highest + 1)


def _key(tag):
    return "tag:" + tag


def current_counter():
    """The purge counter, once it is known the cache has lost no purge (see the purge clock
    below). Raises store.CacheUnavailable."""
    value = store.call("get", COUNTER_KEY)
    if value is None:
        store.call("add", COUNTER_KEY, _new_version(), None)
        value = store.call("get", COUNTER_KEY)
    return _checked_against_clock(value)


def read_versions(tags):
    """(counter, {tag: version}) for these tags, giving a first version to a tag never seen.
    Raises store.CacheUnavailable."""
    keys = [COUNTER_KEY, *(_key(tag) for tag in tags)]
    found = store.call("get_many", keys)
    missing = [key for key in keys if key not in found]
    if missing:
        # add(), not set(): a purge that raced us must not be overwritten by an older version.
        for key in missing:
            store.call("add", key, _new_version(), None)
        found.update(store.call("get_many", missing))
    counter = found.get(COUNTER_KEY, 0)
    return counter, {tag: found.get(_key(tag)) for tag in tags}


def unchanged(versions):
    """True while every tag still has the version recorded. Raises store.CacheUnavailable."""
    if not versions:
        return True
    found = store.call("get_many", [_key(tag) for tag in versions])
    return all(found.get(_key(tag)) == version for tag, version in versions.items())


def _bump(tags):
    new = max(_new_version(), (store.quietly("get", COUNTER_KEY) or 0) + 1)
    _clock.highest = max(_clock.highest, new)
    store.quietly("set_many", {**{_key(tag): new for tag in tags}, COUNTER_KEY: new}, None)
    return new


# ---------------------------------------------------------------------------------------------
# The purge clock: what the database knows of the newest purge, which no cache can lose

# This process's view: when it last compared the cache with the clock, and the highest counter
# it has seen or set. A new process counts as having looked when it started: looking at once
# cost its first request a second connect timeout when the database hung, and a restart with an
# old cache is what the periodic look is for.
_clock = SimpleNamespace(checked_at=time.monotonic(), highest=0)


def _record_on_clock(version):
    """After a change committed: the clock moves to its purge's version (never back)."""
    try:
        if not PurgeClock.objects.filter(pk=1, version__lt=version).update(version=version):
            # Already as far (a purge that raced this one), or no row: a flushed database.
            PurgeClock.objects.get_or_create(pk=1, defaults={"version": version})
    except DatabaseError as exc:  # a purge never raises; the cache has been told already
        log.warning("could not move the purge clock: %s", exc)


def _doubts(counter):
    seconds = settings.NEWSROOM_CACHE.get("CLOCK_SECONDS", 30)
    return (
        store.failed_since_check()
        or counter < _clock.highest
        or time.monotonic() - _clock.checked_at > seconds
    )


def _checked_against_clock(counter):
    if not _doubts(counter):
        _clock.highest = max(_clock.highest, counter)
        return counter
    _clock.checked_at = time.monotonic()  # whatever the answer: at most one look per period
    try:
        clock = PurgeClock.objects.filter(pk=1).values_list("version", flat=True).first() or 0
    except DatabaseError:
        return counter  # no database to ask: pages already kept are all there is to serve
    store.checked()
    if counter >= clock:
        _clock.highest = max(_clock.highest, counter)
        return counter
    # Restarted from an old snapshot, or a purge sent while it was unreachable never arrived:
    # what the cache keeps may predate changes. Everything kept records EVERYTHING.
    log.warning("the shared cache is behind the purge clock (%s < %s): all copies go cold", counter, clock)
    _bump({EVERYTHING})
    return store.call("get", COUNTER_KEY)


def trust_the_cache():
    """The cache and the clock agree as of now (tests start each case with empty caches)."""
    _clock.checked_at = time.monotonic()
    _clock.highest = 0
    store.forget_failures()


def doubt_the_cache():
    """As when CLOCK_SECONDS have passed: the next counter read compares the cache with the clock."""
    _clock.checked_at = float("-inf")


# ---------------------------------------------------------------------------------------------
# Purging


def purge(*groups):
    """Make every kept page and fragment that showed any of these tags out of date, here and at
    the edge. Takes tags or iterables of tags. Never raises.

    Inside `changes.one_change()` the tags are collected and purged once at its end."""
    wanted = set()
    for group in groups:
        wanted.update([group] if isinstance(group, str) else group)
    valid = {tag for tag in wanted if _VALID_TAG.match(tag)}
    if valid != wanted:
        log.warning("ignoring malformed cache tags: %s", sorted(wanted - valid))
    if not valid:
        return
    collected = changes.pending("purge", _flush)
    if collected is None:
        _flush(valid)
    else:
        collected.update(valid)


def purge_everything():
    """For commands that rewrite the archive (restore, bulk loads): every kept copy goes cold."""
    purge(EVERYTHING)


_suspended = contextvars.ContextVar("newsroom_purges_suspended", default=False)


@contextmanager
def rewriting_everything():
    """For commands that write thousands of rows (restore, seed_bench, load_bench_dataset): no
    purge per row (working out an article's tags costs queries), one purge of everything at the
    end instead."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
        purge_everything()


def _flush(tags):
    tags = frozenset(tags)
    # Now, so this transaction's own reads see it; and again at commit, with the edge told then:
    # a page rebuilt between the two by another process read the rows from before the commit.
    version = _bump(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _commit(tags))
    else:
        _record_on_clock(version)
        edge.purge_tags(tags)


def _commit(tags):
    _record_on_clock(_bump(tags))
    edge.purge_tags(tags)


# ---------------------------------------------------------------------------------------------
# The registry: which model purges which tags

_registry = {}
_m2m_registry = {}
_not_on_pages = set()


def register(model, tags_of, *, track=False):
    """Saves and deletes of `model` purge `tags_of(instance)`.

    `track=True`: the stored row's tags are purged too, read before each save, for models whose
    fields name other pages (a player moving club leaves the old club's squad)."""
    _registry[model] = tags_of
    uid = f"purges-{model._meta.label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid + "-save")
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "-delete")
    if track:
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid + "-pre")


def register_m2m(through, tags_of):
    """Many-to-many changes through `through` purge `tags_of(instance, reverse, pk_set)`."""
    _m2m_registry[through] = tags_of
    m2m_changed.connect(_m2m, sender=through, dispatch_uid=f"purges-{through._meta.label}-m2m")


def not_on_pages(*models):
    """Models that no public page shows (editing bookkeeping): changing them purges nothing."""
    _not_on_pages.update(models)


def is_declared(model):
    return model in _registry or model in _m2m_registry or model in _not_on_pages


def tags_for(instance):
    """The tags a change to this instance purges (for bulk writes that send no signals)."""
    return set(_registry[type(instance)](instance))


def _saved(sender, instance, raw=False, **kwargs):
    if raw or _suspended.get():
        return  # loaddata (restore) purges everything once at the end
    purge(_registry[sender](instance))


def _deleted(sender, instance, **kwargs):
    if _suspended.get():
        return
    purge(_registry[sender](instance))


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or _suspended.get():
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    if stored is not None:
        purge(_registry[sender](stored))


def _m2m(sender, instance, action, reverse, pk_set, **kwargs):
    if _suspended.get():
        return
    if action == "pre_clear":
        # clear() does not say what it removes: read it before it goes.
        instance._purge_clear_pks = _related_pks(sender, instance, reverse)
        return
    if not action.startswith("post_"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_purge_clear_pks", set())
    purge(_m2m_registry[sender](instance, reverse, set(pk_set or ())))


def _related_pks(through, instance, reverse):
    """The pks on the other side of `instance`'s rows in `through`, before a clear()."""
    source, target = _through_fields(through, reverse)
    return set(through._default_manager.filter(**{source: instance.pk}).values_list(target, flat=True))


def _through_fields(through, reverse):
    # The two foreign keys of the through model, the field's own model first (as Django and
    # taggit declare them): (the instance's side, the other side).
    fks = [f for f in through._meta.get_fields() if f.many_to_one]
    sides = [f.attname for f in fks]
    return (sides[1], sides[0]) if reverse else (sides[0], sides[1])
