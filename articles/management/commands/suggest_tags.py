"""`manage.py suggest_tags FILE... [--json] [--explain]`: the clubs and players each report mentions.

Reads plain-text reports as editors paste them (optional `Key: value` header lines; `Home:` and
`Away:` name the match's clubs and settle shared nicknames, `Competition:` says whether it is
women's football). Writes nothing. With --json, one JSON object per line per file: {"file",
"clubs": [{"slug", "name", "forms", "count", "first"}], "players": [...]}; an unreadable file
gives {"file", "error"} and a non-zero exit at the end.

With --explain, every candidate the text offered follows the suggestions: the forms found and,
for each place it was found, the evidence that accepted or rejected it ("why not Kelly?"). With
--json as well, each object gains an "explain" list of the same.
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
        parser.add_argument(
            "--explain", action="store_true",
            help="Also show every candidate: the forms found and the evidence that accepted or rejected it.",
        )  # fmt: skip

    def handle(self, *args, files, as_json, explain=False, **options):
        matcher = current_matcher()
        failed = 0
        for path in files:
            text, error = read_report(path)
            if error:
                failed += 1
                self._error(path, error, as_json)
                continue
            words, context, headers = report_text_and_context(text)
            suggestions = suggest_from(matcher, words, context, headers.get("competition", ""), explain)
            if as_json:
                result = {"file": path, **suggestions.as_dict()}
                if explain:
                    result["explain"] = [_explanation_as_dict(e) for e in suggestions.explanations]
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                self._print(path, suggestions)
                if explain:
                    self._print_explanations(suggestions.explanations)
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

    def _print_explanations(self, explanations):
        self.stdout.write("  Why:" + ("" if explanations else " no candidates in the text"))
        for item in explanations:
            entity = item["entity"]
            verdict = "suggested" if item["suggested"] else "not suggested"
            self.stdout.write(
                f"    {entity.name} ({entity.kind}, {entity.slug}): {verdict}; found as "
                + ", ".join(f"“{form}”" for form in item["forms"])
            )
            for position, form, outcome, why in item["evidence"]:
                self.stdout.write(f"      {_VERDICT_MARKS[outcome]} “{form}” at {position}: {why}")


# How each piece of evidence reads: taken, counted as proof elsewhere, or left.
_VERDICT_MARKS = {"chose": "+ taken", "rejected": "- left", "choice": "- left"}


def _explanation_as_dict(item):
    entity = item["entity"]
    return {
        "slug": entity.slug,
        "kind": entity.kind,
        "name": entity.name,
        "suggested": item["suggested"],
        "forms": item["forms"],
        "evidence": [
            {"at": position, "form": form, "verdict": outcome, "why": why}
            for position, form, outcome, why in item["evidence"]
        ],
    }
