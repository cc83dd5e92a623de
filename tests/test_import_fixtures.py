"""`manage.py import_fixtures`: openfootball files in, matches and clubs out, safe to run twice."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsroom.football.models import Club, Competition, Match

from .conftest import make_club, make_competition, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db

# The project's own copy of the two shared seasons (what the demo imports).
OPENFOOTBALL = Path(__file__).resolve().parents[1] / "newsroom" / "football" / "data" / "openfootball"
SERIE_A = OPENFOOTBALL / "it.1-2019-20.json"
CHAMPIONS_LEAGUE = OPENFOOTBALL / "uefa.cl-2019-20.json"


def _import(*args):
    out = StringIO()
    call_command("import_fixtures", *map(str, args), stdout=out)
    return out.getvalue()


def _file(tmp_path, matches, name="xx.1-2019-20.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"name": "Test League 2019/20", "matches": matches}), encoding="utf-8")
    return path


def _match(team1, team2, round="Matchday 1", date="2019-08-24", **extra):
    return {"round": round, "date": date, "time": "15:00", "team1": team1, "team2": team2, **extra}


def test_two_real_seasons_import_and_a_second_run_changes_nothing():
    out = _import(SERIE_A, CHAMPIONS_LEAGUE, "--timezone", "Europe/Rome")
    assert "Serie A 2019-20: 380 created, 0 updated, 0 unchanged." in out
    assert "UEFA Champions League 2019-20: 119 created, 0 updated, 0 unchanged." in out
    assert "20 new club(s)" in out and "380/380" in out
    # "Inter (ITA)" in the Champions League is Serie A's "Inter", not a new club.
    assert Club.objects.filter(name__in=["Inter", "Inter (ITA)"]).count() == 1
    assert Match.objects.count() == 499
    assert Match.objects.filter(status=Match.Status.FULL_TIME).count() == 499

    again = _import(SERIE_A, CHAMPIONS_LEAGUE, "--timezone", "Europe/Rome")
    assert "Serie A 2019-20: 0 created, 0 updated, 380 unchanged." in again
    assert "new club" not in again
    assert Match.objects.count() == 499

    liverpool_napoli = Match.objects.get(home_club__name="Liverpool FC", away_club__name="SSC Napoli")
    assert (liverpool_napoli.round, liverpool_napoli.home_score, liverpool_napoli.away_score) == (
        "Group E",
        1,
        1,
    )
    assert liverpool_napoli.kickoff == datetime.datetime(2019, 11, 27, 20, 0, tzinfo=datetime.UTC)
    extra_time = Match.objects.get(home_club__name="Liverpool FC", round="Round of 16")
    after_90, after_120 = (
        (extra_time.home_score, extra_time.away_score),
        (extra_time.home_et_score, extra_time.away_et_score),
    )
    assert (after_90, after_120) == ((1, 0), (2, 3))
    assert Competition.objects.get(slug="serie-a").tie_break == Competition.TieBreak.HEAD_TO_HEAD


def test_teams_resolve_through_names_aliases_and_names_without_affixes(tmp_path):
    liverpool = make_club("Liverpool", aliases="LFC")
    brugge = make_club("Club Brugge")
    path = _file(
        tmp_path,
        [
            _match("Liverpool FC (ENG)", "Club Brugge KV (BEL)"),
            _match("LFC", "Genk (BEL)", round="Matchday 2"),
        ],
    )
    out = _import(path, "--competition", make_competition("Cup", slug="cup").slug)
    first, second = Match.objects.order_by("kickoff", "round")
    assert (first.home_club, first.away_club, second.home_club) == (liverpool, brugge, liverpool)
    assert "1 new club(s): Genk" in out
    assert Club.objects.get(name="Genk").country == "Belgium"


def test_a_team_that_matches_two_clubs_is_refused_naming_both_and_nothing_is_written(tmp_path):
    make_club("Racing Club")
    make_club("Racing FC")
    path = _file(
        tmp_path, [_match("Newcomers", "Old Boys"), _match("Racing", "Old Boys", round="Matchday 2")]
    )
    with pytest.raises(CommandError) as refused:
        _import(path, "--competition", make_competition("Cup", slug="cup").slug)
    assert "“Racing Club” (racing-club)" in str(refused.value) and "“Racing FC” (racing-fc)" in str(
        refused.value
    )
    assert not Match.objects.exists()
    assert not Club.objects.filter(name__in=["Newcomers", "Old Boys"]).exists()


def test_a_bad_file_among_good_ones_writes_nothing(tmp_path):
    good = _file(tmp_path, [_match("Alpha", "Beta")], name="a.1-2019-20.json")
    bad = _file(
        tmp_path,
        [_match("Gamma", "Delta"), {"round": "Matchday 1", "team1": "Gamma"}],
        name="b.1-2019-20.json",
    )
    cup = make_competition("Cup", slug="cup")
    with pytest.raises(CommandError, match=r"match 2: \"date\" is missing"):
        _import(good, bad, "--competition", cup.slug)
    assert not Match.objects.exists() and not Club.objects.exists()


def _one(team1="A", team2="B", date="2019-08-01", **extra):
    return json.dumps({"matches": [{"round": "1", "date": date, "team1": team1, "team2": team2, **extra}]})


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ('{"name": "x"}', "expected"),
        (_one(date="2019-13-01"), "not YYYY-MM-DD"),
        (_one(team2="A"), "cannot play itself"),
        (_one(score={"ft": [1]}), "two whole numbers"),
        (_one(score={"ft": [1, -1]}), "two whole numbers"),
        (_one(score={"ht": [1, 0]}), 'without "ft"'),
        (_one(team1="!!!"), "not a team name"),
        (_one(team1="A" * 101), "not a team name"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path, content, message):
    path = tmp_path / "xx.1-2019-20.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        _import(path, "--competition", make_competition().slug)
    assert not Match.objects.exists()


def test_the_season_and_competition_come_from_the_file_name_or_the_options(tmp_path):
    unnamed = _file(tmp_path, [_match("Alpha", "Beta")], name="fixtures.json")
    with pytest.raises(CommandError, match="pass --season 2019-20"):
        _import(unnamed)
    with pytest.raises(CommandError, match="pass --competition"):
        _import(unnamed, "--season", "2019-20")
    with pytest.raises(CommandError, match="is not a season"):
        _import(unnamed, "--season", "2019-21")
    with pytest.raises(CommandError, match="No competition 'nowhere'"):
        _import(unnamed, "--season", "2019-20", "--competition", "nowhere")
    with pytest.raises(CommandError, match="not a time zone"):
        _import(unnamed, "--timezone", "Mars/Olympus")

    season_dir = tmp_path / "2020-21"
    season_dir.mkdir()
    known = _file(season_dir, [_match("Alpha", "Beta", date="2020-09-12")], name="en.1.json")
    _import(known)
    match = Match.objects.get()
    assert (match.competition.name, match.season, match.status) == ("Premier League", "2020-21", "scheduled")


def test_a_second_run_updates_a_changed_result_and_keeps_a_score_that_goals_decide(tmp_path):
    cup = make_competition("Cup", slug="cup")
    first = [_match("Alpha", "Beta"), _match("Gamma", "Delta")]
    _import(_file(tmp_path, first), "--competition", "cup")
    gamma_delta = Match.objects.get(home_club__name="Gamma")
    make_goal(gamma_delta, make_player(), club=gamma_delta.home_club, minute=9)
    Match.objects.filter(pk=gamma_delta.pk).update(home_score=1, away_score=0, status="full_time")

    played = [
        _match("Alpha", "Beta", score={"ht": [0, 0], "ft": [2, 1]}),
        _match("Gamma", "Delta", score={"ft": [3, 3]}),
    ]
    out = _import(_file(tmp_path, played), "--competition", "cup")
    assert "Cup 2019-20: 0 created, 1 updated, 1 unchanged." in out
    assert "score kept, worked out from its goals" in out
    alpha_beta = Match.objects.get(home_club__name="Alpha")
    assert (alpha_beta.status, alpha_beta.home_score, alpha_beta.away_score, alpha_beta.home_ht_score) == (
        "full_time", 2, 1, 0,
    )  # fmt: skip
    gamma_delta.refresh_from_db()
    assert (gamma_delta.home_score, gamma_delta.away_score) == (1, 0)
    assert Match.objects.filter(competition=cup).count() == 2


def test_a_postponed_match_stays_postponed_until_the_file_has_its_result(tmp_path):
    make_competition("Cup", slug="cup")
    _import(_file(tmp_path, [_match("Alpha", "Beta")]), "--competition", "cup")
    Match.objects.update(status=Match.Status.POSTPONED)
    assert "1 unchanged" in _import(_file(tmp_path, [_match("Alpha", "Beta")]), "--competition", "cup")
    assert Match.objects.get().status == Match.Status.POSTPONED
    replayed = [_match("Alpha", "Beta", date="2019-09-30", score={"ft": [0, 2]})]
    _import(_file(tmp_path, replayed), "--competition", "cup")
    match = Match.objects.get()
    assert (match.status, match.kickoff.date(), match.away_score) == (
        "full_time",
        datetime.date(2019, 9, 30),
        2,
    )


def test_a_club_renamed_between_seasons_stays_one_club(tmp_path):
    make_competition("League", slug="league")
    last_season = [_match("Parma FC", "Beta", date="2018-08-25")]
    _import(_file(tmp_path, last_season, name="xx.1-2018-19.json"), "--competition", "league")
    parma = Club.objects.get(name="Parma FC")
    parma.name, parma.aliases = "Parma Calcio 1913", "Parma FC"  # the desk renames it, keeping the old name
    parma.save()

    _import(
        _file(tmp_path, [_match("Parma Calcio 1913", "Beta", date="2019-08-24")]), "--competition", "league"
    )
    out = _import(_file(tmp_path, last_season, name="xx.1-2018-19.json"), "--competition", "league")
    assert "0 created, 0 updated, 1 unchanged" in out
    assert set(Match.objects.values_list("home_club", flat=True)) == {parma.pk}
    assert Club.objects.filter(name__icontains="parma").count() == 1


def test_a_match_entered_by_hand_under_another_round_name_is_updated_not_doubled(tmp_path):
    cup = make_competition("Cup", slug="cup")
    alpha, beta = make_club("Alpha"), make_club("Beta")
    kickoff = datetime.datetime(2019, 8, 24, 15, 0, tzinfo=timezone.get_default_timezone())
    make_match(alpha, beta, competition=cup, round="Group E, matchday 1", kickoff=kickoff, score=None)
    _import(
        _file(tmp_path, [_match("Alpha", "Beta", round="Group E", score={"ft": [1, 1]})]),
        "--competition",
        "cup",
    )
    match = Match.objects.get()
    assert (match.round, match.home_score) == ("Group E", 1)


def test_a_fixture_clashing_with_another_competition_is_refused_by_name(tmp_path):
    alpha, beta = make_club("Alpha"), make_club("Beta")
    kickoff = datetime.datetime(2019, 8, 24, 15, 0, tzinfo=timezone.get_default_timezone())
    make_match(alpha, beta, competition=make_competition("Friendly", slug="friendly"), kickoff=kickoff)
    make_competition("Cup", slug="cup")
    with pytest.raises(CommandError, match="already in Friendly 2019-20"):
        _import(_file(tmp_path, [_match("Alpha", "Beta")]), "--competition", "cup")


def test_a_dry_run_saves_nothing(tmp_path):
    out = _import(
        _file(tmp_path, [_match("Alpha", "Beta")]), "--competition", make_competition().slug, "--dry-run"
    )
    assert "1 created" in out and "Dry run: nothing was saved." in out
    assert not Match.objects.exists() and not Club.objects.exists()


def test_only_new_creates_missing_matches_and_leaves_existing_ones_alone(tmp_path):
    make_competition("Cup", slug="cup")
    _import(_file(tmp_path, [_match("Alpha", "Beta", score={"ft": [1, 0]})]), "--competition", "cup")
    Match.objects.update(home_score=2, away_score=2)  # the desk's correction
    played = [_match("Alpha", "Beta", score={"ft": [1, 0]}), _match("Gamma", "Delta", round="Matchday 2")]
    out = _import(_file(tmp_path, played), "--competition", "cup", "--only-new")
    assert "1 created, 0 updated, 1 unchanged" in out
    assert Match.objects.get(home_club__name="Alpha").home_score == 2


def _as_rounds(matches, legacy):
    """A season in the older files' shape: grouped in rounds; with `legacy`, teams as objects and
    the score as numbers (score1, score2, score1i, ...)."""
    rounds = {}
    for match in matches:
        match = dict(match)
        name = match.pop("round")
        if legacy:
            for key in ("team1", "team2"):
                team = match[key]
                match[key] = {"key": team.lower()[:8], "name": team, "code": team[:3].upper()}
            score = match.pop("score", {})
            suffix = {"ft": "", "ht": "i", "et": "et", "p": "p"}
            for key, (home, away) in score.items():
                match[f"score1{suffix[key]}"], match[f"score2{suffix[key]}"] = home, away
        rounds.setdefault(name, []).append(match)
    grouped = [{"name": name, "matches": matches} for name, matches in rounds.items()]
    return {"name": "Italian Serie A 2019/20", "rounds": grouped}


@pytest.mark.parametrize("legacy", [False, True], ids=["rounds", "rounds-legacy-fields"])
def test_older_files_in_rounds_import_as_the_same_season(tmp_path, legacy):
    season = json.loads(SERIE_A.read_text(encoding="utf-8"))
    folder = tmp_path / "2019-20"
    folder.mkdir()
    older = folder / "it.1.json"  # the season from the folder's name, as the older files are laid out
    older.write_text(json.dumps(_as_rounds(season["matches"], legacy)), encoding="utf-8")
    competition = make_competition("Serie A", slug="serie-a")
    out = _import(older, "--competition", competition.slug, "--timezone", "Europe/Rome")
    assert "380 created, 0 updated, 0 unchanged." in out
    assert Match.objects.filter(status=Match.Status.FULL_TIME).count() == 380
    # The same matches and results as the file in its newer shape.
    again = _import(SERIE_A, "--competition", "serie-a", "--timezone", "Europe/Rome")
    assert "0 created, 0 updated, 380 unchanged." in again
    first = season["matches"][0]
    match = Match.objects.get(home_club__name=first["team1"], away_club__name=first["team2"])
    assert [match.home_score, match.away_score] == first["score"]["ft"]
    assert [match.home_ht_score, match.away_ht_score] == first["score"]["ht"]


def test_the_repositorys_short_cup_names_and_other_leagues_are_known(tmp_path):
    folder = tmp_path / "2019-20"
    folder.mkdir()
    cup = _file(folder, [_match("Liverpool FC (ENG)", "SSC Napoli (ITA)", round="Group E")], name="cl.json")
    _import(cup)
    assert Match.objects.get().competition.slug == "uefa-champions-league"
    league = _file(folder, [_match("Benfica", "Porto")], name="pt.1.json")
    _import(league)
    assert Competition.objects.get(slug="primeira-liga").tie_break == Competition.TieBreak.HEAD_TO_HEAD
