"""The reader pages' reads of football rows, written out (newsroom/delivery/rows.py says why).

Each returns the instances the ORM query it replaces would, with select_related() and
prefetch_related() done; tests/football/test_reads.py compares each with that query.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import Resolver404, resolve

from newsroom.delivery.addresses import moved, slug_url
from newsroom.delivery.rows import Columns, Select, column, join, link, table, values
from newsroom.delivery.rows import quoted_id as _pk  # the "id" column, quoted
from newsroom.media.models import Image
from newsroom.media.reads import attach_renditions

from .models import Appearance, Club, Competition, Event, Goal, Match, Player

NAMED = ["id", "name", "slug"]
# A club's page: every column but the long ones only the admin and the suggester read.
CLUB_PAGE = ["id", "slug", "name", "short_name", "country", "league", "crest", "description", "updated_at"]

CLUB = Select(Columns(Club, "c", CLUB_PAGE), Columns(Image, "i"))
RESULT = Select(
    Columns(Match, "m"),
    Columns(Competition, "co", NAMED),
    Columns(Club, "h", NAMED),
    Columns(Club, "w", NAMED),
)
SQUAD = Select(Columns(Player, "p", ["id", "name", "slug", "club", "position"]))


def club_by_slug(slug, using=DEFAULT_DB_ALIAS):
    """The club at `slug` with its crest and the crest's renditions, or None."""
    connection = connections[using]
    sql = (
        f"SELECT {CLUB.sql(connection)} FROM {table(Club, connection)} c"
        f" LEFT JOIN {table(Image, connection)} i ON i.{_pk(connection)} ="
        f" {column(Club, 'crest', 'c', connection)}"
        f" WHERE {column(Club, 'slug', 'c', connection)} = %s"
    )  # fmt: skip
    found = CLUB.fetch(sql, [slug], using)
    if not found:
        return None
    club, crest = found[0]
    link(club, "crest", crest)
    if crest is not None:
        attach_renditions([crest], using)
    return club


def recent_results(club, limit, using=DEFAULT_DB_ALIAS):
    """The club's `limit` latest played matches, newest first, each with its competition and
    clubs (home or away: one statement per side, each on its club's index, then merged)."""
    connection = connections[using]
    kickoff = column(Match, "kickoff", "m", connection)
    sides = []
    for side in ("home_club", "away_club"):
        sides.append(
            f"SELECT * FROM (SELECT m.{_pk(connection)} AS match_id, {kickoff} AS kickoff FROM"
            f" {table(Match, connection)} m"
            f" WHERE {column(Match, side, 'm', connection)} = %s AND"
            f" {column(Match, 'home_score', 'm', connection)} IS NOT NULL"
            f" ORDER BY {kickoff} DESC LIMIT {int(limit)}) {side}"
        )  # fmt: skip
    sql = (
        f"SELECT {RESULT.sql(connection)} FROM ({' UNION ALL '.join(sides)}) latest"
        f" JOIN {table(Match, connection)} m ON m.{_pk(connection)} = latest.match_id"
        f" JOIN {table(Competition, connection)} co ON co.{_pk(connection)} ="
        f" {column(Match, 'competition', 'm', connection)}"
        f" JOIN {table(Club, connection)} h ON h.{_pk(connection)} ="
        f" {column(Match, 'home_club', 'm', connection)}"
        f" JOIN {table(Club, connection)} w ON w.{_pk(connection)} ="
        f" {column(Match, 'away_club', 'm', connection)}"
        f" ORDER BY {kickoff} DESC, m.{_pk(connection)} DESC LIMIT {int(limit)}"
    )  # fmt: skip
    matches = []
    for match, competition, home, away in RESULT.fetch(sql, [club.pk, club.pk], using):
        link(match, "competition", competition)
        link(match, "home_club", home)
        link(match, "away_club", away)
        matches.append(match)
    return matches


def squad(club, using=DEFAULT_DB_ALIAS):
    """The club's players by name (Player's order), with what a list of links shows."""
    connection = connections[using]
    sql = (
        f"SELECT {SQUAD.sql(connection)} FROM {table(Player, connection)} p"
        f" WHERE {column(Player, 'club', 'p', connection)} = %s"
        f" ORDER BY {column(Player, 'name', 'p', connection)}, p.{_pk(connection)}"
    )
    players = []
    for (player,) in SQUAD.fetch(sql, [club.pk], using):
        link(player, "club", club)
        players.append(player)
    return players


COMPETITION = Select(Columns(Competition, "co"))


def competitions(using=DEFAULT_DB_ALIAS):
    """Every competition, by name (Competition's order)."""
    connection = connections[using]
    sql = (
        f"SELECT {COMPETITION.sql(connection)} FROM {table(Competition, connection)} co"
        f" ORDER BY {column(Competition, 'name', 'co', connection)}"
    )
    return [competition for (competition,) in COMPETITION.fetch(sql, [], using)]


# ---------------------------------------------------------------------------------------------
# Tables, fixtures and seasons (standings.py works the tables out from these)

# A table needs the competition's rule book with every match.
RULES = ["id", "name", "slug", "points_for_win", "points_for_draw", "tie_break"]
SEASON_MATCH = Select(
    Columns(Match, "m"),
    Columns(Competition, "co", RULES, shared=True),
    Columns(Club, "h", NAMED, shared=True),
    Columns(Club, "w", NAMED, shared=True),
)


def _season_match_sql(where, connection):
    def on(name):
        return column(Match, name, "m", connection)

    return (
        f"SELECT {SEASON_MATCH.sql(connection)} FROM {table(Match, connection)} m"
        f"{join(Competition, 'co', on('competition'), connection, how='JOIN')}"
        f"{join(Club, 'h', on('home_club'), connection, how='JOIN')}"
        f"{join(Club, 'w', on('away_club'), connection, how='JOIN')}"
        f" WHERE {where} ORDER BY {on('kickoff')}, m.{_pk(connection)}"
    )


def _linked(rows):
    matches = []
    for match, competition, home, away in rows:
        link(match, "competition", competition)
        link(match, "home_club", home)
        link(match, "away_club", away)
        matches.append(match)
    return matches


def season_matches(competition, season, using=DEFAULT_DB_ALIAS):
    """Every match of `competition` in `season`, by kick-off, with its clubs and competition."""
    connection = connections[using]
    competition_is, season_is = (column(Match, name, "m", connection) for name in ("competition", "season"))
    where = f"{competition_is} = %s AND {season_is} = %s"
    return _linked(SEASON_MATCH.fetch(_season_match_sql(where, connection), [competition.pk, season], using))


def seasons_of(competition, using=DEFAULT_DB_ALIAS):
    """The seasons `competition` has matches in, latest first ("2019-20", "2018-19", ...)."""
    connection = connections[using]
    season = column(Match, "season", "m", connection)
    sql = (
        f"SELECT DISTINCT {season} FROM {table(Match, connection)} m"
        f" WHERE {column(Match, 'competition', 'm', connection)} = %s ORDER BY {season} DESC"
    )
    return [row[0] for row in values(sql, [competition.pk], using)]


def club_matches(club, limit, using=DEFAULT_DB_ALIAS):
    """In one statement: the club's `limit` latest played matches (whatever the season), and every
    match of each competition it plays in its latest season (for its tables and next fixtures).
    By kick-off, each with its clubs and competition; the caller picks what it shows."""
    connection = connections[using]
    m_season, m_competition = (
        column(Match, "season", "x", connection),
        column(Match, "competition", "x", connection),
    )
    home, away = column(Match, "home_club", "x", connection), column(Match, "away_club", "x", connection)
    kickoff, played = column(Match, "kickoff", "x", connection), column(Match, "home_score", "x", connection)
    matches = table(Match, connection)
    pk = _pk(connection)
    latest = f"(SELECT MAX({m_season}) FROM {matches} x WHERE {home} = %s OR {away} = %s)"
    # One statement per side, each on its club's index (as recent_results() does).
    recent = " UNION ALL ".join(
        f"SELECT match_id FROM (SELECT x.{pk} AS match_id FROM {matches} x WHERE {side} = %s"
        f" AND {played} IS NOT NULL ORDER BY {kickoff} DESC LIMIT {int(limit)}) {name}"
        for side, name in ((home, "recent_home"), (away, "recent_away"))
    )
    current = (
        f"SELECT DISTINCT {m_competition} FROM {matches} x"
        f" WHERE ({home} = %s OR {away} = %s) AND {m_season} = {latest}"
    )
    where = (
        f"m.{pk} IN ({recent}) OR ({column(Match, 'season', 'm', connection)} = {latest}"
        f" AND {column(Match, 'competition', 'm', connection)} IN ({current}))"
    )
    params = [club.pk] * 8  # two sides of the recent results, then each `latest` and `current`
    return _linked(SEASON_MATCH.fetch(_season_match_sql(where, connection), params, using))


def player_seasons(player, using=DEFAULT_DB_ALIAS):
    """The player's record per season and competition, latest season first: [{"season",
    "competition" (id, name, slug), "appearances", "starts", "goals", "yellow_cards", "red_cards"}].
    Appearances are starts in a line-up and substitutions on; own goals are not the player's goals;
    a second yellow counts as a red (the sending-off), its first yellow having its own event."""
    connection = connections[using]
    qn = connection.ops.quote_name

    def col(model, name, alias):
        return column(model, name, alias, connection)

    starting = f"CASE WHEN {col(Appearance, 'starting', 'a')} THEN 1 ELSE 0 END"
    kind = col(Event, "kind", "e")
    parts = [
        f"SELECT {col(Appearance, 'match', 'a')} AS match_id, {starting} AS apps, {starting} AS starts,"
        f" 0 AS goals, 0 AS yellows, 0 AS reds FROM {table(Appearance, connection)} a"
        f" WHERE {col(Appearance, 'player', 'a')} = %s",
        f"SELECT {col(Goal, 'match', 'g')}, 0, 0, 1, 0, 0 FROM {table(Goal, connection)} g"
        f" WHERE {col(Goal, 'scorer', 'g')} = %s AND {col(Goal, 'kind', 'g')} <> %s",
        f"SELECT {col(Event, 'match', 'e')}, CASE WHEN {kind} = %s THEN 1 ELSE 0 END, 0, 0,"
        f" CASE WHEN {kind} = %s THEN 1 ELSE 0 END, CASE WHEN {kind} IN (%s, %s) THEN 1 ELSE 0 END"
        f" FROM {table(Event, connection)} e WHERE {col(Event, 'player', 'e')} = %s",
    ]
    season, competition = col(Match, "season", "m"), col(Match, "competition", "m")
    named = f"co.{_pk(connection)}, {col(Competition, 'name', 'co')}, {col(Competition, 'slug', 'co')}"
    sql = (
        f"SELECT {season}, {named}, SUM(s.apps), SUM(s.starts), SUM(s.goals), SUM(s.yellows), SUM(s.reds)"
        f" FROM ({' UNION ALL '.join(parts)}) s"
        f" JOIN {table(Match, connection)} m ON m.{_pk(connection)} = s.{qn('match_id')}"
        f"{join(Competition, 'co', competition, connection, how='JOIN')}"
        f" GROUP BY {season}, {named}"
        f" ORDER BY {season} DESC, {col(Competition, 'name', 'co')}"
    )  # fmt: skip
    params = [player.pk, player.pk, Goal.Kind.OWN_GOAL, Event.Kind.SUBSTITUTION, Event.Kind.YELLOW]
    params += [Event.Kind.SECOND_YELLOW, Event.Kind.RED, player.pk]
    out = []
    for row in values(sql, params, using):
        competition = Competition.from_db(using, ["id", "name", "slug"], row[1:4])
        keys = ("appearances", "starts", "goals", "yellow_cards", "red_cards")
        out.append(
            {"season": row[0], "competition": competition, **dict(zip(keys, map(int, row[4:]), strict=True))}
        )
    return out


# ---------------------------------------------------------------------------------------------
# A match's page: the match by its address, its timeline and its line-ups

MATCH_PAGE = Select(
    Columns(Match, "m"),
    Columns(Competition, "co", ["id", "name", "slug"]),
    Columns(Club, "h", CLUB_PAGE),
    Columns(Club, "w", CLUB_PAGE),
)


def moved_match(competition_slug, season, pair):
    """The match an old address of its page meant, or None: the address of a match names its
    clubs by slug, and a club whose slug changed, or that was merged into another, leaves its
    old address behind (move_address() recorded where its page went). Read only when an address
    finds no match (one query for every club it might name), so the pages that exist pay nothing."""
    splits = [(pair[:i], pair[i + 3 :]) for i in range(len(pair)) if pair.startswith("-v-", i)]
    splits = [(home, away) for home, away in splits if home and away][:8]
    if not splits:
        return None
    addresses = {slug: slug_url("articles:club", slug) for split in splits for slug in split}
    went = moved(addresses.values())
    if not went:
        return None

    def now(slug):
        new_path = went.get(addresses[slug])
        return slug if new_path is None else _club_slug_at(new_path)

    for home, away in splits:
        current = [now(home), now(away)]
        if current != [home, away] and all(current):
            match = match_by_address(competition_slug, season, f"{current[0]}-v-{current[1]}")
            if match is not None:
                return match
    return None


def _club_slug_at(path):
    """The slug of the club page at `path`, or "" if it is no club's page (or gone)."""
    try:
        found = resolve(path)
    except Resolver404:
        return ""
    return found.kwargs.get("slug", "") if found.view_name == "articles:club" else ""


def match_by_address(competition_slug, season, pair, using=DEFAULT_DB_ALIAS):
    """The match at /matches/<competition>/<season>/<home>-v-<away>/, or None. Club slugs may hold
    "-v-" themselves, so every split of `pair` is tried in the one statement. Should the same
    clubs meet twice at the same ground in one competition and season (a replayed abandoned
    match), the latest is the one at the address."""
    connection = connections[using]
    splits = [(pair[:i], pair[i + 3 :]) for i in range(len(pair)) if pair.startswith("-v-", i)]
    splits = [(home, away) for home, away in splits if home and away][:8]
    if not splits:
        return None

    def on(name):
        return column(Match, name, "m", connection)

    clubs = " OR ".join(
        f"({column(Club, 'slug', 'h', connection)} = %s AND {column(Club, 'slug', 'w', connection)} = %s)"
        for _ in splits
    )
    sql = (
        f"SELECT {MATCH_PAGE.sql(connection)} FROM {table(Match, connection)} m"
        f"{join(Competition, 'co', on('competition'), connection, how='JOIN')}"
        f"{join(Club, 'h', on('home_club'), connection, how='JOIN')}"
        f"{join(Club, 'w', on('away_club'), connection, how='JOIN')}"
        f" WHERE {column(Competition, 'slug', 'co', connection)} = %s AND {on('season')} = %s AND ({clubs})"
        f" ORDER BY {on('kickoff')} DESC LIMIT 1"
    )
    params = [competition_slug, season, *(slug for split in splits for slug in split)]
    found = MATCH_PAGE.fetch(sql, params, using)
    if not found:
        return None
    (match, competition, home, away) = found[0]
    link(match, "competition", competition)
    link(match, "home_club", home)
    link(match, "away_club", away)
    return match


TIMELINE_PLAYER = ["id", "name", "slug"]


def timeline(match, using=DEFAULT_DB_ALIAS):
    """The match's goals and events in one statement, by minute, added time and entry:
    [TimelineEntry]. A goal's kind is "goal", "penalty_goal" or "own_goal"; an event's is its own."""
    connection = connections[using]
    qn = connection.ops.quote_name

    def col(model, name, alias):
        return column(model, name, alias, connection)

    player = ", ".join(col(Player, name, "p") for name in TIMELINE_PLAYER)
    off = ", ".join(col(Player, name, "o") for name in TIMELINE_PLAYER)
    nothing = ", ".join(["NULL"] * len(TIMELINE_PLAYER))
    goals = (
        f"SELECT 0 AS source, g.{_pk(connection)} AS entry, {col(Goal, 'minute', 'g')} AS minute,"
        f" {col(Goal, 'added_time', 'g')} AS added, {col(Goal, 'kind', 'g')} AS kind,"
        f" {col(Goal, 'club', 'g')} AS club, {player}, {nothing}, '' AS note"
        f" FROM {table(Goal, connection)} g"
        f"{join(Player, 'p', col(Goal, 'scorer', 'g'), connection, how='JOIN')}"
        f" WHERE {col(Goal, 'match', 'g')} = %s"
    )
    events = (
        f"SELECT 1, e.{_pk(connection)}, {col(Event, 'minute', 'e')}, {col(Event, 'added_time', 'e')},"
        f" {col(Event, 'kind', 'e')}, {col(Event, 'club', 'e')}, {player}, {off}, {col(Event, 'note', 'e')}"
        f" FROM {table(Event, connection)} e"
        f"{join(Player, 'p', col(Event, 'player', 'e'), connection)}"
        f"{join(Player, 'o', col(Event, 'player_off', 'e'), connection)}"
        f" WHERE {col(Event, 'match', 'e')} = %s"
    )
    sql = f"{goals} UNION ALL {events} ORDER BY {qn('minute')}, {qn('added')}, {qn('source')}, {qn('entry')}"
    width = len(TIMELINE_PLAYER)
    entries = []
    for row in values(sql, [match.pk, match.pk], using):
        source, _, minute, added, kind, club_id = row[:6]
        scorer = _named_player(row[6 : 6 + width], using)
        replaced = _named_player(row[6 + width : 6 + 2 * width], using)
        if source == 0:
            kind = GOAL_KINDS.get(kind, "goal")
        entries.append(TimelineEntry(minute, added, kind, club_id, scorer, replaced, row[-1] or ""))
    return entries


GOAL_KINDS = {Goal.Kind.OPEN_PLAY: "goal", Goal.Kind.PENALTY: "penalty_goal", Goal.Kind.OWN_GOAL: "own_goal"}


def _named_player(values_, using):
    return None if values_[0] is None else Player.from_db(using, TIMELINE_PLAYER, values_)


class TimelineEntry:
    """One line of a match's timeline: a goal or an event, with its players."""

    LABELS = {
        "goal": "Goal", "penalty_goal": "Goal (penalty)", "own_goal": "Own goal",
        **{kind.value: kind.label for kind in Event.Kind},
    }  # fmt: skip

    def __init__(self, minute, added_time, kind, club_id, player, player_off, note):
        self.minute, self.added_time, self.kind, self.club_id = minute, added_time, kind, club_id
        self.player, self.player_off, self.note = player, player_off, note

    def __repr__(self):
        return f"<TimelineEntry {self.minute_display()} {self.kind} {self.player and self.player.name}>"

    @property
    def label(self):
        return self.LABELS.get(self.kind, self.kind)

    @property
    def is_goal(self):
        return self.kind in ("goal", "penalty_goal", "own_goal")

    def minute_display(self):
        return f"{self.minute}+{self.added_time}’" if self.added_time else f"{self.minute}’"


LINEUP = Select(Columns(Appearance, "a"), Columns(Player, "p", ["id", "name", "slug", "position"]))


def lineups(match, using=DEFAULT_DB_ALIAS):
    """The match's appearances, starters first in their order, then the bench, with players."""
    connection = connections[using]

    def col(name):
        return column(Appearance, name, "a", connection)

    sql = (
        f"SELECT {LINEUP.sql(connection)} FROM {table(Appearance, connection)} a"
        f"{join(Player, 'p', col('player'), connection, how='JOIN')}"
        f" WHERE {col('match')} = %s"
        f" ORDER BY {col('club')}, {col('starting')} DESC, {col('order')}, a.{_pk(connection)}"
    )
    appearances = []
    for appearance, player in LINEUP.fetch(sql, [match.pk], using):
        link(appearance, "player", player)
        link(appearance, "match", match)
        appearances.append(appearance)
    return appearances
