"""Authors in the admin, and what the newsroom adds to the football app's clubs and players:
how many articles use each, and the reports pinned on their pages."""

from django.contrib import admin
from django.db.models import Count

from newsroom.admin_keys import KeyFieldsAdminMixin
from newsroom.football import admin as football_admin
from newsroom.football.models import Club, Player

from ..models import Article, Author


class PinnedOnClubInline(KeyFieldsAdminMixin, admin.TabularInline):
    model = Article.pinned_on_clubs.through
    verbose_name = verbose_name_plural = "Pinned reports (“Essential reading”, newest first)"
    autocomplete_fields = ["article"]
    extra = 0


class PinnedOnPlayerInline(PinnedOnClubInline):
    model = Article.pinned_on_players.through


class ArticleUsageMixin:
    """An "articles" column, and merges that offer the most used record first."""

    def get_queryset(self, request):
        # Meta.ordering does not apply to aggregated queries, so order explicitly.
        return super().get_queryset(request).annotate(article_count=Count("tagged_articles")).order_by("name")

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, entity):
        return entity.article_count

    def merge_candidates(self, queryset):
        return queryset.annotate(usage=Count("tagged_articles", distinct=True)).order_by("-usage", "name")


class ClubAdmin(ArticleUsageMixin, football_admin.ClubAdmin):
    list_display = [*football_admin.ClubAdmin.list_display, "article_count"]
    inlines = [*football_admin.ClubAdmin.inlines, PinnedOnClubInline]


class PlayerAdmin(ArticleUsageMixin, football_admin.PlayerAdmin):
    inlines = [*football_admin.PlayerAdmin.inlines, PinnedOnPlayerInline]

    def get_queryset(self, request):
        # The club disambiguates namesakes in lists and in the article form's autocomplete.
        return super().get_queryset(request).select_related("club")


# The football app registered its own; these are the same with the newsroom's additions.
for _model, _admin in ((Club, ClubAdmin), (Player, PlayerAdmin)):
    admin.site.unregister(_model)
    admin.site.register(_model, _admin)


@admin.register(Author)
class AuthorAdmin(KeyFieldsAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user", "photo"]
