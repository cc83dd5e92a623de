"""`manage.py restore DIR`: load a `manage.py backup DIR` into this instance.

Meant for an empty instance (migrated, no content): it refuses to restore over articles, clubs,
players or user accounts already here unless told --force, which first empties the database.
Loads data.json in one transaction (all or nothing), copies DIR/media/ back into the media
storage, checks the row counts against the manifest and invalidates every cached page.
"""

import json
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsroom.delivery import purges


def has_content():
    content_apps = ("media", "football", "articles")
    content_models = [
        *(model for app in content_apps for model in apps.get_app_config(app).get_models()),
        get_user_model(),
    ]
    return any(model._base_manager.exists() for model in content_models)


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup DIR` into an empty instance."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A directory written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Empty this database first, even if it holds content."
        )

    def handle(self, directory, force, **options):
        source = Path(directory)
        try:
            manifest = json.loads((source / "manifest.json").read_text())
        except FileNotFoundError:
            raise CommandError(f"{source} holds no backup (no manifest.json).") from None

        if has_content():
            if not force:
                raise CommandError(
                    "This database already holds content; restore into an empty instance, "
                    "or pass --force to delete everything here first."
                )
            self.stdout.write("Emptying the database (--force).")
            call_command("flush", interactive=False, verbosity=0)

        with transaction.atomic(), purges.rewriting_everything():
            call_command("loaddata", str(source / "data.json"), verbosity=0)
            mismatched = {
                label: (expected, apps.get_model(label)._base_manager.count())
                for label, expected in manifest["rows"].items()
                if apps.get_model(label)._base_manager.count() != expected
            }
            if mismatched:
                raise CommandError(f"Row counts differ from the backup (expected, found): {mismatched}")
        self.stdout.write(f"Database: {sum(manifest['rows'].values())} rows restored.")
        # The search index is derived data, not in the backup: build it from the restored rows.
        call_command("rebuild_search_index", verbosity=0)

        media = source / "media"
        restored = 0
        for path in sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []:
            name = path.relative_to(media).as_posix()
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as handle:
                saved = default_storage.save(name, handle)
            if saved != name:
                raise CommandError(f"The media storage renamed {name} to {saved}.")
            restored += 1
        self.stdout.write(f"Media: {restored} files.")

        purges.purge_everything()
        self.stdout.write(self.style.SUCCESS(f"Restored from {source}."))
