"""Presence: who else has an article's form open, refreshed by the form's heartbeat."""

import datetime

from django.utils import timezone

from .models import EditingSession

PRESENCE_WINDOW_SECONDS = 60


def touch_presence(article, user):
    """Record that `user` has the article open; return the others who do, freshest first."""
    now = timezone.now()
    updated = EditingSession.objects.filter(article=article, user=user).update(last_seen=now)
    if not updated:
        EditingSession.objects.get_or_create(article=article, user=user, defaults={"last_seen": now})
    return others_editing(article, user)


def others_editing(article, user):
    since = timezone.now() - datetime.timedelta(seconds=PRESENCE_WINDOW_SECONDS)
    return list(
        EditingSession.objects.filter(article=article, last_seen__gte=since)
        .exclude(user=user)
        .select_related("user")
        .order_by("-last_seen")
    )


def leave(article, user):
    EditingSession.objects.filter(article=article, user=user).delete()
