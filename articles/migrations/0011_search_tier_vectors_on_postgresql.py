"""PostgreSQL's search table gets a vector and a GIN index per ranking tier (headline; headline
and about), so the planner's per-column statistics see how rare a word is in headlines
(newsroom/search/engine.py). The table is emptied here; newsroom.search refills it after `migrate`
(post_migrate, when it is empty). SQLite is unchanged.
"""

from django.db import migrations


def add_tier_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from newsroom.search.engine import TABLE, create_index

    create_index(schema_editor)
    schema_editor.execute(f"DELETE FROM {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_search_rows_in_publication_order")]

    operations = [migrations.RunPython(add_tier_vectors, migrations.RunPython.noop)]
