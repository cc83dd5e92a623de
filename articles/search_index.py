"""Rebuilding the search index after a bulk write, from the editorial side.

The search app depends on this one (it indexes articles), so this app never imports it: bulk
commands ask for the rebuild through the search app's own command.
"""

import io

from django.core.management import call_command

from .models import Article


def rebuild_search_index():
    """Rebuild the whole index; returns how many articles it holds (every article is indexed)."""
    call_command("rebuild_search_index", stdout=io.StringIO())  # its line is the caller's to say
    return Article.objects.count()
