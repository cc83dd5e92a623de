"""Related reports: what a reader of one report is likely to look for next."""

from django.db import DEFAULT_DB_ALIAS, connections

from newsroom.delivery import purges
from newsroom.delivery.rows import column, in_list, table, values

from . import reads
from .models import Article, TaggedClub, TaggedPlayer

RELATED_CANDIDATES = 200


def related_pks(article, clubs=None, players=None, limit=4):
    """The pks of the published reports on the same match first, then those sharing most clubs
    and players, newest first (cards.py renders their cards). One query when the
    article's club and player ids are given (two more otherwise), whatever the number of tags."""
    if clubs is None:
        clubs = list(TaggedClub.objects.filter(content_object=article).values_list("tag", flat=True))
    if players is None:
        players = list(TaggedPlayer.objects.filter(content_object=article).values_list("tag", flat=True))
    # The ranking reads the lists of these clubs and players: a kept copy goes when they change.
    purges.shows(*purges.tags("list-club", clubs), *purges.tags("list-player", players))

    if not clubs and not players and not article.match_id:
        return []
    return _ranked(article, clubs, players, limit)


def _ranked(article, clubs, players, limit, using=DEFAULT_DB_ALIAS):
    """One written-out statement: ranking through the ORM cost 2.9 ms of query building for well
    under a millisecond of SQL (newsroom/delivery/rows.py says why such reads are written out).

    The newest RELATED_CANDIDATES published reports that share a club or player, with the
    published reports on the same match, ranked: the same match first, most shared tags, newest.
    The statement starts from the tag rows (`shared`, then each report by its key: CROSS JOIN
    keeps SQLite from scanning every published report first) and looks the match up by its index.
    """
    connection = connections[using]
    pk = connection.ops.quote_name("id")
    near, params = [], []
    for through, tags in ((TaggedClub, clubs), (TaggedPlayer, players)):
        if tags:
            near.append(
                f"SELECT {column(through, 'content_object', 't', connection)} AS article"
                f" FROM {table(through, connection)} t WHERE {column(through, 'tag', 't', connection)} IN"
                f" ({in_list(tags)})"
            )  # fmt: skip
            params += list(tags)
    match = column(Article, "match", "a", connection)
    published, published_params = reads.published_sql("a", connection)
    published += f" AND a.{pk} <> %s"
    published_params = [*published_params, article.pk]
    branches = []
    if near:
        branches.append(
            f"SELECT a.{pk} AS article, CASE WHEN {match} = %s THEN 1 ELSE 0 END AS same,"
            f" {column(Article, 'published_at', 'a', connection)} AS published_at, s.n AS n"
            f" FROM shared s CROSS JOIN {table(Article, connection)} a WHERE a.{pk} = s.article AND"
            f" {published}"
        )  # fmt: skip
        params += [article.match_id, *published_params]
    if article.match_id is not None:
        shared_count = f"COALESCE((SELECT s.n FROM shared s WHERE s.article = a.{pk}), 0)" if near else "0"
        branches.append(
            f"SELECT a.{pk}, 1, {column(Article, 'published_at', 'a', connection)}, {shared_count}"
            f" FROM {table(Article, connection)} a WHERE {match} = %s AND {published}"
        )  # fmt: skip
        params += [article.match_id, *published_params]
    with_near = (
        f"near AS ({' UNION ALL '.join(near)}), shared AS (SELECT article, COUNT(*) AS n FROM near GROUP"
        " BY article), "
        if near else ""
    )  # fmt: skip
    # UNION, not UNION ALL: a report on the same match that shares tags is one row in both branches.
    sql = (
        f"WITH {with_near}candidates AS ({' UNION '.join(branches)}"
        f" ORDER BY 2 DESC, 3 DESC, 1 DESC LIMIT {int(RELATED_CANDIDATES)})"
        " SELECT article FROM candidates ORDER BY same DESC, n DESC, published_at DESC, article DESC"
        f" LIMIT {int(limit)}"
    )  # fmt: skip
    return [row[0] for row in values(sql, params, using)]
