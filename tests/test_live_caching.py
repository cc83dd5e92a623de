"""Match day and the caches: posting an entry purges only what shows it (issue 14)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article, LiveEntry
from newsroom.football.models import Appearance

from .conftest import make_article, make_club, make_match, make_player
from .delivery.test_purges import _outcome, counting_edge  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog():
    home, away = make_club("Liverpool"), make_club("SSC Napoli")
    match = make_match(home, away, score=None)
    salah = make_player("Mohamed Salah", club=home)
    Appearance.objects.create(match=match, club=home, player=salah, number=11)
    return make_article(kind=Article.Kind.LIVE, match=match, headline="Liverpool v Napoli: live")


def _desk_client():
    client = Client()
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    return client


def _post(client, blog, **fields):
    desk = reverse("admin:articles_article_live", args=[blog.pk])
    response = client.post(desk, {"added_time": "0", **fields})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_update_purges_its_blog_and_match_once(blog, counting_edge, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        _post(_desk_client(), blog, body="<p>Corner to Liverpool.</p>")
    assert counting_edge.calls == [{f"article-{blog.pk}", f"match-{blog.match_id}"}]


def test_a_goal_purges_the_blog_the_match_both_clubs_results_and_the_scorer_only(
    blog, counting_edge, django_capture_on_commit_callbacks  # noqa: F811
):
    match = blog.match
    salah = Appearance.objects.get().player
    with django_capture_on_commit_callbacks(execute=True):
        _post(_desk_client(), blog, kind="goal", minute="20", player=salah.pk)
    assert len(counting_edge.calls) == 1
    purged = counting_edge.calls[0]
    must = {f"article-{blog.pk}", f"match-{match.pk}", f"results-{match.home_club_id}",
            f"results-{match.away_club_id}"}  # fmt: skip
    # The goal also names its scorer (their page, and the blog now tags them) and moves the
    # competition's table; nothing else.
    may = must | {f"player-{salah.pk}", f"list-player-{salah.pk}"}
    may.add(f"results-competition-{match.competition_id}")
    assert must <= purged <= may, purged


def test_posting_leaves_every_page_that_does_not_show_the_match_warm(client, blog):
    match = blog.match
    other = make_article(match=make_match(make_club("Everton"), make_club("Leeds")), headline="Elsewhere")
    showing = [blog.get_absolute_url(), match.get_absolute_url(), "/", match.home_club.get_absolute_url(),
               match.away_club.get_absolute_url(), f"/live/{blog.pk}/entries/"]  # fmt: skip
    not_showing = [other.get_absolute_url(), other.match.home_club.get_absolute_url(), "/clubs/"]
    for url in showing + not_showing:
        client.get(url)
    assert [_outcome(client, url) for url in showing + not_showing] == ["hit"] * 9
    LiveEntry.objects.create(article=blog, body="<p>Salah shoots wide.</p>")
    assert [_outcome(client, url) for url in showing] == ["miss"] * 6
    assert [_outcome(client, url) for url in not_showing] == ["hit"] * 3
    assert "Salah shoots wide." in client.get(blog.get_absolute_url()).content.decode()


def _s_maxage(response):
    directives = dict(
        part.strip().split("=", 1) for part in response["Cache-Control"].split(",") if "=" in part
    )
    return int(directives["s-maxage"])


def test_pages_that_show_a_match_in_play_are_kept_for_seconds_and_the_rest_as_usual(client, settings):
    from newsroom.football.models import Match

    home, away, elsewhere = make_club("Live Town"), make_club("Visitors FC"), make_club("Quiet Rovers")
    match = make_match(home, away, score=(1, 0), status=Match.Status.LIVE)
    report = make_article(match=match, headline="Live Town lead")
    report.clubs.add(home)
    live, normal = settings.NEWSROOM_CACHE["LIVE_SECONDS"], settings.NEWSROOM_CACHE["CDN_SECONDS"]
    assert live < normal
    # The report's match box, the front page's card and the club page's list show the live score.
    for url in (report.get_absolute_url(), "/", home.get_absolute_url(), match.get_absolute_url()):
        assert _s_maxage(client.get(url)) <= live, url
    assert _s_maxage(client.get(elsewhere.get_absolute_url())) == normal
    # Full time: the match's change purges what showed it, and the pages keep their usual life.
    match.status = Match.Status.FULL_TIME
    match.save()
    for url in (report.get_absolute_url(), "/", match.get_absolute_url()):
        assert _s_maxage(client.get(url)) == normal, url
