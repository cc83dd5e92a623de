"""The newsroom: the admin is the editors' tool, laid out in the order they work."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html
from taggit.managers import TaggableManager
from taggit.models import Tag

from .models import Article, Author, Club, Competition, Goal, Image, Match, Player

# taggit's generic Tag model is unused (clubs and players are our tags); hide it from editors.
admin.site.unregister(Tag)


class ClubFilter(admin.SimpleListFilter):
    title = "club"
    parameter_name = "club"

    def lookups(self, request, model_admin):
        return Club.objects.values_list("slug", "name")

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(clubs__slug=self.value())
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "publication_state", "published_at", "kind", "match", "featured"]
    list_filter = [
        "status",
        "kind",
        "featured",
        ("match__competition", admin.RelatedOnlyFieldListFilter),
        ClubFilter,
    ]
    list_select_related = ["match__home_club", "match__away_club"]
    search_fields = ["headline", "standfirst"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["match", "hero_image", "authors", "clubs", "players"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        ("Story", {"fields": ["headline", "slug", "kind", "standfirst", "body"]}),
        (
            "Match",
            {"fields": ["match"], "description": "Pick the match: its clubs and scorers are tagged for you."},
        ),
        ("Clubs and players", {"fields": ["clubs", "players"]}),
        ("Picture", {"fields": ["hero_image", "hero_caption"]}),
        (
            "Publishing",
            {"fields": ["authors", "status", "published_at", "featured", ("created_at", "updated_at")]},
        ),
        ("Search engines", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Clubs and players are picked as records with autocomplete, never typed as a comma
        # string: "Adama Traoré" may be two people, and a typo must not create a new club.
        if isinstance(db_field, TaggableManager):
            return forms.ModelMultipleChoiceField(
                queryset=db_field.remote_field.model.objects.all(),
                required=False,
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="state", ordering="status")
    def publication_state(self, article):
        if article.is_scheduled():
            return f"Scheduled for {timezone.localtime(article.published_at):%d %b %Y %H:%M}"
        return article.get_status_display()


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


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "caption", "credit", "dimensions", "created_at"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["thumbnail", "dimensions"]
    fields = ["file", "thumbnail", "dimensions", "alt_text", "caption", "credit", ("focal_x", "focal_y")]

    @admin.display(description="picture")
    def thumbnail(self, image):
        if not image.file:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-height:60px;max-width:120px">', image.file.url, image.alt_text
        )

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width}×{image.height}" if image.width else "—"
