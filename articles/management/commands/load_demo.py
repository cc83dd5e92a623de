"""`manage.py load_demo`: load the demo newsroom (articles/demo.py) into the database.

Creates what is missing and never touches what exists: every object is looked up by its identity
(competitions and authors by slug; clubs and players by slug, then by name, then by an alias, so
one merged into another or renamed is found as what it became; matches by home club, away club
and kick-off; reports by slug, match and kind; the scheduled preview by slug alone). What is
found is left exactly as editors left it: their edits, aliases, merges, tags, goals and
publication stay, and a second run writes nothing (`make run` runs this at every start). Hero
images are drawn with Pillow only for the reports it creates.

Everything runs in one transaction; --dry-run rolls it back (and deletes any image files it wrote)
after printing what it would have done.
"""

import io
from collections import Counter, defaultdict
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from articles import demo
from articles.models import Article, Author
from newsroom.delivery import purges
from newsroom.football.fixtures import DATA_DIRECTORY
from newsroom.football.models import Appearance, Club, Competition, Event, Goal, Match, Player
from newsroom.football.names import slug_for_name, to_ascii
from newsroom.media.models import Image

IMAGE_SIZE = (1600, 900)
IMAGE_CREDIT = "Newsroom illustration"
SCHEDULE_AHEAD = timedelta(days=30)

# Output order and labels of the summary.
KINDS = [
    ("competition", "Competitions"),
    ("club", "Clubs"),
    ("player", "Players"),
    ("author", "Authors"),
    ("match", "Matches"),
    ("goal", "Goals"),
    ("appearance", "Line-up entries"),
    ("event", "Timeline events"),
    ("image", "Images"),
    ("article", "Articles"),
    ("tag", "Extra tags"),
]


class _DryRunRollback(Exception):
    """Raised inside the transaction to roll a dry run back."""


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: competitions, clubs, players, authors, real matches with their "
        "goals, match reports with drawn placeholder images, one draft and one scheduled preview. "
        "Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything inside a transaction, report it, then roll it back.",
        )

    def handle(self, *args, dry_run=False, **options):
        self.verbosity = options["verbosity"]
        self.dry_run = dry_run
        self.counts = defaultdict(Counter)
        self.written_files = []  # storage names, deleted again if the transaction is rolled back
        if dry_run:
            self.stdout.write("Dry run: nothing will be saved.")
        try:
            with transaction.atomic():
                self.load()
                if dry_run:
                    raise _DryRunRollback
        except _DryRunRollback:
            self.discard_written_files()
        except Exception:
            self.discard_written_files()
            raise
        self.report()

    # -----------------------------------------------------------------------------------------
    # Loading

    def load(self):
        self.competitions = {
            spec["slug"]: self.upsert(
                "competition", Competition, {"slug": spec["slug"]},
                {"name": spec["name"], "description": spec.get("description", ""),
                 "tie_break": spec["tie_break"]},
            )
            for spec in demo.COMPETITIONS
        }  # fmt: skip
        self.clubs = {}
        for spec in demo.CLUBS:
            slug = spec.get("slug") or slug_for_name(spec["name"])
            self.clubs[slug] = self.upsert(
                "club", Club, {"slug": slug},
                {
                    "name": spec["name"],
                    "short_name": spec.get("short_name", ""),
                    "country": spec.get("country", ""),
                    "league": spec.get("league", ""),
                    "aliases": "\n".join(spec.get("aliases", [])),
                    "description": spec.get("description", ""),
                },
                name=spec["name"],
            )  # fmt: skip
        self.players = {}
        for spec in demo.PLAYERS:
            slug = spec.get("slug") or slug_for_name(spec["name"])
            self.players[slug] = self.upsert(
                "player", Player, {"slug": slug},
                {
                    "name": spec["name"],
                    "club": self.lookup(self.clubs, spec["club"], "club"),
                    "position": spec.get("position", ""),
                    "nationality": spec.get("nationality", ""),
                    "aliases": "\n".join(spec.get("aliases", [])),
                },
                name=spec["name"],
            )  # fmt: skip
        self.authors = {
            spec["slug"]: self.upsert(
                "author", Author, {"slug": spec["slug"]},
                {"name": spec["name"], "bio": spec.get("bio", "")},
            )
            for spec in demo.AUTHORS
        }  # fmt: skip
        self.matches = {spec["key"]: self.load_match(spec) for spec in demo.MATCHES}
        for spec in demo.ARTICLES:
            self.load_article(spec)
        # After the demo's clubs exist, so the files' "Liverpool FC (ENG)" finds them by alias.
        files = [str(DATA_DIRECTORY / name) for name in demo.FIXTURE_FILES]
        # --only-new: like the rest of the demo, what exists is left as editors left it.
        call_command("import_fixtures", *files, "--timezone", demo.FIXTURE_TIMEZONE, "--only-new",
                     stdout=self.stdout, verbosity=0 if self.verbosity < 2 else 1)  # fmt: skip

    def load_match(self, spec):
        home = self.lookup(self.clubs, spec["home"], "club")
        away = self.lookup(self.clubs, spec["away"], "club")
        home_score, away_score = spec.get("score") or (None, None)
        home_et_score, away_et_score = spec.get("extra_time_score") or (None, None)
        half_time = self.half_time_from_goals(spec)
        created_before = self.counts["match"]["created"]
        match = self.upsert(
            "match", Match, {"home_club": home, "away_club": away, "kickoff": spec["kickoff"]},
            {
                "competition": self.lookup(self.competitions, spec["competition"], "competition"),
                "season": spec["season"],
                "round": spec.get("round", ""),
                "venue": spec.get("venue", ""),
                "home_score": home_score,
                "away_score": away_score,
                "home_et_score": home_et_score,
                "away_et_score": away_et_score,
                "attendance": spec.get("attendance"),
                "referee": spec.get("referee", ""),
                **half_time,
                **{f"{side}_formation": spec.get("lineups", {}).get(club, ("",))[0]
                   for side, club in (("home", spec["home"]), ("away", spec["away"]))},
            },
            validate=True,
        )  # fmt: skip
        if self.counts["match"]["created"] > created_before:
            # A match it just created; others are the desk's, line-ups and timeline included.
            self.load_goals(match, spec.get("goals", []))
            self.load_lineups(match, spec.get("lineups", {}))
            self.load_events(match, spec.get("events", []))
        return match

    @staticmethod
    def half_time_from_goals(spec):
        """The half-time score the demo's goals make, when they are all of the match's goals."""
        goals = spec.get("goals", [])
        final = spec.get("extra_time_score") or spec.get("score")
        if not final or len(goals) != sum(final):
            return {}
        first_half = [club for minute, _, _, club, _ in goals if minute <= 45]
        return {f"{side}_ht_score": first_half.count(spec[side]) for side in ("home", "away")}

    def load_lineups(self, match, lineups):
        """Make the match's line-ups exactly the demo's; leave them alone when they already are."""
        wanted = []
        for club_slug, (_, starting, bench) in lineups.items():
            club = self.lookup(self.clubs, club_slug, "club")
            rows = [(True, *row) for row in starting] + [(False, *row, False) for row in bench]
            for order, (started, number, player, position, captain) in enumerate(rows, start=1):
                player_pk = self.lookup(self.players, player, "player").pk
                wanted.append((club.pk, player_pk, started, number, position, captain, order))
        fields = ["club_id", "player_id", "starting", "number", "position", "captain", "order"]
        self.replace_rows(match, "appearance", Appearance, match.appearances, fields, wanted)

    def load_events(self, match, events):
        wanted = [
            (minute, added, kind, self.lookup(self.clubs, club, "club").pk,
             self.lookup(self.players, player, "player").pk if player else None,
             self.lookup(self.players, off, "player").pk if off else None, note)
            for minute, added, kind, club, player, off, note in events
        ]  # fmt: skip
        fields = ["minute", "added_time", "kind", "club_id", "player_id", "player_off_id", "note"]
        self.replace_rows(match, "event", Event, match.events, fields, wanted)

    def replace_rows(self, match, kind, model, related, fields, wanted):
        """Make `match`'s rows of `model` exactly `wanted` (tuples of `fields`), each validated."""
        current = sorted(related.values_list(*fields), key=repr)
        if current == sorted(wanted, key=repr):
            self.counts[kind]["unchanged"] += len(wanted)
            return
        if current:
            related.all().delete()
            self.counts[kind]["deleted"] += len(current)
        for values in wanted:
            row = model(match=match, **dict(zip(fields, values, strict=True)))
            # The uniqueness rules (a player once, a number once, one captain a side) are the
            # database's constraints too, so a broken demo still fails to load; checking them
            # here as well costs a query each per row, hundreds of line-up rows per load.
            row.full_clean(validate_unique=False, validate_constraints=False)
            row.save()
            self.counts[kind]["created"] += 1
        self.detail("replaced", f"{kind}s of", match, f"{len(wanted)} rows")

    def load_goals(self, match, goal_specs):
        """Make the match's goals exactly the demo's; leave them alone when they already are."""
        wanted = sorted(
            (
                minute,
                added,
                self.lookup(self.players, scorer, "player").pk,
                self.lookup(self.clubs, club, "club").pk,
                kind,
            )
            for minute, added, scorer, club, kind in goal_specs
        )
        current = sorted(match.goals.values_list("minute", "added_time", "scorer_id", "club_id", "kind"))
        if current == wanted:
            self.counts["goal"]["unchanged"] += len(wanted)
            return
        if current:
            match.goals.all().delete()
            self.counts["goal"]["deleted"] += len(current)
        for minute, added, scorer_id, club_id, kind in wanted:
            goal = Goal(
                match=match, minute=minute, added_time=added, scorer_id=scorer_id, club_id=club_id, kind=kind
            )
            goal.full_clean()
            goal.save()
            self.counts["goal"]["created"] += 1
        self.detail("replaced", "goals of", match, f"{len(wanted)} goals")

    def load_article(self, spec):
        match = self.lookup(self.matches, spec["match"], "match") if spec.get("match") else None
        if spec.get("scheduled"):
            # The scheduled preview is identified by its slug alone: its date moves, its slug does not.
            article = Article.objects.filter(slug=spec["slug"]).first()
        else:
            article = Article.objects.filter(slug=spec["slug"], match=match, kind=spec["kind"]).first()

        published_at = spec.get("published_at")
        if spec.get("scheduled"):
            now = timezone.now()
            if article and article.published_at and article.published_at > now:
                published_at = article.published_at  # still in the future: keep it, stay idempotent
            else:
                published_at = (now + SCHEDULE_AHEAD).replace(minute=0, second=0, microsecond=0)

        sanitize = Article._meta.get_field("body").sanitize
        values = {
            "headline": spec["headline"],
            "standfirst": spec.get("standfirst", ""),
            # Compare with what save() would store, so an unchanged body is not saved again.
            "body": sanitize(spec["body"]),
            "kind": spec["kind"],
            "match": match,
            "status": spec["status"],
            "published_at": published_at,
            "featured": spec.get("featured", False),
        }
        if article is not None:
            # An editor's report now: its text, tags, pictures and publication are theirs.
            self.counted("article", "unchanged", article)
            return article
        values["hero_image"] = self.draw_hero_image(spec, match)
        authors = [self.lookup(self.authors, slug, "author") for slug in spec.get("authors", [])]
        article = Article(slug=spec["slug"], **values)
        article.full_clean(exclude=["publication_date"])
        article.save()
        article.authors.set(authors)
        self.counted("article", "created", article)

        # The model tags the match's clubs and scorers itself; add the others the copy mentions.
        self.add_tags(article, article.clubs, self.clubs, spec.get("clubs", []), "club")
        self.add_tags(article, article.players, self.players, spec.get("players", []), "player")
        self.keep_real_times(article, spec)
        return article

    def keep_real_times(self, article, spec):
        """Give a published report the times of the real one: written and last changed when it
        went out (or at the spec's "updated_at"), not at the moment of loading. Otherwise a 2019
        report says "Updated 3 minutes ago" and every sitemap lastmod is today. Drafts and the
        scheduled preview keep the loading time: they are being written now."""
        published_at = spec.get("published_at")
        if not published_at or spec.get("scheduled"):
            return
        updated_at = spec.get("updated_at", published_at)
        # auto_now fields are set by save(); an update() writes the real ones, and only if they
        # differ, so a second run writes nothing.
        stale = Article.objects.filter(pk=article.pk).exclude(created_at=published_at, updated_at=updated_at)
        if stale.update(created_at=published_at, updated_at=updated_at):
            article.created_at, article.updated_at = published_at, updated_at
            purges.purge(purges.tags_for(article))  # update() sends no signal

    def add_tags(self, article, manager, registry, slugs, what):
        wanted = [self.lookup(registry, slug, what) for slug in slugs]
        present = set(manager.all().values_list("pk", flat=True))
        missing = [entity for entity in wanted if entity.pk not in present]
        if missing:
            manager.add(*missing)
            self.counts["tag"]["created"] += len(missing)
            self.detail("tagged", "article", article, ", ".join(entity.name for entity in missing))

    # -----------------------------------------------------------------------------------------
    # Helpers

    def upsert(self, kind, model, lookup, values, validate=False, name=None):
        """The record `lookup` finds (or, for a club or player, the one its `name` now belongs
        to), left as it is; created from `values` only when there is none."""
        obj = model.objects.filter(**lookup).first()
        if obj is None and name:
            obj = _entity_named(model, name)
        if obj is not None:
            self.counted(kind, "unchanged", obj)
            return obj
        obj = model(**lookup, **values)
        if validate:
            obj.full_clean()
        obj.save()
        self.counted(kind, "created", obj)
        return obj

    def lookup(self, registry, key, what):
        try:
            return registry[key]
        except KeyError:
            raise CommandError(f"The demo data names an unknown {what} {key!r}.") from None

    def counted(self, kind, outcome, obj, fields=()):
        self.counts[kind][outcome] += 1
        if outcome != "unchanged":
            self.detail(outcome, kind, obj, ", ".join(fields))

    def detail(self, verb, kind, obj, extra=""):
        if self.verbosity >= 2 or (self.dry_run and self.verbosity >= 1):
            suffix = f" ({extra})" if extra else ""
            self.stdout.write(f"  {verb} {kind} {obj}{suffix}")

    def report(self):
        for kind, label in KINDS:
            counts = self.counts.get(kind, Counter())
            parts = [f"{counts['created']} created", f"{counts['updated']} updated"]
            if counts["deleted"]:
                parts.append(f"{counts['deleted']} deleted")
            parts.append(f"{counts['unchanged']} unchanged")
            self.stdout.write(f"{label}: {', '.join(parts)}")
        if self.dry_run:
            self.stdout.write(self.style.WARNING("Dry run: rolled back, nothing was saved."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def discard_written_files(self):
        for name in self.written_files:
            Image._meta.get_field("file").storage.delete(name)
        self.written_files.clear()

    # -----------------------------------------------------------------------------------------
    # Placeholder pictures

    def draw_hero_image(self, spec, match):
        if match:
            title = f"{match.home_club.name} v {match.away_club.name}"
            day = timezone.localtime(match.kickoff)
            subtitle = f"{match.competition.name} · {day.day} {day:%B %Y}"
            caption = f"{title}, {match.competition.name}, {match.venue or match.season}"
        else:
            title = spec.get("image_title") or spec["headline"]
            subtitle = "Preview"
            caption = title
        image = Image(
            alt_text=f"Illustration: a striped green football pitch with the words “{title}”.",
            caption=caption[:300],
            credit=IMAGE_CREDIT,
        )
        image.file.save(f"{spec['slug']}.jpg", ContentFile(placeholder_jpeg(title, subtitle)), save=False)
        self.written_files.append(image.file.name)
        image.full_clean()
        image.save()
        self.counted("image", "created", image)
        return image


def _entity_named(model, name):
    """The one club or player called `name` now: by its name key, else by an alias (a merge makes
    the old name an alias of the survivor). None when there is none, or more than one."""
    key = slug_for_name(name)
    found = list(model.objects.filter(name_key=key)[:2])
    if not found:
        candidates = model.objects.filter(aliases__icontains=name.split()[0] if name.split() else name)
        found = [e for e in candidates if any(slug_for_name(alias) == key for alias in e.alias_list())][:2]
    return found[0] if len(found) == 1 else None


def _font(size):
    """A bold TrueType font with accents if the system has one, else Pillow's own default.

    Returns (font, handles_unicode): Pillow's bundled default has no accented letters.
    """
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"):
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size), False
    except (TypeError, OSError):  # Pillow < 10.1 has no sized default; or no FreeType
        return ImageFont.load_default(), False


def _fitted_font(draw, text, max_width, largest, smallest=24):
    size = largest
    while True:
        font, unicode_ok = _font(size)
        shown = text if unicode_ok else to_ascii(text.replace("·", "-"))
        if size <= smallest or draw.textlength(shown, font=font) <= max_width:
            return font, shown
        size -= 4


def placeholder_jpeg(title, subtitle):
    """A 1600x900 JPEG: mown-pitch stripes, a darker gradient, pitch markings and two lines of text."""
    width, height = IMAGE_SIZE
    picture = PILImage.new("RGB", IMAGE_SIZE)
    draw = ImageDraw.Draw(picture)
    stripes = 10
    for i in range(stripes):
        colour = (46, 125, 50) if i % 2 == 0 else (60, 142, 64)
        draw.rectangle([i * width // stripes, 0, (i + 1) * width // stripes, height], fill=colour)

    # Darken towards the bottom, where the text sits.
    shade = PILImage.linear_gradient("L").resize(IMAGE_SIZE).point(lambda v: int(v * 0.65))
    picture = PILImage.composite(PILImage.new("RGB", IMAGE_SIZE, (8, 36, 14)), picture, shade)

    draw = ImageDraw.Draw(picture)
    line = (226, 240, 226)
    cx, cy = width // 2, height // 2
    draw.rectangle([24, 24, width - 24, height - 24], outline=line, width=5)
    draw.line([(cx, 24), (cx, height - 24)], fill=line, width=5)
    draw.ellipse([cx - 130, cy - 130, cx + 130, cy + 130], outline=line, width=5)
    draw.ellipse([cx - 9, cy - 9, cx + 9, cy + 9], fill=line)
    draw.rectangle([24, cy - 200, 250, cy + 200], outline=line, width=5)
    draw.rectangle([width - 250, cy - 200, width - 24, cy + 200], outline=line, width=5)

    # A translucent band behind the text, so it reads over the markings.
    band = PILImage.new("RGBA", IMAGE_SIZE, (0, 0, 0, 0))
    ImageDraw.Draw(band).rectangle([0, cy - 150, width, cy + 150], fill=(0, 0, 0, 120))
    picture = PILImage.alpha_composite(picture.convert("RGBA"), band).convert("RGB")

    draw = ImageDraw.Draw(picture)
    title_font, title_text = _fitted_font(draw, title, width - 200, largest=112)
    sub_font, sub_text = _fitted_font(draw, subtitle, width - 300, largest=48)
    draw.text((cx + 3, cy - 40 + 3), title_text, font=title_font, fill=(0, 0, 0), anchor="mm")
    draw.text((cx, cy - 40), title_text, font=title_font, fill=(255, 255, 255), anchor="mm")
    draw.text((cx, cy + 75), sub_text, font=sub_font, fill=(220, 236, 220), anchor="mm")

    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
