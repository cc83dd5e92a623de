"""The read API, /api/v1/: shapes, filters, pagination, 400s, drafts, caching and query counts."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from newsroom.football.models import Appearance, Event

from .conftest import (
    forget_kept_copies,
    make_article,
    make_club,
    make_competition,
    make_goal,
    make_match,
    make_player,
)

pytestmark = pytest.mark.django_db

OPENFOOTBALL = Path(__file__).resolve().parents[1] / "newsroom" / "football" / "data" / "openfootball"


@pytest.fixture
def anfield():
    cup = make_competition("UEFA Champions League", slug="ucl", tie_break="head_to_head")
    liverpool, napoli = make_club("Liverpool"), make_club("Napoli")
    match = make_match(
        liverpool, napoli, competition=cup, round="Group E", score=(1, 1), home_formation="4-3-3"
    )
    mertens, lovren = make_player("Dries Mertens", club=napoli), make_player("Dejan Lovren", club=liverpool)
    make_goal(match, mertens, club=napoli, minute=21)
    make_goal(match, lovren, club=liverpool, minute=65)
    Event.objects.create(match=match, minute=90, added_time=3, club=liverpool, kind="yellow", player=lovren)
    Appearance.objects.create(
        match=match, club=liverpool, player=lovren, number=6, position="CB", captain=True
    )
    Appearance.objects.create(match=match, club=napoli, player=mertens, number=14, starting=False)
    return match, mertens, lovren


def test_the_openapi_document_and_the_docs_are_served(client):
    document = client.get("/api/v1/openapi.json").json()
    for path in ["/api/v1/articles/", "/api/v1/articles/{article_id}/", "/api/v1/clubs/", "/api/v1/players/",
                 "/api/v1/competitions/", "/api/v1/matches/", "/api/v1/matches/{match_id}/",
                 "/api/v1/competitions/{slug}/standings/"]:  # fmt: skip
        assert path in document["paths"], path
    assert set(document["paths"]["/api/v1/matches/"]) == {"get"}  # read-only
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "/static/ninja/swagger-ui-bundle.js" in docs.content.decode()


def test_a_match_carries_its_line_ups_and_events(client, anfield):
    match, mertens, lovren = anfield
    data = client.get(f"/api/v1/matches/{match.pk}/").json()
    assert (data["score"], data["status"], data["competition"]["slug"]) == (
        {"home": 1, "away": 1},
        "full_time",
        "ucl",
    )
    assert data["lineups"]["home"] == {
        "formation": "4-3-3",
        "starting": [{"player": {"slug": lovren.slug, "name": "Dejan Lovren"}, "number": 6, "position": "CB",
                      "captain": True}],
        "bench": [],
    }  # fmt: skip
    assert data["lineups"]["away"]["bench"][0]["player"]["slug"] == mertens.slug
    events = [
        (e["minute"], e["added_time"], e["kind"], e["player"]["name"], e["club"]["name"])
        for e in data["events"]
    ]
    assert events == [
        (21, 0, "goal", "Dries Mertens", "Napoli"), (65, 0, "goal", "Dejan Lovren", "Liverpool"),
        (90, 3, "yellow", "Dejan Lovren", "Liverpool"),
    ]  # fmt: skip
    assert client.get("/api/v1/matches/999999/").status_code == 404


def test_matches_filter_by_club_competition_and_season(client, anfield):
    match = anfield[0]
    make_match(match.home_club, make_club(), season="2018-19")
    other = make_match(make_club(), make_club(), competition=match.competition)
    by_club = client.get("/api/v1/matches/", {"club": match.home_club.slug, "season": "2019-20"}).json()
    assert [m["id"] for m in by_club["items"]] == [match.pk]
    by_competition = client.get("/api/v1/matches/", {"competition": "ucl"}).json()
    assert {m["id"] for m in by_competition["items"]} == {match.pk, other.pk}


def test_standings_have_the_issues_shape_and_are_exact(client):
    call_command("import_fixtures", str(OPENFOOTBALL / "uefa.cl-2019-20.json"), "--timezone", "Europe/Rome",
                 stdout=StringIO())  # fmt: skip
    data = client.get(
        "/api/v1/competitions/uefa-champions-league/standings/", {"season": "2019-20", "group": "E"}
    )
    data = data.json()
    assert (data["competition"]["slug"], data["season"], data["group"]) == (
        "uefa-champions-league",
        "2019-20",
        "E",
    )
    assert [(r["position"], r["club"]["name"], r["points"]) for r in data["rows"]] == [
        (1, "Liverpool FC", 13), (2, "SSC Napoli", 12), (3, "RB Salzburg", 7), (4, "KRC Genk", 1),
    ]  # fmt: skip
    assert set(data["rows"][0]) == {"position", "club", "played", "won", "drawn", "lost", "goals_for",
                                    "goals_against", "goal_difference", "points"}  # fmt: skip
    no_group = client.get("/api/v1/competitions/uefa-champions-league/standings/", {"season": "2019-20"})
    assert no_group.status_code == 400 and "A, B, C, D, E, F, G, H" in no_group.json()["detail"]
    assert client.get("/api/v1/competitions/uefa-champions-league/standings/?group=Z").status_code == 400
    assert (
        client.get("/api/v1/competitions/uefa-champions-league/standings/?season=1999-00").status_code == 404
    )
    assert client.get("/api/v1/competitions/nowhere/standings/").status_code == 404


def test_a_league_table_has_no_group(client):
    league = make_competition("League", slug="league")
    make_match(make_club("Home"), make_club("Away"), score=(2, 0), competition=league, round="Matchday 1")
    data = client.get("/api/v1/competitions/league/standings/").json()
    assert (data["group"], data["rows"][0]["club"]["name"], data["rows"][0]["points"]) == (None, "Home", 3)


def test_drafts_and_scheduled_articles_never_appear(client, anfield):
    match = anfield[0]
    public = make_article(match=match, headline="Lovren heads Liverpool level")
    draft = make_article(match=match, headline="Draft", status=Article.Status.DRAFT)
    later = make_article(
        match=match, headline="Scheduled", published_at=timezone.now() + datetime.timedelta(hours=2)
    )
    listed = client.get("/api/v1/articles/").json()
    assert [a["id"] for a in listed["items"]] == [public.pk] and listed["count"] == 1
    detail = client.get(f"/api/v1/articles/{public.pk}/").json()
    assert detail["body"].startswith("<h2>") and {c["name"] for c in detail["clubs"]} == {
        "Liverpool",
        "Napoli",
    }
    for hidden in (draft, later):
        assert client.get(f"/api/v1/articles/{hidden.pk}/").status_code == 404


def test_articles_filter_by_club_player_competition_and_date(client, anfield):
    match, mertens, lovren = anfield
    report = make_article(match=match)
    other = make_article(published_at=timezone.now() - datetime.timedelta(days=40))
    other.clubs.add(make_club("Everton"))

    def ids(**params):
        return [a["id"] for a in client.get("/api/v1/articles/", params).json()["items"]]

    assert ids(club="napoli") == [report.pk]
    assert ids(player=mertens.slug) == [report.pk]
    assert ids(competition="ucl") == [report.pk]
    assert ids(club="everton") == [other.pk]
    old_day = timezone.localdate(other.published_at).isoformat()
    assert ids(until=old_day) == [other.pk] and ids(since=old_day, until=old_day) == [other.pk]
    assert set(ids()) == {report.pk, other.pk}


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/v1/articles/?page=abc", "page"),
        ("/api/v1/articles/?page=0", "greater than or equal to 1"),
        ("/api/v1/articles/?page_size=101", "less than or equal to 100"),
        ("/api/v1/articles/?since=yesterday", "since"),
        ("/api/v1/articles/?since=2020-02-01&until=2020-01-01", "since must not be after until"),
        ("/api/v1/articles/?club=nobody", "No club with the slug 'nobody'"),
        ("/api/v1/matches/?season=2019", "2019-20"),
        ("/api/v1/matches/?status=finished", "status must be one of"),
        ("/api/v1/players/?club=nobody", "No club"),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_lists_are_paginated_with_bounded_pages(client):
    for n in range(5):
        make_club(f"Club {n}")
    first = client.get("/api/v1/clubs/", {"page_size": 2}).json()
    assert (first["count"], first["page_size"], len(first["items"])) == (5, 2, 2)
    last = client.get("/api/v1/clubs/", {"page_size": 2, "page": 3}).json()
    assert [c["name"] for c in last["items"]] == ["Club 4"]
    assert client.get("/api/v1/clubs/", {"page_size": 2, "page": 9}).json()["items"] == []


def test_responses_are_kept_like_pages_and_purged_by_a_change(client, anfield):
    match, mertens, lovren = anfield
    url = f"/api/v1/matches/{match.pk}/"
    first = client.get(url)
    assert f"match-{match.pk}" in first["Surrogate-Key"] and f"player-{lovren.pk}" in first["Surrogate-Key"]
    assert client.get(url).wsgi_request.page_cache == "hit"
    Event.objects.create(match=match, minute=80, club=match.away_club, kind="red", player=mertens)
    again = client.get(url)
    assert again.wsgi_request.page_cache == "miss"
    assert "red" in [e["kind"] for e in again.json()["events"]]

    assert client.get("/api/v1/articles/").status_code == 200
    assert client.get("/api/v1/articles/").wsgi_request.page_cache == "hit"
    make_article(match=match, headline="A new report")
    assert "A new report" in client.get("/api/v1/articles/").content.decode()


def _busy_archive(count):
    cup = make_competition()
    home = make_club()
    for _ in range(count):
        match = make_match(home, make_club(), competition=cup, round="Matchday 1")
        for minute in (10, 20):
            scorer = make_player(club=match.home_club)
            make_goal(match, scorer, club=match.home_club, minute=minute)
            Appearance.objects.create(match=match, club=home, player=scorer)
        Event.objects.create(match=match, minute=30, club=home, kind="yellow", player=scorer)
        article = make_article(match=match)
        article.players.add(make_player(), make_player())
    return cup, home, match


@pytest.mark.parametrize(
    "url",
    ["/api/v1/articles/?page_size=100", "/api/v1/matches/?page_size=100", "MATCH",
     "/api/v1/clubs/?page_size=100", "/api/v1/players/?page_size=100", "/api/v1/competitions/", "STANDINGS",
     "ARTICLE"],
)  # fmt: skip
def test_queries_do_not_grow_with_the_archive(client, settings, django_assert_max_num_queries, url):
    settings.NEWSROOM_CACHE = {**settings.NEWSROOM_CACHE, "ENABLED": False}

    def address(cup, match):
        return {"MATCH": f"/api/v1/matches/{match.pk}/",
                "STANDINGS": f"/api/v1/competitions/{cup.slug}/standings/",
                "ARTICLE": f"/api/v1/articles/{match.articles.first().pk}/"}.get(url, url)  # fmt: skip

    cup, home, match = _busy_archive(2)
    forget_kept_copies()
    with CaptureQueriesContext(connection) as small:
        assert client.get(address(cup, match)).status_code == 200
    assert len(small) <= 8
    cup, home, match = _busy_archive(25)
    forget_kept_copies()
    with django_assert_max_num_queries(len(small)):
        assert client.get(address(cup, match)).status_code == 200
