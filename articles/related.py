"""Related reports: what a reader of one report is likely to look for next."""

from collections import Counter

from django.db.models import Case, Q, Value, When

from newsroom.delivery import purges

from .models import Article, TaggedClub, TaggedPlayer

RELATED_CANDIDATES = 200


def related_pks(article, clubs=None, players=None, limit=4):
    """The pks of the published reports on the same match first, then those sharing most clubs
    and players, newest first (cards.py renders their cards). Two or three small queries when the
    article's club and player ids are given (two more otherwise), whatever the number of tags."""
    if clubs is None:
        clubs = list(TaggedClub.objects.filter(content_object=article).values_list("tag", flat=True))
    if players is None:
        players = list(TaggedPlayer.objects.filter(content_object=article).values_list("tag", flat=True))
    # The ranking reads the lists of these clubs and players: a kept copy goes when they change.
    purges.shows(*purges.tags("list-club", clubs), *purges.tags("list-player", players))

    if not clubs and not players and not article.match_id:
        return []
    # The reports on the same match whatever their age, then the newest sharing a tag (a club
    # with thousands of reports would otherwise rank them all). Two small queries on narrow rows:
    # compiling one query of correlated subqueries cost more than running both.
    near = Q(pk__in=TaggedClub.objects.filter(tag__in=clubs).values("content_object").union(
        TaggedPlayer.objects.filter(tag__in=players).values("content_object")
    ))  # fmt: skip
    first = Value(1)
    if article.match_id:
        near |= Q(match_id=article.match_id)
        first = Case(When(match_id=article.match_id, then=Value(0)), default=Value(1))
    candidates = {
        pk: (-same, published_at)
        for pk, same, published_at in Article.objects.published().exclude(pk=article.pk).filter(near)
        .order_by(first, "-published_at", "-pk").values_list("pk", first, "published_at")[:RELATED_CANDIDATES]
    }  # fmt: skip
    if not candidates:
        return []
    shared = Counter(
        pk
        for (pk,) in TaggedClub.objects.filter(content_object__in=candidates, tag__in=clubs).order_by()
        .values_list("content_object").union(
            TaggedPlayer.objects.filter(content_object__in=candidates, tag__in=players).order_by()
            .values_list("content_object"), all=True)
    )  # fmt: skip
    ranked = sorted(
        candidates,
        key=lambda pk: (candidates[pk][0], shared[pk], candidates[pk][1], pk),
        reverse=True,
    )
    return ranked[:limit]
