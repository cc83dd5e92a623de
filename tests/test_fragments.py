"""Rendered fragments (newsroom/delivery/fragments.py) never show what is not so either.

Every test here runs with the page cache off, so what a reader gets is pages assembled from kept
cards, report parts and sidebars: each change must show on the very next request.
"""

import datetime
import time

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.utils import timezone

from articles.models import Article, Correction, TaggedClub
from newsroom.delivery import fragments, purges

from . import test_caching
from .conftest import (
    make_article,
    make_author,
    make_club,
    make_competition,
    make_goal,
    make_match,
    make_player,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.NEWSROOM_CACHE = {**settings.NEWSROOM_CACHE, "ENABLED": False}


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _kept(client, url):
    """The page, rendered twice: the second time from the fragments the first one kept."""
    _page(client, url)
    return _page(client, url)


# The page cache's own scenarios, again, through the fragments alone.
@pytest.mark.parametrize(
    "scenario",
    [
        test_caching.test_publishing_shows_on_the_front_club_player_and_author_pages_at_once,
        test_caching.test_editing_unpublishing_and_deleting_are_seen_at_once,
        test_caching.test_tagging_a_player_shows_the_report_on_the_players_page,
        test_caching.test_a_match_result_change_is_seen_on_the_club_page,
    ],
    ids=lambda scenario: scenario.__name__.removeprefix("test_"),
)
def test_the_page_cache_scenarios_hold_for_fragments(client, scenario):
    scenario(client)


def test_a_second_render_comes_from_kept_fragments(client, django_assert_max_num_queries):
    article = make_article(headline="Kept and reused", match=make_match())
    article.authors.add(make_author("Ada Byline"))
    first = _page(client, article.get_absolute_url())
    with django_assert_max_num_queries(1):  # the report's row; everything else is kept
        assert _page(client, article.get_absolute_url()) == first


def test_renaming_what_a_card_shows_changes_every_card(client):
    match = make_match(home=make_club("Napoli"), competition=make_competition("Serie A"))
    author = make_author("Ada Byline")
    article = make_article(headline="A night in Naples", match=match)
    article.authors.add(author)
    assert "Ada Byline" in _kept(client, "/") and "Serie A" in _kept(client, "/")

    author.name = "Ada Lovelace-Byline"
    author.save()
    match.competition.name = "Serie A TIM"
    match.competition.save()
    for url in ("/", author.get_absolute_url(), article.get_absolute_url()):
        page = _page(client, url)
        assert "Serie A TIM" in page, url
    assert "Ada Lovelace-Byline" in _page(client, "/")


def test_a_correction_shows_and_goes_at_once(client):
    article = make_article(headline="Lovren levels it")
    url = article.get_absolute_url()
    assert "Corrections" not in _kept(client, url)
    correction = Correction.objects.create(article=article, note="Lovren scored after 65 minutes, not 56.")
    assert "after 65 minutes" in _page(client, url)
    correction.delete()
    assert "after 65 minutes" not in _page(client, url)


def test_tags_added_and_removed_from_either_side_show_on_the_report(client):
    article = make_article(headline="Mertens makes history")
    url = article.get_absolute_url()
    napoli, mertens = make_club("Napoli"), make_player("Dries Mertens")
    assert "/clubs/napoli/" not in _kept(client, url)

    article.clubs.add(napoli)
    assert 'href="/clubs/napoli/"' in _page(client, url)
    article.clubs.remove(napoli)
    assert 'href="/clubs/napoli/"' not in _page(client, url)
    TaggedClub.objects.create(content_object=article, tag=napoli)  # the row itself, as a script would
    assert 'href="/clubs/napoli/"' in _page(client, url)
    article.players.add(mertens)
    assert f'href="{mertens.get_absolute_url()}"' in _page(client, url)
    article.authors.add(make_author("Ada Byline"))
    assert "Ada Byline" in _page(client, url)


def test_a_goal_added_to_the_match_shows_in_the_report_and_on_the_players_page(client):
    match = make_match(score=(1, 0))
    scorer = make_player("Dries Mertens", club=match.home_club)
    article = make_article(match=match)
    assert "Mertens" not in _kept(client, article.get_absolute_url())
    assert "No goals recorded" in _kept(client, scorer.get_absolute_url())

    make_goal(match, scorer, minute=17)
    assert "Mertens" in _page(client, article.get_absolute_url())
    assert "No goals recorded" not in _page(client, scorer.get_absolute_url())


def test_a_squad_change_shows_on_the_club_page(client):
    club = make_club("Napoli")
    assert "Dries Mertens" not in _kept(client, club.get_absolute_url())
    make_player("Dries Mertens", club=club)
    assert "Dries Mertens" in _page(client, club.get_absolute_url())


def test_a_new_report_joins_the_related_reports_of_the_others(client):
    napoli = make_club("Napoli")
    first = make_article(headline="Napoli win again")
    first.clubs.add(napoli)
    assert "Related reports" not in _kept(client, first.get_absolute_url())
    second = make_article(headline="Napoli stay top")
    second.clubs.add(napoli)
    assert "Napoli stay top" in _page(client, first.get_absolute_url())


def test_a_scheduled_report_joins_the_related_reports_at_its_time(client):
    napoli = make_club("Napoli")
    first = make_article(headline="Napoli win again")
    first.clubs.add(napoli)
    due = timezone.now() + datetime.timedelta(seconds=2)
    scheduled = make_article(headline="Team news at the stroke of the hour", published_at=due)
    scheduled.clubs.add(napoli)
    assert "Team news at the stroke of the hour" not in _kept(client, first.get_absolute_url())
    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.1)
    assert "Team news at the stroke of the hour" in _page(client, first.get_absolute_url())


def test_a_bulk_write_that_purges_what_it_changed_is_seen(client):
    article = make_article(headline="Before the script")
    assert "Before the script" in _kept(client, article.get_absolute_url())
    Article.objects.update(headline="After the script")  # no signals: stale until the purge
    purges.purge(purges.tag("article", article.pk))
    assert "After the script" in _page(client, article.get_absolute_url())
    assert "After the script" in _page(client, "/")


def test_editors_get_every_fragment_from_the_database(client):
    article = make_article(headline="Before the script")
    url = article.get_absolute_url()
    assert '<h1 class="article__headline">Before the script</h1>' in _kept(client, url)
    assert "Before the script" in _kept(client, "/")
    Article.objects.update(headline="A script forgot to bump")  # no signals, no new updated_at
    assert '<h1 class="article__headline">Before the script</h1>' in _page(client, url)  # readers
    client.force_login(User.objects.create_user("editor", password="x", is_staff=True))
    assert '<h1 class="article__headline">A script forgot to bump</h1>' in _page(client, url)
    assert "A script forgot to bump" in _page(client, "/")


def test_a_process_copy_is_never_out_of_date(client):
    """Each process keeps its own copies, which no other process can clear: they are checked
    against the versions of the tags they show instead."""
    article = make_article(headline="First words")
    url = article.get_absolute_url()
    assert "First words" in _kept(client, url)
    kept_here = [name for name in fragments.local_copies._items if name.startswith(f"article:{article.pk}:")]
    assert kept_here, "the report's parts are kept in this process"
    article.headline = "Second words"
    article.save()
    assert all(name in fragments.local_copies._items for name in kept_here)  # the old copy is still here
    assert "Second words" in _page(client, url)


@override_settings(CACHES=test_caching.DEAD_REDIS)
def test_with_the_cache_down_every_fragment_renders_from_the_database(client):
    article = make_article(headline="Still here without Redis", match=make_match())
    for url in ("/", article.get_absolute_url(), article.match.home_club.get_absolute_url()):
        assert client.get(url).status_code == 200, url
    article.headline = "Edited without Redis"
    article.save()
    assert "Edited without Redis" in _page(client, article.get_absolute_url())


def test_the_fragment_layer_can_be_switched_off(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.NEWSROOM_CACHE = {**settings.NEWSROOM_CACHE, "FRAGMENTS_ENABLED": False}
    article = make_article(match=make_match())
    cold = _page(client, article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert _page(client, article.get_absolute_url()) == cold
    assert len(queries) > 3  # rendered from the database every time


def test_pinning_and_unpinning_show_on_the_hub_at_once(client):
    club = make_club("Napoli")
    article = make_article(headline="Why Mertens matters")
    article.clubs.add(club)
    assert "Essential reading" not in _kept(client, club.get_absolute_url())
    club.pinned_articles.add(article)
    assert "Essential reading" in _page(client, club.get_absolute_url())
    club.pinned_articles.remove(article)
    assert "Essential reading" not in _page(client, club.get_absolute_url())


def test_a_players_kept_row_goes_when_the_player_or_their_club_changes(client):
    club = make_club("Napoli")
    player = make_player("Dries Mertens", club=club, position="FW")
    make_article(headline="Mertens again").players.add(player)
    url = player.get_absolute_url()
    assert "Dries Mertens" in _kept(client, url) and "Napoli" in _page(client, url)
    assert "Forward" in _page(client, url)
    player.position = "MF"
    player.save()
    assert "Midfielder" in _page(client, url)
    club.name = "SSC Napoli"
    club.save()
    assert "SSC Napoli" in _page(client, url)
    player.slug = "dries-mertens-14"
    player.save()
    assert client.get(url).status_code == 301  # the old address moved, not a kept page
