"""Clubs, players, competitions and authors in the admin."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse

from ..models import Author, Club, Competition, Player
from ..tagging import MergeRefused, merge_entities


class MergeActionMixin:
    """An admin action that merges the selected clubs (or players) after a confirmation page."""

    actions = ["merge_selected"]

    def has_merge_permission(self, request):
        # Django lets an action through on *any* listed permission; a merge deletes, so it needs both.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge the selected %(verbose_name_plural)s into one…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        entities = list(
            queryset.annotate(usage=Count("tagged_articles", distinct=True)).order_by("-usage", "name")
        )
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
        return TemplateResponse(request, "admin/articles/merge_confirmation.html", context)


@admin.register(Club)
class ClubAdmin(MergeActionMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "country", "league", "article_count"]
    list_filter = ["country", "league"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["crest"]

    def get_queryset(self, request):
        # Meta.ordering does not apply to aggregated queries, so order explicitly.
        return super().get_queryset(request).annotate(article_count=Count("tagged_articles")).order_by("name")

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, club):
        return club.article_count


@admin.register(Player)
class PlayerAdmin(MergeActionMixin, admin.ModelAdmin):
    list_display = ["name", "club", "position", "nationality", "slug"]
    list_filter = ["position", "club"]
    list_select_related = ["club"]
    search_fields = ["name", "aliases", "slug", "club__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["club", "photo"]

    def get_queryset(self, request):
        # The club disambiguates namesakes in lists and in the article form's autocomplete.
        return super().get_queryset(request).select_related("club")


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user", "photo"]
