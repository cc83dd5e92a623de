"""Articles in the admin: the form in the order an editor works."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from taggit.managers import TaggableManager
from taggit.models import Tag

from newsroom.admin_keys import (
    KeyAutocompleteSelect,
    KeyAutocompleteSelectMultiple,
    KeyChoiceField,
    KeyFieldsAdminMixin,
    KeysChoiceField,
)
from newsroom.football.entities import suggest_tags
from newsroom.football.models import Club, Match, Player

from ..body import html_to_text
from ..models import Article, Correction
from ..record_checks import check_article
from .live import close_view, desk_view, draft_report_view, entry_action_view
from .workflow import WorkflowAdminMixin

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


class CorrectionInline(KeyFieldsAdminMixin, admin.StackedInline):
    """Dated corrections, appended to a published article by editors."""

    model = Correction
    extra = 0
    fields = ["published_on", "note"]
    verbose_name_plural = "Corrections (shown at the foot of the article)"


class BulkTagForm(forms.Form):
    """Which club and/or player to add to (or remove from) the selected articles."""

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (("club", Club), ("player", Player)):
            widget = KeyAutocompleteSelect(Article._meta.get_field(f"{name}s"), admin_site)
            self.fields[name] = KeyChoiceField(model.objects.all(), required=False, widget=widget)

    def clean(self):
        if not (self.cleaned_data.get("club") or self.cleaned_data.get("player")):
            raise forms.ValidationError("Choose a club, a player, or both.")
        return self.cleaned_data


@admin.register(Article)
class ArticleAdmin(KeyFieldsAdminMixin, WorkflowAdminMixin, VersionAdmin):
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
    readonly_fields = ["created_at", "updated_at", "tag_suggestions"]
    fieldsets = [
        ("Story", {"fields": ["headline", "slug", "kind", "standfirst", "body"]}),
        (
            "Match",
            {"fields": ["match"], "description": "Pick the match: its clubs and scorers are tagged for you."},
        ),
        ("Clubs and players", {"fields": ["tag_suggestions", "clubs", "players"]}),
        ("Picture", {"fields": ["hero_image", "hero_caption"]}),
        (
            "Publishing",
            {"fields": ["authors", "status", "published_at", "featured", ("created_at", "updated_at")]},
        ),
        ("Search engines", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]

    actions = [*WorkflowAdminMixin.actions, "add_tag_to_selected", "remove_tag_from_selected"]
    inlines = [CorrectionInline]

    class Media:
        js = ["js/tag-suggestions.js"]
        css = {"all": ["css/admin-newsroom.css"]}

    def get_urls(self):
        suggest = self.admin_site.admin_view(require_POST(self.suggest_tags_view))

        def view(function, post_only=False):
            def bound(request, *args, **kwargs):
                return function(self, request, *args, **kwargs)

            return self.admin_site.admin_view(require_POST(bound) if post_only else bound)

        desk = "<str:object_id>/live/"
        return [
            path("suggest-tags/", suggest, name="articles_article_suggest_tags"),
            path(desk, view(desk_view), name="articles_article_live"),
            path(desk + "close/", view(close_view, True), name="articles_article_live_close"),
            path(desk + "report/", view(draft_report_view, True), name="articles_article_draft_report"),
            path(desk + "<str:entry_id>/", view(desk_view), name="articles_article_live_entry"),
            path(desk + "<str:entry_id>/<slug:action>/", view(entry_action_view, True),
                 name="articles_article_live_entry_action"),
            *super().get_urls(),
        ]  # fmt: skip

    def suggest_tags_view(self, request):
        """JSON: the clubs and players the article's current text mentions. Tags nothing."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        fields = [request.POST.get(name, "") for name in ("headline", "standfirst", "body")]
        if sum(len(f) for f in fields) > settings.NEWSROOM["BODY_MAX_CHARS"] + 1000:
            return JsonResponse({"error": "The text is too long to read for suggestions."}, status=400)
        headline, standfirst, body = fields
        context, competition = [], ""
        match_id = request.POST.get("match", "")
        if match_id.isdigit():
            # The competition says whether "Arsenal" is Arsenal Women (a women's league).
            home, away, competition = Match.objects.filter(pk=match_id).values_list(
                "home_club_id", "away_club_id", "competition__name"
            ).first() or (None, None, "")
            context = [pk for pk in (home, away) if pk]
        suggestions = suggest_tags(
            "\n".join([headline, standfirst, html_to_text(body)]), context, competition
        )

        def rows(mentions):
            return [{"id": m.entity.id, **m.as_dict()} for m in mentions]

        # The panel says "nothing found" only once there is text to find something in.
        has_text = any(f.strip() for f in (headline, standfirst, html_to_text(body)))
        return JsonResponse(
            {"clubs": rows(suggestions.clubs), "players": rows(suggestions.players), "has_text": has_text}
        )

    @admin.action(description="Add a club or player to the selected articles…", permissions=["change"])
    def add_tag_to_selected(self, request, queryset):
        return self._bulk_tag(request, queryset, "add_tag_to_selected", adding=True)

    @admin.action(description="Remove a club or player from the selected articles…", permissions=["change"])
    def remove_tag_from_selected(self, request, queryset):
        return self._bulk_tag(request, queryset, "remove_tag_from_selected", adding=False)

    def _bulk_tag(self, request, queryset, action, adding):
        form = BulkTagForm(request.POST if "apply" in request.POST else None, admin_site=self.admin_site)
        if form.is_valid():
            club, player = form.cleaned_data["club"], form.cleaned_data["player"]
            # The change form's rule, per article: a writer retags only their own unpublished ones.
            allowed = [a for a in queryset if self.has_change_permission(request, a)]
            with transaction.atomic():
                for article in allowed:
                    for manager, entity in ((article.clubs, club), (article.players, player)):
                        if entity:
                            (manager.add if adding else manager.remove)(entity)
            names = " and ".join(e.name for e in (club, player) if e)
            verb = "Added" if adding else "Removed"
            done = f"{verb} {names} {'to' if adding else 'from'} {len(allowed)} article(s)."
            if not adding and any(a.match_id for a in allowed):
                done += " Articles about a match keep its clubs and scorers."
            self.message_user(request, done, messages.SUCCESS)
            skipped = len(queryset) - len(allowed)
            if skipped:
                self.message_user(
                    request, f"Left {skipped} article(s) alone: you may not change them.", messages.WARNING
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Add a club or player" if adding else "Remove a club or player",
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
            "articles": queryset,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/bulk_tags.html", context)

    @admin.display(description="Suggested from the text")
    def tag_suggestions(self, article=None):
        # Filled in by js/tag-suggestions.js as the editor types; nothing is tagged until clicked.
        return format_html(
            '<div id="tag-suggestions" class="tag-suggestions" data-url="{}" aria-live="polite">'
            '<p class="help">Suggestions appear here as you write.</p></div>',
            reverse("admin:articles_article_suggest_tags"),
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Clubs and players are picked as records with autocomplete, never typed as a comma
        # string: "Adama Traoré" may be two people, and a typo must not create a new club.
        if isinstance(db_field, TaggableManager):
            return KeysChoiceField(
                queryset=db_field.remote_field.model.objects.all(),
                required=False,
                widget=KeyAutocompleteSelectMultiple(db_field, self.admin_site),
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text,
            )
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("headline", "standfirst") and field is not None:
            # As wide as the body editor below them (css/admin-newsroom.css), not Django's 20em.
            field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} newsroom-wide".strip()
            field.widget.attrs["spellcheck"] = "true"
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Checks against the match record, on the stored report: warnings the editor reads before
        # publishing, never a block (the record may be what is wrong).
        if obj is not None and obj.match_id and obj.kind in (Article.Kind.REPORT, Article.Kind.LIVE):
            entries = list(obj.entries.all()) if obj.kind == Article.Kind.LIVE else []
            context["record_warnings"] = check_article(obj, entries)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="state", ordering="status")
    def publication_state(self, article):
        if article.is_scheduled():
            return f"Scheduled for {timezone.localtime(article.published_at):%d %b %Y %H:%M}"
        return article.get_status_display()
