"""Shared test helpers: tiny factories in the project's own words, not big fixtures."""

import contextlib
import datetime
import itertools
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, Author
from newsroom.football.models import Club, Competition, Goal, Match, Player

_counter = itertools.count(1)


def forget_kept_copies():
    """Empty the shared cache and this process's copies: the next page renders from nothing."""
    from django.core.cache import cache

    from newsroom.delivery import fragments, pagecache, purges

    try:
        cache.clear()
    except Exception:  # noqa: BLE001 — tests that point the cache at a dead server clear nothing
        pass
    # This process's own copies are safe after a clear (they are checked against tag versions
    # the clear removed) but would cost each test a check: start them empty too.
    fragments.local_copies.clear()
    pagecache.local_pages.clear()
    # And the cache is as good as the purge clock says (its check is tested on its own, in
    # tests/delivery/test_cache_faults.py): a first look at the clock would cost a query.
    purges.trust_the_cache()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches, so no page or fragment kept by an earlier test can leak in."""
    forget_kept_copies()


@contextlib.contextmanager
def rows_made_once(django_db_blocker):
    """In a class- or module-scoped fixture: rows made once for its tests, rolled back after them.

    Each test's own transaction is a savepoint inside this one, so whatever a test changes is
    undone after it and the next test finds the rows as they were made."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def require_service(available, reason):
    """Skip when a server or browser is missing; under CI (NEWSROOM_REQUIRE_SERVICES=1) fail instead."""
    if available:
        return
    if os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)


def make_club(name=None, **overrides):
    name = name or f"Test Club {next(_counter)}"
    return Club.objects.create(name=name, **overrides)


def make_player(name=None, **overrides):
    name = name or f"Test Player {next(_counter)}"
    return Player.objects.create(name=name, **overrides)


def make_competition(name=None, **overrides):
    n = next(_counter)
    name = name or f"Test Cup {n}"
    overrides.setdefault("slug", f"test-cup-{n}")
    return Competition.objects.create(name=name, **overrides)


def make_match(home=None, away=None, score=(1, 1), **overrides):
    overrides.setdefault("competition", make_competition())
    overrides.setdefault("season", "2019-20")
    overrides.setdefault("kickoff", timezone.now() - datetime.timedelta(days=next(_counter)))
    home_score, away_score = score if score else (None, None)
    return Match.objects.create(
        home_club=home or make_club(),
        away_club=away or make_club(),
        home_score=home_score,
        away_score=away_score,
        **overrides,
    )


def make_goal(match, scorer, club=None, minute=10, **overrides):
    return Goal.objects.create(
        match=match, scorer=scorer, club=club or match.home_club, minute=minute, **overrides
    )


def make_author(name=None, **overrides):
    n = next(_counter)
    overrides.setdefault("slug", f"writer-{n}")
    return Author.objects.create(name=name or f"Writer {n}", **overrides)


def make_article(**overrides):
    """A published report from an hour ago, unless told otherwise."""
    n = next(_counter)
    overrides.setdefault("headline", f"Test report number {n}")
    overrides.setdefault("slug", f"test-report-{n}")
    overrides.setdefault("standfirst", "A tight game settled late.")
    overrides.setdefault("body", "<h2>First half</h2><p>The home side pressed high.</p>")
    overrides.setdefault("status", Article.Status.PUBLISHED)
    overrides.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    return Article.objects.create(**overrides)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded pictures and their renditions go to a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def desk(client):
    """The client, logged in as an editor who may do anything with pictures."""
    client.force_login(User.objects.create_superuser("picture-desk", password="pw-for-tests"))
    return client


def pytest_report_header(config):
    from django.conf import settings

    return f"database engine: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture
def newsroom_roles():
    """The Writer and Editor groups. Transactional tests flush tables, data migrations included."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    importlib.import_module("articles.migrations.0008_roles").grant_roles(Group, Permission)
