"""Rebuilding the search index after a bulk write, from the editorial side.

The search app depends on this one (it indexes articles), so this app never imports it: bulk
commands ask for the rebuild through the search app's own command.
"""

import io
import re

from django.core.management import call_command


def rebuild_search_index():
    """Rebuild the whole index; returns how many articles it indexed."""
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    found = re.search(r"\d+", out.getvalue())
    return int(found.group()) if found else 0
