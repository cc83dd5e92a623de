"""What the API answers, field by field. The OpenAPI document is generated from these."""

import datetime

from ninja import Schema


class Named(Schema):
    slug: str
    name: str


class Club(Named):
    short_name: str
    country: str
    league: str
    url: str


class Player(Named):
    club: Named | None
    position: str
    nationality: str
    url: str


class Competition(Named):
    url: str
    tie_break: str
    points_for_win: int
    points_for_draw: int


class Score(Schema):
    home: int | None
    away: int | None


class Match(Schema):
    id: int
    competition: Named
    season: str
    round: str
    status: str
    kickoff: datetime.datetime
    venue: str
    home: Named
    away: Named
    score: Score
    half_time: Score
    extra_time: Score
    penalties: Score
    url: str


class LineupPlayer(Schema):
    player: Named
    number: int | None
    position: str
    captain: bool


class Lineup(Schema):
    formation: str
    starting: list[LineupPlayer]
    bench: list[LineupPlayer]


class Lineups(Schema):
    home: Lineup
    away: Lineup


class TimelineEvent(Schema):
    minute: int
    added_time: int
    kind: str  # goal, penalty_goal, own_goal, missed_penalty, yellow, second_yellow, red, substitution, var
    player: Named | None
    player_off: Named | None  # a substitution's player going off
    club: Named
    note: str


class MatchDetail(Match):
    referee: str
    attendance: int | None
    lineups: Lineups
    events: list[TimelineEvent]


class Article(Schema):
    id: int
    headline: str
    standfirst: str
    kind: str
    published_at: datetime.datetime
    url: str
    match_id: int | None
    competition: Named | None
    clubs: list[Named]
    players: list[Named]


class ArticleDetail(Article):
    body: str  # sanitised HTML, as on the page
    authors: list[Named]


class StandingRow(Schema):
    position: int
    club: Named
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    goal_difference: int
    points: int


class Standings(Schema):
    competition: Named
    season: str
    group: str | None
    rows: list[StandingRow]


class Error(Schema):
    detail: str


class _Page(Schema):
    count: int
    page: int
    page_size: int


class ArticlePage(_Page):
    items: list[Article]


class ClubPage(_Page):
    items: list[Club]


class PlayerPage(_Page):
    items: list[Player]


class CompetitionPage(_Page):
    items: list[Competition]


class MatchPage(_Page):
    items: list[Match]
