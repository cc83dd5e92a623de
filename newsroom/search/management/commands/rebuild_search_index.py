"""Rebuild the full-text search index from every article.

The index is kept current on every save; run this after writing articles with bulk SQL
(QuerySet.update, bulk_create, a restore) or to check the index from scratch. Safe to run twice.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom.search.engine import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from every article (drafts included; only published ones are found)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild_index()
        self.stdout.write(f"Indexed {count} articles.")
