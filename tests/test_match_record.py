"""The match record: status, scores from goals, timeline events, line-ups, and the desk's admin."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from newsroom.football.lineups import prefill_from_last_match
from newsroom.football.merges import MergeRefused, merge_entities
from newsroom.football.models import Appearance, Event, Goal, Match

from .conftest import make_club, make_competition, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    return client


def _form(match, goals=(), events=(), lineup=(), **fields):
    """The admin's POST for `match` with these inline rows (dicts of their fields)."""
    kickoff = timezone.localtime(match.kickoff)
    data = {
        "competition": match.competition_id, "season": match.season, "round": match.round,
        "kickoff_0": kickoff.strftime("%d/%m/%Y"), "kickoff_1": kickoff.strftime("%H:%M:%S"),
        "venue": "", "status": match.status, "home_club": match.home_club_id, "away_club": match.away_club_id,
        "home_score": "", "away_score": "", "home_ht_score": "", "away_ht_score": "",
        "home_et_score": "", "away_et_score": "", "home_penalties": "", "away_penalties": "",
        "home_formation": "", "away_formation": "", "attendance": "", "referee": "",
    }  # fmt: skip
    data.update(fields)
    for prefix, rows in (("goals", goals), ("events", events), ("appearances", lineup)):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def _goal(minute, scorer, club, kind="open_play", added_time=0):
    return {"minute": minute, "added_time": added_time, "scorer": scorer.pk, "club": club.pk, "kind": kind}


@pytest.fixture
def anfield():
    liverpool, napoli = make_club("Liverpool"), make_club("Napoli")
    match = make_match(liverpool, napoli, score=None)
    mertens, lovren = make_player("Dries Mertens", club=napoli), make_player("Dejan Lovren", club=liverpool)
    return match, liverpool, napoli, mertens, lovren


# --- the model ---------------------------------------------------------------------------------


def test_scores_come_from_goals_with_own_goals_for_the_opponents(anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    goals = [
        Goal(match=match, minute=21, scorer=mertens, club=napoli),
        Goal(match=match, minute=45, added_time=2, scorer=lovren, club=napoli, kind=Goal.Kind.OWN_GOAL),
        Goal(match=match, minute=65, scorer=lovren, club=liverpool),
    ]
    assert match.scores_from(goals) == {
        "home_score": 1, "away_score": 2, "home_ht_score": 0, "away_ht_score": 2,
    }  # fmt: skip


def test_a_goal_in_extra_time_gives_a_score_after_extra_time(anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    goals = [
        Goal(match=match, minute=30, scorer=mertens, club=napoli),
        Goal(minute=110, scorer=lovren, club=liverpool),
    ]
    found = match.scores_from(goals)
    assert (found["home_score"], found["away_score"]) == (0, 1)
    assert (found["home_et_score"], found["away_et_score"]) == (1, 1)


def test_a_typed_score_that_contradicts_the_goals_is_named(anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    match.home_score, match.away_score = 2, 1
    problems = match.score_contradictions([Goal(match=match, minute=21, scorer=mertens, club=napoli)])
    assert problems == ["The full-time score says 2–1 but the goals entered make it 0–1."]


def test_a_postponed_match_has_no_score_and_a_shoot_out_cannot_end_level(anfield):
    match = anfield[0]
    match.status, match.home_score, match.away_score = Match.Status.POSTPONED, 1, 0
    with pytest.raises(ValidationError, match="postponed match has no score"):
        match.full_clean()
    match.status = Match.Status.FULL_TIME
    match.home_penalties = match.away_penalties = 4
    with pytest.raises(ValidationError, match="cannot end level"):
        match.full_clean()
    match.home_penalties = None
    with pytest.raises(IntegrityError), transaction.atomic():
        match.save()


def test_a_scored_match_saved_as_scheduled_is_full_time():
    assert make_match(score=(2, 0)).status == Match.Status.FULL_TIME
    assert make_match(score=None).status == Match.Status.SCHEDULED


def test_a_formation_must_add_up_to_ten_outfield_players(anfield):
    match = anfield[0]
    match.home_formation = "4-4-3"
    with pytest.raises(ValidationError, match="does not add up to ten"):
        match.full_clean()
    match.home_formation = "4 3 3"
    with pytest.raises(ValidationError, match="4-3-3 or 4-2-3-1"):
        match.full_clean()
    match.home_formation = "4-2-3-1"
    match.full_clean()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"kind": Event.Kind.YELLOW}, "needs its player"),
        ({"kind": Event.Kind.SUBSTITUTION, "player": "lovren"}, "Say who went off"),
        ({"kind": Event.Kind.RED, "player": "lovren", "player_off": "mertens"}, "Only a substitution"),
        ({"kind": Event.Kind.SUBSTITUTION, "player": "lovren", "player_off": "lovren"}, "cannot replace"),
    ],
)
def test_timeline_events_say_what_they_need(anfield, fields, message):
    match, liverpool, napoli, mertens, lovren = anfield
    people = {"lovren": lovren, "mertens": mertens}
    values = {name: people.get(value, value) for name, value in fields.items()}
    with pytest.raises(ValidationError, match=message):
        Event(match=match, minute=30, club=liverpool, **values).full_clean()


def test_a_var_decision_needs_no_player_and_an_event_club_must_be_in_the_match(anfield):
    match, liverpool = anfield[0], anfield[1]
    Event(match=match, minute=70, club=liverpool, kind=Event.Kind.VAR, note="Goal disallowed").full_clean()
    with pytest.raises(ValidationError, match="one of the two clubs"):
        Event(match=match, minute=70, club=make_club(), kind=Event.Kind.VAR).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(match=match, minute=121, club=liverpool, kind=Event.Kind.VAR)


def test_the_database_keeps_one_captain_and_one_shirt_number_per_side(anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    Appearance.objects.create(match=match, club=liverpool, player=lovren, number=6, captain=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Appearance.objects.create(match=match, club=liverpool, player=make_player(), number=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        Appearance.objects.create(match=match, club=liverpool, player=make_player(), captain=True)
    # The other side may wear 6 and have its own captain.
    Appearance.objects.create(match=match, club=napoli, player=mertens, number=6, captain=True)


def test_existing_matches_get_a_status_and_a_half_time_score_only_where_goals_add_up():
    migration = __import__("importlib").import_module("newsroom.football.migrations.0003_match_record")
    complete, partial, unplayed = make_match(score=(2, 1)), make_match(score=(1, 1)), make_match(score=None)
    for minute, club in ((10, complete.home_club), (50, complete.home_club), (40, complete.away_club)):
        make_goal(complete, make_player(), club=club, minute=minute)
    make_goal(partial, make_player(), club=partial.home_club, minute=5)
    Match.objects.update(status=Match.Status.SCHEDULED)  # as the rows were before the migration

    migration.fill_in_existing_matches(apps, None)

    complete.refresh_from_db(), partial.refresh_from_db(), unplayed.refresh_from_db()
    assert (complete.status, complete.home_ht_score, complete.away_ht_score) == ("full_time", 1, 1)
    assert (partial.status, partial.home_ht_score, partial.home_score) == ("full_time", None, 1)
    assert unplayed.status == "scheduled"
    assert Goal.objects.count() == 4


# --- the admin ---------------------------------------------------------------------------------


def test_goals_entered_in_the_admin_give_the_score(editor_client, anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    data = _form(match, goals=[_goal(65, lovren, liverpool), _goal(21, mertens, napoli)])
    response = editor_client.post(reverse("admin:football_match_change", args=[match.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    match.refresh_from_db()
    assert (match.home_score, match.away_score, match.home_ht_score, match.away_ht_score) == (1, 1, 0, 1)
    assert match.status == Match.Status.FULL_TIME
    assert [goal.minute for goal in match.goals.all()] == [21, 65]  # shown by minute


def test_a_score_contradicting_the_goals_is_refused_and_nothing_is_saved(editor_client, anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    data = _form(match, goals=[_goal(21, mertens, napoli)], home_score="2", away_score="1", round="Changed")
    response = editor_client.post(reverse("admin:football_match_change", args=[match.pk]), data)
    assert response.status_code == 200
    assert "The full-time score says 2–1 but the goals entered make it 0–1." in response.content.decode()
    match.refresh_from_db()
    assert (match.round, match.home_score, match.goals.count()) == ("", None, 0)


def _starter(club, player, number, **extra):
    return {"club": club.pk, "player": player.pk, "number": number, "starting": "on", "order": number,
            "position": "", **extra}  # fmt: skip


def test_a_line_up_with_twelve_starters_two_captains_or_a_shirt_worn_twice_is_refused(editor_client, anfield):
    match, liverpool = anfield[0], anfield[1]
    url = reverse("admin:football_match_change", args=[match.pk])
    twelve = [_starter(liverpool, make_player(club=liverpool), n) for n in range(1, 13)]
    assert "have 12 starters" in editor_client.post(url, _form(match, lineup=twelve)).content.decode()
    captains = [_starter(liverpool, make_player(), n, captain="on") for n in (1, 2)]
    assert "more than one captain" in editor_client.post(url, _form(match, lineup=captains)).content.decode()
    twice = [_starter(liverpool, make_player(), 9), _starter(liverpool, make_player(), 9)]
    assert "number 9 is worn twice" in editor_client.post(url, _form(match, lineup=twice)).content.decode()
    assert not Appearance.objects.exists()


def test_a_full_line_up_is_saved_with_its_formation(editor_client, anfield):
    match, liverpool = anfield[0], anfield[1]
    eleven = [_starter(liverpool, make_player(club=liverpool), n) for n in range(1, 12)]
    eleven[3]["captain"] = "on"
    bench = {"club": liverpool.pk, "player": make_player().pk, "number": 12, "order": 12, "position": "GK"}
    data = _form(match, lineup=[*eleven, bench], home_formation="4-3-3")
    response = editor_client.post(reverse("admin:football_match_change", args=[match.pk]), data)
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.home_formation == "4-3-3"
    assert match.appearances.filter(starting=True).count() == 11
    assert match.appearances.get(captain=True).number == 4
    assert match.appearances.get(starting=False).number == 12


def test_the_two_squads_are_offered_first_in_a_match_form(editor_client, anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    outsider = make_player("Aaron Outsider", club=make_club("Aardvark Town"))
    page = editor_client.get(reverse("admin:football_match_change", args=[match.pk])).content.decode()
    squads = f"squads={liverpool.pk},{napoli.pk}"
    assert squads in page
    params = {"app_label": "football", "model_name": "goal", "field_name": "scorer", "term": ""}
    plain = editor_client.get(reverse("admin:autocomplete"), params).json()["results"]
    assert plain[0]["id"] == str(outsider.pk)  # by name, "Aaron" first
    ordered = editor_client.get(
        reverse("admin:autocomplete"), {**params, "squads": f"{liverpool.pk},{napoli.pk}"}
    )
    ordered = ordered.json()["results"]
    assert {row["id"] for row in ordered[:2]} == {str(mertens.pk), str(lovren.pk)}
    assert ordered[-1]["id"] == str(outsider.pk)
    junk = editor_client.get(reverse("admin:autocomplete"), {**params, "squads": "1;drop,x"})
    assert junk.status_code == 200


def _lineup(match, club, players):
    for order, player in enumerate(players, start=1):
        Appearance.objects.create(
            match=match,
            club=club,
            player=player,
            number=order,
            order=order,
            starting=order <= 11,
            captain=order == 4,
        )


def test_prefill_copies_each_sides_last_line_up_in_the_same_competition_and_season(editor_client):
    cup, home, away = make_competition(), make_club("Home"), make_club("Away")
    kickoff = timezone.now() - datetime.timedelta(days=30)
    earlier = make_match(home, make_club(), competition=cup, kickoff=kickoff, home_formation="4-4-2")
    older = make_match(home, make_club(), competition=cup, kickoff=kickoff - datetime.timedelta(days=7))
    other_season = make_match(away, make_club(), competition=cup, season="2018-19", kickoff=kickoff)
    players = [make_player(club=home) for _ in range(14)]
    _lineup(earlier, home, players)
    _lineup(older, home, [make_player() for _ in range(11)])
    _lineup(other_season, away, [make_player() for _ in range(11)])
    match = make_match(home, away, competition=cup, score=None, kickoff=timezone.now())

    response = editor_client.post(reverse("admin:football_match_prefill", args=[match.pk]))
    assert response.status_code == 302
    copied = list(match.appearances.filter(club=home).order_by("order"))
    assert [a.player for a in copied] == players
    assert sum(a.starting for a in copied) == 11 and [a.number for a in copied if a.captain] == [4]
    assert not match.appearances.filter(club=away).exists()  # its last line-up was another season
    match.refresh_from_db()
    assert match.home_formation == "4-4-2"

    # Run again: the side has a line-up now, so nothing is copied twice.
    assert prefill_from_last_match(match) == {}
    assert match.appearances.count() == 14
    assert editor_client.get(reverse("admin:football_match_prefill", args=[match.pk])).status_code == 403


def test_merging_clubs_or_players_moves_their_line_ups_and_timeline(anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    twin = make_player("D. Mertens", club=napoli)
    Appearance.objects.create(match=match, club=napoli, player=twin, number=14)
    Event.objects.create(match=match, minute=30, club=napoli, kind=Event.Kind.YELLOW, player=twin)
    Event.objects.create(
        match=match, minute=60, club=napoli, kind="substitution", player=make_player(), player_off=twin
    )
    merge_entities(mertens, [twin])
    assert match.appearances.get().player == mertens
    assert match.events.get(kind=Event.Kind.YELLOW).player == mertens
    assert match.events.get(kind=Event.Kind.SUBSTITUTION).player_off == mertens

    copy = make_club("Napoli Two")
    other = make_match(copy, make_club(), score=None)
    Appearance.objects.create(match=other, club=copy, player=make_player(), number=1)
    Event.objects.create(match=other, minute=5, club=copy, kind=Event.Kind.VAR)
    merge_entities(napoli, [copy])
    assert other.appearances.get().club == napoli and other.events.get().club == napoli


def test_a_merge_that_would_put_one_player_twice_in_a_line_up_is_refused(anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    twin = make_player("D. Mertens", club=napoli)
    Appearance.objects.create(match=match, club=napoli, player=mertens, number=14)
    Appearance.objects.create(match=match, club=napoli, player=twin, number=41, starting=False)
    with pytest.raises(MergeRefused, match="Both are in the line-up of Liverpool v Napoli"):
        merge_entities(mertens, [twin])
    assert match.appearances.count() == 2


def test_a_new_match_whose_inline_rows_name_a_third_club_is_refused_whole(editor_client, anfield):
    match, liverpool, napoli, mertens, lovren = anfield
    bystander = make_club("Bystander")
    data = _form(match, events=[{"minute": 30, "added_time": 0, "kind": "yellow", "club": bystander.pk,
                                 "player": mertens.pk, "player_off": "", "note": ""}])  # fmt: skip
    data["kickoff_0"] = "01/02/2021"  # a new fixture of the same clubs
    response = editor_client.post(reverse("admin:football_match_add"), data)
    assert response.status_code == 200
    assert "one of the two clubs in the match" in response.content.decode()
    assert Match.objects.count() == 1 and not Event.objects.exists()
