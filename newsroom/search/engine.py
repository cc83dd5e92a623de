"""Full-text search over published articles, behind one small interface: `search_articles()`.

Two engines, one behaviour:

- **SQLite** (the embedded default): an FTS5 virtual table `articles_search`, columns headline /
  about (standfirst, clubs and players with their aliases) / facts (competition, round, venue,
  month, authors) / body, whose rowid orders by publication (`order_key`); `articles_search_titles`
  with headline and about alone (the first two ranking tiers); `articles_search_rows` mapping each
  article to its rowid.
- **PostgreSQL**: a table `articles_search (article_id, document, headline, titles)` of
  `to_tsvector('simple', unaccent(...))` vectors, each with a GIN index: document is everything
  (weights A headline, B about, C facts, D body), headline alone, titles = headline and about.

Text is folded in Python before either engine sees it (`entities.fold_name`: case, accents, ø, ß,
full-width letters) and cut into plain ASCII words, so both engines index and query exactly the
same words ("Mane" finds "Mané"). Neither engine stems, so they agree on every query.

Every article is indexed, drafts included: a query only returns rows that join
`Article.objects.published()`, so a scheduled report becomes findable at its time with no job and
the publication rule stays written once. Receivers keep the index current on every save and
delete of an article, its tags, authors, match, clubs and players (receivers.py), once per change.

Ranking: every word in the headline first; then every word in the headline, standfirst or tags;
then anywhere; newest first within each tier.
"""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.body import html_to_text
from articles.models import Article, Author, TaggedClub, TaggedPlayer
from newsroom.football.models import Club, Player
from newsroom.football.names import fold_name, fold_text

TABLE = "articles_search"
MAX_QUERY_CHARS = 100  # longer queries are cut here (a reader never needs more)
MAX_TERMS = 8
MAX_RESULTS = 500  # ranked ids fetched per query; nobody pages past 40 pages of results
# Words that name nothing on their own; dropped unless the query has nothing else.
STOPWORDS = {"the", "a", "an", "and", "of", "v", "vs", "in", "at", "on", "to", "for", "by", "with"}
SNIPPET_CHARS = 220
_WORDS = re.compile(r"[a-z0-9]+")
INDEX_BATCH = 200


def words_of(text):
    """The words an engine sees: folded to lower-case ASCII, punctuation gone."""
    return _WORDS.findall(fold_name(text or ""))


def _text(text):
    return " ".join(words_of(text))


# ---------------------------------------------------------------------------------------------
# The query


@dataclass
class ParsedQuery:
    text: str  # what the reader typed, cut to MAX_QUERY_CHARS
    terms: list  # folded words searched for, every one required
    truncated: bool = False


def parse_query(raw):
    raw = (raw or "").replace("\x00", "").strip()
    truncated = len(raw) > MAX_QUERY_CHARS
    text = raw[:MAX_QUERY_CHARS]
    terms = list(dict.fromkeys(words_of(text)))  # unique, in order
    meaningful = [t for t in terms if t not in STOPWORDS]
    return ParsedQuery(text, (meaningful or [])[:MAX_TERMS], truncated)


@dataclass
class SearchResults:
    query: ParsedQuery
    ids: list = field(default_factory=list)  # ranked ids of matching published articles


def search_articles(query, filters=None):
    """Ranked ids of the published articles matching `query` (a string or ParsedQuery).

    `filters` narrows `Article.objects.published()`: a dict of ORM lookups or a Q object.
    Returns SearchResults; an empty or junk query (no words left) matches nothing without
    touching the database, unless filters alone narrow the list. At most MAX_RESULTS ids, best
    first.
    """
    parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
    filters = filters if isinstance(filters, Q) else Q(**(filters or {}))
    articles = Article.objects.published().filter(filters)
    if not parsed.terms:
        if not filters:
            return SearchResults(parsed)
        # Filters alone (a club and a month, say): the newest first.
        ids = articles.order_by("-published_at", "-pk").values_list("pk", flat=True)[:MAX_RESULTS]
        return SearchResults(parsed, list(ids))
    sql, params = articles.order_by().values("id", "published_at").query.sql_with_params()
    ranked = index_engine().ranked(parsed.terms, sql, params)
    return SearchResults(parsed, ranked)


ROWS = TABLE + "_rows"
# Headline and tags again, on their own: the first two tiers look there, and a word that is in
# most bodies but no headline must not make them walk every body's match (7 ms at 100,000).
TITLES = TABLE + "_titles"
# SQLite rowids of the search table put the newest publication last: (epoch seconds << 31) | id.
# FTS5 can walk a term's matches in rowid order and stop, so "the newest 500 matches" costs the
# same whether a word is in 50 reports or in all 100,000 (listing every match to sort it by date
# cost 37 ms there). Article ids must stay below 2**31; the id is the rowid's low 31 bits.
ID_BITS = 31
ID_MASK = (1 << ID_BITS) - 1


def order_key(pk, published_at):
    seconds = int(published_at.timestamp()) if published_at else 0
    return (seconds << ID_BITS) | pk


class _SQLite:
    create = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "headline, about, facts, body, tokenize = 'unicode61 remove_diacritics 2')",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLES} USING fts5("
        "headline, about, tokenize = 'unicode61 remove_diacritics 2')",
        # Which search row is an article's, so a save can replace it after its date moved.
        f"CREATE TABLE IF NOT EXISTS {ROWS} (article_id INTEGER PRIMARY KEY, search_rowid INTEGER NOT NULL)",
    ]
    drop = [f"DROP TABLE IF EXISTS {table}" for table in (TABLE, TITLES, ROWS)]

    @staticmethod
    def _match(terms, columns=None):
        # Terms are [a-z0-9]+ only, and quoted anyway: reader input never reaches FTS5 syntax.
        expression = " AND ".join(f'"{term}"' for term in terms)
        return f"{{{' '.join(columns)}}} : ({expression})" if columns else expression

    def ranked(self, terms, published_sql, params):
        # One query per tier (every word in the headline, then in headline, standfirst or tags, then
        # anywhere), each newest first and stopped at MAX_RESULTS: a word that is in most reports
        # is never listed and sorted whole.
        found = []
        for tier in range(3):
            if len(found) >= MAX_RESULTS:
                break
            sql, args = self._tier_query(tier, terms, published_sql, params)
            with connection.cursor() as cursor:
                cursor.execute(sql, args)
                seen = set(found)
                found += [pk for (pk,) in cursor.fetchall() if pk not in seen][: MAX_RESULTS - len(found)]
        return found

    def _tier_query(self, tier, terms, published_sql, params):
        # The matches are read in rowid order, newest first (see order_key); within a second of
        # publication the higher id comes first. The first two tiers read the titles table.
        table, columns = ((TITLES, ["headline"]), (TITLES, None), (TABLE, None))[tier]
        sql = (
            f"SELECT {table}.rowid & {ID_MASK} FROM {table} WHERE {table} MATCH %s"
            f" AND EXISTS (SELECT 1 FROM ({published_sql}) a WHERE a.id = {table}.rowid & {ID_MASK})"
            f" ORDER BY {table}.rowid DESC LIMIT {MAX_RESULTS}"
        )
        return sql, [self._match(terms, columns), *params]

    def stored_keys(self, articles):
        """`articles` (a queryset) with each one's current search rowid as `search_rowid` (None if
        not indexed yet), read in the same query: a save then writes only what changed."""
        return articles.annotate(
            search_rowid=RawSQL(
                f"SELECT search_rowid FROM {ROWS} WHERE article_id = {Article._meta.db_table}.id", ()
            )
        )

    def write(self, documents, published, stored):
        """documents: {article id: (headline, about, facts, body)}; published: {id: published_at};
        stored: {id: the rowid it is indexed under now, or None}.

        The rowid moves only when the publication time does. Otherwise INSERT OR REPLACE swaps the
        row in each FTS5 table in one statement, and the mapping stays as it is: an edit costs two
        statements where a delete and an insert in each of three tables cost six."""
        rows = {pk: order_key(pk, published.get(pk)) for pk in documents}
        moved = [(old,) for pk, old in stored.items() if old is not None and old != rows[pk]]
        with connection.cursor() as cursor:
            if moved:
                for table in (TABLE, TITLES):
                    cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", moved)
            cursor.executemany(
                f"INSERT OR REPLACE INTO {TABLE} (rowid, headline, about, facts, body)"
                " VALUES (%s, %s, %s, %s, %s)",
                [(rowid, *documents[pk]) for pk, rowid in rows.items()],
            )
            cursor.executemany(
                f"INSERT OR REPLACE INTO {TITLES} (rowid, headline, about) VALUES (%s, %s, %s)",
                [(rowid, *documents[pk][:2]) for pk, rowid in rows.items()],
            )
            remapped = [(pk, rowid) for pk, rowid in rows.items() if stored.get(pk) != rowid]
            if remapped:
                cursor.executemany(
                    f"INSERT OR REPLACE INTO {ROWS} (article_id, search_rowid) VALUES (%s, %s)", remapped
                )

    def delete(self, ids):
        ids = [(pk,) for pk in ids]
        if not ids:
            return  # an empty executemany is still a round trip per statement
        with connection.cursor() as cursor:
            for table in (TABLE, TITLES):
                cursor.executemany(
                    f"DELETE FROM {table} WHERE rowid = "
                    f"(SELECT search_rowid FROM {ROWS} WHERE article_id = %s)",
                    ids,
                )
            cursor.executemany(f"DELETE FROM {ROWS} WHERE article_id = %s", ids)

    def clear(self):
        with connection.cursor() as cursor:
            for table in (TABLE, TITLES, ROWS):
                cursor.execute(f"DELETE FROM {table}")

    def count(self):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE}")
            return cursor.fetchone()[0]


class _PostgreSQL(_SQLite):
    # A stored tsvector rather than a functional index: unaccent() is not IMMUTABLE, so it cannot
    # sit in an index expression; computing the vector on write keeps the GIN index plain.
    # The first two ranking tiers have vectors (and GIN indexes) of their own: the planner's
    # statistics are per column and ignore weights, so asking `document` for "header:A" looked as
    # common as "header" and walked every report (440 ms at 100,000) to find no headline with it.
    create = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        f"CREATE TABLE IF NOT EXISTS {TABLE} (article_id bigint PRIMARY KEY, document tsvector NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_document_gin ON {TABLE} USING gin (document)",
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS headline tsvector",
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS titles tsvector",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_headline_gin ON {TABLE} USING gin (headline)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_titles_gin ON {TABLE} USING gin (titles)",
    ]
    drop = [f"DROP TABLE IF EXISTS {TABLE}"]
    _VECTOR = "to_tsvector('simple', unaccent(%s))"

    def _tier_query(self, tier, terms, published_sql, params):
        # With a LIMIT, the planner can walk the (status, published_at) index and stop for a
        # common word, or sort the GIN matches of a rare one.
        column = ("headline", "titles", "document")[tier]
        sql = (
            f"SELECT a.id FROM ({published_sql}) a JOIN {TABLE} s ON s.article_id = a.id"
            f" WHERE s.{column} @@ to_tsquery('simple', unaccent(%s))"
            f" ORDER BY a.published_at DESC, a.id DESC LIMIT {MAX_RESULTS}"
        )
        return sql, [*params, " & ".join(terms)]

    def stored_keys(self, articles):
        return articles  # the row is keyed by the article: an upsert replaces it, wherever it was

    def write(self, documents, published, stored):
        # document: every part (weighted A-D, as before); headline alone; headline and about.
        weighted = " || ".join(f"setweight({self._VECTOR}, '{weight}')" for weight in "ABCD")
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (article_id, document, headline, titles)"
                f" VALUES (%s, {weighted}, {self._VECTOR}, {self._VECTOR} || {self._VECTOR})"
                " ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document,"
                " headline = EXCLUDED.headline, titles = EXCLUDED.titles",
                [(pk, *doc, doc[0], doc[0], doc[1]) for pk, doc in documents.items()],
            )

    def delete(self, ids):
        with connection.cursor() as cursor:
            if ids:
                cursor.executemany(f"DELETE FROM {TABLE} WHERE article_id = %s", [(pk,) for pk in ids])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")


def index_engine(conn=None):
    return _PostgreSQL() if (conn or connection).vendor == "postgresql" else _SQLite()


def create_index(schema_editor):
    """Used by the search_index migration: the engine's table (and extension, and GIN index)."""
    for statement in index_engine(schema_editor.connection).create:
        schema_editor.execute(statement)


def drop_index(schema_editor):
    for statement in index_engine(schema_editor.connection).drop:
        schema_editor.execute(statement)


# ---------------------------------------------------------------------------------------------
# Documents: what is indexed for one article


def document_for(article, clubs, players, authors):
    """(headline, about, facts, body) as folded words; `article` with its match and competition."""
    names = []
    for club in clubs:
        names += [club.name, club.short_name, *club.alias_list()]
    for player in players:
        names += [player.name, *player.alias_list()]
    facts = [author.name for author in authors]
    if article.published_at:
        facts.append(f"{timezone.localtime(article.published_at):%B %Y}")
    match = article.match
    if match:
        kickoff = timezone.localtime(match.kickoff)
        facts += [match.competition.name, match.season, match.round, match.venue, f"{kickoff:%B %Y}"]
    return (
        _text(article.headline),
        _text(" ".join([article.standfirst, *names])),
        _text(" ".join(facts)),
        _text(html_to_text(article.body)),
    )


def _named_by(article_ids):
    """{article id: (clubs, players, authors)}, each sorted by name, with only what a document
    reads (name, short name, aliases). One query: a prefetch of each relation would be three."""

    def rows(queryset, kind, article, name, short_name, aliases):
        return queryset.order_by().values_list(
            Value(kind, output_field=IntegerField()), article, name, short_name, aliases
        )

    empty = Value("", output_field=CharField())
    union = rows(TaggedClub.objects.filter(content_object_id__in=article_ids), 0, "content_object_id",
                 "tag__name", "tag__short_name", "tag__aliases").union(
        rows(TaggedPlayer.objects.filter(content_object_id__in=article_ids), 1, "content_object_id",
             "tag__name", empty, "tag__aliases"),
        rows(Article.authors.through.objects.filter(article_id__in=article_ids), 2, "article_id",
             "author__name", empty, empty),
        all=True,
    )  # fmt: skip
    named = {pk: ([], [], []) for pk in article_ids}
    for kind, pk, name, short_name, aliases in union:
        if kind == 0:
            named[pk][0].append(Club(name=name, short_name=short_name, aliases=aliases))
        elif kind == 1:
            named[pk][1].append(Player(name=name, aliases=aliases))
        else:
            named[pk][2].append(Author(name=name))
    for lists in named.values():
        for entities in lists:
            entities.sort(key=lambda entity: entity.name)  # as a prefetch had them (order finds nothing)
    return named


def reindex(article_ids):
    """Write (or remove) the index rows of these articles, a batch at a time. Two queries read a
    batch (the articles with their match and index key, and every name they carry); it is written
    in one statement on PostgreSQL, two on SQLite (five if a publication time moved)."""
    engine = index_engine()
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), INDEX_BATCH):
        chunk = ids[start : start + INDEX_BATCH]
        articles = list(
            engine.stored_keys(Article.objects.filter(pk__in=chunk).select_related("match__competition"))
        )
        named = _named_by([article.pk for article in articles]) if articles else {}
        documents = {article.pk: document_for(article, *named[article.pk]) for article in articles}
        engine.delete(set(chunk) - documents.keys())
        if documents:
            engine.write(
                documents,
                {article.pk: article.published_at for article in articles},
                {article.pk: getattr(article, "search_rowid", None) for article in articles},
            )


def rebuild_index():
    """Index every article again (after a restore or a bulk import); returns the count."""
    ids = list(Article.objects.values_list("pk", flat=True))
    index_engine().clear()
    reindex(ids)
    return len(ids)


# ---------------------------------------------------------------------------------------------
# Snippets and highlighting: the same on both engines, escaped before any <mark> goes in


def highlight(text, terms):
    """`text` escaped, with whole-word matches of `terms` (folded) wrapped in <mark>."""
    if not text:
        return ""
    spans = _term_spans(fold_text(text), terms)
    return mark_safe(_marked(text, spans, 0, len(text)))


def snippet(article, terms, length=SNIPPET_CHARS):
    """A passage of the standfirst or body around the first match, with matches marked."""
    text = _joined_blocks([article.standfirst, *html_to_text(article.body).split("\n")])
    spans = _term_spans(fold_text(text), terms)
    if not spans:
        cut = text[:length].rsplit(" ", 1)[0] if len(text) > length else text
        return mark_safe(escape(cut) + ("…" if len(cut) < len(text) else ""))
    first = spans[0][0]
    start = max(0, first - length // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    stop = min(len(text), start + length)
    if stop < len(text):
        stop = text.rfind(" ", start, stop) if text.rfind(" ", start, stop) > first else stop
    body = _marked(text, spans, start, stop)
    return mark_safe(("…" if start else "") + body + ("…" if stop < len(text) else ""))


_ENDS_A_SENTENCE = tuple(".!?:;…\"”’)")


def _joined_blocks(blocks):
    """Blocks of text as one line that reads: a block without a full stop (a sub-heading, a list
    item) is followed by a dash, so "A wall in blue" never runs into "The Azzurri held."."""
    out = []
    for block in filter(None, (block.strip() for block in blocks)):
        if out and not out[-1].endswith(_ENDS_A_SENTENCE):
            out[-1] += " —"
        out.append(block)
    return " ".join(out)


def _term_spans(folded, terms):
    if not terms:
        return []
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, terms)) + r")(?![a-z0-9])")
    return [m.span() for m in pattern.finditer(folded)]


def _marked(text, spans, start, stop):
    out, cursor = [], start
    for left, right in spans:
        if left < start or right > stop:
            continue
        out += [escape(text[cursor:left]), "<mark>", escape(text[left:right]), "</mark>"]
        cursor = right
    out.append(escape(text[cursor:stop]))
    return "".join(out)
