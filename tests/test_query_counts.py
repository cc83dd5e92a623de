"""Every public page runs a fixed, small number of SQL queries, however much there is to show.

Two figures per page: the first render after a change (the page cache and every fragment out of
date, the worst case), and a page rendered again with the page cache off, from its kept fragments
(articles/fragments.py), which is what a page costs after an unrelated report is published."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction, LiveEntry
from newsroom.football.models import Appearance, Event
from newsroom.media.models import Image

from .conftest import (
    forget_kept_copies,
    make_article,
    make_author,
    make_club,
    make_competition,
    make_goal,
    make_match,
    make_player,
)
from .images import jpeg

pytestmark = pytest.mark.django_db

# Rendered from nothing (empty caches), with pictures (every report's, the club's crest, the
# player's photo), a match, a correction and eight tags a report: the budget of every public page
# (the report, a club's and a player's page and a filtered search use all eight).
MAX_QUERIES = 8
# Assembled from kept fragments (rows, lists, cards, report parts): the indexes and a
# competition's results still read up to two queries; the front page, reports and hubs none.
MAX_QUERIES_FROM_FRAGMENTS = 2
# A sitemap keeps no fragments (the page cache keeps it whole): its count, its rows and their
# pictures' renditions, whatever their number.
MAX_SITEMAP_QUERIES = 3
PAGES = [
    "/",
    "/clubs/",
    "/clubs/home-fc/",
    "/players/star-striker/",
    "/competitions/",
    "/competitions/big-cup/",
    "/competitions/big-cup/?season=2019-20",
    "/authors/lead-writer/",
    "ARTICLE",
    "MATCH",
    "LIVE",
    "LIVE_POLL",
    "/search/?q=report",
    "/search/?q=star+striker&club=home-fc&competition=big-cup&since=2000-01-01",
    "/sitemap-articles.xml",
    "/sitemap-clubs.xml",
]


def _add_reports(count, tags_each):
    """`count` reports about one club, player, competition and author, each with extra tags."""
    home, star, cup, writer = _world()
    extra_clubs = [make_club() for _ in range(tags_each)]
    extra_players = [make_player() for _ in range(tags_each)]
    article = None
    for _ in range(count):
        # A league round, so the competition's table and the club's standing grow with the reports.
        match = make_match(home, make_club(), competition=cup, round="Matchday 1")
        make_goal(match, star, club=home)
        Appearance.objects.create(match=match, club=home, player=star, number=9, captain=True)
        Event.objects.create(match=match, minute=50, club=home, kind=Event.Kind.YELLOW, player=star)
        make_match(make_club(), home, competition=cup, round="Matchday 2", score=None)  # a fixture
        article = make_article(match=match, hero_image=_picture())
        Correction.objects.create(article=article, note="The score was 2-1, not 1-2.")
        article.authors.add(writer)
        article.clubs.add(*extra_clubs)
        article.players.add(*extra_players, make_player())
    # Earlier seasons: the pages read the latest one, however many there are.
    for year in range(2000, 2000 + count // 5):
        season = f"{year}-{(year + 1) % 100:02d}"
        make_match(home, make_club(), competition=cup, round="Matchday 1", season=season)
    return article


def _world():
    from articles.models import Author
    from newsroom.football.models import Club, Competition, Player

    home = Club.objects.filter(slug="home-fc").first() or make_club("Home FC", crest=_picture())
    star = Player.objects.filter(slug="star-striker").first() or make_player(
        "Star Striker", club=home, photo=_picture()
    )
    cup = Competition.objects.filter(slug="big-cup").first() or make_competition("Big Cup", slug="big-cup")
    writer = Author.objects.filter(slug="lead-writer").first() or make_author(
        "Lead Writer", slug="lead-writer"
    )
    return home, star, cup, writer


def _picture():
    """One picture (with its renditions) for every report, crest and photo: the pages read
    renditions whatever their number, and making one per report would only slow the test."""
    return Image.objects.filter(alt_text="Query count picture").first() or Image.objects.create(
        file=ContentFile(jpeg((1200, 800)), "count.jpg"), alt_text="Query count picture"
    )


def _url(page, article):
    """The address of `page`; ARTICLE and MATCH stand for the latest report and its match, LIVE
    and LIVE_POLL for a live blog on that match and what its script polls."""
    if page in ("LIVE", "LIVE_POLL"):
        blog = _live_blog(article)
        return blog.get_absolute_url() if page == "LIVE" else f"/live/{blog.pk}/entries/"
    return {"ARTICLE": article.get_absolute_url(), "MATCH": article.match.get_absolute_url()}.get(page, page)


def _live_blog(article):
    """A live blog on `article`'s match with an entry per report in the archive (so it grows with
    it): updates naming the tagged striker, and key events (a goal and a card) every fifth."""
    home, star, _, writer = _world()
    blog = make_article(kind=Article.Kind.LIVE, match=article.match, slug=f"live-{article.pk}")
    blog.authors.add(writer)
    blog.players.add(star)
    for n in range(Article.objects.count()):
        LiveEntry.objects.create(article=blog, body=f"<p>Star Striker again, chance {n}.</p>", pinned=n == 0)
        if n % 5 == 0:
            LiveEntry.objects.create(article=blog, kind="goal", minute=n % 90 + 1, player=star, club=home)
            LiveEntry.objects.create(article=blog, kind="yellow", minute=n % 90 + 1, player=star, club=home)
    return blog


def _count_queries(client, url, from_nothing=True):
    if from_nothing:
        forget_kept_copies()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_does_not_grow_with_articles_and_tags(client, django_assert_num_queries, page):
    article = _add_reports(count=2, tags_each=1)
    url = _url(page, article)
    small = _count_queries(client, url)
    assert small <= MAX_QUERIES, f"{url} ran {small} queries"

    article = _add_reports(count=30, tags_each=8)
    url = _url(page, article)
    forget_kept_copies()
    with django_assert_num_queries(small):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", [page for page in PAGES if not page.startswith("/search/")])
def test_pages_rendered_from_kept_fragments_run_few_queries(client, settings, page):
    settings.NEWSROOM_CACHE = {**settings.NEWSROOM_CACHE, "ENABLED": False}  # the page cache off
    article = _add_reports(count=30, tags_each=8)
    url = _url(page, article)
    cold = _count_queries(client, url)
    warm = _count_queries(client, url, from_nothing=False)
    budget = MAX_SITEMAP_QUERIES if page.startswith("/sitemap") else MAX_QUERIES_FROM_FRAGMENTS
    assert warm <= budget, f"{url} ran {warm} queries from kept fragments"
    if page in ("/", "ARTICLE", "MATCH", "/clubs/home-fc/", "/players/star-striker/"):
        assert warm < cold, f"{url}: {warm} queries from fragments, {cold} cold"
