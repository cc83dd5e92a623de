"""The reader pages' written-out reads give what the ORM queries they replace give.

Each read (articles/reads.py, newsroom/football/reads.py, newsroom/media/reads.py, the ranking in
articles/related.py) is compared here with the ORM query of the same meaning, on data that has
every shape the pages meet: drafts and scheduled reports, reports with and without a match, a
picture, authors, corrections, goals (the timeline), pins. And what they attach is read without a query.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone

from articles import reads, related
from articles.models import Article, Correction
from newsroom.football import reads as football_reads
from newsroom.football.models import Competition, Match
from newsroom.media.models import Image

from .conftest import (
    make_article,
    make_author,
    make_club,
    make_competition,
    make_goal,
    make_match,
    make_player,
)
from .images import jpeg

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]



@pytest.fixture
def archive():
    """Two clubs' reports in two competitions, with every kind of row a page shows."""
    home, away, third = make_club("Home FC"), make_club("Away United"), make_club("Third Town")
    cup, league = make_competition("Big Cup"), make_competition("A League")
    striker = make_player("Star Striker", club=home)
    keeper = make_player("Safe Hands", club=away)
    writer, second = make_author("Lead Writer"), make_author("Another Byline")
    picture = Image(file=SimpleUploadedFile("goal.jpg", jpeg((1200, 800))), alt_text="A goal")
    picture.save()
    now = timezone.now()
    articles = []
    for n in range(12):
        match = make_match(
            home, away if n % 2 else third, score=(n % 3, 1), competition=cup if n % 3 else league,
            kickoff=now - datetime.timedelta(days=n + 1),
        )  # fmt: skip
        make_goal(match, striker, club=home, minute=10 + n)
        article = make_article(
            match=match if n % 4 else None, hero_image=picture if n % 5 == 0 else None,
            published_at=now - datetime.timedelta(days=n, hours=1), featured=(n == 7),
        )  # fmt: skip
        article.authors.add(writer, *([second] if n % 2 else []))
        article.clubs.add(home, *([away] if n % 2 else []))
        article.players.add(striker, *([keeper] if n % 3 == 0 else []))
        articles.append(article)
    Correction.objects.create(article=articles[1], note="An earlier version misspelt the keeper.")
    # Older, and last by its note: the page lists corrections by date, as the model orders them.
    Correction.objects.create(
        article=articles[1], note="Zero goals were disallowed.", published_on=datetime.date(2019, 1, 1)
    )
    make_article(status=Article.Status.DRAFT, headline="A draft")
    make_article(published_at=now + datetime.timedelta(days=1), headline="Scheduled").clubs.add(home)
    home.pinned_articles.add(articles[5], articles[2])
    return {
        "home": home,
        "away": away,
        "cup": cup,
        "writer": writer,
        "striker": striker,
        "articles": articles,
    }


def _names(objects):
    return [(type(obj).__name__, obj.pk) for obj in objects]


def test_published_is_the_same_rule_as_the_querysets(archive):
    assert reads.PublishedList()[0:100] == list(Article.objects.published().values_list("pk", flat=True))


@pytest.mark.parametrize("narrowing", ["front", "club", "player", "competition", "author", "exclude"])
def test_a_published_list_counts_and_slices_as_the_orm_does(archive, narrowing):
    first = archive["articles"][0].pk
    lists = {
        "front": (reads.PublishedList(), Q()),
        "club": (reads.PublishedList.for_club(archive["home"]), Q(clubs=archive["home"])),
        "player": (reads.PublishedList.for_player(archive["striker"]), Q(players=archive["striker"])),
        "competition": (
            reads.PublishedList.for_competition(archive["cup"]), Q(match__competition=archive["cup"])
        ),
        "author": (reads.PublishedList.for_author(archive["writer"]), Q(authors=archive["writer"])),
        "exclude": (reads.PublishedList(exclude=[first]), ~Q(pk=first)),
    }  # fmt: skip
    written, narrowing = lists[narrowing]
    expected = list(Article.objects.published().filter(narrowing).values_list("pk", flat=True))
    assert written.count() == len(expected) > 0
    assert list(written[0:5]) == expected[0:5]
    assert list(written[5:10]) == expected[5:10]
    assert list(written[100:110]) == []


def test_a_page_expected_is_read_with_its_count_in_one_query(archive, django_assert_num_queries):
    expected = list(Article.objects.published().values_list("pk", flat=True))
    for number in (1, 2, 3):
        articles = reads.PublishedList()
        articles.expect_page(number, 5)
        with django_assert_num_queries(1):
            assert articles.count() == len(expected)
            assert (
                list(articles[(number - 1) * 5 : min(number * 5, len(expected))])
                == expected[(number - 1) * 5 :][:5]
            )
    past_the_end = reads.PublishedList()
    past_the_end.expect_page(9, 5)
    with django_assert_num_queries(2):  # no rows say no count: it is counted alone
        assert past_the_end.count() == len(expected)


def test_cards_carry_what_the_orm_would_prefetch(archive, django_assert_num_queries):
    pks = [article.pk for article in archive["articles"]]
    expected = Article.objects.for_cards().in_bulk(pks)
    with django_assert_num_queries(2):  # articles with their joins and authors, renditions
        found = reads.card_articles(pks)
    assert set(found) == set(expected)
    with django_assert_num_queries(0):
        for pk, article in found.items():
            orm = expected[pk]
            assert (article.headline, article.slug, article.get_absolute_url(), article.published_at) == (
                orm.headline, orm.slug, orm.get_absolute_url(), orm.published_at,
            )  # fmt: skip
            assert _names(article.authors.all()) == _names(orm.authors.all())
            assert (article.match_id, article.hero_image_id) == (orm.match_id, orm.hero_image_id)
            if orm.match_id:
                assert str(article.match) == str(orm.match)
                assert article.match.competition.name == orm.match.competition.name
                assert article.match.home_club.get_absolute_url() == orm.match.home_club.get_absolute_url()
            if orm.hero_image_id:
                assert article.hero_image.file.name == orm.hero_image.file.name
                assert _names(article.hero_image.renditions.all()) == _names(orm.hero_image.renditions.all())
                assert article.hero_image.renditions.all()


def _corrections(article):
    return [(c.pk, c.note, c.published_on, c.created_at, c.article_id) for c in article.corrections.all()]


def test_a_report_page_carries_what_the_orm_would_prefetch(archive, django_assert_num_queries):
    for orm in Article.objects.for_page().filter(pk__in=[a.pk for a in archive["articles"][:6]]):
        with django_assert_num_queries(1):
            article = reads.page_article(orm.publication_date, orm.slug)
        # Names and corrections, the timeline, the picture's renditions.
        queries = 1 + bool(orm.match_id) + bool(orm.hero_image_id)
        with django_assert_num_queries(queries):
            reads.attach_page_relations(article)
        with django_assert_num_queries(0):
            assert {f.name: getattr(article, f.attname) for f in Article._meta.concrete_fields} == {
                f.name: getattr(orm, f.attname) for f in Article._meta.concrete_fields
            }
            assert _names(article.authors.all()) == _names(orm.authors.all())
            assert sorted(_names(article.clubs.all())) == sorted(_names(orm.clubs.all()))
            assert sorted(_names(article.players.all())) == sorted(_names(orm.players.all()))
            assert [(p.aliases, p.club_id) for p in article.players.all()] == [
                (p.aliases, p.club_id) for p in sorted(orm.players.all(), key=lambda p: (p.name, p.pk))
            ]
            assert _corrections(article) == _corrections(orm)
            if orm.match_id:
                # The match box's timeline: the goals among it are the match's, in order.
                goals = [(e.player.name, e.minute_display()) for e in article.match.timeline if e.is_goal]
                assert goals == [(g.scorer.name, g.minute_display()) for g in orm.match.goals.all()]
                assert goals
                assert article.match.venue == orm.match.venue
    assert reads.page_article(datetime.date(1999, 1, 1), "no-such-report") is None


def test_the_front_page_lead_is_the_newest_recent_feature_else_the_newest(archive):
    published = Article.objects.published()
    since = timezone.now() - datetime.timedelta(days=30)
    assert reads.front_lead(since) == published.filter(featured=True, published_at__gte=since).first().pk
    assert reads.front_lead(timezone.now()) == published.first().pk  # no feature since now
    Article.objects.update(status=Article.Status.DRAFT)
    assert reads.front_lead(since) == 0


def test_latest_match_reports_and_pins(archive):
    left_out = archive["articles"][1].pk
    newest = Article.objects.published().exclude(pk=left_out).select_related("match")[:7]
    expected = [(article.pk, article.match.competition_id) for article in newest if article.match_id]
    assert 0 < len(expected) < 7
    assert [tuple(row) for row in reads.latest_match_reports([left_out], among=7)] == expected
    pinned = list(archive["home"].pinned_articles.published().values_list("pk", flat=True))
    assert reads.pinned_on("pinned_on_clubs", archive["home"].pk) == pinned == [
        archive["articles"][2].pk, archive["articles"][5].pk,
    ]  # fmt: skip


def test_a_hubs_pins_ride_on_its_page_and_count(archive, django_assert_num_queries):
    home = archive["home"]
    pinned = reads.pinned_on("pinned_on_clubs", home.pk)
    tagged = list(Article.objects.published().filter(clubs=home).values_list("pk", flat=True))
    assert pinned and len(tagged) > 3
    for number in (1, 2):
        articles = reads.PublishedList.for_club(home).with_pins("pinned_on_clubs", home.pk)
        articles.expect_page(number, 3)
        with django_assert_num_queries(1):  # the pins, the page and its count together
            assert articles.pinned() == pinned
            assert articles.count() == len(tagged)
            assert list(articles[(number - 1) * 3 : number * 3]) == tagged[(number - 1) * 3 :][:3]
    # No page expected (an address Paginator will refuse): the pins are read alone.
    alone = reads.PublishedList.for_club(home).with_pins("pinned_on_clubs", home.pk)
    with django_assert_num_queries(1):
        assert alone.pinned() == pinned


def _orm_ranking(article, limit=4):
    """The ranking the written-out statement must give, worked out in Python from the ORM."""
    clubs, players = (
        set(article.clubs.values_list("pk", flat=True)),
        set(article.players.values_list("pk", flat=True)),
    )
    ranked = []
    for other in Article.objects.published().exclude(pk=article.pk):
        shared = len(clubs & set(other.clubs.values_list("pk", flat=True))) + len(
            players & set(other.players.values_list("pk", flat=True))
        )
        same = bool(article.match_id) and other.match_id == article.match_id
        if shared or same:
            ranked.append(((same, shared, other.published_at, other.pk), other.pk))
    return [pk for _, pk in sorted(ranked, reverse=True)[:limit]]


def test_related_reports_rank_same_match_first_then_shared_tags_then_newest(archive):
    articles = archive["articles"]
    # Another report on article 3's match, older than the rest: it still comes first.
    old = make_article(match=articles[3].match, published_at=timezone.now() - datetime.timedelta(days=300))
    for article in [*articles, old]:
        assert related.related_pks(article) == _orm_ranking(article), article.headline
    assert related.related_pks(articles[3])[0] == old.pk
    lonely = make_article()
    assert related.related_pks(lonely) == []


def test_football_reads_match_the_orm(archive, django_assert_num_queries):
    home = archive["home"]
    with django_assert_num_queries(1):  # no crest: no renditions to read
        club = football_reads.club_by_slug(home.slug)
    assert (club.pk, club.name, club.crest) == (home.pk, home.name, None)
    assert football_reads.club_by_slug("no-such-club") is None
    expected = list(
        Match.objects.filter(Q(home_club=home) | Q(away_club=home), home_score__isnull=False)
        .select_related("competition", "home_club", "away_club")[:10]
    )  # fmt: skip
    with django_assert_num_queries(1):
        results = football_reads.recent_results(home, 10)
    with django_assert_num_queries(0):
        assert [(m.pk, str(m), m.competition.name, m.kickoff) for m in results] == [
            (m.pk, str(m), m.competition.name, m.kickoff) for m in expected
        ]
    assert _names(football_reads.squad(home)) == _names(home.players.all())
    assert _names(football_reads.competitions()) == _names(Competition.objects.all())
