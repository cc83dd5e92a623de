"""`manage.py suggest_tags FILE... [--json]`: the clubs and players each report mentions.

Reads plain-text reports as editors paste them (optional `Key: value` header lines; `Home:` and
`Away:` name the match's clubs and settle shared nicknames). Writes nothing. With --json, one
JSON object per line per file: {"file", "clubs": [{"slug", "name", "forms", "count", "first"}],
"players": [...]}; an unreadable file gives {"file", "error"} and a non-zero exit at the end.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.body import split_headers
from newsroom.football.entities import current_matcher, suggest_from
from newsroom.football.models import Club
from newsroom.football.names import slug_for_name


def read_report(path):
    """(text, error): the file as text, or why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8"), None
    except FileNotFoundError:
        return None, "no such file"
    except IsADirectoryError:
        return None, "is a directory"
    except UnicodeDecodeError:
        return None, "not UTF-8 text"


def report_text_and_context(text):
    """The words to search (headline and body) and the ids of the clubs the headers name."""
    headers, body = split_headers(text)
    words = "\n".join(filter(None, [headers.get("headline"), headers.get("standfirst"), body]))
    keys = [slug_for_name(headers[k]) for k in ("home", "away") if headers.get(k)]
    keys += [slug_for_name(c) for c in headers.get("clubs", "").split(",") if c.strip()]
    context = set(Club.objects.filter(name_key__in=keys).values_list("id", flat=True)) if keys else set()
    return words, context, headers


class Command(BaseCommand):
    help = "Print the clubs and players each report file mentions (--json: one JSON object per line)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="One JSON object per line per file."
        )

    def handle(self, *args, files, as_json, **options):
        matcher = current_matcher()
        failed = 0
        for path in files:
            text, error = read_report(path)
            if error:
                failed += 1
                self._error(path, error, as_json)
                continue
            words, context, _ = report_text_and_context(text)
            suggestions = suggest_from(matcher, words, context)
            if as_json:
                self.stdout.write(json.dumps({"file": path, **suggestions.as_dict()}, ensure_ascii=False))
            else:
                self._print(path, suggestions)
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be read.")

    def _error(self, path, error, as_json):
        if as_json:
            self.stdout.write(json.dumps({"file": path, "error": error}))
        else:
            self.stderr.write(f"{path}: {error}")

    def _print(self, path, suggestions):
        self.stdout.write(self.style.MIGRATE_HEADING(path))
        for label, mentions in (("Clubs", suggestions.clubs), ("Players", suggestions.players)):
            self.stdout.write(f"  {label}:" + ("" if mentions else " none"))
            for m in mentions:
                self.stdout.write(f"    {m.entity.name} ({m.entity.slug}) ×{m.count}: {', '.join(m.forms)}")
