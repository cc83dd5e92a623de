"""The tag manager behind `article.clubs` and `article.players`.

django-taggit's stock manager resolves and removes tags by their *name*. Our tags are people and
clubs: two players may share a name (there are two Adama Traorés) and "Mane" is "Mané". So this
manager works by primary key for tag objects, and resolves strings through the entity's name key
(entities.slug_for_name), creating a missing entity race-safely by its slug.
"""

from django.db import router
from django.db.models import signals
from taggit.managers import _TaggableManager

from .entities import slug_for_name


class EntityTagManager(_TaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        """Tag objects pass through; strings become the one entity with that name key."""
        tag_model = self.through.tag_model()
        db = router.db_for_write(self.through, instance=self.instance)
        result, seen = [], set()
        for tag in tags:
            if isinstance(tag, str):
                tag = self._entity_for_name(tag_model, db, tag)
            elif not isinstance(tag, tag_model):
                raise ValueError(f"Cannot tag with {tag!r}: expected a {tag_model.__name__} or a name.")
            if tag.pk not in seen:
                seen.add(tag.pk)
                result.append(tag)
        return result

    @staticmethod
    def _entity_for_name(tag_model, db, name):
        key = slug_for_name(name)
        if not key:
            raise ValueError(f"{name!r} has no letters or digits, so it cannot name a {tag_model.__name__}.")
        matches = list(tag_model._default_manager.using(db).filter(name_key=key)[:2])
        if len(matches) > 1:
            raise ValueError(
                f"{name!r} names more than one {tag_model._meta.verbose_name}; tag the record itself."
            )
        if matches:
            return matches[0]
        # The slug is unique, so two editors adding the same new name at once get one record.
        entity, _ = tag_model._default_manager.using(db).get_or_create(
            slug=key, defaults={"name": name.strip()}
        )
        return entity

    def set(self, tags, *, through_defaults=None, **kwargs):
        """Make the tags exactly `tags`, comparing by identity rather than by name."""
        wanted = self._to_tag_model_instances(tags, kwargs.pop("tag_kwargs", {}))
        wanted_ids = {t.pk for t in wanted}
        current_ids = set(
            self.through._default_manager.filter(**self._lookup_kwargs()).values_list("tag_id", flat=True)
        )
        self._remove_ids(current_ids - wanted_ids)
        self.add(*[t for t in wanted if t.pk not in current_ids], through_defaults=through_defaults)

    def remove(self, *tags):
        """Untag; a name is looked up by its name key, and a name nobody has removes nothing."""
        tag_model = self.through.tag_model()
        if any(not isinstance(t, (str, tag_model)) for t in tags):
            raise ValueError(f"Cannot untag {tags!r}: expected {tag_model.__name__} records or names.")
        keys = [slug_for_name(t) for t in tags if isinstance(t, str)]
        ids = {t.pk for t in tags if isinstance(t, tag_model)}
        if keys:
            ids |= set(tag_model._default_manager.filter(name_key__in=keys).values_list("pk", flat=True))
        self._remove_ids(ids)

    def _remove_ids(self, tag_ids):
        if not tag_ids:
            return
        self._remove_prefetched_objects()
        db = router.db_for_write(self.through, instance=self.instance)
        signal_kwargs = {
            "sender": self.through,
            "instance": self.instance,
            "reverse": False,
            "model": self.through.tag_model(),
            "pk_set": set(tag_ids),
            "using": db,
        }
        signals.m2m_changed.send(action="pre_remove", **signal_kwargs)
        self.through._default_manager.using(db).filter(**self._lookup_kwargs(), tag_id__in=tag_ids).delete()
        signals.m2m_changed.send(action="post_remove", **signal_kwargs)


# ---------------------------------------------------------------------------------------------
# Merging two clubs or two players


class MergeRefused(Exception):
    """A merge that would break the data; the message says why, for the editor."""


def merge_entities(survivor, others):
    """Fold `others` into `survivor`: tags, goals, matches, squads, pinned articles and aliases move;
    each old name becomes an alias and each old URL answers 301 with the survivor's. One transaction.

    Returns the number of articles whose tags moved.
    """
    from django.db import transaction

    from .models import Club, Goal, Match, Player
    from .workflow import move_address

    others = [o for o in others if o.pk != survivor.pk]
    if not others:
        raise MergeRefused("Choose at least two to merge.")
    model = type(survivor)
    if any(type(o) is not model for o in others):
        raise MergeRefused("Only clubs with clubs, or players with players, can be merged.")
    through = survivor.tagged_articles.model
    old_ids = [o.pk for o in others]

    with transaction.atomic():
        if model is Club:
            both = [survivor.pk, *old_ids]
            if Match.objects.filter(home_club__in=both, away_club__in=both).exists():
                raise MergeRefused("These clubs have played each other; a club cannot play itself.")
            Match.objects.filter(home_club__in=old_ids).update(home_club=survivor)
            Match.objects.filter(away_club__in=old_ids).update(away_club=survivor)
            Goal.objects.filter(club__in=old_ids).update(club=survivor)
            Player.objects.filter(club__in=old_ids).update(club=survivor)
        else:
            Goal.objects.filter(scorer__in=old_ids).update(scorer=survivor)

        # Tags: articles tagged with an old entity get the survivor, once.
        already = set(through.objects.filter(tag=survivor).values_list("content_object_id", flat=True))
        moved = through.objects.filter(tag__in=old_ids)
        article_ids = set(moved.values_list("content_object_id", flat=True))
        through.objects.bulk_create(
            [through(tag=survivor, content_object_id=pk) for pk in sorted(article_ids - already)]
        )
        moved.delete()

        aliases = survivor.alias_list()
        for other in others:
            for alias in [other.name, *other.alias_list()]:
                if alias.casefold() != survivor.name.casefold() and alias not in aliases:
                    aliases.append(alias)
            for article in other.pinned_articles.all():
                survivor.pinned_articles.add(article)

        for other in others:
            # Earlier redirects to the old page now go straight to the survivor: one hop.
            move_address(other.get_absolute_url(), survivor.get_absolute_url())

        model.objects.filter(pk__in=old_ids).delete()
        survivor.aliases = "\n".join(aliases)
        survivor.save()
    return len(article_ids)
