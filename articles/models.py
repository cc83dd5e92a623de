"""The editorial domain: authors, articles, their corrections and the workflow's bookkeeping.

Articles tag the football app's clubs and players (django-taggit, each with its own through model
and the manager in tagging.py), point at its matches, and use the media library's pictures. Those
apps know nothing of articles: what an article must do when a match or goal changes is kept true
by the receivers in apps.py.
"""

from contextlib import nullcontext

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, IntegerField, Prefetch, Q, Value
from django.db.models.expressions import CombinedExpression
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from reversion.models import Version
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from newsroom.delivery import purges
from newsroom.delivery.addresses import dated_url, slug_url
from newsroom.football.models import Club, Event, Goal, Match, Player
from newsroom.media.models import Image

from .body import html_to_text
from .tagging import EntityTagManager
from .workflow import keep_old_url

# What an editor may put in a report body. The editor offers exactly this, and the same allow-list
# sanitises the HTML on the server (ProseEditorField derives the nh3 rules from it).
BODY_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3]},
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "Blockquote": True,
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
    }
}


class TaggedClub(ItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="club_tags")
    tag = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_club_once"),
        ]

    def __str__(self):
        # Never a query: a revision stores one of these per tag of the article.
        tag = self.tag.name if type(self).tag.is_cached(self) else f"club {self.tag_id}"
        return f"Article {self.content_object_id} tagged with {tag}"


class TaggedPlayer(ItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="player_tags")
    tag = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_player_once"),
        ]

    def __str__(self):
        # Never a query: a revision stores one of these per tag of the article.
        tag = self.tag.name if type(self).tag.is_cached(self) else f"player {self.tag_id}"
        return f"Article {self.content_object_id} tagged with {tag}"


class Author(models.Model):
    name = models.CharField(max_length=100, help_text="As printed in the byline.")
    slug = models.SlugField(max_length=100, unique=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="author_profile", help_text="Leave empty for freelancers without an account.",
    )  # fmt: skip

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one rule for "public": published, and its time has come. Scheduled ones wait."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_cards(self):
        """What an article card reads, fetched in a fixed number of queries."""
        return self.select_related(
            "match__competition", "match__home_club", "match__away_club", "hero_image"
        ).prefetch_related("authors", "hero_image__renditions")

    def for_card_keys(self):
        """Just enough to find each article's rendered card (articles/cards.py renders the rest)."""
        return self.only("pk", "published_at")

    def for_page(self):
        """Everything a report's own page shows, fetched in a fixed number of queries."""
        return self.for_cards().prefetch_related(*PAGE_PREFETCHES)


# What a report's page reads beyond its card's rows: prefetched onto an article already loaded
# (ArticleDetailView loads the row once; cards.py adds these only when the report is rendered).
PAGE_PREFETCHES = (
    "authors",
    "hero_image__renditions",
    "clubs",
    "players",
    "corrections",
    Prefetch("match__goals", queryset=Goal.objects.select_related("scorer", "club")),
)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    class Kind(models.TextChoices):
        REPORT = "report", "Match report"
        PREVIEW = "preview", "Match preview"
        NEWS = "news", "News"
        FEATURE = "feature", "Feature"
        LIVE = "live", "Live blog"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        help_text="The end of the address. Unique for the publication day, so “liverpool-napoli” "
        "can be used again next season.",
    )
    standfirst = models.CharField(
        max_length=400, blank=True, help_text="One or two sentences under the headline."
    )
    body = ProseEditorField(
        config=BODY_EDITOR_CONFIG,
        sanitize=True,
        blank=True,
        validators=[MaxLengthValidator(settings.NEWSROOM["BODY_MAX_CHARS"])],
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORT)
    # A live blog is open until this is set; then it is an ordinary (long-cached) article.
    live_closed_at = models.DateTimeField(
        "live blog closed at", null=True, blank=True,
        help_text="Live blogs only: empty while the blog is live. Set when the desk closes it.",
    )  # fmt: skip
    match = models.ForeignKey(
        Match, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles",
        help_text="The match this article is about. Its clubs and scorers are tagged automatically.",
    )  # fmt: skip
    hero_image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="hero_of"
    )
    hero_caption = models.CharField(
        max_length=300, blank=True, help_text="Overrides the image's own caption for this article."
    )
    authors = models.ManyToManyField(Author, blank=True, related_name="articles")
    clubs = TaggableManager(
        verbose_name="clubs", help_text="Clubs in the story.", through=TaggedClub,
        manager=EntityTagManager, blank=True, related_name="articles",
    )  # fmt: skip
    players = TaggableManager(
        verbose_name="players", help_text="Players in the story.", through=TaggedPlayer,
        manager=EntityTagManager, blank=True, related_name="articles",
    )  # fmt: skip
    # "Essential reading" on a club's or player's page, newest first. The tables are the ones the
    # clubs' and players' own field used before the apps were split, so no row moved.
    pinned_on_clubs = models.ManyToManyField(
        Club, blank=True, related_name="pinned_articles", db_table="articles_club_pinned_articles",
        verbose_name="pinned on clubs' pages",
    )  # fmt: skip
    pinned_on_players = models.ManyToManyField(
        Player, blank=True, related_name="pinned_articles", db_table="articles_player_pinned_articles",
        verbose_name="pinned on players' pages",
    )  # fmt: skip
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The report goes live at this time. Leave it in the future to schedule it; "
        "leave it empty to use the moment it is published.",
    )
    # The day in the article's URL, in the newsroom's time zone; derived on every save.
    publication_date = models.DateField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    featured = models.BooleanField(default=False, help_text="Lead the front page with this report.")
    seo_title = models.CharField(
        max_length=70, blank=True, help_text="For search results; the headline if empty."
    )
    seo_description = models.CharField(
        max_length=160, blank=True, help_text="For search results; the standfirst if empty."
    )
    # Bumped on every save; a save based on an older version is refused (see save()).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    objects = ArticleQuerySet.as_manager()

    class Meta:
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["publication_date", "slug"], name="article_slug_unique_for_date"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            # What is published about one match (its page, a goal's link to its report): without
            # it SQLite walked every published report for each goal on a player's page.
            models.Index(fields=["match", "status", "published_at"], name="article_match_pub_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, expected_version=None, **kwargs):
        """Save, keeping a revision, old URLs and the match's tags.

        `expected_version`: the version the editor's form was based on. The row is claimed with a
        conditional UPDATE (… WHERE version = expected), so of two editors saving the same copy
        exactly one wins and the other gets StaleArticle, whatever the timing.
        """
        # Sanitise on every save, whatever sent it: the admin, a command or a crafted POST.
        self.body = self._meta.get_field("body").sanitize(self.body or "")
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.publication_date = self._publication_date()
        previous = None
        if not self._state.adding:
            previous = self._stored_before(expected_version)
            if expected_version is not None:
                # Claimed in the UPDATE itself (_do_update): WHERE version = expected_version.
                self._claiming_version = expected_version
                self.version = expected_version + 1
            else:
                self.version = F("version") + 1
        own_revision = not reversion.is_active()
        with _revision():
            try:
                super().save(*args, **kwargs)
            finally:
                self._claiming_version = None
            if isinstance(self.version, CombinedExpression):
                self.refresh_from_db(fields=["version"])
            if previous is None or previous["match_id"] != self.match_id:
                # A new article, or a new match: its clubs and scorers. (Otherwise the tags are
                # kept by the receivers: a removed one comes back, a new goal's scorer is added.)
                self.ensure_match_tags()
            if own_revision or not reversion.is_manage_manually():
                # Added once the row is final: the version number read back, the match's tags on
                # (reversion's own receiver adds it at post_save, while `version` is still the
                # unsaved F() expression that cannot be read back). The admin, which manages its
                # revision itself, adds the article once its tags and authors are saved too.
                reversion.add_to_revision(self)
        if previous:
            keep_old_url(self, previous)

    def get_absolute_url(self):
        return dated_url("articles:article", self.publication_date, self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # What the row held when it was read: a save that claims this version needs no read of
        # its own to know the old address (see _stored_before).
        article._stored = {
            name: value for name, value in zip(field_names, values, strict=True) if name in _STORED_FIELDS
        }
        return article

    def _stored_before(self, expected_version):
        """The stored row's _URL_FIELDS, before this save. Read from the database, unless this
        instance was loaded at the version the save claims: then the row is what was loaded (a
        claim of any other version fails)."""
        stored = getattr(self, "_stored", {})
        if expected_version is not None and stored.get("version") == expected_version:
            if all(name in stored for name in _URL_FIELDS):
                return {name: stored[name] for name in _URL_FIELDS}
        return Article.objects.filter(pk=self.pk).values(*_URL_FIELDS).first()

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        claimed = getattr(self, "_claiming_version", None)
        if claimed is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        # The save and the claim are one statement: of two editors saving the same copy exactly
        # one updates the row, and the other is told, whatever the timing.
        base_qs = base_qs.filter(version=claimed)
        if not super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update):
            raise StaleArticle(pk_val, claimed)
        return True

    def _publication_date(self):
        moment = self.published_at or self.created_at or timezone.now()
        return timezone.localdate(moment)

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_published()

    def is_live(self):
        """A live blog still taking entries (readers' pages poll for them)."""
        return self.kind == self.Kind.LIVE and self.live_closed_at is None

    def ensure_match_tags(self):
        """Keep the invariant: a report on a match carries both clubs and every scorer. Two
        queries find what is missing; only that is added (an add that changes nothing would still
        signal, revise and purge)."""
        if not self.match_id:
            return
        clubs = list(
            Club.objects.filter(Q(home_matches=self.match_id) | Q(away_matches=self.match_id))
            .exclude(pk__in=self.club_tags.values("tag_id")).distinct()
        )  # fmt: skip
        if clubs:
            self.clubs.add(*clubs)
        scorers = list(
            Player.objects.filter(goals__match_id=self.match_id)
            .exclude(pk__in=self.player_tags.values("tag_id")).distinct()
        )  # fmt: skip
        if scorers:
            self.players.add(*scorers)

    @property
    def caption(self):
        return self.hero_caption or (self.hero_image.caption if self.hero_image else "")

    def clean(self):
        if self.kind == self.Kind.LIVE and not self.match_id:
            raise ValidationError({"match": "A live blog follows a match: pick it."})
        if self.published_at and not PUBLISHED_YEARS[0] <= self.published_at.year <= PUBLISHED_YEARS[1]:
            # Outside these years the search index's order key (seconds << 31) no longer fits a
            # 64-bit integer, and no report of ours is dated there.
            raise ValidationError(
                {"published_at": f"Choose a time between {PUBLISHED_YEARS[0]} and {PUBLISHED_YEARS[1]}."}
            )
        day = self._publication_date()
        if (
            self.slug
            and Article.objects.filter(publication_date=day, slug=self.slug).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"slug": f"Another article published on {day:%d %B %Y} already uses this slug."}
            )


# The years a publication time may fall in (Article.clean()).
PUBLISHED_YEARS = (1900, 2099)
# What an article's public address depends on, read before a save to redirect the old one; and
# its match, whose clubs and scorers a new match brings.
_URL_FIELDS = ("slug", "publication_date", "status", "published_at", "match_id")
# What Article.from_db() remembers of each row it reads, for _stored_before().
_STORED_FIELDS = frozenset({*_URL_FIELDS, "version"})


class StaleArticle(Exception):
    """A save based on an older version of the article than the one stored."""

    def __init__(self, pk, expected_version):
        super().__init__(f"Article {pk} changed since version {expected_version}.")
        self.pk, self.expected_version = pk, expected_version


def _revision():
    # Every save keeps a revision: join the one the admin opened, or open one of our own that
    # Article.save() fills itself, once.
    return nullcontext() if reversion.is_active() else reversion.create_revision(manage_manually=True)


class Correction(models.Model):
    """A dated note appended to a published article; shown at its foot and in its structured data."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    note = models.TextField(
        max_length=1000,
        help_text="What was wrong and what is right now, e.g. “Lovren scored after 65 minutes, not 56.”",
    )
    published_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["published_on", "pk"]

    def __str__(self):
        return f"Correction of {self.published_on:%d %b %Y}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A correction changes the article: its updated time moves. (Saving a Correction already
        # starts a new page-cache generation, like any content model.)
        Article.objects.filter(pk=self.article_id).update(updated_at=timezone.now())


class LiveEntry(models.Model):
    """One timestamped entry of a live blog. Entries are rows of their own, so editors posting at
    once never conflict (the article itself is not saved). A key event (a goal, a card, the
    whistle) writes the match record: saving the entry creates or corrects its `Goal` or `Event`
    and works the match's score and status out again; deleting it takes them back out."""

    class Kind(models.TextChoices):
        UPDATE = "", "Update (no key event)"
        GOAL = "goal", "Goal"
        PENALTY_GOAL = "penalty_goal", "Penalty scored"
        OWN_GOAL = "own_goal", "Own goal"
        MISSED_PENALTY = "missed_penalty", "Penalty missed"
        YELLOW = "yellow", "Yellow card"
        SECOND_YELLOW = "second_yellow", "Second yellow card"
        RED = "red", "Red card"
        SUBSTITUTION = "substitution", "Substitution"
        VAR = "var", "VAR decision"
        KICK_OFF = "kick_off", "Kick-off"
        HALF_TIME = "half_time", "Half-time"
        FULL_TIME = "full_time", "Full-time"

    # Which kinds become which rows of the match record.
    GOALS = {
        Kind.GOAL: Goal.Kind.OPEN_PLAY,
        Kind.PENALTY_GOAL: Goal.Kind.PENALTY,
        Kind.OWN_GOAL: Goal.Kind.OWN_GOAL,
    }
    EVENTS = {kind: Event.Kind(kind) for kind in ("missed_penalty", "yellow", "second_yellow", "red",
                                                   "substitution", "var")}  # fmt: skip
    WHISTLES = {Kind.KICK_OFF: Match.Status.LIVE, Kind.HALF_TIME: Match.Status.HALF_TIME,
                Kind.FULL_TIME: Match.Status.FULL_TIME}  # fmt: skip

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="entries")
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set when an entry is changed after posting: readers see "Updated 15:42".
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    body = ProseEditorField(
        config=BODY_EDITOR_CONFIG, sanitize=True, blank=True,
        validators=[MaxLengthValidator(settings.NEWSROOM["LIVE_ENTRY_MAX_CHARS"])],
    )  # fmt: skip
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    embed_url = models.URLField(
        "embed", blank=True, max_length=500,
        help_text="A post or video to point readers to (https). Shown as a link: the site runs no "
        "third-party script.",
    )  # fmt: skip
    pinned = models.BooleanField(default=False, help_text="Keep this entry at the top of the blog.")
    kind = models.CharField(max_length=14, choices=Kind.choices, blank=True, default=Kind.UPDATE)
    minute = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    added_time = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(30)])
    club = models.ForeignKey(
        Club, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The side of the player (worked out from the line-ups when empty).",
    )  # fmt: skip
    player = models.ForeignKey(
        Player, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Scored, booked, missed the penalty, or came on.",
    )  # fmt: skip
    player_off = models.ForeignKey(
        Player, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="A substitution: who went off.",
    )  # fmt: skip
    # The rows of the match record this entry wrote (SET_NULL: a goal removed in the match admin
    # leaves the entry's text).
    goal = models.OneToOneField(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="entry")
    event = models.OneToOneField(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="entry"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name_plural = "live entries"
        ordering = ["-pinned", "-posted_at", "-pk"]
        indexes = [models.Index(fields=["article", "-posted_at"], name="liveentry_article_posted_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(minute__isnull=True) | Q(minute__gte=1, minute__lte=120),
                name="liveentry_minute_in_range",
            ),
        ]

    def __str__(self):
        label = self.get_kind_display() if self.kind else "Update"
        return f"{self.minute_display()} {label}".strip()

    def save(self, *args, **kwargs):
        # Sanitised on every save, as article bodies are, whatever sent it.
        self.body = self._meta.get_field("body").sanitize(self.body or "")
        if not self._state.adding:
            self.edited_at = timezone.now()
        with transaction.atomic():
            match = self.article.match
            row = self.record_row(match) if match else None
            # A kind changed from a goal to a card (or to a plain update): the old row goes.
            old_goal = self.goal if self.goal_id and not isinstance(row, Goal) else None
            old_event = self.event if self.event_id and not isinstance(row, Event) else None
            if row is not None:
                row.save()
            self.goal = row if isinstance(row, Goal) else None
            self.event = row if isinstance(row, Event) else None
            super().save(*args, **kwargs)
            for gone in (old_goal, old_event):
                if gone is not None:
                    gone.delete()
            if match and (row is not None or old_goal or old_event or self.kind in self.WHISTLES
                          or getattr(self, "_was_whistle", False)):  # fmt: skip
                follow_the_whistle(match.pk)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            match_id = self.article.match_id
            rows = [row for row in (self.goal, self.event) if row is not None]
            result = super().delete(*args, **kwargs)
            for row in rows:
                row.delete()
            if match_id and (rows or self.kind in self.WHISTLES):
                follow_the_whistle(match_id)
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        entry = super().from_db(db, field_names, values)
        # An entry that was a whistle and is now something else still moves the match's status.
        entry._was_whistle = entry.__dict__.get("kind") in cls.WHISTLES
        return entry

    def minute_display(self):
        if self.minute is None:
            return ""
        return f"{self.minute}+{self.added_time}’" if self.added_time else f"{self.minute}’"

    def is_key_event(self):
        return self.kind != self.Kind.UPDATE

    def clean(self):
        """The entry's own rules, then the record's: the Goal or Event it would write is checked
        by that model's clean(), so the desk gets the match admin's messages."""
        match = self.article.match if self.article_id else None
        if self.article_id and self.article.kind != Article.Kind.LIVE:
            raise ValidationError("Entries belong to live blogs only.")
        if self.embed_url and not self.embed_url.startswith("https://"):
            raise ValidationError({"embed_url": "Embeds must be https:// addresses."})
        if not self.is_key_event():
            if not (self.body or "").strip() and not self.image_id and not self.embed_url:
                raise ValidationError({"body": "Write something, or add a picture or an embed."})
            return
        if match is None:
            raise ValidationError("This live blog has no match: pick it on the article first.")
        if self.kind not in self.WHISTLES and self.minute is None:
            raise ValidationError({"minute": f"A {self.get_kind_display().lower()} needs its minute."})
        if self.club_id and self.club_id not in (match.home_club_id, match.away_club_id):
            raise ValidationError({"club": "Pick one of the two clubs in the match."})
        row = self.record_row(match)
        if row is not None:
            try:
                row.clean()
            except ValidationError as error:
                raise ValidationError(_entry_errors(error)) from None

    def record_row(self, match):
        """The unsaved Goal or Event this entry stands for (None for updates and whistles)."""
        where = {"match": match, "minute": self.minute or 1, "added_time": self.added_time or 0}
        if self.kind in self.GOALS:
            scoring_side = self.club_id
            if self.kind == self.Kind.OWN_GOAL and self.club_id:
                # An own goal counts for the other side: entry.club is the scorer's own side.
                home, away = match.home_club_id, match.away_club_id
                scoring_side = away if self.club_id == home else home
            goal = self.goal if self.goal_id else Goal()
            for name, value in {**where, "scorer_id": self.player_id, "club_id": scoring_side,
                                "kind": self.GOALS[self.kind]}.items():  # fmt: skip
                setattr(goal, name, value)
            if not self.player_id:
                raise ValidationError({"player": "Say who scored."})
            if not self.club_id:
                raise ValidationError({"club": "Say which side the scorer plays for."})
            return goal
        if self.kind in self.EVENTS:
            event = self.event if self.event_id else Event()
            for name, value in {**where, "kind": self.EVENTS[self.kind], "club_id": self.club_id,
                                "player_id": self.player_id, "player_off_id": self.player_off_id,
                                "note": self._var_note()}.items():  # fmt: skip
                setattr(event, name, value)
            if not self.club_id:
                raise ValidationError({"club": "Say which side this is about."})
            return event
        return None

    def _var_note(self):
        # A VAR decision's text is its note on the timeline ("Goal disallowed for offside").
        return html_to_text(self.body or "")[:200] if self.kind == self.Kind.VAR else ""


def _entry_errors(error):
    """A Goal's or Event's errors, on the entry's fields (its scorer is the entry's player)."""
    if not hasattr(error, "error_dict"):
        return error
    names = {"scorer": "player", "minute": "minute", "added_time": "added_time", "club": "club",
             "player": "player", "player_off": "player_off", "note": "body"}  # fmt: skip
    return {names.get(field, NON_FIELD_ERRORS): messages for field, messages in error.error_dict.items()}


def follow_the_whistle(match_id):
    """Work the match's status and score out again from its live entries and goals.

    From everything stored, not by increments, so two editors posting at once leave the same
    record whichever commits first; the match row is locked for it (PostgreSQL; SQLite writes
    one transaction at a time). Status: the latest whistle (kick-off, half-time, full-time) by
    minute; a key event with no whistle yet means the match has started. Score: the goals', with
    the half-time score once half-time has been blown."""
    match = Match.objects.select_for_update().get(pk=match_id)
    entries = LiveEntry.objects.filter(article__match_id=match_id).exclude(kind="")
    whistles = sorted(
        (entry for entry in entries if entry.kind in LiveEntry.WHISTLES),
        key=lambda e: (e.minute or 0, e.added_time, e.posted_at, e.pk),
    )
    if whistles:
        status = LiveEntry.WHISTLES[whistles[-1].kind]
    elif entries.exists():
        status = Match.Status.LIVE
    elif match.status in (Match.Status.LIVE, Match.Status.HALF_TIME):
        status = Match.Status.SCHEDULED  # the blog's kick-off was taken back
    else:
        return  # a match the blog never touched keeps what was typed in the admin
    match.status = status
    scores = {name: None for name in ("home_score", "away_score", "home_ht_score", "away_ht_score",
                                      "home_et_score", "away_et_score")}  # fmt: skip
    if status != Match.Status.SCHEDULED:
        found = match.scores_from(list(match.goals.all()))
        past_half_time = status != Match.Status.LIVE or any(e.kind == "half_time" for e in whistles)
        scores.update({name: value for name, value in found.items() if past_half_time or "_ht_" not in name})
    for name, value in scores.items():
        setattr(match, name, value)
    match.save(update_fields=["status", *scores])


class EditingSession(models.Model):
    """Who has an article's form open, refreshed by a heartbeat; stale after a minute."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="editing_sessions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_editing_session_per_user"),
        ]

    def __str__(self):
        return f"{self.user} editing {self.article}"


class SaveReceipt(models.Model):
    """One row per successful form save, keyed by the token the form was rendered with.

    A double click or a retried POST carries the same token: it finds its receipt and is told the
    save already happened, instead of conflicting with itself or creating a second article.
    """

    token = models.UUIDField(unique=True)
    article = models.ForeignKey(Article, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return str(self.token)


class MergedEntity(models.Model):
    """A club or player merged into another: old id → survivor, so that an article recovered or
    restored from before the merge gets the survivor instead of losing the tag. Kept one hop
    (a later merge of the survivor moves every earlier record on), like the redirects."""

    class Kind(models.TextChoices):
        CLUB = "club", "Club"
        PLAYER = "player", "Player"

    kind = models.CharField(max_length=6, choices=Kind.choices)
    old_id = models.PositiveBigIntegerField()
    survivor_id = models.PositiveBigIntegerField()
    merged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "merged entities"
        constraints = [models.UniqueConstraint(fields=["kind", "old_id"], name="merged_entity_once")]

    def __str__(self):
        return f"{self.kind} {self.old_id} merged into {self.survivor_id}"


def remember_merge(survivor, others):
    """A merge step (registered in apps.py): record where each merged record went. Moves no rows."""
    kind = survivor._meta.model_name
    old_ids = [other.pk for other in others]
    MergedEntity.objects.filter(kind=kind, survivor_id__in=old_ids).update(survivor_id=survivor.pk)
    MergedEntity.objects.bulk_create(
        [MergedEntity(kind=kind, old_id=pk, survivor_id=survivor.pk) for pk in old_ids],
        update_conflicts=True, unique_fields=["kind", "old_id"], update_fields=["survivor_id", "merged_at"],
    )  # fmt: skip
    return 0


def surviving_ids(model, ids):
    """(ids of `model` that exist, following merges; the ids that are gone for good)."""
    ids = set(ids)
    merged = dict(
        MergedEntity.objects.filter(kind=model._meta.model_name, old_id__in=ids).values_list(
            "old_id", "survivor_id"
        )
    )
    wanted = {merged.get(pk, pk) for pk in ids}
    existing = set(model.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    return existing, {pk for pk in ids if merged.get(pk, pk) not in existing}


reversion.register(TaggedClub)
reversion.register(TaggedPlayer)
reversion.register(Correction)
# Pins belong to the club's or player's page, not to the story: a restored revision leaves them.
# The tag rows are not followed here but added by add_tag_rows_to_revision() below.
reversion.register(
    Article,
    follow=["corrections"],
    exclude=["pinned_on_clubs", "pinned_on_players"],
)


def add_tag_rows_to_revision(sender, revision, versions, **kwargs):
    """Every revision of an article holds its tag rows as they are when it is written, so a
    restore gives its clubs and players back. Connected to reversion's post_revision_commit in
    ArticlesConfig.ready(): it runs in the revision's transaction, whoever wrote the revision.

    Reversion's `follow` did this in four queries for a saved article: one read of each tag
    table, then one more read of each to check that the rows it had just read still existed.
    Here one query reads both tables for every article in the revision and one INSERT adds the
    rows' versions. Rows already in the revision (added by hand) are not added twice."""
    kinds = (TaggedClub, TaggedPlayer)
    types = ContentType.objects.db_manager(revision._state.db).get_for_models(Article, *kinds)
    articles = {int(version.object_id): version.db for version in versions
                if version.content_type_id == types[Article].pk}  # fmt: skip
    if not articles:
        return
    present = {(version.content_type_id, version.object_id) for version in versions}

    def rows(model):
        which = Value(kinds.index(model), output_field=IntegerField())
        tagged = model.objects.filter(content_object_id__in=articles).order_by()
        return tagged.values_list(which, "pk", "content_object_id", "tag_id")

    tag_versions = []
    for kind, pk, article_id, tag_id in rows(TaggedClub).union(rows(TaggedPlayer), all=True):
        model = kinds[kind]
        if (types[model].pk, str(pk)) in present:
            continue
        row = model(pk=pk, content_object_id=article_id, tag_id=tag_id)
        tag_versions.append(
            Version(
                revision=revision,
                content_type=types[model],
                object_id=str(pk),
                db=articles[article_id],
                format="json",  # as registered above
                serialized_data=serializers.serialize("json", [row]),
                object_repr=str(row),
            )
        )
    Version.objects.using(revision._state.db).bulk_create(tag_versions)


# ---------------------------------------------------------------------------------------------
# What a change purges (newsroom/delivery/purges.py)


def article_purges(article):
    """An article's own page and card, and every list it is or was on: the front page, search,
    the pages of its clubs, players, competition and authors (read in one query). "schedule"
    moves the time at which lists change by themselves (a scheduled report)."""
    tags = {purges.tag("article", article.pk), "list-front", "list-search", "schedule"}
    if article.pk is None:
        return tags
    kinds = ["list-club", "list-player", "list-author", "list-competition"]

    def ids(queryset, kind, column):
        return queryset.order_by().values_list(Value(kinds.index(kind), output_field=IntegerField()), column)

    rows = ids(TaggedClub.objects.filter(content_object_id=article.pk), "list-club", "tag_id").union(
        ids(TaggedPlayer.objects.filter(content_object_id=article.pk), "list-player", "tag_id"),
        ids(Article.authors.through.objects.filter(article_id=article.pk), "list-author", "author_id"),
        ids(Match.objects.filter(pk=article.match_id or 0), "list-competition", "competition_id"),
        all=True,
    )
    return tags | {purges.tag(kinds[kind], pk) for kind, pk in rows}


def _tag_row_purges(kind):
    # A tag row added or removed: the article's page and card, and the list of the club or player.
    def tags_of(row):
        return {purges.tag("article", row.content_object_id), purges.tag(f"list-{kind}", row.tag_id)}

    def m2m_tags_of(instance, reverse, pk_set):
        if reverse:  # from the club's or player's side: these articles
            return purges.tags("article", pk_set) | {purges.tag(f"list-{kind}", instance.pk)}
        return {purges.tag("article", instance.pk), *purges.tags(f"list-{kind}", pk_set)}

    return tags_of, m2m_tags_of


def _authors_m2m_purges(instance, reverse, pk_set):
    if reverse:
        return purges.tags("article", pk_set) | {purges.tag("list-author", instance.pk)}
    return {purges.tag("article", instance.pk), *purges.tags("list-author", pk_set)}


def _pins_m2m_purges(kind):
    def tags_of(instance, reverse, pk_set):
        if reverse:
            return {purges.tag(f"list-{kind}", instance.pk)}
        return purges.tags(f"list-{kind}", pk_set)

    return tags_of


purges.register(Article, article_purges)
purges.register(Author,
    lambda author: {purges.tag("author", author.pk), purges.tag("list-author", author.pk), "authors"},
)
purges.register(Correction, lambda correction: {purges.tag("article", correction.article_id)})
# A live entry shows on its blog (page and card: the front page's score box) and on its match's
# page, box and the club pages' results. The Goal, Event and Match it writes purge their own.
purges.register(
    LiveEntry,
    lambda entry: {purges.tag("article", entry.article_id), *purges.tags("match", [entry.article.match_id])},
)
for _through, _kind in ((TaggedClub, "club"), (TaggedPlayer, "player")):
    _row, _m2m = _tag_row_purges(_kind)
    purges.register(_through, _row)
    purges.register_m2m(_through, _m2m)
purges.register_m2m(Article.authors.through, _authors_m2m_purges)
purges.register_m2m(Article.pinned_on_clubs.through, _pins_m2m_purges("club"))
purges.register_m2m(Article.pinned_on_players.through, _pins_m2m_purges("player"))
# The workflow's bookkeeping: no public page shows who has a form open or which token was used.
purges.not_on_pages(EditingSession, SaveReceipt, MergedEntity)


# ---------------------------------------------------------------------------------------------
# The invariant "a report on a match carries both clubs and every scorer", whoever writes. The
# football app cannot call the articles (it knows nothing of them), so these receivers, connected
# in ArticlesConfig.ready(), keep it when a match or a goal is saved, and when a tag is removed.


def tag_reports_of_match(sender, instance, raw=False, **kwargs):
    """A match saved (its clubs may have changed): its reports carry both clubs and its scorers."""
    if raw:
        return
    for article in instance.articles.all():
        article.ensure_match_tags()


def tag_scorer_on_reports(sender, instance, raw=False, **kwargs):
    """A goal saved: every report on its match carries the scorer."""
    if raw:
        return
    for article in Article.objects.filter(match_id=instance.match_id):
        article.players.add(instance.scorer)


def put_back_match_tags(sender, instance, action, **kwargs):
    """A match's club or scorer untagged, from any code path (the admin form's set() included):
    it goes straight back. The model keeps the invariant, not the form."""
    if action in {"post_remove", "post_clear"} and isinstance(instance, Article):
        instance.ensure_match_tags()
