"""Fixtures and results from open data: the openfootball `football.json` format.

    {"name": "Italian Serie A 2019/20", "matches": [{"round": "Matchday 1", "date": "2019-08-24",
      "time": "18:00"?, "team1": "Parma Calcio 1913", "team2": "Juventus",
      "score": {"ht"?: [0, 1], "ft"?: [0, 1], "et"?: [..], "p"?: [..]}, "group"?: "Group A"}]}

Older files of the same project hold the same matches in rounds, and some give the teams as
objects and the score as numbers; `read_season()` reads those too:

    {"name": ..., "rounds": [{"name": "Matchday 1", "matches": [{"date": "2015-08-08",
      "team1": {"key": "manutd", "name": "Manchester United", "code": "MUN"}, "team2": {...},
      "score1": 1, "score2": 0, "score1i"?: 0, "score2i"?: 0, "score1et"?: .., "score1p"?: ..}]}]}

`read_season()` checks a whole file before anything is written and raises `FixtureError` naming
the file and the match. `import_season()` writes one season: clubs are found by name, short name,
alias or the name without its affixes ("Liverpool FC (ENG)" -> "Liverpool"), unknown ones are
created; a match is identified by competition, season, round and its two clubs, so a second run
updates and never duplicates. The command (`manage.py import_fixtures`) holds the transaction.
"""

import datetime
import json
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count

from newsroom.delivery import purges

from .entities import club_name_variants
from .models import Club, Competition, Match
from .names import has_letters_or_digits, slug_for_name

# The seasons the project ships (public domain; the demo imports them).
DATA_DIRECTORY = Path(__file__).resolve().parent / "data" / "openfootball"
# openfootball's file codes for the competitions we know, with their rule books' tie-breaks.
KNOWN_COMPETITIONS = {
    "en.1": ("Premier League", "premier-league", Competition.TieBreak.GOAL_DIFFERENCE),
    "it.1": ("Serie A", "serie-a", Competition.TieBreak.HEAD_TO_HEAD),
    "es.1": ("La Liga", "la-liga", Competition.TieBreak.HEAD_TO_HEAD),
    "de.1": ("Bundesliga", "bundesliga", Competition.TieBreak.GOAL_DIFFERENCE),
    "fr.1": ("Ligue 1", "ligue-1", Competition.TieBreak.GOAL_DIFFERENCE),
    "en.2": ("Championship", "championship", Competition.TieBreak.GOAL_DIFFERENCE),
    "it.2": ("Serie B", "serie-b", Competition.TieBreak.HEAD_TO_HEAD),
    "es.2": ("Segunda División", "segunda-division", Competition.TieBreak.HEAD_TO_HEAD),
    "de.2": ("2. Bundesliga", "2-bundesliga", Competition.TieBreak.GOAL_DIFFERENCE),
    "fr.2": ("Ligue 2", "ligue-2", Competition.TieBreak.GOAL_DIFFERENCE),
    "nl.1": ("Eredivisie", "eredivisie", Competition.TieBreak.GOAL_DIFFERENCE),
    "pt.1": ("Primeira Liga", "primeira-liga", Competition.TieBreak.HEAD_TO_HEAD),
    "sco.1": ("Scottish Premiership", "scottish-premiership", Competition.TieBreak.GOAL_DIFFERENCE),
    "uefa.cl": ("UEFA Champions League", "uefa-champions-league", Competition.TieBreak.HEAD_TO_HEAD),
    "uefa.el": ("UEFA Europa League", "uefa-europa-league", Competition.TieBreak.HEAD_TO_HEAD),
}
# The repository's own short names for the European cups ("2019-20/cl.json").
KNOWN_COMPETITIONS["cl"] = KNOWN_COMPETITIONS["uefa.cl"]
KNOWN_COMPETITIONS["el"] = KNOWN_COMPETITIONS["uefa.el"]
# "Liverpool FC (ENG)": the country code openfootball adds in European competitions.
COUNTRY_CODE = re.compile(r"\s*\(([A-Z]{3})\)\s*$")
COUNTRIES = {
    "ENG": "England", "ITA": "Italy", "ESP": "Spain", "GER": "Germany", "FRA": "France", "NED": "Netherlands",
    "POR": "Portugal", "BEL": "Belgium", "AUT": "Austria", "SUI": "Switzerland", "SCO": "Scotland",
    "TUR": "Turkey", "GRE": "Greece", "RUS": "Russia", "UKR": "Ukraine", "CRO": "Croatia", "SRB": "Serbia",
    "CZE": "Czech Republic", "DEN": "Denmark", "SWE": "Sweden", "NOR": "Norway", "POL": "Poland",
}  # fmt: skip
# "it.1-2019-20.json", or the repository's own layout "2019-20/it.1.json".
FILE_NAME = re.compile(r"^(?P<code>[a-z]+(?:\.[a-z0-9]+)?)(?:-(?P<season>\d{4}-\d{2}))?\.json$")
SEASON = re.compile(r"^\d{4}-\d{2}$")
# Matches with no time in the file kick off at noon, local time: the date stays right in any zone.
NO_TIME = datetime.time(12, 0)


class FixtureError(Exception):
    """A file, an option or a team that cannot be imported; the message says which and why."""


@dataclass
class FixtureRow:
    """One match as the file gives it."""

    round: str
    kickoff: datetime.datetime
    home: str
    away: str
    scores: dict  # Match field -> value, for the scores the file gives


@dataclass
class Season:
    path: str
    code: str  # the file's competition code, "" when not known
    title: str  # the file's "name"
    season: str
    rows: list


@dataclass
class Outcome:
    """What one season's import did."""

    competition: Competition = None
    season: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    clubs_created: list = field(default_factory=list)
    kept_from_goals: list = field(default_factory=list)  # matches whose score their goals decide


def _pair(value, what):
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 100 for n in value)
    ):
        return value
    raise ValueError(f"score {what!r} must be two whole numbers, e.g. [2, 1]")


SCORE_FIELDS = {"ft": "score", "ht": "ht_score", "et": "et_score", "p": "penalties"}
_ALL_SCORES = [f"{side}_{name}" for name in SCORE_FIELDS.values() for side in ("home", "away")]


# The older files' score keys: (home, away) numbers for each of the newer "score" object's keys.
LEGACY_SCORES = {"ft": ("score1", "score2"), "ht": ("score1i", "score2i"), "et": ("score1et", "score2et"),
                 "p": ("score1p", "score2p")}  # fmt: skip


def _modern(entry):
    """An older file's match in the newer shape: team objects by their name, numbers as a score."""
    entry = dict(entry)
    for key in ("team1", "team2"):
        if isinstance(entry.get(key), dict):
            entry[key] = entry[key].get("name")
    if "score" not in entry:
        score = {}
        for key, (home, away) in LEGACY_SCORES.items():
            if entry.get(home) is not None or entry.get(away) is not None:
                score[key] = [entry.get(home), entry.get(away)]
        if score:
            entry["score"] = score
    return entry


def _matches_of(data):
    """The file's matches, each with its round: from "matches", or from "rounds" of matches (a
    match's own "round" wins over its round's name). None if the file has neither."""
    if isinstance(data.get("matches"), list):
        return data["matches"]
    if not isinstance(data.get("rounds"), list):
        return None
    matches = []
    for round_ in data["rounds"]:
        if not isinstance(round_, dict) or not isinstance(round_.get("matches"), list):
            return None
        for entry in round_["matches"]:
            matches.append({"round": round_.get("name"), **entry} if isinstance(entry, dict) else entry)
    return matches


def _row(entry, zone):
    if not isinstance(entry, dict):
        raise ValueError("each match must be an object")
    entry = _modern(entry)
    for key in ("round", "date", "team1", "team2"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ValueError(f'"{key}" is missing or empty')
    home, away = entry["team1"].strip(), entry["team2"].strip()
    for team in (home, away):
        if len(team) > 100 or not has_letters_or_digits(team) or "\x00" in team:
            raise ValueError(f"{team[:40]!r} is not a team name")
    if slug_for_name(COUNTRY_CODE.sub("", home)) == slug_for_name(COUNTRY_CODE.sub("", away)):
        raise ValueError(f"{home} cannot play itself")
    try:
        day = datetime.date.fromisoformat(entry["date"])
        time = datetime.time.fromisoformat(entry["time"]) if entry.get("time") else NO_TIME
    except (TypeError, ValueError):
        raise ValueError(
            f"date {entry.get('date')!r} or time {entry.get('time')!r} is not YYYY-MM-DD / HH:MM"
        ) from None
    score = entry.get("score") or {}
    if not isinstance(score, dict):
        raise ValueError('"score" must be an object')
    scores = {}
    for key, name in SCORE_FIELDS.items():
        if key in score:
            scores[f"home_{name}"], scores[f"away_{name}"] = _pair(score[key], key)
    if scores and "home_score" not in scores:
        raise ValueError('a score without "ft" (the full-time score)')
    round_name = entry["round"].strip()
    if isinstance(entry.get("group"), str) and entry["group"].strip() and "group" not in round_name.lower():
        # Some files give the group beside a "Matchday 3" round: the table needs to know it.
        round_name = f"{entry['group'].strip()}, {round_name}"
    if len(round_name) > 100:
        raise ValueError("the round's name is longer than 100 characters")
    return FixtureRow(round_name, datetime.datetime.combine(day, time, tzinfo=zone), home, away, scores)


def read_season(path, season=None, timezone_name="Europe/London"):
    """The file at `path`, checked whole. `season` overrides the one in the file's name."""
    try:
        zone = zoneinfo.ZoneInfo(timezone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise FixtureError(f"{timezone_name!r} is not a time zone (e.g. Europe/Rome).") from None
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FixtureError(f"{path}: no such file.") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise FixtureError(f"{path}: not a UTF-8 text file.") from None
    except json.JSONDecodeError as error:
        raise FixtureError(f"{path}: not valid JSON ({error.msg} at line {error.lineno}).") from None
    matches = _matches_of(data) if isinstance(data, dict) else None
    if matches is None:
        raise FixtureError(
            f'{path}: expected {{"name": ..., "matches": [...]}} (openfootball football.json), or'
            ' {"rounds": [{"name": ..., "matches": [...]}]} as older files have.'
        )
    named = FILE_NAME.match(path.name)
    code = named["code"] if named else ""
    season = (
        season
        or (named and named["season"])
        or (path.parent.name if SEASON.match(path.parent.name) else None)
    )
    if not season:
        raise FixtureError(
            f"{path}: no season in the file's name (it.1-2019-20.json, 2019-20/it.1.json): "
            "pass --season 2019-20."
        )
    if not SEASON.match(season) or int(season[5:]) != (int(season[:4]) + 1) % 100:
        raise FixtureError(f"{season!r} is not a season: write it as 2019-20.")
    rows = []
    for index, entry in enumerate(matches, start=1):
        try:
            rows.append(_row(entry, zone))
        except ValueError as error:
            raise FixtureError(f"{path}: match {index}: {error}. Nothing was imported.") from None
    seen = {}
    for index, row in enumerate(rows, start=1):
        key = (row.round, slug_for_name(row.home), slug_for_name(row.away))
        if key in seen:
            raise FixtureError(
                f"{path}: match {index} repeats match {seen[key]} ({row.home} v {row.away}, {row.round})."
            )
        seen[key] = index
    return Season(str(path), code, str(data.get("name") or ""), season, rows)


def find_competition(season, given=None):
    """The competition `--competition` names (slug or name), else the one the file's code stands
    for (created with its rule book's tie-break when missing)."""
    if given:
        found = (
            Competition.objects.filter(slug=given).first()
            or Competition.objects.filter(name__iexact=given).first()
        )
        if found is None:
            known = ", ".join(Competition.objects.order_by("slug").values_list("slug", flat=True)[:20])
            raise FixtureError(
                f"No competition {given!r}. Known: {known or 'none yet'}; or create it in the admin."
            )
        return found
    if season.code in KNOWN_COMPETITIONS:
        name, slug, tie_break = KNOWN_COMPETITIONS[season.code]
        found = (
            Competition.objects.filter(slug=slug).first()
            or Competition.objects.filter(name__iexact=name).first()
        )
        return found or Competition.objects.create(name=name, slug=slug, tie_break=tie_break)
    raise FixtureError(
        f"{season.path}: the file's name does not say which competition it is"
        f"{f' ({season.code!r} is not one we know)' if season.code else ''}: pass --competition <slug>."
    )


class ClubIndex:
    """Every club under each form of its names, read once per import. Names, short names and
    aliases are exact forms; the same without affixes ("SSC Napoli" -> "Napoli") are loose
    forms, tried only when no exact one matches."""

    def __init__(self):
        self.exact, self.loose, self.clubs = {}, {}, {}
        for club in Club.objects.only("id", "name", "slug", "short_name", "aliases"):
            self.add(club)

    def add(self, club):
        self.clubs[club.pk] = club
        forms = [club.name, club.short_name, *club.alias_list()]
        for form in filter(None, forms):
            self.exact.setdefault(slug_for_name(form), set()).add(club.pk)
            for variant in club_name_variants(form):
                self.loose.setdefault(slug_for_name(variant), set()).add(club.pk)

    def find(self, team):
        """The club `team` names, None if none does; FixtureError if it names two."""
        name = COUNTRY_CODE.sub("", team)
        keys = [slug_for_name(name)] + [slug_for_name(v) for v in club_name_variants(name)]
        for index in (self.exact, self.loose):
            found = set().union(*(index.get(key, set()) for key in keys))
            if len(found) > 1:
                names = " and ".join(
                    sorted(f"“{self.clubs[pk].name}” ({self.clubs[pk].slug})" for pk in found)
                )
                raise FixtureError(
                    f"{team!r} matches two clubs, {names}: give one of them the file's name as an alias "
                    "(or merge them) and run the import again. Nothing was imported."
                )
            if found:
                return self.clubs[found.pop()]
        return None


def import_season(season, competition, clubs, progress=lambda done, total: None, only_new=False):
    """Write `season`'s matches into `competition`. Must run inside a transaction (the command's).
    `only_new`: create the matches that are missing and leave every existing one as it is."""
    assert transaction.get_connection().in_atomic_block, "import_season() writes a whole season or nothing"
    outcome = Outcome(competition=competition, season=season.season)

    def club_for(team):
        club = clubs.find(team)
        if club is None:
            name = COUNTRY_CODE.sub("", team).strip()
            code = COUNTRY_CODE.search(team)
            club = Club.objects.create(name=name, country=COUNTRIES.get(code[1], "") if code else "")
            clubs.add(club)
            outcome.clubs_created.append(club)
        return club

    matches = list(
        Match.objects.filter(competition=competition, season=season.season).annotate(
            goal_count=Count("goals")
        )
    )
    existing = {(match.round, match.home_club_id, match.away_club_id): match for match in matches}
    # A match entered by hand under another round name ("Group E, matchday 5") is the same match
    # when its clubs and kick-off agree: it takes the file's round rather than gaining a twin.
    by_kickoff = {(match.home_club_id, match.away_club_id, match.kickoff): match for match in matches}
    new = []
    for done, row in enumerate(season.rows, start=1):
        home, away = club_for(row.home), club_for(row.away)
        wanted = {"kickoff": row.kickoff, **{f: None for f in _ALL_SCORES}, **row.scores}
        match = existing.get((row.round, home.pk, away.pk)) or by_kickoff.get((home.pk, away.pk, row.kickoff))
        if match is not None and match.round != row.round:
            wanted["round"] = row.round
        if match is None:
            status = Match.Status.FULL_TIME if row.scores else Match.Status.SCHEDULED
            new.append(
                Match(competition=competition, season=season.season, round=row.round, home_club=home,
                      away_club=away, status=status, **wanted)
            )  # fmt: skip
        elif only_new:
            outcome.unchanged += 1
        else:
            if match.goal_count:
                # The desk entered the goals: the score comes from them, whatever the file says.
                if any(getattr(match, f) != v for f, v in wanted.items() if f in _ALL_SCORES):
                    outcome.kept_from_goals.append(match)
                wanted = {name: wanted[name] for name in ("kickoff", "round") if name in wanted}
            elif row.scores:
                wanted["status"] = Match.Status.FULL_TIME
            elif match.status == Match.Status.FULL_TIME:
                wanted["status"] = Match.Status.SCHEDULED  # the file took a result back
            changed = {f: v for f, v in wanted.items() if getattr(match, f) != v}
            if changed:
                for name, value in changed.items():
                    setattr(match, name, value)
                # save(), not bulk_update(): reports on the match are reindexed and pages purged.
                match.save(update_fields=list(changed))
                outcome.updated += 1
            else:
                outcome.unchanged += 1
        progress(done, len(season.rows))
    if new:
        _refuse_clashes(new, competition)
        Match.objects.bulk_create(new, batch_size=500)
        # bulk_create sends no signals: purge what the new matches show, as every bulk write does.
        purges.purge(*(purges.tags_for(match) for match in new))
        outcome.created = len(new)
    return outcome


def _refuse_clashes(new, competition):
    """Two clubs cannot kick off against each other twice at once (match_unique_fixture): say
    which match of another competition is in the way instead of failing on the constraint."""
    homes = {match.home_club_id for match in new}
    taken = {
        (m.home_club_id, m.away_club_id, m.kickoff): m
        for m in Match.objects.filter(home_club_id__in=homes).select_related(
            "competition", "home_club", "away_club"
        )
    }
    for match in new:
        clash = taken.get((match.home_club_id, match.away_club_id, match.kickoff))
        if clash is not None:
            raise FixtureError(
                f"{clash} at {clash.kickoff:%Y-%m-%d %H:%M} is already in {clash.competition} {clash.season} "
                f"({clash.round or 'no round'}), not {competition}: correct one. Nothing was imported."
            )
