"""The live desk: one page per live blog where editors post, correct, pin and delete entries.

Posting never saves the article, so editors working at once do not conflict: each entry is its
own row (and a key event its own Goal or Event). The form is compact on purpose: the minute is
prefilled from the clock, the players are the two line-ups.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, Value, When
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from newsroom.admin_keys import KeyChoiceField, is_key
from newsroom.delivery import purges
from newsroom.football.models import Club, Player
from newsroom.media.models import Image

from .. import live
from ..models import Article, LiveEntry


class LiveEntryForm(forms.ModelForm):
    player = KeyChoiceField(Player.objects.none(), required=False)
    player_off = KeyChoiceField(Player.objects.none(), required=False, label="Player off")
    club = KeyChoiceField(
        Club.objects.none(), required=False, help_text="Worked out from the player if empty."
    )
    embed_url = forms.URLField(
        label="Embed", required=False, max_length=500, assume_scheme="https",
        help_text=LiveEntry._meta.get_field("embed_url").help_text,
    )  # fmt: skip
    image = KeyChoiceField(
        Image.objects.all(), required=False, widget=forms.NumberInput, label="Picture (id)",
        help_text="The number of a picture in the media library.",
    )  # fmt: skip

    class Meta:
        model = LiveEntry
        fields = ["kind", "minute", "added_time", "player", "player_off", "club", "body", "image",
                  "embed_url", "pinned"]  # fmt: skip

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.article = article
        match = article.match
        self.offered = live.players_to_offer(match)
        ids = [player.pk for _, choices in self.offered for player, _ in choices]
        grouped = [("", "—")] + [
            (club.name, [(player.pk, label) for player, label in choices]) for club, choices in self.offered
        ]
        for name in ("player", "player_off"):
            self.fields[name].queryset = Player.objects.filter(pk__in=ids)
            self.fields[name].choices = grouped
        self.fields["club"].queryset = Club.objects.filter(pk__in=[match.home_club_id, match.away_club_id])
        self.fields["minute"].widget.attrs.update(size=3, min=1, max=120)
        self.fields["added_time"].widget.attrs.update(size=2, min=0, max=30)
        if not self.is_bound and self.instance._state.adding:
            self.initial["minute"], self.initial["added_time"] = live.minute_now(
                match, list(article.entries.all())
            )

    def clean(self):
        data = super().clean()
        player = data.get("player")
        if player and not data.get("club"):
            # The desk picks a player; the side comes from the line-up they are in.
            self.instance.club = data["club"] = live.side_of(
                self.instance.article.match, player, self.offered
            )
        return data


def _live_article(admin, request, object_id, *, changing=True):
    if not is_key(Article, object_id):
        raise Http404("No such article.")
    article = get_object_or_404(Article.objects.select_related("match__home_club", "match__away_club"),
                                pk=object_id)  # fmt: skip
    if article.kind != Article.Kind.LIVE or article.match is None:
        raise Http404("This article is not a live blog with a match.")
    allowed = (
        admin.has_change_permission(request, article)
        if changing
        else admin.has_view_permission(request, article)
    )
    if not allowed:
        raise PermissionDenied
    return article


def _entry(article, entry_id):
    if not is_key(LiveEntry, entry_id):
        raise Http404("No such entry.")
    return get_object_or_404(LiveEntry.objects.select_related("goal", "event"), pk=entry_id, article=article)


def desk_view(admin, request, object_id, entry_id=None):
    """GET: the form and the entries. POST: post (or correct) an entry; then back to the desk."""
    article = _live_article(admin, request, object_id, changing=request.method == "POST")
    instance = _entry(article, entry_id) if entry_id else None
    form = LiveEntryForm(request.POST or None, instance=instance, article=article)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                entry = form.save(commit=False)
                if instance is None:
                    entry.created_by = request.user
                entry.save()
        except ValidationError as error:  # the record refused it (e.g. a rule of the match)
            form.add_error(None, error)
        else:
            verb = "Corrected" if instance else "Posted"
            admin.message_user(request, f"{verb}: {entry}.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_article_live", args=[article.pk]))
    context = {
        **admin.admin_site.each_context(request),
        "title": f"Live: {article.headline}",
        "opts": Article._meta,
        "article": article,
        "match": article.match,
        "form": form,
        "editing": instance,
        "media": admin.media + form.media,
        "entries": article.entries.select_related("player", "player_off", "club"),
    }
    return TemplateResponse(
        request, "admin/articles/article/live.html", context, status=400 if form.errors else 200
    )


def entry_action_view(admin, request, object_id, entry_id, action):
    """POST only: pin, unpin or delete one entry (deleting a key event takes it off the timeline)."""
    article = _live_article(admin, request, object_id)
    entry = _entry(article, entry_id)
    if action == "delete":
        entry.delete()
        admin.message_user(request, f"Deleted: {entry}.", messages.SUCCESS)
    elif action in ("pin", "unpin"):
        # One pinned entry at a time, and pinning is not an edit: one UPDATE (no "updated" mark,
        # no rewrite of the match record), so it purges what it changed itself.
        pin = action == "pin"
        article.entries.update(pinned=Case(When(pk=entry.pk, then=Value(pin)), default=Value(False)))
        purges.purge(purges.tags_for(entry))
        admin.message_user(request, f"{'Pinned' if pin else 'Unpinned'}: {entry}.", messages.SUCCESS)
    else:
        raise Http404("No such action.")
    return HttpResponseRedirect(reverse("admin:articles_article_live", args=[article.pk]))


def close_view(admin, request, object_id):
    """POST: close the blog (or reopen it); closed, it is an ordinary article again."""
    article = _live_article(admin, request, object_id)
    article.live_closed_at = None if article.live_closed_at else timezone.now()
    article.save()
    state = "Closed" if article.live_closed_at else "Reopened"
    admin.message_user(request, f"{state} the live blog.", messages.SUCCESS)
    return HttpResponseRedirect(reverse("admin:articles_article_live", args=[article.pk]))


def draft_report_view(admin, request, object_id):
    """POST: a draft match report from the finished match, opened for the editor to rewrite."""
    article = _live_article(admin, request, object_id)
    if not admin.has_add_permission(request):
        raise PermissionDenied
    try:
        report = live.draft_report(article, request.user)
    except ValueError as refused:
        admin.message_user(request, str(refused), messages.ERROR)
        return HttpResponseRedirect(reverse("admin:articles_article_live", args=[article.pk]))
    admin.message_user(
        request, "Drafted the report: rewrite it, check the warnings, then publish.", messages.SUCCESS
    )
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[report.pk]))
