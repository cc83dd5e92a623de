"""Rows for reader pages, read by written-out SQL and built into ordinary model instances.

Why: on a page rendered from nothing, the ORM spent ten times as long building its queries as the
database spent running them (a batch of four cards: 1.7 ms through select_related and two
prefetches, 0.1 ms of SQL). The few reads on every reader page are therefore written out:

    CARD = Select(Columns(Article, "a", ["id", "headline"]), Columns(Match, "m", ["id", "round"]))
    sql = f"SELECT {CARD.sql()} FROM {table(Article)} a LEFT JOIN {table(Match)} m ON ..."
    for article, match in CARD.fetch(sql, params): ...

Table and column names come from the models' _meta, so a renamed column follows its model; each
value goes through the ORM's own converters (a SQLite datetime becomes an aware one), and rows
become instances by Model.from_db, so templates and model methods see what the ORM would give
them. Related objects are attached the way select_related() and prefetch_related() attach them
(`link`, `attach`), so `article.match` or `article.authors.all()` costs no query afterwards.

Everything else, and every write, uses the ORM. tests/delivery/test_rows.py checks the helpers;
each written-out read is tested against the ORM query it replaces, beside its caller.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.expressions import Col


def table(model, connection=None):
    """`model`'s quoted table name."""
    return (connection or connections[DEFAULT_DB_ALIAS]).ops.quote_name(model._meta.db_table)


def column(model, name, alias, connection=None):
    """`alias`.column of field `name` of `model`, quoted: `column(Article, "match", "a")`."""
    qn = (connection or connections[DEFAULT_DB_ALIAS]).ops.quote_name
    return f"{qn(alias)}.{qn(model._meta.get_field(name).column)}"


def quoted_id(connection=None):
    """The quoted name of the "id" column every model here keys on: `a.{quoted_id()}`."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    return connection.ops.quote_name("id")


def in_list(values):
    """The placeholders of an IN (...) for `values`, which must not be empty."""
    if not values:
        raise ValueError("An IN list needs at least one value: test for none before querying.")
    return ", ".join(["%s"] * len(values))


class Columns:
    """The columns of `model` read under a table `alias` (all of them unless `fields` are named),
    in the model's field order. The primary key must be among them: it comes first, and a LEFT
    JOIN that found nothing gives None there, and no instance."""

    def __init__(self, model, alias, fields=None, shared=False):
        self.model = model
        self.alias = alias
        # shared: one instance per primary key within a statement's rows (the competition and
        # clubs of a season's 380 matches: 22 instances, not 1,140), as prefetch_related() shares
        # them. Only for rows the page reads and never changes.
        self.shared = shared
        concrete = model._meta.concrete_fields
        wanted = {model._meta.get_field(name) for name in fields} if fields else set(concrete)
        # In the model's own order: Model.from_db() matches a subset of values to fields that way.
        self.fields = [field for field in concrete if field in wanted]
        if not self.fields[0].primary_key:
            raise ValueError(f"{model.__name__}: the first column read must be the primary key.")
        self.attnames = [field.attname for field in self.fields]
        self._converters = {}
        self._sql = {}

    def __len__(self):
        return len(self.fields)

    def sql(self, connection):
        # Written once per database: quoting 60 column names cost 0.1 ms a page.
        if connection.alias not in self._sql:
            self._sql[connection.alias] = ", ".join(
                column(self.model, field.name, self.alias, connection) for field in self.fields
            )
        return self._sql[connection.alias]

    def converters(self, connection):
        """[(index, expression, [converters])] for the columns whose raw values need converting on this
        database: the same functions the ORM's compiler applies."""
        if connection.alias not in self._converters:
            found = []
            for index, field in enumerate(self.fields):
                expression = Col(self.alias, field)
                functions = connection.ops.get_db_converters(expression) + field.get_db_converters(connection)
                if functions:
                    found.append((index, expression, functions))
            self._converters[connection.alias] = found
        return self._converters[connection.alias]

    def build(self, values, connection):
        if values[0] is None:
            return None
        converters = self.converters(connection)
        if converters:
            values = list(values)
            for index, expression, functions in converters:
                for convert in functions:
                    values[index] = convert(values[index], expression, connection)
        return self.model.from_db(connection.alias, self.attnames, values)


class Select:
    """Several models' columns read side by side in one statement (`sql()` is its column list)."""

    def __init__(self, *columns):
        self.columns = columns

    def sql(self, connection=None):
        connection = connection or connections[DEFAULT_DB_ALIAS]
        return ", ".join(columns.sql(connection) for columns in self.columns)

    def fetch(self, sql, params, using=DEFAULT_DB_ALIAS):
        """[(instance or None, ...)] per row, one per Columns."""
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        out = []
        made = [{} if columns.shared else None for columns in self.columns]
        for row in rows:
            start, instances = 0, []
            for columns, seen in zip(self.columns, made, strict=True):
                values = row[start : start + len(columns)]
                start += len(columns)
                if seen is None:
                    instances.append(columns.build(values, connection))
                elif values[0] in seen:
                    instances.append(seen[values[0]])
                else:
                    instances.append(seen.setdefault(values[0], columns.build(values, connection)))
            out.append(tuple(instances))
        return out


def values(sql, params, using=DEFAULT_DB_ALIAS):
    """The raw rows of a written-out query whose columns need no converting (ids, counts)."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def link(instance, name, related):
    """Set the forward relation `name` of `instance` as select_related() would: reading it later
    costs no query. `related` may be None (no related row)."""
    field = instance._meta.get_field(name)
    field.set_cached_value(instance, related)


def attach(instance, name, objects):
    """Give `instance` its related objects `name` (a many-to-many, reverse foreign key or tag
    manager) as prefetch_related() would: `instance.<name>.all()` then returns them, no query."""
    model, cache_name, empty = _relation(type(instance), name, instance)
    # What prefetch_related() itself stores: a queryset whose results are already known. Made
    # from an empty one kept per relation, not with none() (a query clone: 0.1 ms a report's page).
    queryset = empty.__class__.__new__(empty.__class__)
    queryset.__dict__.update(empty.__dict__)
    queryset._hints, queryset._known_related_objects = {}, {}  # dicts Django may write to: not shared
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[cache_name] = queryset


def attached(instance, name):
    """The related objects `name` that `attach()` (or prefetch_related()) gave `instance`, as a
    list, without building a related manager (20 µs each, twice a card); read from the database
    through the manager if nothing was attached."""
    cache = getattr(instance, "_prefetched_objects_cache", {})
    if name in cache:
        return cache[name]._result_cache
    return list(getattr(instance, name).all())


_relations = {}


def _relation(model, name, instance):
    """(related model, prefetch cache name, an empty queryset of it) of relation `name`, found
    once per model from its manager (building a related manager cost 20 µs, and a page attaches
    dozens of lists). The queryset is never run: attach() copies it and fills in its results."""
    key = (model, name)
    if key not in _relations:
        manager = getattr(instance, name)
        # Many-to-many and taggit managers name their cache; a reverse foreign key's manager
        # keeps it under its field's remote cache name (what Django's own prefetch uses, 5.2).
        cache_name = getattr(manager, "prefetch_cache_name", None) or manager.field.remote_field.cache_name
        _relations[key] = (manager.model, cache_name, manager.model._default_manager.none())
    return _relations[key]


def join(model, alias, equals, connection=None, how="LEFT JOIN"):
    """` LEFT JOIN <model's table> <alias> ON <alias>.<its key> = <equals>` (`equals`: a column)."""
    key = column(model, model._meta.pk.name, alias, connection)
    return f" {how} {table(model, connection)} {alias} ON {key} = {equals}"
