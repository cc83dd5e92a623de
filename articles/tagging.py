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
        if tags:
            self._remove_ids({t.pk for t in self._to_tag_model_instances(tags, {})})

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
