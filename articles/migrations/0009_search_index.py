"""The full-text search index (newsroom/search/engine.py): an FTS5 table on SQLite; on PostgreSQL a table
with a stored tsvector, its GIN index and the unaccent extension.

Raw SQL because neither is a Django model. The index is filled by newsroom.search after `migrate`
(post_migrate, when it is empty) and kept current by receivers; `manage.py rebuild_search_index`
rebuilds it by hand.
"""

from django.db import migrations


def create(apps, schema_editor):
    from newsroom.search.engine import create_index

    create_index(schema_editor)


def drop(apps, schema_editor):
    from newsroom.search.engine import drop_index

    drop_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_roles")]

    operations = [migrations.RunPython(create, drop)]
