"""Editors enter a match's timeline and line-ups; writers see them.

0008 granted the roles before football 0003 made Event and Appearance, so editors saw a match's
change page without its timeline and line-up inlines (Django hides an inline its user has no
permission for) and could not prefill line-ups. grant_roles now names both models; this runs it
again once their permissions exist.
"""

import importlib

from django.db import migrations

roles = importlib.import_module("articles.migrations.0008_roles")


def regrant(apps, schema_editor):
    roles.create_roles(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_live_blogs"),
        ("football", "0003_match_record"),
    ]

    operations = [migrations.RunPython(regrant, migrations.RunPython.noop)]
