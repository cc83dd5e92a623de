"""League tables worked out from results: for a league, and for each group of a cup.

A season's matches are sorted by their round: "Group E" (or "Group E, matchday 5") is group E;
"Matchday 3", "Round 12", "Week 4" are league rounds; anything else ("Round of 16", "Final") is a
knockout round and in no table. Only full-time matches count (`Match.counts_in_tables()`), at their
score after 90 minutes. Points per win and draw and the order of clubs level on points are the
competition's (`Competition.points_for_win`, `points_for_draw`, `tie_break`):

- goal difference: points, goal difference, goals scored (the Premier League);
- head to head: points, then among the clubs level on points their games against each other
  (points, goal difference, goals scored), applied again to any smaller group still level (UEFA's
  rule), then goal difference and goals scored overall (Serie A, La Liga, UEFA group stage).

The club's name breaks what is still level, so the order never depends on the database's.
Pure functions of Match instances (with their clubs attached): no query here.
"""

import re
from dataclasses import dataclass, field

from .models import Competition

GROUP = re.compile(r"^group\s+([a-z0-9]{1,3})\b", re.IGNORECASE)
LEAGUE_ROUND = re.compile(
    r"^(match\s*day|round|week|giornata|jornada|spieltag|journee)\s*\d+$", re.IGNORECASE
)
FORM_LENGTH = 5


def group_of(round_name):
    """ "E" for a group round, "" for a league round, None for a knockout round."""
    found = GROUP.match(round_name.strip())
    if found:
        return found[1].upper()
    return "" if LEAGUE_ROUND.match(round_name.strip()) else None


@dataclass
class Row:
    club: object
    position: int = 0
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    points: int = 0
    form: list = field(default_factory=list)  # "W", "D", "L", oldest first, the last five

    @property
    def goal_difference(self):
        return self.goals_for - self.goals_against


@dataclass
class Table:
    competition: Competition
    season: str
    group: str  # "" for a league
    rows: list

    @property
    def title(self):
        return f"Group {self.group}" if self.group else "Table"

    def row_for(self, club_id):
        return next((row for row in self.rows if row.club.pk == club_id), None)


def _tally(matches, competition, clubs=None):
    """{club id: Row} over `matches` (only between `clubs` when given), in kick-off order."""
    rows = {}
    for match in sorted(matches, key=lambda m: (m.kickoff, m.pk)):
        if clubs is not None and not (match.home_club_id in clubs and match.away_club_id in clubs):
            continue
        sides = (
            (match.home_club, match.home_score, match.away_score),
            (match.away_club, match.away_score, match.home_score),
        )
        for club, ours, theirs in sides:
            row = rows.setdefault(club.pk, Row(club))
            row.played += 1
            row.goals_for += ours
            row.goals_against += theirs
            if ours > theirs:
                row.won, row.points = row.won + 1, row.points + competition.points_for_win
                row.form.append("W")
            elif ours == theirs:
                row.drawn, row.points = row.drawn + 1, row.points + competition.points_for_draw
                row.form.append("D")
            else:
                row.lost += 1
                row.form.append("L")
    return rows


def _head_to_head_order(level, matches, competition):
    """`level` (rows equal on points) ordered by their games against each other, then overall."""
    if len(level) < 2:
        return level
    mini = _tally(matches, competition, clubs={row.club.pk for row in level})

    def key(row):
        among = mini.get(row.club.pk) or Row(row.club)
        return (-among.points, -among.goal_difference, -among.goals_for)

    ordered = sorted(level, key=key)
    out, start = [], 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and key(ordered[end]) == key(ordered[start]):
            end += 1
        still_level = ordered[start:end]
        if 1 < len(still_level) < len(level):
            still_level = _head_to_head_order(still_level, matches, competition)  # UEFA: apply again
        elif len(still_level) > 1:
            still_level.sort(key=lambda row: (-row.goal_difference, -row.goals_for, row.club.name))
        out += still_level
        start = end
    return out


def table(matches, competition, season, group=""):
    """The table of `matches` (one league, or one group), counting only full-time ones."""
    counted = [match for match in matches if match.counts_in_tables()]
    rows = _tally(counted, competition)
    # Clubs with fixtures but no result yet still have a line.
    for match in matches:
        for club in (match.home_club, match.away_club):
            rows.setdefault(club.pk, Row(club))
    ordered = sorted(rows.values(), key=lambda row: (-row.points, row.club.name))
    if competition.tie_break == Competition.TieBreak.HEAD_TO_HEAD:
        out = []
        for points in sorted({row.points for row in ordered}, reverse=True):
            out += _head_to_head_order([row for row in ordered if row.points == points], counted, competition)
        ordered = out
    else:
        ordered.sort(key=lambda row: (-row.points, -row.goal_difference, -row.goals_for, row.club.name))
    for position, row in enumerate(ordered, start=1):
        row.position = position
        row.form = row.form[-FORM_LENGTH:]
    return Table(competition, season, group, ordered)


def tables(matches, competition, season):
    """Every table of one competition's season: the league's, or one per group, by group."""
    groups = {}
    for match in matches:
        group = group_of(match.round)
        if group is not None:
            groups.setdefault(group, []).append(match)
    return [table(groups[group], competition, season, group) for group in sorted(groups)]
