"""Clubs, players, competitions and authors in the admin."""

from django.contrib import admin
from django.db.models import Count

from ..models import Author, Club, Competition, Player


@admin.register(Club)
class ClubAdmin(admin.ModelAdmin):
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
class PlayerAdmin(admin.ModelAdmin):
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
