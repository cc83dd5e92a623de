"""The live desk in the admin: posting, correcting, pinning and deleting entries, the clock,
closing the blog and drafting the report (issue 14)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from articles import live
from articles.models import Article, LiveEntry
from newsroom.football.models import Appearance, Event, Goal, Match

from .conftest import make_article, make_club, make_match, make_player

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    return client


@pytest.fixture
def blog():
    home, away = make_club("Liverpool"), make_club("SSC Napoli")
    match = make_match(
        home, away, score=None, kickoff=timezone.now() - datetime.timedelta(minutes=30), venue="Anfield"
    )
    for number, (name, club) in enumerate(
        [("Mohamed Salah", home), ("Dejan Lovren", home), ("Dries Mertens", away), ("Jose Callejon", away)],
        start=1,
    ):
        Appearance.objects.create(match=match, club=club, player=make_player(name, club=club), number=number)
    return make_article(kind=Article.Kind.LIVE, match=match, headline="Liverpool v Napoli: live", body="")


def desk(blog):
    return reverse("admin:articles_article_live", args=[blog.pk])


def pk_of(name):
    return Appearance.objects.get(player__name=name).player_id


def test_the_desk_offers_both_line_ups_and_posts_a_goal_with_its_side_worked_out(editor_client, blog):
    page = editor_client.get(desk(blog)).content.decode()
    assert "Mohamed Salah" in page and "Jose Callejon" in page
    assert '<optgroup label="Liverpool">' in page and '<optgroup label="SSC Napoli">' in page
    response = editor_client.post(
        desk(blog),
        {
            "kind": "goal",
            "minute": "20",
            "added_time": "0",
            "player": pk_of("Dries Mertens"),
            "body": "<p>Mertens!</p>",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    goal = Goal.objects.get(match=blog.match)
    assert (goal.scorer.name, goal.club, goal.minute) == ("Dries Mertens", blog.match.away_club, 20)
    blog.match.refresh_from_db()
    assert (blog.match.status, blog.match.home_score, blog.match.away_score) == ("live", 0, 1)


def test_a_bad_entry_is_shown_again_with_its_error_and_nothing_is_written(editor_client, blog):
    response = editor_client.post(desk(blog), {"kind": "yellow", "minute": "200", "added_time": "0"})
    assert response.status_code == 400
    assert "120" in response.content.decode()
    assert not LiveEntry.objects.exists() and not Event.objects.exists()


@pytest.mark.parametrize("entry_id", ["abc", "99999999999999999999999", "0"])
def test_unknown_or_mangled_entry_ids_are_404(editor_client, blog, entry_id):
    assert editor_client.get(f"{desk(blog)}{entry_id}/").status_code == 404
    assert editor_client.post(f"{desk(blog)}{entry_id}/delete/").status_code == 404


def test_a_report_has_no_live_desk(editor_client, blog):
    report = make_article(match=blog.match)
    assert editor_client.get(desk(report)).status_code == 404


def test_correcting_pinning_and_deleting_from_the_desk(editor_client, blog):
    first = LiveEntry.objects.create(article=blog, body="<p>Team news</p>")
    goal = LiveEntry.objects.create(
        article=blog, kind="goal", minute=56, player_id=pk_of("Mohamed Salah"), club=blog.match.home_club
    )
    response = editor_client.post(
        f"{desk(blog)}{goal.pk}/",
        {"kind": "goal", "minute": "65", "added_time": "0", "player": pk_of("Mohamed Salah")},
    )
    assert response.status_code == 302
    assert Goal.objects.get().minute == 65
    assert LiveEntry.objects.get(pk=goal.pk).edited_at is not None
    editor_client.post(f"{desk(blog)}{first.pk}/pin/")
    editor_client.post(f"{desk(blog)}{goal.pk}/pin/")  # the newer pin replaces the older
    assert list(LiveEntry.objects.filter(pinned=True)) == [LiveEntry.objects.get(pk=goal.pk)]
    assert LiveEntry.objects.get(pk=first.pk).edited_at is None  # pinning is not an edit
    editor_client.post(f"{desk(blog)}{goal.pk}/delete/")
    assert not Goal.objects.exists()
    assert editor_client.get(f"{desk(blog)}{goal.pk}/delete/").status_code == 405


def test_a_writer_may_not_post_to_a_published_blog(client, blog, newsroom_roles):
    from django.contrib.auth.models import Group

    writer = User.objects.create_user("writer", password="pw", is_staff=True)
    writer.groups.add(Group.objects.get(name="Writer"))
    client.force_login(writer)
    assert client.post(desk(blog), {"body": "<p>Hello</p>"}).status_code == 403
    assert not LiveEntry.objects.exists()


def test_the_minute_is_prefilled_from_kick_off_and_the_whistles(blog):
    match = blog.match
    now = timezone.now()
    assert live.minute_now(match, [], now) == (None, 0)  # scheduled: typed by hand
    match.status = Match.Status.LIVE
    kick_off = LiveEntry(
        kind="kick_off", minute=None, posted_at=now - datetime.timedelta(minutes=12, seconds=5)
    )
    assert live.minute_now(match, [kick_off], now) == (13, 0)
    kick_off.posted_at = now - datetime.timedelta(minutes=47)
    assert live.minute_now(match, [kick_off], now) == (45, 3)  # first-half added time
    second = LiveEntry(kind="kick_off", minute=46, posted_at=now - datetime.timedelta(minutes=10))
    assert live.minute_now(match, [kick_off, second], now) == (56, 0)
    match.status = Match.Status.HALF_TIME
    assert live.minute_now(match, [kick_off], now) == (45, 0)


def test_closing_the_blog_and_drafting_the_report_at_full_time(editor_client, blog):
    match = blog.match
    post = {"added_time": "0"}
    editor_client.post(desk(blog), {**post, "kind": "kick_off"})
    editor_client.post(desk(blog), {**post, "kind": "goal", "minute": "20", "player": pk_of("Mohamed Salah")})
    editor_client.post(
        desk(blog), {**post, "kind": "yellow", "minute": "30", "player": pk_of("Jose Callejon")}
    )
    editor_client.post(desk(blog), {**post, "kind": "goal", "minute": "80", "player": pk_of("Dries Mertens")})
    early = editor_client.post(reverse("admin:articles_article_draft_report", args=[blog.pk]), follow=True)
    assert "once the match is at full time" in early.content.decode()
    editor_client.post(
        desk(blog),
        {**post, "kind": "goal", "minute": "90", "added_time": "2", "player": pk_of("Mohamed Salah")},
    )
    editor_client.post(desk(blog), {**post, "kind": "full_time", "minute": "90", "added_time": "5"})
    match.refresh_from_db()
    assert (match.status, match.home_score, match.away_score) == ("full_time", 2, 1)
    assert editor_client.post(reverse("admin:articles_article_live_close", args=[blog.pk])).status_code == 302
    assert Article.objects.get(pk=blog.pk).live_closed_at is not None

    response = editor_client.post(reverse("admin:articles_article_draft_report", args=[blog.pk]))
    report = Article.objects.exclude(pk=blog.pk).get()
    assert response["Location"] == reverse("admin:articles_article_change", args=[report.pk])
    assert report.status == Article.Status.DRAFT and report.kind == Article.Kind.REPORT
    assert report.match == match
    assert report.headline == "Liverpool 2–1 SSC Napoli: Salah, Mertens"
    assert report.standfirst == (
        "Liverpool beat SSC Napoli 2–1 at Anfield, with goals from Mohamed Salah (20’), "
        "Dries Mertens (80’), Mohamed Salah (90+2’)."
    )
    body = report.body
    assert body.index("20’ Goal") < body.index("30’ Yellow card: Jose Callejon") < body.index("90+2’ Goal")
    assert blog.get_absolute_url() in body
    assert {c.name for c in report.clubs.all()} == {"Liverpool", "SSC Napoli"}
    assert {p.name for p in report.players.all()} == {
        "Mohamed Salah",
        "Dejan Lovren",
        "Dries Mertens",
        "Jose Callejon",
    }
