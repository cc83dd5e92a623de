"""Articles in the admin: the form in the order an editor works."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag

from ..models import Article, Club

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
