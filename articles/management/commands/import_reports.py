"""`manage.py import_reports FILE...`: turn plain-text reports into drafts, tagged.

Each file is a report as an editor pastes it: optional `Key: value` header lines (Headline,
Standfirst, Date, Competition, Home, Away, Slug), a blank line, then paragraphs separated by
blank lines; a short line without end punctuation becomes a sub-heading (`<h2>`). Without a
Headline header the first sentence stands in for one. With Home, Away and Date the report is
attached to that match (its clubs and scorers are tagged by the model); the clubs and players
the suggester finds are tagged too. Every report is a *draft*: nothing is published.

Each file is imported in its own transaction: a bad file is reported and skipped, the others
still import. Safe to run again: a file already imported (same slug and body) is skipped.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import dateparse, timezone
from django.utils.text import Truncator, slugify

from articles.body import paragraphs_to_html, split_headers
from articles.management.commands.suggest_tags import read_report, report_text_and_context
from articles.models import Article
from newsroom.football.entities import current_matcher, suggest_from
from newsroom.football.models import Club, Match, Player
from newsroom.football.names import slug_for_name

_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(\s|$)", re.S)


class ImportFailed(Exception):
    pass


def _first_sentence(body_text):
    text = " ".join(body_text.split())
    match = _FIRST_SENTENCE.match(text)
    return Truncator(match.group(1) if match else text).chars(110, truncate="…")


def _publication_time(value):
    """A Date header as an aware datetime: a bare date means noon in the newsroom's time zone."""
    if not value:
        return None
    moment = dateparse.parse_datetime(value)
    if moment is None:
        day = dateparse.parse_date(value)
        if day is None:
            raise ImportFailed(f"the Date header {value!r} is not a date (write 2019-11-27)")
        moment = datetime.datetime.combine(day, datetime.time(12, 0))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Import plain-text reports as tagged drafts (see the module docstring for the format)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be imported, save nothing."
        )

    def handle(self, *args, files, dry_run, **options):
        matcher = current_matcher()
        created, skipped, failed = [], [], []
        total = len(files)
        for number, path in enumerate(files, 1):
            prefix = f"[{number}/{total}] {path}"
            try:
                with transaction.atomic():
                    article, was_new, clubs, players = self.import_file(path, matcher)
                    if dry_run:
                        transaction.set_rollback(True)
            except ImportFailed as error:
                failed.append((path, str(error)))
                self.stdout.write(self.style.ERROR(f"{prefix}: failed: {error}"))
                continue
            if was_new:
                created.append(path)
                self.stdout.write(
                    f"{prefix}: draft “{article.headline}” with {clubs} clubs and {players} players"
                )
            else:
                skipped.append(path)
                self.stdout.write(f"{prefix}: already imported as “{article.headline}”, skipped")
        verb = "would be created" if dry_run else "created"
        self.stdout.write(f"{len(created)} {verb}, {len(skipped)} already imported, {len(failed)} failed.")
        if failed:
            reasons = "\n".join(f"  {path}: {reason}" for path, reason in failed)
            raise CommandError(f"{len(failed)} file(s) could not be imported:\n{reasons}")

    def import_file(self, path, matcher):
        text, error = read_report(path)
        if error:
            raise ImportFailed(error)
        if "\x00" in text:
            raise ImportFailed("the file contains NUL bytes; is it really text?")
        headers, body_text = split_headers(text)
        words, context, _ = report_text_and_context(text)
        body = paragraphs_to_html(body_text)
        if not body:
            raise ImportFailed("there is no text to import")
        headline = headers.get("headline") or _first_sentence(body_text)
        slug = slugify(headers.get("slug") or headline)[:200].strip("-") or "report"
        existing = Article.objects.filter(slug=slug, body=body).first()
        if existing:
            return existing, False, 0, 0

        published_at = _publication_time(headers.get("date"))
        article = Article(
            headline=headline[:200],
            slug=slug,
            standfirst=headers.get("standfirst", "")[:400],
            body=body,
            status=Article.Status.DRAFT,
            published_at=published_at,
            match=self.find_match(headers, published_at),
        )
        article.slug = self.free_slug(article)
        try:
            article.full_clean(exclude=["publication_date"])
        except ValidationError as invalid:
            raise ImportFailed(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in invalid.message_dict.items())
            ) from None
        article.save()

        competition = headers.get("competition", "")
        if article.match_id:
            context |= {article.match.home_club_id, article.match.away_club_id}
            competition = competition or article.match.competition.name
        suggestions = suggest_from(matcher, words, context, competition)
        article.clubs.add(*Club.objects.filter(pk__in=[m.entity.id for m in suggestions.clubs]))
        article.players.add(*Player.objects.filter(pk__in=[m.entity.id for m in suggestions.players]))
        return article, True, len(article.clubs.all()), len(article.players.all())

    @staticmethod
    def find_match(headers, published_at):
        if not (headers.get("home") and headers.get("away")):
            return None
        matches = Match.objects.filter(
            home_club__name_key=slug_for_name(headers["home"]),
            away_club__name_key=slug_for_name(headers["away"]),
        )
        if published_at:
            day = timezone.localdate(published_at)
            matches = matches.filter(
                kickoff__date__gte=day - datetime.timedelta(days=1), kickoff__date__lte=day
            )
        return matches.order_by("-kickoff").first()

    @staticmethod
    def free_slug(article):
        """The slug, or slug-2, slug-3… if another article already uses it on that day."""
        day = article._publication_date()
        base, slug, n = article.slug, article.slug, 2
        while Article.objects.filter(publication_date=day, slug=slug).exists():
            slug = f"{base[:195]}-{n}"
            n += 1
        return slug
