"""SQLite's search table gets rowids in publication order, a headline-and-tags table beside it,
and a table mapping articles to their rowids (articles/search.py, `order_key`). The old table is
dropped; newsroom.search fills the new ones after `migrate` (post_migrate, when they are empty).
PostgreSQL's index is unchanged.
"""

from django.db import migrations


def recreate(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from newsroom.search.engine import create_index, drop_index

    drop_index(schema_editor)
    create_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_search_index")]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
