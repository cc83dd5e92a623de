"""Clubs, players, competitions, matches and goals in the newsroom.

The editorial app extends ClubAdmin and PlayerAdmin with what it adds to them (how many articles
use each, the reports pinned on their pages): this app knows nothing of articles.
"""

from collections import Counter

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from newsroom.admin_keys import KeyAutocompleteSelect, KeyFieldsAdminMixin

from .lineups import prefill_from_last_match
from .merges import MergeRefused, merge_entities
from .models import Appearance, Club, Competition, Event, Goal, Match, Player

# The autocomplete request's parameter naming the clubs whose players come first.
SQUADS_PARAMETER = "squads"


class MergeActionMixin:
    """An admin action that merges the selected clubs (or players) after a confirmation page."""

    actions = ["merge_selected"]

    def has_merge_permission(self, request):
        # Django lets an action through on *any* listed permission; a merge deletes, so it needs both.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def merge_candidates(self, queryset):
        """The selected records, most used first; the editorial admin adds each one's `usage`."""
        return queryset.order_by("name")

    @admin.action(description="Merge the selected %(verbose_name_plural)s into one…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        entities = list(self.merge_candidates(queryset))
        opts = self.model._meta
        if len(entities) < 2:
            self.message_user(
                request, f"Select at least two {opts.verbose_name_plural} to merge.", messages.WARNING
            )
            return None
        if request.POST.get("confirm") == "yes":
            survivor = next((e for e in entities if str(e.pk) == request.POST.get("survivor")), None)
            if survivor is None:
                self.message_user(request, f"Choose which {opts.verbose_name} to keep.", messages.ERROR)
            else:
                names = ", ".join(e.name for e in entities if e.pk != survivor.pk)
                try:
                    moved = merge_entities(survivor, entities)
                except MergeRefused as refusal:
                    self.message_user(request, f"Nothing was merged: {refusal}", messages.ERROR)
                    return None
                self.log_change(request, survivor, f"Merged {names} into this {opts.verbose_name}.")
                self.message_user(
                    request,
                    f"Merged {names} into {survivor.name}: {moved} article(s) retagged, the old names are "
                    f"aliases and the old pages redirect to {survivor.get_absolute_url()}.",
                    messages.SUCCESS,
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {opts.verbose_name_plural}",
            "opts": opts,
            "entities": entities,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/football/merge_confirmation.html", context)


class SlugFromNameMixin:
    """The slug may be left empty: the model makes it from the name (EntityTag.clean), which the
    browser's prepopulating script cannot do for every script (it spells no Chinese at all)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug":
            field.required = False
            field.help_text = f"{db_field.help_text} Leave it empty to make it from the name."
        return field


@admin.register(Club)
class ClubAdmin(KeyFieldsAdminMixin, SlugFromNameMixin, MergeActionMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "country", "league"]
    list_filter = ["country", "league"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["crest", "parent_club"]


@admin.register(Player)
class PlayerAdmin(KeyFieldsAdminMixin, SlugFromNameMixin, MergeActionMixin, admin.ModelAdmin):
    list_display = ["name", "club", "position", "nationality", "slug"]
    list_filter = ["position", "club"]
    list_select_related = ["club"]
    search_fields = ["name", "aliases", "slug", "club__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["club", "other_clubs", "photo"]

    def get_queryset(self, request):
        # The club disambiguates namesakes in lists and in the article form's autocomplete.
        return super().get_queryset(request).select_related("club")

    def get_search_results(self, request, queryset, search_term):
        """In a match's line-up and timeline, the two clubs' squads come first (the widget asks
        with ?squads=<home id>,<away id>); everyone else follows, so a loan or a debut still works."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        squads = [part for part in request.GET.get(SQUADS_PARAMETER, "").split(",") if part.isdigit()][:2]
        if squads:
            in_squad = Case(
                When(club_id__in=squads, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
            queryset = queryset.order_by(in_squad, "club__name", "name", "pk")
        return queryset, may_have_duplicates


@admin.register(Competition)
class CompetitionAdmin(KeyFieldsAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    fieldsets = [
        (None, {"fields": ["name", "slug", "description"]}),
        ("Table", {"fields": ["points_for_win", "points_for_draw", "tie_break"]}),
    ]


class SquadFirstSelect(KeyAutocompleteSelect):
    """The player autocomplete of a match's inlines: asks for the two clubs' squads first (and,
    shown again with an error, selects nothing that cannot be an id rather than query it)."""

    squads = ()

    def get_url(self):
        url = super().get_url()
        return f"{url}?{SQUADS_PARAMETER}={','.join(map(str, self.squads))}" if self.squads else url


class MatchInline(KeyFieldsAdminMixin, admin.TabularInline):
    """What the match's inlines share: players offered from the two squads first, clubs picked
    from the two in the match, a "+" beside each player to create one in place."""

    extra = 0
    player_fields = ()

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # get_formset() builds a new form class per request, so this never leaks between requests.
        for name in self.player_fields:
            widget = formset.form.base_fields[name].widget
            select = getattr(widget, "widget", widget)
            if isinstance(select, SquadFirstSelect) and obj is not None:
                select.squads = (obj.home_club_id, obj.away_club_id)
        if obj is not None:
            club = formset.form.base_fields["club"]
            club.queryset = Club.objects.filter(pk__in=[obj.home_club_id, obj.away_club_id])
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.player_fields:
            kwargs["widget"] = SquadFirstSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class GoalFormSet(BaseInlineFormSet):
    """Once goals are entered the score comes from them: an empty score is filled in, and a
    typed one that disagrees is refused with both figures, so the desk sees which is wrong."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        goals = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.instance.minute
        ]
        if not goals:
            return
        match = self.instance
        problems = match.score_contradictions(goals)
        if problems:
            raise ValidationError(problems)
        for field, value in match.scores_from(goals).items():
            setattr(match, field, value)
        if match.status in (Match.Status.SCHEDULED, Match.Status.POSTPONED):
            match.status = Match.Status.FULL_TIME


class GoalInline(MatchInline):
    model = Goal
    formset = GoalFormSet
    extra = 1
    fields = ["minute", "added_time", "scorer", "club", "kind"]
    autocomplete_fields = ["scorer"]
    player_fields = ("scorer",)


class EventInline(MatchInline):
    model = Event
    extra = 1
    fields = ["minute", "added_time", "kind", "club", "player", "player_off", "note"]
    autocomplete_fields = ["player", "player_off"]
    player_fields = ("player", "player_off")
    verbose_name = "timeline event"
    verbose_name_plural = "timeline: cards, substitutions, missed penalties, VAR (goals above)"


class AppearanceFormSet(BaseInlineFormSet):
    """A side's line-up as a whole: at most eleven starters, one captain, each number once. The
    database refuses the last two as well; here they are a form error rather than a failed save."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problems = []
        for club in {row["club"] for row in rows}:
            side = [row for row in rows if row["club"] == club]
            starters = sum(1 for row in side if row.get("starting"))
            if starters > 11:
                problems.append(f"{club.name} have {starters} starters: at most eleven start.")
            if sum(1 for row in side if row.get("captain")) > 1:
                problems.append(f"{club.name} have more than one captain.")
            numbers = Counter(row["number"] for row in side if row.get("number") is not None)
            problems += [
                f"{club.name}: number {n} is worn twice." for n, count in numbers.items() if count > 1
            ]
        if problems:
            raise ValidationError(problems)


class AppearanceInline(MatchInline):
    model = Appearance
    formset = AppearanceFormSet
    fields = ["club", "starting", "order", "number", "player", "position", "captain"]
    autocomplete_fields = ["player"]
    player_fields = ("player",)
    verbose_name = "line-up entry"
    verbose_name_plural = "line-ups (starting XI in order, goalkeeper first; then the bench)"


@admin.register(Match)
class MatchAdmin(KeyFieldsAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "competition", "season", "round", "kickoff", "status"]
    list_filter = ["status", "competition", "season"]
    list_select_related = ["competition", "home_club", "away_club"]
    search_fields = ["home_club__name", "away_club__name", "competition__name", "season", "venue"]
    date_hierarchy = "kickoff"
    autocomplete_fields = ["competition", "home_club", "away_club"]
    inlines = [GoalInline, EventInline, AppearanceInline]
    fieldsets = [
        (None, {"fields": ["competition", "season", "round", "kickoff", "venue", "status"]}),
        (
            "Teams and score",
            {
                "fields": [
                    ("home_club", "home_score", "home_ht_score"),
                    ("away_club", "away_score", "away_ht_score"),
                ],
                "description": "Once goals are entered below, the score is worked out from them.",
            },
        ),
        (
            "Extra time and penalties",
            {
                "fields": [("home_et_score", "away_et_score"), ("home_penalties", "away_penalties")],
                "classes": ["collapse"],
            },
        ),
        ("Formations", {"fields": [("home_formation", "away_formation")]}),
        ("Other facts", {"fields": ["attendance", "referee"]}),
    ]

    def get_urls(self):
        prefill = self.admin_site.admin_view(self.prefill_lineups)
        return [
            path("<int:pk>/prefill-lineups/", prefill, name="football_match_prefill"),
            *super().get_urls(),
        ]

    def prefill_lineups(self, request, pk):
        """POST: copy each side's last line-up (same competition and season) into this match."""
        match = get_object_or_404(Match.objects.select_related("home_club", "away_club"), pk=pk)
        # It writes line-up rows: the right to change the match alone is not enough.
        may_add_lineups = request.user.has_perm(f"{Appearance._meta.app_label}.add_appearance")
        if request.method != "POST" or not (self.has_change_permission(request, match) and may_add_lineups):
            raise PermissionDenied
        filled = prefill_from_last_match(match)
        if filled:
            for club, source in filled.items():
                self.message_user(
                    request, f"{club.name}: line-up copied from {source}. Check it against the team sheet."
                )
        else:
            self.message_user(
                request,
                "Nothing copied: each side either has a line-up already or none earlier this season.",
                messages.WARNING,
            )
        return redirect(reverse("admin:football_match_change", args=[match.pk]))
