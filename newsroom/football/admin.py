"""Clubs, players, competitions, matches and goals in the newsroom.

The editorial app extends ClubAdmin and PlayerAdmin with what it adds to them (how many articles
use each, the reports pinned on their pages): this app knows nothing of articles.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from .merges import MergeRefused, merge_entities
from .models import Club, Competition, Goal, Match, Player


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


@admin.register(Club)
class ClubAdmin(MergeActionMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "country", "league"]
    list_filter = ["country", "league"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["crest", "parent_club"]


@admin.register(Player)
class PlayerAdmin(MergeActionMixin, admin.ModelAdmin):
    list_display = ["name", "club", "position", "nationality", "slug"]
    list_filter = ["position", "club"]
    list_select_related = ["club"]
    search_fields = ["name", "aliases", "slug", "club__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["club", "other_clubs", "photo"]

    def get_queryset(self, request):
        # The club disambiguates namesakes in lists and in the article form's autocomplete.
        return super().get_queryset(request).select_related("club")


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}




class GoalInline(admin.TabularInline):
    model = Goal
    extra = 1
    autocomplete_fields = ["scorer", "club"]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "competition", "season", "round", "kickoff"]
    list_filter = ["competition", "season"]
    list_select_related = ["competition", "home_club", "away_club"]
    search_fields = ["home_club__name", "away_club__name", "competition__name", "season", "venue"]
    date_hierarchy = "kickoff"
    autocomplete_fields = ["competition", "home_club", "away_club"]
    inlines = [GoalInline]
    fieldsets = [
        (None, {"fields": ["competition", "season", "round", "kickoff", "venue"]}),
        ("Teams and score", {"fields": [("home_club", "home_score"), ("away_club", "away_score")]}),
        ("Other facts", {"fields": ["attendance", "referee"]}),
    ]
