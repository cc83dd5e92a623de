"""Football data: competitions, clubs, players, matches and goals.

Clubs and players are django-taggit tags *and* real records, so the editorial app can tag reports
with them; this app knows nothing of reports (editorial depends on football, never the reverse).
The tables keep the names they had when this was part of the `articles` app (`db_table`), so a
database from before the split upgrades without moving a row.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
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
        self.clean_name_clash()
        if not self.slug:
            # Left empty in the form: made from the name, as save() would, but checked here so a
            # namesake is a form error naming them rather than an IntegrityError.
            self.slug = slug_for_name(self.name)
            other = type(self).objects.filter(slug=self.slug).exclude(pk=self.pk).first()
            if other:
                kind = self._meta.verbose_name
                raise ValidationError(
                    {"slug": f"The {kind} “{other.name}” already has the address “{self.slug}”: "
                     f"give this {kind} a slug of its own, e.g. “{self.slug}-2”."}
                )  # fmt: skip

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

    def clean_name_clash(self):
        """Raise a ValidationError naming the record this name already belongs to (Club)."""

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def validate_unique(self, exclude=None):
        # Django's "Player with this Slug already exists." leaves the editor hunting for which
        # one: name it, so they can open it or choose another slug.
        try:
            super().validate_unique(exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            if "slug" in errors and self.slug:
                other = type(self).objects.filter(slug=self.slug).exclude(pk=self.pk).first()
                if other:
                    kind = self._meta.verbose_name
                    errors["slug"] = [
                        f"The {kind} “{other.name}” already has the address “{self.slug}”: "
                        f"give this {kind} another slug, e.g. “{self.slug}-2”."
                    ]
            raise ValidationError(errors) from None


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

    def clean_name_clash(self):
        key = slug_for_name(self.name)
        others = Club.objects.exclude(pk=self.pk)
        clash = others.filter(name_key=key).first()
        if clash:
            raise ValidationError({"name": f"This is the same name as the club “{clash.name}”."})
        # "Liverpool F.C." is the club another record already answers to as "Liverpool FC".
        # Aliases are free text, so compare them in Python; only clubs with aliases are read.
        for other in others.exclude(aliases="").only("name", "aliases"):
            alias = next((a for a in other.alias_list() if slug_for_name(a) == key), None)
            if alias:
                raise ValidationError(
                    {"name": f"This is the club “{other.name}”, whose alias is “{alias}”: "
                     "open that club instead, or choose a name it does not answer to."}
                )  # fmt: skip


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

    def clean(self):
        super().clean()
        born = self.date_of_birth
        if born and not datetime.date(BORN_SINCE, 1, 1) <= born <= datetime.date.today():
            raise ValidationError(
                {"date_of_birth": f"Choose a date of birth between {BORN_SINCE} and today."}
            )

    def _club_loaded(self):
        # __str__ must never cost a query per row (admin lists, autocomplete).
        return Player.club.is_cached(self)

    def get_absolute_url(self):
        return slug_url("articles:player", self.slug)


# The years a kick-off may fall in (Match.clean()), and the earliest year of birth (Player.clean()).
KICKOFF_YEARS = (1850, 2099)
BORN_SINCE = 1850


class Competition(models.Model):
    class TieBreak(models.TextChoices):
        # The presets standings.py knows; each names the rule books that use it.
        GOAL_DIFFERENCE = "goal_difference", "Goal difference, then goals scored (Premier League)"
        HEAD_TO_HEAD = "head_to_head", "Head-to-head first (Serie A, La Liga, UEFA group stage)"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    points_for_win = models.PositiveSmallIntegerField(default=3)
    points_for_draw = models.PositiveSmallIntegerField(default=1)
    tie_break = models.CharField(
        max_length=20, choices=TieBreak.choices, default=TieBreak.GOAL_DIFFERENCE,
        help_text="How clubs level on points are ordered in the table.",
    )  # fmt: skip

    class Meta:
        db_table = "articles_competition"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:competition", self.slug)


FORMATION = RegexValidator(r"^[1-9](-[1-9]){1,4}$", "Write the formation as 4-3-3 or 4-2-3-1.")


def _both_or_neither(home, away, name):
    return models.CheckConstraint(
        condition=Q(**{f"{home}__isnull": True, f"{away}__isnull": True})
        | Q(**{f"{home}__isnull": False, f"{away}__isnull": False}),
        name=name,
    )


class Match(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        LIVE = "live", "Live"
        HALF_TIME = "half_time", "Half-time"
        FULL_TIME = "full_time", "Full-time"
        POSTPONED = "postponed", "Postponed"
        ABANDONED = "abandoned", "Abandoned"

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
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.SCHEDULED,
        help_text="Only full-time matches count in the tables.",
    )  # fmt: skip
    # The score after 90 minutes (and added time): what a league table counts.
    home_score = models.PositiveSmallIntegerField(
        null=True, blank=True,
        help_text="Full time. Leave both empty until the match is played; once goals are entered "
        "the score is worked out from them.",
    )  # fmt: skip
    away_score = models.PositiveSmallIntegerField(null=True, blank=True)
    home_ht_score = models.PositiveSmallIntegerField("home half-time score", null=True, blank=True)
    away_ht_score = models.PositiveSmallIntegerField("away half-time score", null=True, blank=True)
    # After extra time, counting the 90 minutes too (openfootball's "et"), only where it was played.
    home_et_score = models.PositiveSmallIntegerField(
        "home score after extra time", null=True, blank=True, help_text="Only if extra time was played."
    )
    away_et_score = models.PositiveSmallIntegerField("away score after extra time", null=True, blank=True)
    home_penalties = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Penalty shoot-out, only if there was one."
    )
    away_penalties = models.PositiveSmallIntegerField(null=True, blank=True)
    home_formation = models.CharField(
        max_length=12, blank=True, validators=[FORMATION], help_text="e.g. 4-3-3"
    )
    away_formation = models.CharField(max_length=12, blank=True, validators=[FORMATION])
    attendance = models.PositiveIntegerField(null=True, blank=True)
    referee = models.CharField(max_length=100, blank=True)

    class Meta:
        db_table = "articles_match"
        ordering = ["-kickoff"]
        verbose_name_plural = "matches"
        constraints = [
            models.CheckConstraint(condition=~Q(home_club=F("away_club")), name="match_clubs_differ"),
            _both_or_neither("home_score", "away_score", "match_score_both_or_neither"),
            _both_or_neither("home_ht_score", "away_ht_score", "match_ht_score_both_or_neither"),
            _both_or_neither("home_et_score", "away_et_score", "match_et_score_both_or_neither"),
            _both_or_neither("home_penalties", "away_penalties", "match_penalties_both_or_neither"),
            models.UniqueConstraint(
                fields=["home_club", "away_club", "kickoff"], name="match_unique_fixture"
            ),
        ]
        indexes = [
            models.Index(fields=["kickoff"], name="match_kickoff_idx"),
            # The tables and the season switcher read one competition's seasons.
            models.Index(fields=["competition", "season"], name="match_competition_season_idx"),
        ]

    def __str__(self):
        if self.is_played():
            return f"{self.home_club} {self.home_score}–{self.away_score} {self.away_club}"
        return f"{self.home_club} v {self.away_club}"

    def save(self, *args, **kwargs):
        # A score entered on a match still marked scheduled means it was played (the rule before
        # there was a status, which commands and the demo still follow).
        if self.status == self.Status.SCHEDULED and self.is_played():
            self.status = self.Status.FULL_TIME
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "status"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # Stable for a fixture whose date moves: /matches/serie-a/2019-20/napoli-v-juventus/.
        pair = f"{self.home_club.slug}-v-{self.away_club.slug}"
        return reverse("articles:match", args=[self.competition.slug, self.season, pair])

    def is_played(self):
        return self.home_score is not None and self.away_score is not None

    def in_play(self):
        """Kicked off and not over: what shows it changes by the minute (delivery.purges.LIVE)."""
        return self.status in (self.Status.LIVE, self.Status.HALF_TIME)

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

    def scores_from(self, goals):
        """The scores `goals` make, as {field: value}: half time (goals up to 45+), full time (up
        to 90+) and, when extra time was played (a goal after 90, or a score after it entered),
        after extra time. Each goal counts for its `club`, so an own goal for the opponents."""

        def tally(last_minute):
            home = sum(1 for g in goals if g.club_id == self.home_club_id and g.minute <= last_minute)
            away = sum(1 for g in goals if g.club_id == self.away_club_id and g.minute <= last_minute)
            return home, away

        found = {}
        for prefix, last_minute in (("", 90), ("ht_", 45)):
            found[f"home_{prefix}score"], found[f"away_{prefix}score"] = tally(last_minute)
        if self.home_et_score is not None or any(g.minute > 90 for g in goals):
            found["home_et_score"], found["away_et_score"] = tally(120)
        return found

    def score_contradictions(self, goals):
        """What the entered scores say against `goals`, one sentence each (empty: they agree)."""
        problems = []
        derived = self.scores_from(goals)
        for label, prefix in (("full-time", ""), ("half-time", "ht_"), ("after extra time", "et_")):
            home, away = f"home_{prefix}score", f"away_{prefix}score"
            if home not in derived or getattr(self, home) is None:
                continue
            entered = (getattr(self, home), getattr(self, away))
            if entered != (derived[home], derived[away]):
                problems.append(
                    f"The {label} score says {entered[0]}–{entered[1]} but the goals entered make it "
                    f"{derived[home]}–{derived[away]}."
                )
        return problems

    def counts_in_tables(self):
        return self.status == self.Status.FULL_TIME and self.is_played()

    def clean(self):
        # Like an article's publication time: a year out of football's range is a slip of the
        # keyboard (0001, 9999), and the dates derived from it (a table's season, a club page's
        # fixtures) would be nonsense or past what a date can hold.
        if self.kickoff and not KICKOFF_YEARS[0] <= self.kickoff.year <= KICKOFF_YEARS[1]:
            raise ValidationError(
                {"kickoff": f"Choose a kick-off between {KICKOFF_YEARS[0]} and {KICKOFF_YEARS[1]}."}
            )
        if self.home_club_id and self.home_club_id == self.away_club_id:
            raise ValidationError({"away_club": "A club cannot play itself: pick another away club."})
        pairs = [
            ("home_score", "away_score", "Give both scores, or leave both empty until the match is played."),
            ("home_ht_score", "away_ht_score", "Give both half-time scores, or neither."),
            ("home_et_score", "away_et_score", "Give both scores after extra time, or neither."),
            ("home_penalties", "away_penalties", "Give both sides' penalties, or neither."),
        ]
        for home, away, message in pairs:
            if (getattr(self, home) is None) != (getattr(self, away) is None):
                raise ValidationError(message)
        if self.status == self.Status.POSTPONED and self.is_played():
            raise ValidationError({"status": "A postponed match has no score: clear it."})
        if self.status == self.Status.FULL_TIME and not self.is_played():
            raise ValidationError({"home_score": "A full-time match needs its score."})
        if self.home_penalties is not None and self.home_penalties == self.away_penalties:
            raise ValidationError({"home_penalties": "A penalty shoot-out cannot end level."})
        for field in ("home_formation", "away_formation"):
            value = getattr(self, field)
            if value and FORMATION.regex.match(value) and sum(map(int, value.split("-"))) != 10:
                raise ValidationError({field: f"{value} does not add up to ten outfield players."})


def _in_match(row):
    """Whether a goal's, event's or line-up entry's club is one of its match's two. The match may
    be unsaved (the admin's add form validates the inlines with it); no club yet is not "outside"."""
    match = row.match if type(row).match.is_cached(row) or row.match_id else None
    return match is None or not row.club_id or row.club_id in (match.home_club_id, match.away_club_id)


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
        if not _in_match(self):
            raise ValidationError({"club": "The goal must count for one of the two clubs in the match."})


class Event(models.Model):
    """Everything on a match's timeline but goals (those are `Goal`, which the score comes from)."""

    class Kind(models.TextChoices):
        MISSED_PENALTY = "missed_penalty", "Missed penalty"
        YELLOW = "yellow", "Yellow card"
        SECOND_YELLOW = "second_yellow", "Second yellow card"
        RED = "red", "Red card"
        SUBSTITUTION = "substitution", "Substitution"
        VAR = "var", "VAR decision"

    CARDS = (Kind.YELLOW, Kind.SECOND_YELLOW, Kind.RED)

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    minute = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(120)])
    added_time = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(30)], help_text="Minutes of added time, e.g. 3 for 90+3."
    )
    kind = models.CharField(max_length=14, choices=Kind.choices)
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="+")
    player = models.ForeignKey(
        Player, null=True, blank=True, on_delete=models.PROTECT, related_name="events",
        help_text="Booked, missed the penalty, or (a substitution) came on. Empty for a VAR decision "
        "about no one in particular.",
    )  # fmt: skip
    player_off = models.ForeignKey(
        Player, null=True, blank=True, on_delete=models.PROTECT, related_name="substituted_events",
        help_text="A substitution: the player who went off.",
    )  # fmt: skip
    note = models.CharField(max_length=200, blank=True, help_text="e.g. “Goal disallowed for offside”.")

    class Meta:
        ordering = ["minute", "added_time", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(minute__gte=1, minute__lte=120), name="event_minute_in_range"),
            models.CheckConstraint(
                condition=Q(kind="substitution") | Q(player_off__isnull=True),
                name="event_player_off_only_on_substitution",
            ),
        ]
        indexes = [models.Index(fields=["player", "kind"], name="event_player_kind_idx")]

    def __str__(self):
        who = self.player.name if self.player_id else self.note
        return f"{self.minute_display()} {self.get_kind_display()}: {who}"

    def minute_display(self):
        return f"{self.minute}+{self.added_time}’" if self.added_time else f"{self.minute}’"

    def clean(self):
        if not _in_match(self):
            raise ValidationError({"club": "The event must belong to one of the two clubs in the match."})
        if self.kind != self.Kind.VAR and not self.player_id:
            raise ValidationError({"player": f"A {self.get_kind_display().lower()} needs its player."})
        if self.kind == self.Kind.SUBSTITUTION and not self.player_off_id:
            raise ValidationError({"player_off": "Say who went off."})
        if self.kind != self.Kind.SUBSTITUTION and self.player_off_id:
            raise ValidationError({"player_off": "Only a substitution has a player going off."})
        if self.player_off_id and self.player_off_id == self.player_id:
            raise ValidationError({"player_off": "A player cannot replace himself."})


class Appearance(models.Model):
    """One player in one side's line-up: the starting XI in `order` (goalkeeper first, then the
    formation's lines from the back, right to left), then the bench."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="appearances")
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="+")
    player = models.ForeignKey(Player, on_delete=models.PROTECT, related_name="appearances")
    starting = models.BooleanField(default=True, help_text="In the starting XI; unticked: on the bench.")
    number = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(99)])
    position = models.CharField(max_length=3, blank=True, help_text="e.g. GK, RB, CB, DM, ST")
    captain = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0, help_text="Place in the line-up, goalkeeper first.")

    class Meta:
        ordering = ["match", "club", "-starting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["match", "player"], name="appearance_once_per_match"),
            models.UniqueConstraint(
                fields=["match", "club", "number"],
                condition=Q(number__isnull=False),
                name="appearance_unique_number",
            ),
            models.UniqueConstraint(
                fields=["match", "club"], condition=Q(captain=True), name="appearance_one_captain_per_side"
            ),
        ]

    def __str__(self):
        return f"{self.number or ''} {self.player.name}".strip()

    def clean(self):
        if not _in_match(self):
            raise ValidationError({"club": "The player must line up for one of the two clubs in the match."})


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
# Events and line-ups show on their match's page and box and on the players' pages.
purges.register(
    Event,
    lambda event: {
        purges.tag("match", event.match_id),
        *purges.tags("player", [event.player_id, event.player_off_id]),
    },
    track=True,
)
purges.register(
    Appearance,
    lambda appearance: {purges.tag("match", appearance.match_id), purges.tag("player", appearance.player_id)},
    track=True,
)
