"""`manage.py backup DIR`: the whole newsroom in a portable form, ready for `manage.py restore DIR`.

Writes DIR/data.json (Django's JSON serialisation: any engine can load it, SQLite to PostgreSQL
and back), DIR/media/ (every file in the media storage, local disk or object storage alike) and
DIR/manifest.json (row counts per model and file count, which `restore` checks against).

Content types and permissions are left out (every instance makes its own on migrate, and
references to them are written as natural keys), as are sessions and login-attempt logs, which are
not content. The dump runs inside one transaction so it is a consistent snapshot. Safe to run
again: it refuses to write into a DIR that already holds a backup unless told --overwrite.
"""

import json
import shutil
from pathlib import Path

import django
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "admin.logentry"]


def media_files(storage, directory=""):
    """Every file name in `storage`, recursively (works for local disk and object storage)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for name in directories:
        yield from media_files(storage, f"{directory}/{name}" if directory else name)


def backed_up_models():
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    for model in apps.get_models():
        if model._meta.app_label in excluded_apps or model._meta.label_lower in excluded_models:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


class Command(BaseCommand):
    help = "Back up the database (portable JSON) and the media files into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write the backup; created if missing.")
        parser.add_argument("--overwrite", action="store_true", help="Replace a backup already in DIR.")

    def handle(self, directory, overwrite, **options):
        target = Path(directory)
        if (target / "manifest.json").exists() and not overwrite:
            raise CommandError(f"{target} already holds a backup; pass --overwrite to replace it.")
        target.mkdir(parents=True, exist_ok=True)
        media_target = target / "media"
        if media_target.exists():
            shutil.rmtree(media_target)

        with transaction.atomic():
            # Everything read in one transaction: rows and counts agree with each other.
            counts = {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}
            call_command(
                "dumpdata",
                *[f"--exclude={label}" for label in EXCLUDED],
                natural_foreign=True,
                indent=1,
                output=str(target / "data.json"),
                verbosity=0,
            )
        self.stdout.write(f"Database: {sum(counts.values())} rows from {len(counts)} tables.")

        copied = 0
        for name in media_files(default_storage):
            destination = media_target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
            copied += 1
        self.stdout.write(f"Media: {copied} files.")

        manifest = {
            "created": timezone.now().isoformat(),
            "django": django.get_version(),
            "engine": connection.vendor,
            "rows": counts,
            "media_files": copied,
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}."))
