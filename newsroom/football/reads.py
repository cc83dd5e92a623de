"""The reader pages' reads of football rows, written out (newsroom/delivery/rows.py says why).

Each returns the instances the ORM query it replaces would, with select_related() and
prefetch_related() done; tests/football/test_reads.py compares each with that query.
"""

from django.db import DEFAULT_DB_ALIAS, connections

from newsroom.delivery.rows import Columns, Select, column, join, link, table, values
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


def _pk(connection):
    return connection.ops.quote_name("id")


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
    Columns(Competition, "co", RULES),
    Columns(Club, "h", NAMED),
    Columns(Club, "w", NAMED),
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
