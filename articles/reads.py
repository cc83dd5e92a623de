"""The reader pages' hottest reads, written out: cards, a report's page, its related reports.

Each builds the same model instances the ORM query it replaces would (with select_related and
prefetch_related done), in fewer statements and without the ORM's compile cost; why, and the
helpers, are in newsroom/delivery/rows.py. tests/test_reads.py compares each with its ORM query.

Only published-ness is decided here as well as in ArticleQuerySet.published(): `published_sql()`
is that rule written out, and the test holds the two together.
"""

from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from newsroom.delivery.rows import Columns, Select, attach, column, in_list, link, table, values
from newsroom.delivery.rows import join as join_table
from newsroom.delivery.rows import quoted_id as _id  # the "id" column, quoted
from newsroom.football import reads as football_reads
from newsroom.football.models import Club, Competition, Match, Player
from newsroom.media.models import Image
from newsroom.media.reads import attach_renditions

from .models import Article, Author, Correction, TaggedClub, TaggedPlayer

# What a card shows (articles/includes/article_card.html and cards.card_tags).
CARD_ARTICLE = ["id", "headline", "slug", "standfirst", "kind", "status", "published_at", "publication_date",
                "match", "hero_image"]  # fmt: skip
CARD_MATCH = ["id", "competition", "home_club", "away_club", "home_score", "away_score", "kickoff", "round",
              "season", "status"]  # fmt: skip
NAMED = ["id", "name", "slug"]
# A report's own page reads every column of the report, its match and its picture, and the
# names of its competition and clubs (articles/report.py, seo.article_head()).
PAGE_CLUB = ["id", "name", "slug", "short_name", "country", "league", "crest"]


def _card_select(article_fields, match_fields, club_fields):
    return Select(
        Columns(Article, "a", article_fields),
        Columns(Match, "m", match_fields),
        Columns(Competition, "co", NAMED),
        Columns(Club, "h", club_fields),
        Columns(Club, "w", club_fields),
        Columns(Image, "i"),
    )


CARD = _card_select(CARD_ARTICLE, CARD_MATCH, NAMED)
CARD_WITH_BODY = _card_select([*CARD_ARTICLE, "body"], CARD_MATCH, NAMED)  # search's snippets
PAGE = _card_select(None, None, PAGE_CLUB)


_JOINS = {}


def _joins(connection):
    """The FROM clause of a card or page read, written once per database."""
    if connection.alias not in _JOINS:
        _JOINS[connection.alias] = _write_joins(connection)
    return _JOINS[connection.alias]


def _write_joins(connection):
    def on(model, name, alias):
        return column(model, name, alias, connection)

    return (
        f"FROM {table(Article, connection)} a"
        + join_table(Match, "m", on(Article, "match", "a"), connection)
        + join_table(Competition, "co", on(Match, "competition", "m"), connection)
        + join_table(Club, "h", on(Match, "home_club", "m"), connection)
        + join_table(Club, "w", on(Match, "away_club", "m"), connection)
        + join_table(Image, "i", on(Article, "hero_image", "a"), connection)
    )


def _assemble(rows):
    """Link each row's match, competition, clubs and picture to its article, as select_related()."""
    articles = []
    for article, match, competition, home, away, image in rows:
        if match is not None:
            link(match, "competition", competition)
            link(match, "home_club", home)
            link(match, "away_club", away)
        link(article, "match", match)
        link(article, "hero_image", image)
        articles.append(article)
    return articles


def published_sql(alias, connection):
    """ArticleQuerySet.published() written out: (sql, params)."""
    status = column(Article, "status", alias, connection)
    published_at = column(Article, "published_at", alias, connection)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    return f"{status} = %s AND {published_at} <= %s", [Article.Status.PUBLISHED, now]


# ---------------------------------------------------------------------------------------------
# Cards


def card_articles(pks, with_body=False, using=DEFAULT_DB_ALIAS):
    """{pk: article} for the cards of `pks` (any status: the lists chose them), each with its
    match, competition, clubs, picture and its renditions, and its authors: two statements,
    whatever their number."""
    pks = list(pks)
    if not pks:
        return {}
    connection = connections[using]
    select = CARD_WITH_BODY_AUTHORED if with_body else CARD_AUTHORED
    # The authors ride on the card's row (a card has one or two): a row per author, grouped here.
    # Sorted by the database (as Author orders them: by name), so names order as its collation says.
    through = Article.authors.through
    sql = (
        f"SELECT {select.sql(connection)} {_joins(connection)}"
        f" LEFT JOIN {table(through, connection)} t ON {column(through, 'article', 't', connection)}"
        f" = a.{_id(connection)}"
        f" LEFT JOIN {table(Author, connection)} au ON au.{_id(connection)}"
        f" = {column(through, 'author', 't', connection)}"
        f" WHERE a.{_id(connection)} IN ({in_list(pks)})"
        f" ORDER BY a.{_id(connection)}, {column(Author, 'name', 'au', connection)}, au.{_id(connection)}"
    )  # fmt: skip
    rows = select.fetch(sql, pks, using)
    articles, authors = {}, defaultdict(list)
    for row in rows:
        article, author = row[0], row[-1]
        if article.pk not in articles:
            articles[article.pk] = _assemble([row[:-1]])[0]
        if author is not None:
            authors[article.pk].append(author)
    for pk, article in articles.items():
        attach(article, "authors", authors.get(pk, []))
    attach_renditions([a.hero_image for a in articles.values() if a.hero_image is not None], using)
    return articles


AUTHOR = Select(Columns(Author, "au", ["id", "name", "slug", "photo"]))
CARD_AUTHORED = Select(*CARD.columns, *AUTHOR.columns)
CARD_WITH_BODY_AUTHORED = Select(*CARD_WITH_BODY.columns, *AUTHOR.columns)


# ---------------------------------------------------------------------------------------------
# A report's page


def page_article(day, slug, using=DEFAULT_DB_ALIAS):
    """The report published on `day` under `slug`, with what its card joins (any status: the view
    decides who sees it), or None."""
    connection = connections[using]
    sql = (
        f"SELECT {PAGE.sql(connection)} {_joins(connection)}"
        f" WHERE {column(Article, 'publication_date', 'a', connection)} = %s"
        f" AND {column(Article, 'slug', 'a', connection)} = %s"
    )
    params = [connection.ops.adapt_datefield_value(day), slug]
    found = _assemble(PAGE.fetch(sql, params, using))
    return found[0] if found else None


# The names a report's page links to, and its corrections, in one statement. Its body links the
# first mention of each club and player (body.render_body), which needs their aliases and a
# club's short name too.
_NAMES_PARTS = (
    # (kind, model, through table, its column to the article, to the name, [other columns])
    ("author", Author, Article.authors.through, "article", "author", []),
    ("club", Club, TaggedClub, "content_object", "tag", ["short_name", "aliases"]),
    ("player", Player, TaggedPlayer, "content_object", "tag", ["aliases", "club"]),
)
_NAMES_EXTRA = ["short_name", "aliases", "club"]  # the names' last three columns
# A correction's row lines up with the names': its note where they have a name, its dates last.
_CORRECTION_DATES = ["published_on", "created_at"]
CORRECTION = Columns(Correction, "c")


def _typed_null(field, connection):
    # PostgreSQL types a bare NULL in a UNION from the branches before it (as text): a NULL that
    # lines up with a number or a date must say so.
    return f"CAST(NULL AS {field.cast_db_type(connection)})"


_NAMES_SQL = {}


def _names_and_corrections_sql(connection):
    """The statement, written once per database."""
    if connection.alias not in _NAMES_SQL:
        _NAMES_SQL[connection.alias] = _write_names_and_corrections_sql(connection)
    return _NAMES_SQL[connection.alias]


def _write_names_and_corrections_sql(connection):
    extra_fields = {
        name: next(model._meta.get_field(name) for _, model, *_, extra in _NAMES_PARTS if name in extra)
        for name in _NAMES_EXTRA
    }
    date_nulls = ", ".join(
        _typed_null(Correction._meta.get_field(name), connection) for name in _CORRECTION_DATES
    )
    selects = []
    for _, model, through, own, other, extra in _NAMES_PARTS:
        extra_columns = ", ".join(
            column(model, name, "e", connection) if name in extra else _typed_null(field, connection)
            for name, field in extra_fields.items()
        )
        selects.append(
            f"SELECT %s, e.{_id(connection)}, {column(model, 'name', 'e', connection)},"
            f" {column(model, 'slug', 'e', connection)}, {extra_columns}, {date_nulls}"
            f" FROM {table(through, connection)} t JOIN {table(model, connection)} e"
            f" ON e.{_id(connection)} = {column(through, other, 't', connection)}"
            f" WHERE {column(through, own, 't', connection)} = %s"
        )  # fmt: skip
    nulls = ", ".join(
        _typed_null(field, connection)
        for field in [Club._meta.get_field("slug"), *extra_fields.values()]
    )
    dates = ", ".join(column(Correction, name, "c", connection) for name in _CORRECTION_DATES)
    selects.append(
        f"SELECT %s, c.{_id(connection)}, {column(Correction, 'note', 'c', connection)}, {nulls}, {dates}"
        f" FROM {table(Correction, connection)} c WHERE {column(Correction, 'article', 'c', connection)} = %s"
    )  # fmt: skip
    return " UNION ALL ".join(selects) + " ORDER BY 1, 3, 2"


def attach_page_relations(article, using=DEFAULT_DB_ALIAS):
    """Give a report (from page_article) everything else its page shows, as prefetch_related()
    would: its authors, clubs, players and corrections (one statement), its match's timeline
    (goals and events with their players, as `article.match.timeline`), and its picture's
    renditions."""
    connection = connections[using]
    params = []
    for kind, *_ in _NAMES_PARTS:
        params += [kind, article.pk]
    params += ["correction", article.pk]
    models = {kind: (model, extra) for kind, model, _, _, _, extra in _NAMES_PARTS}
    found = defaultdict(list)
    for kind, pk, name, slug, *rest in values(_names_and_corrections_sql(connection), params, using):
        if kind == "correction":
            published_on, created_at = rest[len(_NAMES_EXTRA) :]
            # In the model's field order, through the ORM's converters (dates come back as text
            # from SQLite): id, article, note, published_on, created_at.
            found[kind].append(CORRECTION.build([pk, article.pk, name, published_on, created_at], connection))
            continue
        model, extra = models[kind]
        named = dict(zip(_NAMES_EXTRA, rest[: len(_NAMES_EXTRA)], strict=True))
        # from_db() takes a subset of fields in the model's order: ["id", "name", "slug", ...].
        given = {"id": pk, "name": name, "slug": slug} | {
            model._meta.get_field(key).attname: named[key] for key in extra
        }
        order = [f.attname for f in model._meta.concrete_fields if f.attname in given]
        found[kind].append(model.from_db(using, order, [given[attname] for attname in order]))
    attach(article, "authors", found["author"])
    attach(article, "clubs", found["club"])
    attach(article, "players", found["player"])
    # As Correction orders them; the statement sorted them by note.
    attach(article, "corrections", sorted(found["correction"], key=lambda c: (c.published_on, c.pk)))
    if article.match is not None:
        # The match box shows the timeline, as the match's page does (football.reads.timeline()).
        article.match.timeline = football_reads.timeline(article.match, using)
    if article.hero_image is not None:
        attach_renditions([article.hero_image], using)


# ---------------------------------------------------------------------------------------------
# Lists of published reports


class PublishedList:
    """The published reports of one list (the front page, a club's, a player's, ...), newest
    first, as ids: what Paginator needs (count() and slices), in one short statement each.

    `join` and `where` narrow the list, written against the article table's alias `a`;
    for_club(), for_player(), for_competition() and for_author() build the usual ones."""

    def __init__(self, join="", where="", params=(), exclude=(), using=DEFAULT_DB_ALIAS):
        self.join, self.where, self.params = join, where, list(params)
        self.exclude = [pk for pk in exclude if pk]
        self.using = using
        self._count = None
        self._expected = None  # (start, stop, ids): the page asked for, read with the count
        self._pins = None  # (through field, pk): the hub whose pinned reports the page shows too
        self._pinned = None

    def with_pins(self, through_field, pk):
        """Say the page also shows the reports pinned on a club or player (pinned_on()): they
        are then read in the same statement as the expected page and its count."""
        self._pins = (through_field, pk)
        return self

    def pinned(self):
        """The ids of the pinned reports of with_pins(), newest first."""
        if self._pinned is None:
            if self._expected is not None and self._expected[2] is None and self._count is None:
                self._read_expected()
            else:
                self._pinned = pinned_on(*self._pins, using=self.using)
        return self._pinned

    def expect_page(self, number, size):
        """Say which page will be asked for: its ids are then read in the same statement as the
        count, one query where Paginator makes two."""
        if number >= 1:
            self._expected = ((number - 1) * size, number * size, None)

    def _from(self, connection):
        published, params = published_sql("a", connection)
        sql = f"FROM {table(Article, connection)} a {self.join} WHERE {published}"
        if self.where:
            sql += f" AND {self.where}"
            params += self.params
        if self.exclude:
            sql += f" AND a.{_id(connection)} NOT IN ({in_list(self.exclude)})"
            params += self.exclude
        return sql, params

    def _read_expected(self):
        start, stop, _ = self._expected
        if self._pins is not None and self._pinned is None:
            rows, self._pinned = self._read_with_pins(start, stop)
        else:
            rows = self._read(start, stop, with_count=True)
        self._expected = (start, stop, [pk for pk, _ in rows])
        if rows:
            self._count = rows[0][1]
        elif start == 0:
            self._count = 0

    def count(self):
        if self._count is None and self._expected is not None and self._expected[2] is None:
            self._read_expected()
        if self._count is None:  # no page expected, or one past the end: count alone
            connection = connections[self.using]
            sql, params = self._from(connection)
            self._count = values(f"SELECT COUNT(*) {sql}", params, self.using)[0][0]
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("A PublishedList is read a page at a time: take a slice.")
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        # Read when first used, as a sliced queryset is: a page assembled from kept fragments
        # takes its ids from the kept list and never reads this.
        return SimpleLazyObject(lambda: self._ids(start, stop))

    def _ids(self, start, stop):
        if stop <= start:
            return []
        if self._expected is not None and self._expected[2] is not None:
            expected_start, expected_stop, ids = self._expected
            # Paginator asks for up to the end of the list on the last page: that is within.
            if start == expected_start and stop <= expected_stop:
                return ids[: stop - start]
        return [row[0] for row in self._read(start, stop)]

    def _read(self, start, stop, with_count=False):
        connection = connections[self.using]
        sql, params = self._from(connection)
        order = f"{column(Article, 'published_at', 'a', connection)} DESC, a.{_id(connection)} DESC"
        # The count as a subquery that does not depend on the row: run once, on the list's index,
        # while the page is read newest first and stopped (a window function sorted the lot).
        count = f", (SELECT COUNT(*) {sql})" if with_count else ""
        count_params = params if with_count else []
        sql = f"SELECT a.{_id(connection)}{count} {sql} ORDER BY {order} LIMIT %s OFFSET %s"
        return values(sql, [*count_params, *params, stop - start, start], self.using)

    def _read_with_pins(self, start, stop):
        """([(id, count)] of the page, [id] of the pinned reports): the page, its count and the
        pins in one statement, each branch as it would be read alone (the page stopped early)."""
        connection = connections[self.using]
        sql, params = self._from(connection)
        published_at = column(Article, "published_at", "a", connection)
        page = (
            f"SELECT a.{_id(connection)} AS id, {published_at} AS at, (SELECT COUNT(*) {sql}) AS total,"
            f" 0 AS part {sql} ORDER BY {published_at} DESC, a.{_id(connection)} DESC LIMIT %s OFFSET %s"
        )  # fmt: skip
        pins_from, pins_params = _pins_from(*self._pins, connection)
        pins = f"SELECT a.{_id(connection)} AS id, {published_at} AS at, 0 AS total, 1 AS part {pins_from}"
        sql = (
            f"SELECT id, total, part FROM (SELECT * FROM ({page}) page UNION ALL SELECT * FROM ({pins}) pins)"
            f" found ORDER BY part, at DESC, id DESC"
        )
        rows = values(sql, [*params, *params, stop - start, start, *pins_params], self.using)
        page_rows = [(pk, total) for pk, total, part in rows if part == 0]
        return page_rows, [pk for pk, _, part in rows if part == 1]

    @classmethod
    def tagged(cls, through, pk, own, other, **kwargs):
        connection = connections[kwargs.get("using", DEFAULT_DB_ALIAS)]
        join = (
            f"JOIN {table(through, connection)} t"
            f" ON {column(through, own, 't', connection)} = a.{_id(connection)}"
        )
        return cls(join, f"{column(through, other, 't', connection)} = %s", [pk], **kwargs)

    @classmethod
    def for_club(cls, club, **kwargs):
        return cls.tagged(TaggedClub, club.pk, "content_object", "tag", **kwargs)

    @classmethod
    def for_player(cls, player, **kwargs):
        return cls.tagged(TaggedPlayer, player.pk, "content_object", "tag", **kwargs)

    @classmethod
    def for_author(cls, author, **kwargs):
        return cls.tagged(Article.authors.through, author.pk, "article", "author", **kwargs)

    @classmethod
    def for_competition(cls, competition, **kwargs):
        connection = connections[kwargs.get("using", DEFAULT_DB_ALIAS)]
        join = join_table(Match, "m", column(Article, "match", "a", connection), connection, how="JOIN")
        return cls(join, f"{column(Match, 'competition', 'm', connection)} = %s", [competition.pk], **kwargs)


def front_lead(since, using=DEFAULT_DB_ALIAS):
    """The id of the newest published report featured since `since`, else of the newest (0 if
    none): one statement, each half on the (status, published_at) index."""
    connection = connections[using]
    published, params = published_sql("a", connection)
    published_at = column(Article, "published_at", "a", connection)
    featured = column(Article, "featured", "a", connection)
    newest = f"ORDER BY {published_at} DESC, a.{_id(connection)} DESC LIMIT 1"
    sql = (
        f"SELECT lead, rank FROM (SELECT a.{_id(connection)} AS lead, 0 AS rank FROM"
        f" {table(Article, connection)} a"
        f" WHERE {published} AND {featured} = %s AND {published_at} >= %s {newest}) featured"
        f" UNION ALL SELECT lead, rank FROM (SELECT a.{_id(connection)} AS lead, 1 AS rank"
        f" FROM {table(Article, connection)} a WHERE {published} {newest}) latest ORDER BY rank LIMIT 1"
    )  # fmt: skip
    since = connection.ops.adapt_datetimefield_value(since)
    found = values(sql, [*params, True, since, *params], using)
    return found[0][0] if found else 0


def latest_match_reports(exclude, among, using=DEFAULT_DB_ALIAS):
    """[(article id, competition id)] of the reports on a match among the `among` newest
    published reports, newest first. The work is bounded by `among` whatever the archive holds
    (looking for the newest match reports walked every report when few had a match)."""
    connection = connections[using]
    published, params = published_sql("a", connection)
    pk, published_at = f"a.{_id(connection)}", column(Article, "published_at", "a", connection)
    exclude = [pk for pk in exclude if pk]
    if exclude:
        published += f" AND {pk} NOT IN ({in_list(exclude)})"
        params += exclude
    competition = column(Match, "competition", "m", connection)
    newest = (
        f"SELECT {pk} AS article, {column(Article, 'match', 'a', connection)} AS match_id,"
        f" {published_at} AS published_at FROM {table(Article, connection)} a WHERE {published}"
        f" ORDER BY {published_at} DESC, {pk} DESC LIMIT {int(among)}"
    )
    sql = (
        f"SELECT head.article, {competition} FROM ({newest}) head"
        + join_table(Match, "m", "head.match_id", connection, how="JOIN")
        + " ORDER BY head.published_at DESC, head.article DESC"
    )
    return values(sql, params, using)


def pinned_on(through_field, pk, using=DEFAULT_DB_ALIAS):
    """The ids of the published reports pinned on a club's or player's page (`through_field`:
    "pinned_on_clubs" or "pinned_on_players"), newest first."""
    connection = connections[using]
    sql, params = _pins_from(through_field, pk, connection)
    order = f"{column(Article, 'published_at', 'a', connection)} DESC, a.{_id(connection)} DESC"
    return [row[0] for row in values(f"SELECT a.{_id(connection)} {sql} ORDER BY {order}", params, using)]


def _pins_from(through_field, pk, connection):
    field = Article._meta.get_field(through_field)
    through = field.remote_field.through
    qn = connection.ops.quote_name
    published, params = published_sql("a", connection)
    sql = (
        f"FROM {table(Article, connection)} a JOIN {table(through, connection)} t"
        f" ON t.{qn(field.m2m_column_name())} = a.{_id(connection)}"
        f" WHERE t.{qn(field.m2m_reverse_name())} = %s AND {published}"
    )  # fmt: skip
    return sql, [pk, *params]
