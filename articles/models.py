"""The newsroom's domain: competitions, matches and goals, clubs and players, and the articles.

Clubs and players are django-taggit tags *and* real records, each with its own through model, so
`article.clubs` and `article.players` are tag managers over real rows with pages of their own.
"""

import uuid
from contextlib import nullcontext
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.expressions import CombinedExpression
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from .entities import has_letters_or_digits, slug_for_name
from .images.fields import PictureField
from .images.renditions import build_renditions
from .tagging import EntityTagManager

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


# ---------------------------------------------------------------------------------------------
# Media


def image_upload_to(instance, filename):
    """A generated name under images/YYYY/MM/: the uploader's file name is never trusted."""
    suffix = Path(filename).suffix.lower()
    if suffix not in {".jpg", ".jpeg", ".png", ".webp", ".gif"}:
        suffix = ".jpg"
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Image(models.Model):
    # Checks and re-encodes every new file as it is written, whatever code path writes it.
    file = PictureField(
        upload_to=image_upload_to, width_field="width", height_field="height", size_field="file_size"
    )
    alt_text = models.CharField(
        max_length=250,
        help_text="What the picture shows, for readers who cannot see it. Required.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=150, blank=True, help_text="Photographer or agency.")
    focal_x = models.FloatField(
        default=0.5, validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Horizontal focal point, 0 (left) to 1 (right); crops keep it in frame.",
    )  # fmt: skip
    focal_y = models.FloatField(
        default=0.5, validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Vertical focal point, 0 (top) to 1 (bottom).",
    )  # fmt: skip
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    file_size = models.PositiveIntegerField(
        null=True, editable=False, help_text="Bytes of the stored original."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        # A new file is checked and re-encoded by PictureField as it is written (a file that
        # breaks a rule raises ValidationError; the admin form ran the same checks first).
        super().save(*args, **kwargs)
        prepared, self.file.prepared = self.file.prepared, None
        if not self.width:
            return  # no readable dimensions (a row from before uploads were checked)
        try:
            # Renditions now, not on a reader's first request; unchanged ones are kept.
            build_renditions(
                self,
                picture=prepared.picture if prepared else None,
                icc_profile=prepared.icc_profile if prepared else None,
            )
        except BaseException:
            if prepared:
                self.file.storage.delete(self.file.name)  # the caller's transaction undoes the row
            raise
        finally:
            if prepared:
                prepared.release()  # ~100 MB of pixels for a 24 MP photo: free them now

    def clean(self):
        if not self.alt_text.strip():
            raise ValidationError({"alt_text": "Describe the picture for readers who cannot see it."})


class Rendition(models.Model):
    """A resized or cropped copy of an Image, made by articles/images/renditions.py on save.

    The file name carries a digest of its bytes, so a rendition URL never changes content.
    """

    class Crop(models.TextChoices):
        # The keys of NEWSROOM_IMAGES["WIDTHS"].
        FULL = "full", "Whole picture"
        WIDE = "16:9", "16:9"
        SQUARE = "1:1", "1:1"

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    crop = models.CharField(max_length=8, choices=Crop.choices)
    format = models.CharField(max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.FileField(max_length=255)  # named by renditions.rendition_name(), never uploaded
    size = models.PositiveIntegerField(help_text="Bytes.")
    # A digest of what the file was made from; when it differs from the plan, the file is remade.
    source_key = models.CharField(max_length=40)

    class Meta:
        ordering = ["crop", "format", "width"]
        constraints = [
            models.UniqueConstraint(fields=["image", "crop", "format", "width"], name="rendition_once"),
        ]

    def __str__(self):
        return f"{self.image} ({self.crop}, {self.width}px {self.get_format_display()})"

    @property
    def slot(self):
        return (self.crop, self.format, self.width)


# ---------------------------------------------------------------------------------------------
# Clubs and players: tags that are real records


class EntityTag(TagBase):
    """What clubs and players share: a name, a routable ASCII slug, a name key and aliases.

    The name key (entities.slug_for_name) is how names compare: "Mané" = "MANE" = "Mane".
    """

    slug = models.SlugField(
        unique=True,
        max_length=100,
        help_text="The address of the page: lower-case ASCII letters, digits and hyphens.",
    )
    name_key = models.CharField(max_length=100, editable=False, db_index=True)
    aliases = models.TextField(
        blank=True,
        help_text="One per line: nicknames and short forms used in reports, e.g. “the Reds”, “LFC”.",
    )
    description = models.TextField(blank=True)
    pinned_articles = models.ManyToManyField(
        "Article", blank=True, related_name="+", help_text="Shown first on the page, newest first."
    )
    # Lets every process notice a changed gazetteer and rebuild its name matcher (entities.py).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    natural_key_fields = ["slug"]

    class Meta:
        abstract = True
        ordering = ["name"]

    def clean(self):
        self.name = (self.name or "").strip()
        if not has_letters_or_digits(self.name) or not slug_for_name(self.name):
            raise ValidationError({"name": "A name needs letters or digits (e.g. “Atlético Madrid”)."})

    def save(self, *args, **kwargs):
        self.name = self.name.strip()
        self.name_key = slug_for_name(self.name)
        if not self.slug:
            self.slug = self.name_key
        if not self.slug:
            raise ValidationError(f"{self.name!r} has no letters or digits and cannot be saved.")
        old_slug = None
        if not self._state.adding:
            old_slug = type(self).objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        # Deliberately skip TagBase.save(), which would silently add "_1" to a taken slug and so
        # create a second "Dries Mertens": here the slug is the identity and a clash is an error.
        models.Model.save(self, *args, **kwargs)
        if old_slug and old_slug != self.slug:
            from .workflow import move_address

            # Renamed: the old page answers 301 with the new one.
            move_address(type(self)(slug=old_slug).get_absolute_url(), self.get_absolute_url())

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Club(EntityTag):
    name = models.CharField(max_length=100, unique=True)
    short_name = models.CharField(max_length=50, blank=True, help_text="e.g. “Man Utd”.")
    country = models.CharField(max_length=60, blank=True)
    league = models.CharField(max_length=100, blank=True)
    crest = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta(EntityTag.Meta):
        constraints = [
            # "Arsenal", "arsenal" and "ARSENAL" are one club, whatever path created them.
            models.UniqueConstraint(fields=["name_key"], name="club_unique_name_key"),
        ]

    def get_absolute_url(self):
        return reverse("articles:club", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        clash = Club.objects.filter(name_key=slug_for_name(self.name)).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError({"name": f"This is the same name as the club “{clash.name}”."})


class Player(EntityTag):
    class Position(models.TextChoices):
        GOALKEEPER = "GK", "Goalkeeper"
        DEFENDER = "DF", "Defender"
        MIDFIELDER = "MF", "Midfielder"
        FORWARD = "FW", "Forward"

    # Not unique: two players may share a name. The slug tells them apart.
    name = models.CharField(max_length=100)
    slug = models.SlugField(
        unique=True,
        max_length=100,
        help_text="The player's identity and page address. Two players with the same name need "
        "different slugs, e.g. “adama-traore-1996”.",
    )
    club = models.ForeignKey(
        Club, null=True, blank=True, on_delete=models.SET_NULL, related_name="players",
        help_text="Current club.",
    )  # fmt: skip
    position = models.CharField(max_length=2, choices=Position.choices, blank=True)
    nationality = models.CharField(max_length=60, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    photo = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self):
        return f"{self.name} ({self.club.name})" if self.club_id and self._club_loaded() else self.name

    def _club_loaded(self):
        # __str__ must never cost a query per row (admin lists, autocomplete).
        return Player.club.is_cached(self)

    def get_absolute_url(self):
        return reverse("articles:player", kwargs={"slug": self.slug})


class TaggedClub(ItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="club_tags")
    tag = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_club_once"),
        ]


class TaggedPlayer(ItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="player_tags")
    tag = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_player_once"),
        ]


# ---------------------------------------------------------------------------------------------
# Competitions, matches and goals


class Competition(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:competition", kwargs={"slug": self.slug})


class Match(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="matches")
    season = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^\d{4}-\d{2}$", "Write the season as 2019-20.")],
        help_text="e.g. 2019-20",
    )
    round = models.CharField(max_length=100, blank=True, help_text="e.g. Group E, matchday 5")
    kickoff = models.DateTimeField()
    venue = models.CharField(max_length=150, blank=True)
    home_club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="home_matches")
    away_club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="away_matches")
    home_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Leave both scores empty until the match is played."
    )
    away_score = models.PositiveSmallIntegerField(null=True, blank=True)
    attendance = models.PositiveIntegerField(null=True, blank=True)
    referee = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-kickoff"]
        verbose_name_plural = "matches"
        constraints = [
            models.CheckConstraint(condition=~Q(home_club=F("away_club")), name="match_clubs_differ"),
            models.CheckConstraint(
                condition=Q(home_score__isnull=True, away_score__isnull=True)
                | Q(home_score__isnull=False, away_score__isnull=False),
                name="match_score_both_or_neither",
            ),
            models.UniqueConstraint(
                fields=["home_club", "away_club", "kickoff"], name="match_unique_fixture"
            ),
        ]
        indexes = [models.Index(fields=["kickoff"], name="match_kickoff_idx")]

    def __str__(self):
        if self.is_played():
            return f"{self.home_club} {self.home_score}–{self.away_score} {self.away_club}"
        return f"{self.home_club} v {self.away_club}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        for article in self.articles.all():
            article.ensure_match_tags()

    def is_played(self):
        return self.home_score is not None and self.away_score is not None

    def result_for(self, club):
        """'W', 'D' or 'L' from `club`'s side, or '' before the match is played."""
        if not self.is_played():
            return ""
        ours, theirs = (
            (self.home_score, self.away_score)
            if club.pk == self.home_club_id
            else (self.away_score, self.home_score)
        )
        return "W" if ours > theirs else "L" if ours < theirs else "D"

    def clean(self):
        if self.home_club_id and self.home_club_id == self.away_club_id:
            raise ValidationError({"away_club": "A club cannot play itself: pick another away club."})
        if (self.home_score is None) != (self.away_score is None):
            raise ValidationError("Give both scores, or leave both empty until the match is played.")


class Goal(models.Model):
    class Kind(models.TextChoices):
        OPEN_PLAY = "open_play", "Open play"
        PENALTY = "penalty", "Penalty"
        OWN_GOAL = "own_goal", "Own goal"

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="goals")
    minute = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(120)])
    added_time = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(30)], help_text="Minutes of added time, e.g. 3 for 90+3."
    )
    scorer = models.ForeignKey(Player, on_delete=models.PROTECT, related_name="goals")
    club = models.ForeignKey(
        Club, on_delete=models.PROTECT, related_name="+",
        help_text="The side the goal counts for (for an own goal, the scorer's opponents).",
    )  # fmt: skip
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OPEN_PLAY)

    class Meta:
        ordering = ["minute", "added_time", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(minute__gte=1, minute__lte=120), name="goal_minute_in_range"),
        ]

    def __str__(self):
        suffix = {"penalty": " (pen)", "own_goal": " (og)"}.get(self.kind, "")
        return f"{self.scorer.name} {self.minute_display()}{suffix}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every report on the match carries its scorers as tags.
        for article in self.match.articles.all():
            article.players.add(self.scorer)

    def minute_display(self):
        return f"{self.minute}+{self.added_time}’" if self.added_time else f"{self.minute}’"

    # ---------------------------------------------------------------------------------------------
    # Authors and articles

    def clean(self):
        if self.match_id and self.club_id not in (self.match.home_club_id, self.match.away_club_id):
            raise ValidationError({"club": "The goal must count for one of the two clubs in the match."})


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
        return reverse("articles:author", kwargs={"slug": self.slug})


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
        """Just enough to find each article's rendered card (articles/fragments.py renders the rest)."""
        return self.only("pk", "updated_at", "published_at")

    def for_page(self):
        """Everything a report's own page shows, fetched in a fixed number of queries."""
        return self.for_cards().prefetch_related(
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
            previous = Article.objects.filter(pk=self.pk).values(*_URL_FIELDS).first()
            if expected_version is not None:
                claimed = Article.objects.filter(pk=self.pk, version=expected_version).update(
                    version=expected_version + 1
                )
                if not claimed:
                    raise StaleArticle(self.pk, expected_version)
                self.version = expected_version + 1
            else:
                self.version = F("version") + 1
        with _revision():
            super().save(*args, **kwargs)
            if isinstance(self.version, CombinedExpression):
                self.refresh_from_db(fields=["version"])
            self.ensure_match_tags()
        if previous:
            from .workflow import keep_old_url

            keep_old_url(self, previous)

    def get_absolute_url(self):
        day = self.publication_date
        return reverse(
            "articles:article",
            kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": self.slug},
        )

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

    def ensure_match_tags(self):
        """Keep the invariant: a report on a match carries both clubs and every scorer."""
        if not self.match_id:
            return
        match = self.match
        self.clubs.add(match.home_club, match.away_club)
        self.players.add(*Player.objects.filter(goals__match=match).distinct())

    @property
    def caption(self):
        return self.hero_caption or (self.hero_image.caption if self.hero_image else "")

    def clean(self):
        day = self._publication_date()
        if (
            self.slug
            and Article.objects.filter(publication_date=day, slug=self.slug).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"slug": f"Another article published on {day:%d %B %Y} already uses this slug."}
            )


# What an article's public address depends on, read before a save to redirect the old one.
_URL_FIELDS = ("slug", "publication_date", "status", "published_at")


class StaleArticle(Exception):
    """A save based on an older version of the article than the one stored."""

    def __init__(self, pk, expected_version):
        super().__init__(f"Article {pk} changed since version {expected_version}.")
        self.pk, self.expected_version = pk, expected_version


def _revision():
    # Every save keeps a revision: join the one the admin opened, or open one of our own.
    return nullcontext() if reversion.is_active() else reversion.create_revision()


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


reversion.register(TaggedClub)
reversion.register(TaggedPlayer)
reversion.register(Correction)
reversion.register(Article, follow=["club_tags", "player_tags", "corrections"])


@receiver(m2m_changed, sender=TaggedClub)
@receiver(m2m_changed, sender=TaggedPlayer)
def keep_match_tags(sender, instance, action, **kwargs):
    # Removing a match's club or scorer, from any code path (the admin form's set() included),
    # puts it straight back: the model keeps the invariant, not the form.
    if action in {"post_remove", "post_clear"} and isinstance(instance, Article):
        instance.ensure_match_tags()
