"""The reader pages' reads of football rows, written out (newsroom/delivery/rows.py says why).

Each returns the instances the ORM query it replaces would, with select_related() and
prefetch_related() done; tests/football/test_reads.py compares each with that query.
"""

from django.db import DEFAULT_DB_ALIAS, connections

from newsroom.delivery.rows import Columns, Select, column, link, table
from newsroom.media.models import Image
from newsroom.media.reads import attach_renditions

from .models import Club, Competition, Match, Player

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
