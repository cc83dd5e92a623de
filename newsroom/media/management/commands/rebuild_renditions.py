"""`manage.py rebuild_renditions`: make every image's renditions match the current settings.

Run after changing NEWSROOM_IMAGES (widths, formats, quality) or RENDITION_VERSION. Idempotent:
each rendition records what it was made from, so an up-to-date image is skipped without being
decoded, and a second run makes nothing. Renditions no longer wanted are deleted (their files once
each image's transaction commits). One image per transaction, so an interrupted run keeps its work.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom.media.models import Image
from newsroom.media.renditions import build_renditions


class Command(BaseCommand):
    help = "Make missing or out-of-date renditions for every image and remove unwanted ones."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args, dry_run=False, **options):
        images = Image.objects.exclude(file="").filter(width__isnull=False).order_by("pk")
        total = images.count()
        made = removed = failed = 0
        verb = "would make" if dry_run else "made"
        for number, image in enumerate(images.iterator(), start=1):
            try:
                with transaction.atomic():
                    outcome = build_renditions(image, dry_run=dry_run)
            except Exception as error:  # noqa: BLE001  one unreadable original must not stop the rest
                failed += 1
                self.stderr.write(f"[{number}/{total}] {image.file.name}: failed: {error}")
                continue
            made += outcome.made
            removed += outcome.removed
            if outcome.made or outcome.removed or options["verbosity"] > 1:
                self.stdout.write(
                    f"[{number}/{total}] {image.file.name}: {verb} {outcome.made}, "
                    f"kept {outcome.kept}, removed {outcome.removed}"
                )
            elif number % 50 == 0 or number == total:
                self.stdout.write(f"[{number}/{total}] up to date so far")
        summary = f"{total} images: {verb} {made} renditions, removed {removed}"
        self.stdout.write(summary + (f", {failed} failed." if failed else "."))
