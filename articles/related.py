"""Related reports: what a reader of one report is likely to look for next."""

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from newsroom.delivery import purges

from .models import Article, TaggedClub, TaggedPlayer

RELATED_CANDIDATES = 200


def related_pks(article, limit=4):
    """The pks of the published reports on the same match first, then those sharing most clubs
    and players, newest first (cards.py renders their cards). Three queries, whatever the number
    of tags."""
    clubs = list(TaggedClub.objects.filter(content_object=article).values_list("tag", flat=True))
    players = list(TaggedPlayer.objects.filter(content_object=article).values_list("tag", flat=True))
    # The ranking reads the lists of these clubs and players: a kept copy goes when they change.
    purges.shows(*purges.tags("list-club", clubs), *purges.tags("list-player", players))

    def shared(through, tags):
        rows = (
            through.objects.filter(content_object=OuterRef("pk"), tag__in=tags)
            .values("content_object").annotate(n=Count("pk")).values("n")
        )  # fmt: skip
        return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))

    near = Q(pk__in=TaggedClub.objects.filter(tag__in=clubs).values("content_object")) | Q(
        pk__in=TaggedPlayer.objects.filter(tag__in=players).values("content_object")
    )
    # Rank only the newest candidates: a club with thousands of reports would otherwise cost two
    # counting subqueries per report. Reports on the same match always take part.
    recent = Article.objects.published().filter(near).order_by("-published_at").values("pk")
    near = Q(pk__in=recent[:RELATED_CANDIDATES])
    if article.match_id:
        near |= Q(match_id=article.match_id)
    same_match = Case(When(match_id=article.match_id, then=1), default=0) if article.match_id else Value(0)
    # Rank narrow rows: sorting whole rows, bodies included, costs several times more.
    return list(
        Article.objects.published().exclude(pk=article.pk).filter(near)
        .annotate(same_match=same_match, shared=shared(TaggedClub, clubs) + shared(TaggedPlayer, players))
        .order_by("-same_match", "-shared", "-published_at", "-pk").values_list("pk", flat=True)[:limit]
    )  # fmt: skip
