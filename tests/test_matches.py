"""Match facts: the database guards them, clean() explains them, and reports carry their tags."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from newsroom.football.models import Goal, Match

from .conftest import make_article, make_club, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db


def test_a_club_cannot_play_itself():
    club = make_club("Liverpool")
    match = Match(
        competition=make_match().competition,
        season="2019-20",
        kickoff=make_match().kickoff,
        home_club=club,
        away_club=club,
    )
    with pytest.raises(ValidationError, match="cannot play itself"):
        match.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        match.save()


def test_a_half_entered_score_is_refused():
    match = make_match(score=None)
    match.home_score = 2
    with pytest.raises(ValidationError, match="both scores"):
        match.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        match.save()


def test_season_must_look_like_a_season():
    match = make_match()
    match.season = "2019/2020"
    with pytest.raises(ValidationError, match="2019-20"):
        match.full_clean()


def test_str_reads_like_a_scoreline():
    match = make_match(make_club("Liverpool"), make_club("Napoli"), score=(1, 1))
    assert str(match) == "Liverpool 1–1 Napoli"
    assert str(make_match(make_club("Ajax"), make_club("Chelsea"), score=None)) == "Ajax v Chelsea"


def test_goal_must_count_for_a_club_in_the_match():
    match = make_match()
    goal = Goal(match=match, scorer=make_player(), club=make_club("Bystander"), minute=5)
    with pytest.raises(ValidationError, match="one of the two clubs"):
        goal.full_clean()


def test_goal_minute_out_of_range_is_refused_by_the_database():
    match = make_match()
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(match=match, scorer=make_player(), club=match.home_club, minute=0)


def test_report_on_a_match_carries_both_clubs_and_every_scorer():
    home, away = make_club("Liverpool"), make_club("Napoli")
    match = make_match(home, away)
    mertens, lovren = make_player("Dries Mertens"), make_player("Dejan Lovren")
    make_goal(match, mertens, club=away, minute=21)

    article = make_article(match=match)
    assert set(article.clubs.all()) == {home, away}
    assert list(article.players.all()) == [mertens]

    # A goal entered after the report was written is tagged too.
    make_goal(match, lovren, club=home, minute=65)
    assert set(article.players.all()) == {mertens, lovren}


def test_removing_a_match_club_from_the_tags_puts_it_back():
    home, away = make_club("Liverpool"), make_club("Napoli")
    article = make_article(match=make_match(home, away))
    other = make_club("Everton")

    article.clubs.set([other])  # what the admin form does with a shorter list
    assert set(article.clubs.all()) == {home, away, other}
    article.clubs.remove(home)
    article.clubs.clear()
    assert set(article.clubs.all()) == {home, away}


def test_goal_shows_minute_added_time_and_kind():
    match = make_match()
    goal = make_goal(match, make_player("Mohamed Salah"), minute=90, added_time=3, kind=Goal.Kind.PENALTY)
    assert str(goal) == "Mohamed Salah 90+3’ (pen)"


def test_a_reports_match_box_shows_the_timeline_and_links_to_the_match(client):
    from newsroom.football.models import Event

    home, away = make_club("Home Town"), make_club("Away Rovers")
    match = make_match(home=home, away=away, score=(1, 0))
    scorer, booked = make_player("Sam Striker", club=home), make_player("Ben Booked", club=away)
    on, off = make_player("Nia New", club=home), make_player("Olly Old", club=home)
    make_goal(match, scorer, club=home, minute=21)
    Event.objects.create(match=match, minute=34, kind=Event.Kind.YELLOW, club=away, player=booked)
    Event.objects.create(
        match=match, minute=60, kind=Event.Kind.SUBSTITUTION, club=home, player=on, player_off=off
    )
    article = make_article(match=match)
    html = client.get(article.get_absolute_url()).content.decode()
    box = html[html.index('class="match-box"') : html.index("</aside>", html.index('class="match-box"'))]
    assert "Sam Striker</a> 21’" in box
    assert "Ben Booked</a> 34’ <span class=\"match-box__event\">yellow card" in box
    assert "Nia New</a> 60’ <span class=\"match-box__event\">substitution, for <a" in box
    assert "Olly Old" in box
    # In minute order, and a way on to the whole match.
    assert box.index("Sam Striker") < box.index("Ben Booked") < box.index("Nia New")
    assert match.get_absolute_url() in box
