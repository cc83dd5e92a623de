"""Football data: competitions, clubs, players, matches and goals.

Clubs and players are django-taggit tags *and* real records, so the editorial app can tag reports
with them; this app knows nothing of reports (editorial depends on football, never the reverse).
The tables keep the names they had when this was part of the `articles` app (`db_table`), so a
database from before the split upgrades without moving a row.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from taggit.models import TagBase

from newsroom.delivery import purges
from newsroom.delivery.addresses import move_address, slug_url
from newsroom.media.models import Image

from .names import has_letters_or_digits, slug_for_name


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
            # Renamed: the old page answers 301 with the new one.
            move_address(type(self)(slug=old_slug).get_absolute_url(), self.get_absolute_url())

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Club(EntityTag):
    name = models.CharField(max_length=100, unique=True)
    short_name = models.CharField(max_length=50, blank=True, help_text="e.g. “Man Utd”.")
    country = models.CharField(max_length=60, blank=True)
    league = models.CharField(max_length=100, blank=True)
    # Reports about a women's competition call "Arsenal Women" plain "Arsenal": the suggester
    # gives the women's side the parent's names and lets the report's competition choose.
    parent_club = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="sides",
        help_text="For a women's (or other) side: the club whose name reports also use for it.",
    )  # fmt: skip
    crest = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta(EntityTag.Meta):
        db_table = "articles_club"
        constraints = [
            # "Arsenal", "arsenal" and "ARSENAL" are one club, whatever path created them.
            models.UniqueConstraint(fields=["name_key"], name="club_unique_name_key"),
        ]

    def get_absolute_url(self):
        return slug_url("articles:club", self.slug)

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
    other_clubs = models.ManyToManyField(
        Club, blank=True, related_name="former_players",
        help_text="Former clubs and loan clubs: weaker evidence than the current club.",
    )  # fmt: skip
    position = models.CharField(max_length=2, choices=Position.choices, blank=True)
    nationality = models.CharField(max_length=60, blank=True)
    national_team = models.CharField(
        max_length=60, blank=True, help_text="The country the player plays for, e.g. “Scotland”."
    )
    retired = models.BooleanField(
        default=False, help_text="Retired players are not suggested where they appear as pundits."
    )
    date_of_birth = models.DateField(null=True, blank=True)
    photo = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta(EntityTag.Meta):
        db_table = "articles_player"

    def __str__(self):
        return f"{self.name} ({self.club.name})" if self.club_id and self._club_loaded() else self.name

    def _club_loaded(self):
        # __str__ must never cost a query per row (admin lists, autocomplete).
        return Player.club.is_cached(self)

    def get_absolute_url(self):
        return slug_url("articles:player", self.slug)


class Competition(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        db_table = "articles_competition"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:competition", self.slug)


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
        db_table = "articles_match"
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
        db_table = "articles_goal"
        ordering = ["minute", "added_time", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(minute__gte=1, minute__lte=120), name="goal_minute_in_range"),
        ]

    def __str__(self):
        suffix = {"penalty": " (pen)", "own_goal": " (og)"}.get(self.kind, "")
        return f"{self.scorer.name} {self.minute_display()}{suffix}"

    def minute_display(self):
        return f"{self.minute}+{self.added_time}’" if self.added_time else f"{self.minute}’"

    def clean(self):
        if self.match_id and self.club_id not in (self.match.home_club_id, self.match.away_club_id):
            raise ValidationError({"club": "The goal must count for one of the two clubs in the match."})



# ---------------------------------------------------------------------------------------------
# What a change purges (newsroom/delivery/purges.py). A club's or player's page, and every
# card or page that names them; a match's box, and the results lists of both clubs and of its
# competition; a goal, its match and its scorer. Tracked models also purge what their stored row
# named (the club a player leaves, the clubs a corrected fixture had).

purges.register(Competition, lambda c: {purges.tag("competition", c.pk), "competitions"})
purges.register(Club, lambda club: {purges.tag("club", club.pk), "clubs"})
purges.register(
    Player,
    lambda player: {purges.tag("player", player.pk), "players", *purges.tags("squad", [player.club_id])},
    track=True,
)
purges.register(
    Match,
    lambda match: {
        purges.tag("match", match.pk),
        purges.tag("results", match.home_club_id),
        purges.tag("results", match.away_club_id),
        purges.tag("results-competition", match.competition_id),
    },
    track=True,
)
# A player's former and loan clubs are evidence for the tag suggester (entities.py); no public
# page shows them yet. When the player's page lists a career, declare what it purges instead.
purges.not_on_pages(Player.other_clubs.through)
purges.register(
    Goal,
    lambda goal: {purges.tag("match", goal.match_id), purges.tag("player", goal.scorer_id)},
    track=True,
)
