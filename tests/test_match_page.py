"""A match's page: score, timeline, line-ups on a pitch, the articles about it, structured data;
and the report's match box that leads to it."""

import json
import re

import pytest
from django.core.files.base import ContentFile

from articles.models import Article
from newsroom.football.lineups import pitch_spots
from newsroom.football.merges import merge_entities
from newsroom.football.models import Appearance, Event, Match
from newsroom.media.models import Image

from .conftest import make_article, make_club, make_competition, make_goal, make_match, make_player
from .images import encoded, photo

pytestmark = pytest.mark.django_db


def _eleven(match, club, formation):
    players = []
    for order in range(1, 12):
        player = make_player(f"{club.name} Player{order}", club=club)
        Appearance.objects.create(
            match=match, club=club, player=player, number=order, order=order, captain=order == 4,
            position="GK" if order == 1 else "",
        )  # fmt: skip
        players.append(player)
    Appearance.objects.create(match=match, club=club, player=make_player(f"{club.name} Sub", club=club),
                              starting=False, number=12, order=12)  # fmt: skip
    setattr(match, "home_formation" if club == match.home_club else "away_formation", formation)
    match.save()
    return players


@pytest.fixture
def anfield():
    cup = make_competition("UEFA Champions League", slug="uefa-champions-league")
    liverpool, napoli = make_club("Liverpool"), make_club("Napoli")
    match = make_match(liverpool, napoli, competition=cup, round="Group E", score=(1, 1))
    mertens, lovren = make_player("Dries Mertens", club=napoli), make_player("Dejan Lovren", club=liverpool)
    make_goal(match, mertens, club=napoli, minute=21)
    make_goal(match, lovren, club=liverpool, minute=65)
    Event.objects.create(match=match, minute=45, added_time=2, club=napoli, kind="yellow", player=mertens)
    return match, mertens, lovren


def test_the_match_has_a_readable_address_and_unknown_ones_are_404(client, anfield):
    match = anfield[0]
    assert match.get_absolute_url() == "/matches/uefa-champions-league/2019-20/liverpool-v-napoli/"
    assert client.get(match.get_absolute_url()).status_code == 200
    for url in ["/matches/uefa-champions-league/2019-20/liverpool-v-everton/",
                "/matches/uefa-champions-league/2018-19/liverpool-v-napoli/",
                "/matches/uefa-champions-league/2019-20/liverpool/",
                "/matches/uefa-champions-league/2019-2020/liverpool-v-napoli/"]:  # fmt: skip
        assert client.get(url).status_code == 404, url


def test_a_club_whose_slug_holds_v_still_has_its_match_page(client):
    match = make_match(make_club("Fiorentina"), make_club("Sporting-v-Lisbon"), round="Matchday 1")
    assert match.get_absolute_url().endswith("/fiorentina-v-sporting-v-lisbon/")
    assert client.get(match.get_absolute_url()).status_code == 200


def test_an_address_from_before_a_club_moved_or_merged_leads_to_the_match(
    client, anfield, django_assert_max_num_queries
):
    match = anfield[0]
    old = match.get_absolute_url()
    liverpool = match.home_club
    liverpool.slug = "liverpool-fc"
    liverpool.save()
    match.refresh_from_db()
    new = match.get_absolute_url()
    assert new == "/matches/uefa-champions-league/2019-20/liverpool-fc-v-napoli/"
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200

    # Napoli merged into another record of the club: its old address leads to the survivor's.
    survivor = make_club("SSC Napoli")
    merge_entities(survivor, [match.away_club])
    match.refresh_from_db()
    merged = match.get_absolute_url()
    assert merged.endswith("/liverpool-fc-v-ssc-napoli/")
    for address in (old, new):
        response = client.get(address)
        assert (response.status_code, response["Location"]) == (301, merged), address
    # An address no match ever had is still a 404, moved clubs or not, and costs a bounded number
    # of queries however many ways its clubs' part splits ("a-v-b-v-c-..." from a crawler).
    assert client.get("/matches/uefa-champions-league/2018-19/liverpool-v-napoli/").status_code == 404
    with django_assert_max_num_queries(3):  # the match, the moved clubs, the redirects app
        address = "/matches/uefa-champions-league/2019-20/" + "-v-".join("abcdefghijkl") + "/"
        assert client.get(address).status_code == 404


def test_the_timeline_lists_goals_and_events_by_minute(client, anfield):
    match, mertens, lovren = anfield
    Event.objects.create(match=match, minute=70, club=match.home_club, kind="substitution",
                         player=make_player("Divock Origi"), player_off=lovren)  # fmt: skip
    Event.objects.create(match=match, minute=80, club=match.away_club, kind="var", note="Penalty overturned")
    page = client.get(match.get_absolute_url()).content.decode()
    timeline = page[
        page.index('<ol class="timeline">') : page.index("</ol>", page.index('<ol class="timeline">'))
    ]
    minutes = re.findall(r'timeline__minute">([^<]+)<', timeline)
    assert minutes == ["21’", "45+2’", "65’", "70’", "80’"]
    assert "Divock Origi</a> on" in timeline and "Dejan Lovren</a> off" in timeline
    assert "Penalty overturned" in timeline and "Yellow card" in timeline
    assert "Half-time" not in page  # no half-time score was entered


def test_line_ups_are_drawn_on_a_pitch_and_listed(client, anfield):
    match = anfield[0]
    _eleven(match, match.home_club, "4-3-3")
    _eleven(match, match.away_club, "4-2-3-1")
    page = client.get(match.get_absolute_url()).content.decode()
    assert page.count('class="pitch__player pitch__player--home"') == 11
    assert page.count('class="pitch__player pitch__player--away"') == 11
    assert "Liverpool 4-3-3 (bottom) against Napoli 4-2-3-1 (top)" in page
    assert "Player4 (c)</text>" in page
    assert "Liverpool Sub</a>" in page and "Substitutes" in page


def test_a_formation_that_does_not_fit_the_starters_is_listed_but_not_drawn(client, anfield):
    match = anfield[0]
    _eleven(match, match.home_club, "4-3-3")
    Appearance.objects.filter(match=match, order=11).delete()
    page = client.get(match.get_absolute_url()).content.decode()
    assert "pitch__player" not in page
    assert "Liverpool Player10</a>" in page


def test_players_stand_by_their_formation_home_defending_the_bottom_goal():
    starting = list(range(11))  # stand-ins: pitch_spots only places them in order
    home = pitch_spots(starting, "4-3-3", home=True)
    away = pitch_spots(starting, "4-3-3", home=False)
    assert (home[0].x, home[0].y) == (34, 101)  # the goalkeeper, in the bottom goal
    assert (away[0].x, away[0].y) == (34, 4)
    right_back, left_back = home[1], home[4]
    assert right_back.x > left_back.x and right_back.y == left_back.y  # facing up: right is right
    assert away[1].x < away[4].x
    strikers = home[8:]
    assert all(s.y < home[1].y for s in strikers)
    assert pitch_spots(starting[:10], "4-3-3", home=True) == []
    assert pitch_spots(starting, "", home=True) == []


def test_the_articles_about_the_match_are_shown_by_kind_and_drafts_are_not(client, anfield):
    match = anfield[0]
    make_article(match=match, headline="Preview: Liverpool v Napoli", kind=Article.Kind.PREVIEW)
    make_article(match=match, headline="Lovren heads Liverpool level", kind=Article.Kind.REPORT)
    make_article(match=match, headline="A draft nobody may see", status=Article.Status.DRAFT)
    page = client.get(match.get_absolute_url()).content.decode()
    assert page.index("Preview: Liverpool v Napoli") < page.index("Lovren heads Liverpool level")
    assert "A draft nobody may see" not in page


def test_the_match_page_carries_sports_event_structured_data(client, anfield):
    match = anfield[0]
    Match.objects.filter(pk=match.pk).update(status=Match.Status.POSTPONED, home_score=None, away_score=None)
    page = client.get(match.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    event = next(node for node in data["@graph"] if node["@type"] == "SportsEvent")
    assert event["url"].endswith(match.get_absolute_url())
    assert event["eventStatus"] == "https://schema.org/EventPostponed"
    assert {event["homeTeam"]["name"], event["awayTeam"]["name"]} == {"Liverpool", "Napoli"}


def test_a_new_event_shows_on_the_kept_page(client, anfield):
    match = anfield[0]
    assert "Red card" not in client.get(match.get_absolute_url()).content.decode()
    Event.objects.create(
        match=match, minute=88, club=match.home_club, kind="red", player=make_player("Late Tackle")
    )
    assert "Late Tackle" in client.get(match.get_absolute_url()).content.decode()


def test_the_reports_match_box_sits_above_the_picture_and_links_to_the_match(client, anfield):
    match = anfield[0]
    picture = Image.objects.create(
        file=ContentFile(encoded(photo((40, 30)), "PNG"), "hero.png"), alt_text="Lovren"
    )
    article = make_article(match=match, hero_image=picture)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{match.get_absolute_url()}"' in page
    assert page.index('class="match-box"') < page.index('class="article__hero"')
