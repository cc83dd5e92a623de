"""{% editors_desk %}: the newsroom's front page in the admin, for the signed-in editor."""

import datetime

from django import template
from django.utils import timezone

from ..models import Article, EditingSession
from ..presence import PRESENCE_WINDOW_SECONDS

register = template.Library()
DESK_LENGTH = 8


@register.inclusion_tag("admin/articles/desk.html", takes_context=True)
def editors_desk(context):
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"show": False}
    now = timezone.now()
    articles = Article.objects.select_related("created_by").only(
        "headline", "status", "published_at", "updated_at", "created_by__username", "slug", "publication_date"
    )
    fresh = now - datetime.timedelta(seconds=PRESENCE_WINDOW_SECONDS)
    return {
        "show": True,
        "my_drafts": articles.filter(created_by=user, status=Article.Status.DRAFT).order_by("-updated_at")[
            :DESK_LENGTH
        ],
        "in_review": articles.filter(status=Article.Status.REVIEW).order_by("updated_at")[:DESK_LENGTH],
        "scheduled": articles.filter(
            status=Article.Status.PUBLISHED,
            published_at__gt=now,
            published_at__lte=now + datetime.timedelta(hours=48),
        ).order_by("published_at")[:DESK_LENGTH],
        "recent": articles.published().order_by("-published_at")[:DESK_LENGTH],
        "being_edited": EditingSession.objects.filter(last_seen__gte=fresh)
        .select_related("article", "user")
        .order_by("-last_seen")[:DESK_LENGTH],
    }
