"""`manage.py clean_media [--dry-run] [--grace-hours N]`: delete orphan files in the media library.

An orphan is a file under MEDIA_ROOT's images/ or renditions/ folders that no Image or Rendition
row names (an upload whose save failed, a replaced original, a rendition left by an interrupted
rebuild). Files younger than the grace period are kept: an upload in progress writes its file a
moment before its row is committed. Only those two folders are ever looked at.

A file that a revision still references is never an orphan (see `referenced_names()`).
"""

import json
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone
from reversion.models import Version

from newsroom.media.models import Image, Rendition

MANAGED_FOLDERS = ["images", "renditions"]


def referenced_names():
    """Every storage name some row still needs."""
    names = set(Image.objects.exclude(file="").values_list("file", flat=True))
    names |= set(Rendition.objects.values_list("file", flat=True))
    # Revisions (django-reversion): an article's versions name its hero image by key, and while
    # that Image row exists its files are kept above. A saved version of an Image row itself names
    # its file: read those as raw JSON, so this holds whether or not Image is registered.
    image_type = ContentType.objects.get_for_model(Image)
    versions = Version.objects.filter(content_type=image_type, format="json")
    for data in versions.values_list("serialized_data", flat=True):
        for row in json.loads(data):
            if row.get("fields", {}).get("file"):
                names.add(row["fields"]["file"])
    return names


def walk(storage, folder):
    """Every file name under `folder`, through the storage API (works for object storage too)."""
    if not storage.exists(folder):
        return
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}")


class Command(BaseCommand):
    help = "Delete media files that no image or rendition references (older than the grace period)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted; delete nothing."
        )
        parser.add_argument(
            "--grace-hours", type=float, default=24,
            help="Keep orphans younger than this, so uploads in progress are safe (default 24).",
        )  # fmt: skip

    def handle(self, *args, dry_run=False, grace_hours=24, **options):
        storage = default_storage
        keep = referenced_names()
        cutoff = timezone.now() - timedelta(hours=grace_hours)
        deleted = young = kept = 0
        for folder in MANAGED_FOLDERS:
            for name in walk(storage, folder):
                if name in keep:
                    kept += 1
                elif storage.get_modified_time(name) > cutoff:
                    young += 1
                else:
                    deleted += 1
                    self.stdout.write(f"{'would delete' if dry_run else 'deleted'} {name}")
                    if not dry_run:
                        storage.delete(name)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            f"{kept} files in use; {verb} {deleted} orphans; kept {young} younger than {grace_hours:g} hours."
        )
