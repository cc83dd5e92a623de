"""`manage.py load_bench_dataset FILE.json`: load the shared peer benchmark's dataset as published reports.

The file is the one the shared peer benchmark's `lib/dataset.py` writes (`../shared/bench` beside
the project; its README describes the rows and `bench/peers.sh` runs it):

    {"version": 1,
     "tags":    [{"name": "Ashford United", "slug": "ashford-united"}, ...],
     "reports": [{"title", "slug", "published_at" (ISO 8601, UTC), "intro", "paragraphs": [...],
                  "tags": [tag slugs]}, ...]}

Each report becomes a published article: `title` → headline, `intro` → standfirst, each paragraph a
`<p>` of the body (escaped, then sanitised as every save would). Its address is its
`publication_date` (the day of `published_at` in the newsroom's time zone) and slug, which is also
how a second run recognises it. Each tag becomes a club, with the name and slug as given.

Safe to run again: an article or club that is already here is updated if the file says something
different and left alone otherwise; its club tags are made exactly the report's. Nothing is ever
duplicated. The whole file is checked before anything is written, and then written in one
transaction, so a bad file changes nothing and a good one lands entirely.

Rows are written with bulk_create/bulk_update, so 1,000 reports take seconds. Bulk writes send no
signals, so, like seed_bench and restore, the command makes every cached page and fragment out of
date itself (`purges.rewriting_everything()`), rebuilds the search index in one go, and refreshes the
database's planner statistics for the tables it filled. --dry-run prints what it would do and
writes nothing.
"""

import datetime
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import dateparse, timezone
from django.utils.html import escape

from articles.models import Article, TaggedClub
from articles.search_index import rebuild_search_index
from newsroom.delivery import purges
from newsroom.football.models import Club
from newsroom.football.names import has_letters_or_digits, slug_for_name

FORMAT_VERSION = 1
BATCH = 500  # rows per INSERT and per `slug IN (...)` lookup: well under SQLite's variable limit
MAX_ERRORS = 10  # problems listed before "... and N more": enough to fix a file, not a wall of text
ARTICLE_FIELDS = ("headline", "standfirst", "body", "status", "published_at")


@dataclass
class Tag:
    name: str
    slug: str
    name_key: str


@dataclass
class Report:
    headline: str
    slug: str
    published_at: object
    publication_date: object
    standfirst: str
    body: str
    tags: list = field(default_factory=list)

    @property
    def key(self):
        return (self.publication_date, self.slug)


@dataclass
class Plan:
    new_clubs: list = field(default_factory=list)
    renamed_clubs: list = field(default_factory=list)  # Club rows with the new name already set
    unchanged_clubs: int = 0
    new_articles: list = field(default_factory=list)  # Reports
    changed_articles: list = field(default_factory=list)  # Article rows with the new values set
    unchanged_articles: int = 0
    tags_to_add: list = field(default_factory=list)  # (article key, club slug)
    tag_rows_to_remove: list = field(default_factory=list)  # TaggedClub pks

    def writes_anything(self):
        return any(
            [self.new_clubs, self.renamed_clubs, self.new_articles, self.changed_articles,
             self.tags_to_add, self.tag_rows_to_remove]
        )  # fmt: skip


def _chunks(items, size=BATCH):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _max_length(model, name):
    return model._meta.get_field(name).max_length


# ---------------------------------------------------------------------------------------------
# Reading and checking the file: every problem is collected and reported at once, as a CommandError


def read_file(path):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise CommandError(f"{path} is a directory, not a dataset file.") from None
    except UnicodeDecodeError as error:
        raise CommandError(f"{path} is not UTF-8 text (bad byte at offset {error.start}).") from None
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("tags"), list)
        or not isinstance(data.get("reports"), list)
    ):
        raise CommandError(
            f'{path} is not a bench dataset: expected a JSON object with "tags" and "reports" lists '
            "(as written by the bench harness's lib/dataset.py)."
        )
    return data


def _text(record, key, errors, where, *, required=True, max_length=None):
    value = record.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        errors.append(f'{where}: "{key}" must be a non-empty string.' if required
                      else f'{where}: "{key}" must be a string.')  # fmt: skip
        return None
    value = value.strip()
    if max_length and len(value) > max_length:
        errors.append(f'{where}: "{key}" is {len(value)} characters; at most {max_length} fit.')
        return None
    return value


def _slug(record, errors, where, max_length):
    slug = _text(record, "slug", errors, where, max_length=max_length)
    if slug is None:
        return None
    try:
        validate_slug(slug)
    except ValidationError:
        errors.append(f"{where}: the slug {slug!r} is not a slug (letters, digits, hyphens, underscores).")
        return None
    return slug


def parse_tags(records, errors):
    tags, keys = {}, {}
    for index, record in enumerate(records):
        where = f"tags[{index}]"
        if not isinstance(record, dict):
            errors.append(f"{where}: expected an object with a name and a slug.")
            continue
        name = _text(record, "name", errors, where, max_length=_max_length(Club, "name"))
        slug = _slug(record, errors, where, _max_length(Club, "slug"))
        if name is None or slug is None:
            continue
        key = slug_for_name(name)
        if not has_letters_or_digits(name) or not key:
            errors.append(f"{where}: the name {name!r} has no letters or digits.")
        elif slug in tags:
            errors.append(f"{where}: the slug {slug!r} is used twice in the file.")
        elif key in keys:
            # Club names compare by their key ("Mané" = "Mane"), so these would be one club.
            errors.append(f"{where}: {name!r} is the same club name as {keys[key]!r} in the file.")
        else:
            tags[slug] = Tag(name, slug, key)
            keys[key] = name
    return tags


def parse_reports(records, tags, errors):
    body_field = Article._meta.get_field("body")
    body_max = settings.NEWSROOM["BODY_MAX_CHARS"]
    reports, seen = [], {}
    for index, record in enumerate(records):
        where = f"reports[{index}]"
        if not isinstance(record, dict):
            errors.append(f"{where}: expected an object.")
            continue
        if isinstance(record.get("slug"), str):
            where += f" ({record['slug']})"
        before = len(errors)
        headline = _text(record, "title", errors, where, max_length=_max_length(Article, "headline"))
        slug = _slug(record, errors, where, _max_length(Article, "slug"))
        standfirst = _text(record, "intro", errors, where, required=False,
                           max_length=_max_length(Article, "standfirst"))  # fmt: skip

        published_at = None
        raw = record.get("published_at")
        if isinstance(raw, str):
            published_at = dateparse.parse_datetime(raw)
        if published_at is None:
            errors.append(f'{where}: "published_at" must be an ISO 8601 date-time, not {raw!r}.')
        elif timezone.is_naive(published_at):
            # The format promises UTC; a writer that dropped the offset still meant UTC.
            published_at = published_at.replace(tzinfo=datetime.UTC)

        paragraphs = record.get("paragraphs", [])
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            errors.append(f'{where}: "paragraphs" must be a list of strings.')
            paragraphs = []
        # Sanitised exactly as Article.save() would, so a second run compares like with like.
        body = body_field.sanitize("".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs if p.strip()))
        if len(body) > body_max:
            errors.append(f"{where}: the body is {len(body)} characters; at most {body_max} fit.")

        report_tags = record.get("tags", [])
        if not isinstance(report_tags, list) or not all(isinstance(t, str) for t in report_tags):
            errors.append(f'{where}: "tags" must be a list of tag slugs.')
            report_tags = []
        unknown = sorted({t for t in report_tags if t not in tags})
        if unknown:
            errors.append(f"{where}: tags not in the file's tag list: {', '.join(unknown)}.")

        if len(errors) > before:
            continue
        report = Report(
            headline=headline,
            slug=slug,
            published_at=published_at,
            publication_date=timezone.localdate(published_at),
            standfirst=standfirst,
            body=body,
            tags=list(dict.fromkeys(report_tags)),
        )
        if report.key in seen:
            errors.append(
                f"{where}: {seen[report.key]} already has the slug {slug!r} on "
                f"{report.publication_date:%Y-%m-%d} (one address, one article)."
            )
            continue
        seen[report.key] = where
        reports.append(report)
    return reports


def parse_dataset(path, data):
    errors = []
    tags = parse_tags(data["tags"], errors)
    reports = parse_reports(data["reports"], tags, errors)
    if errors:
        listed = "\n".join(f"  {error}" for error in errors[:MAX_ERRORS])
        more = f"\n  ... and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        raise CommandError(f"{path} has {len(errors)} problem(s); nothing was loaded:\n{listed}{more}")
    return tags, reports


# ---------------------------------------------------------------------------------------------
# Comparing the file with the database (reads only)


def plan_clubs(plan, tags):
    existing = {}
    for chunk in _chunks(tags):
        existing.update({club.slug: club for club in Club.objects.filter(slug__in=chunk)})
    wanted_keys = {tag.name_key: tag for tag in tags.values()}
    holders = {}  # name key -> slug of the club that already has it
    for chunk in _chunks(wanted_keys):
        holders.update(Club.objects.filter(name_key__in=chunk).values_list("name_key", "slug"))
    clashes = []
    for tag in tags.values():
        holder = holders.get(tag.name_key)
        if holder is not None and holder != tag.slug:
            clashes.append(f"  {tag.name!r} ({tag.slug}) has the name of the club at /clubs/{holder}/")
        club = existing.get(tag.slug)
        if club is None:
            plan.new_clubs.append(tag)
        elif club.name != tag.name:
            club.name, club.name_key = tag.name, tag.name_key
            plan.renamed_clubs.append(club)
        else:
            plan.unchanged_clubs += 1
    if clashes:
        raise CommandError(
            "These tags name clubs that are already here under another slug; rename or merge those "
            "clubs first (a club's name is its identity):\n" + "\n".join(clashes[:MAX_ERRORS])
        )


def plan_articles(plan, reports):
    by_key = {report.key: report for report in reports}
    existing = {}
    for chunk in _chunks({report.slug for report in reports}):
        for article in Article.objects.filter(slug__in=chunk).only("pk", "slug", "publication_date",
                                                                   *ARTICLE_FIELDS):  # fmt: skip
            if (article.publication_date, article.slug) in by_key:
                existing[(article.publication_date, article.slug)] = article
    current_tags = {}  # article key -> {club slug: TaggedClub pk}
    keys_by_pk = {article.pk: key for key, article in existing.items()}
    for chunk in _chunks(keys_by_pk):
        rows = TaggedClub.objects.filter(content_object_id__in=chunk).values_list(
            "pk", "content_object_id", "tag__slug"
        )
        for pk, article_pk, club_slug in rows:
            current_tags.setdefault(keys_by_pk[article_pk], {})[club_slug] = pk

    for report in reports:
        article = existing.get(report.key)
        have = current_tags.get(report.key, {})
        plan.tags_to_add += [(report.key, slug) for slug in report.tags if slug not in have]
        removed = [pk for slug, pk in have.items() if slug not in report.tags]
        plan.tag_rows_to_remove += removed
        if article is None:
            plan.new_articles.append(report)
            continue
        wanted = {
            "headline": report.headline, "standfirst": report.standfirst, "body": report.body,
            "status": Article.Status.PUBLISHED, "published_at": report.published_at,
        }  # fmt: skip
        fields_differ = any(getattr(article, name) != value for name, value in wanted.items())
        if fields_differ or set(have) != set(report.tags):
            for name, value in wanted.items():
                setattr(article, name, value)
            plan.changed_articles.append(article)
        else:
            plan.unchanged_articles += 1


# ---------------------------------------------------------------------------------------------



class Command(BaseCommand):
    help = (
        "Load the peer benchmark's dataset (FILE.json from the bench harness's lib/dataset.py) as "
        "published articles tagged with clubs. Safe to run again: updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.json", help="e.g. /tmp/bench-data/dataset.json")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file, print what would change, write nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        started = time.monotonic()
        data = read_file(file)
        if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
            self.stderr.write(
                f"Warning: {file} says format version {data.get('version')!r}; this command knows "
                f"version {FORMAT_VERSION}. Loading what it recognises."
            )
        tags, reports = parse_dataset(file, data)
        self.stdout.write(f"Read {len(reports)} reports and {len(tags)} tags from {file}.")

        plan = Plan()
        plan_clubs(plan, tags)
        plan_articles(plan, reports)
        would = "would be " if dry_run else ""
        self.stdout.write(
            f"Clubs: {len(plan.new_clubs)} {would}created, {len(plan.renamed_clubs)} {would}renamed, "
            f"{plan.unchanged_clubs} unchanged."
        )
        self.stdout.write(
            f"Articles: {len(plan.new_articles)} {would}created, {len(plan.changed_articles)} "
            f"{would}updated, {plan.unchanged_articles} unchanged."
        )
        self.stdout.write(
            f"Club tags: {len(plan.tags_to_add)} {would}added, {len(plan.tag_rows_to_remove)} {would}removed."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        if not plan.writes_anything():
            self.stdout.write(self.style.SUCCESS("Nothing to change: the dataset is already loaded."))
            return

        try:
            with transaction.atomic(), purges.rewriting_everything():
                self.write(plan, tags, reports)
                self.stdout.write("Indexing for search.")
                # Bulk writes send no signals, so the index is built in one go, in the same
                # transaction: a failure leaves neither the rows nor a half-built index.
                indexed = rebuild_search_index()
        except IntegrityError as error:
            # Only a concurrent write between the plan and the transaction gets here.
            raise CommandError(f"The database changed while loading ({error}); nothing was written. "
                               "Run the command again.") from None  # fmt: skip
        self.analyze()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {file}: {indexed} articles indexed; {elapsed:.1f}s in all.")
        )

    def progress(self, what, done, total):
        self.stdout.write(f"  {what}: {done}/{total}")

    def write(self, plan, tags, reports):
        now = timezone.now()
        if plan.new_clubs:
            Club.objects.bulk_create(
                [Club(name=tag.name, slug=tag.slug, name_key=tag.name_key) for tag in plan.new_clubs],
                batch_size=BATCH,
            )
            self.progress("clubs created", len(plan.new_clubs), len(plan.new_clubs))
        if plan.renamed_clubs:
            for club in plan.renamed_clubs:
                club.updated_at = now  # bulk_update skips auto_now; the name matcher watches this
            Club.objects.bulk_update(plan.renamed_clubs, ["name", "name_key", "updated_at"], batch_size=BATCH)
            self.progress("clubs renamed", len(plan.renamed_clubs), len(plan.renamed_clubs))

        total, done = len(plan.new_articles), 0
        for chunk in _chunks(plan.new_articles):
            Article.objects.bulk_create(
                [
                    Article(
                        headline=report.headline,
                        slug=report.slug,
                        standfirst=report.standfirst,
                        body=report.body,
                        kind=Article.Kind.REPORT,
                        status=Article.Status.PUBLISHED,
                        published_at=report.published_at,
                        publication_date=report.publication_date,
                    )
                    for report in chunk
                ]
            )
            done += len(chunk)
            self.progress("articles created", done, total)
        if plan.changed_articles:
            for article in plan.changed_articles:
                # What save() would do: move updated_at (fragment stamps) and the version, so an
                # editor's form opened before the load is refused rather than overwriting it.
                article.updated_at = now
                article.version = F("version") + 1
            Article.objects.bulk_update(
                plan.changed_articles, [*ARTICLE_FIELDS, "updated_at", "version"], batch_size=BATCH
            )
            self.progress("articles updated", len(plan.changed_articles), len(plan.changed_articles))

        for chunk in _chunks(plan.tag_rows_to_remove):
            TaggedClub.objects.filter(pk__in=chunk).delete()
        if plan.tag_rows_to_remove:
            self.progress("club tags removed", len(plan.tag_rows_to_remove), len(plan.tag_rows_to_remove))
        if plan.tags_to_add:
            club_ids = {}
            for chunk in _chunks(tags):
                club_ids.update(Club.objects.filter(slug__in=chunk).values_list("slug", "pk"))
            article_ids = self.article_ids(reports)
            rows = [
                TaggedClub(content_object_id=article_ids[key], tag_id=club_ids[slug])
                for key, slug in plan.tags_to_add
            ]
            total, done = len(rows), 0
            for chunk in _chunks(rows, BATCH * 4):
                TaggedClub.objects.bulk_create(chunk)
                done += len(chunk)
                self.progress("club tags added", done, total)

    @staticmethod
    def article_ids(reports):
        """(publication date, slug) -> pk, read back: not every backend returns bulk-inserted pks."""
        wanted = {report.key for report in reports}
        ids = {}
        for chunk in _chunks({report.slug for report in reports}):
            for pk, day, slug in Article.objects.filter(slug__in=chunk).values_list(
                "pk", "publication_date", "slug"
            ):
                if (day, slug) in wanted:
                    ids[(day, slug)] = pk
        return ids

    def analyze(self):
        """Fresh planner statistics for the tables just filled.

        Without them SQLite guesses its plans (newsroom/sqlite.py: a club's report count walked the
        whole archive), and the first requests after a load would run before `PRAGMA optimize`
        gets to them; PostgreSQL's autovacuum would also catch up only later.
        """
        if connection.vendor not in ("sqlite", "postgresql"):
            return
        tables = [model._meta.db_table for model in (Article, Club, TaggedClub)]
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        self.stdout.write(f"Planner statistics refreshed for {', '.join(tables)}.")
