"""When lists of reports change by themselves: the next scheduled publication."""

from django.db.models import Min
from django.utils import timezone

from .models import Article


def next_scheduled_publication():
    """The epoch time of the next scheduled report's publication, or None. Registered with the
    delivery app (apps.py), which keeps the answer until a change purges "schedule"."""
    moment = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .aggregate(next=Min("published_at"))["next"]
    )  # fmt: skip
    return moment.timestamp() if moment else None
