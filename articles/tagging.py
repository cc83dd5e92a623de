"""The tag manager behind `article.clubs` and `article.players`.

django-taggit's stock manager resolves and removes tags by their *name*. Our tags are people and
clubs: two players may share a name (there are two Adama Traorés) and "Mane" is "Mané". So this
manager works by primary key for tag objects, and resolves strings through the entity's name key
(newsroom/football/names.py slug_for_name), creating a missing entity race-safely by its slug.
"""

from django.db import router
from django.db.models import signals
from taggit.managers import _TaggableManager

from newsroom.delivery import purges
from newsroom.football.names import slug_for_name


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

    def add(self, *tags, through_defaults=None, tag_kwargs=None, _current_ids=None, **kwargs):
        """Tag with `tags`: the missing rows in one INSERT (taggit's own add costs two queries per
        tag, already there or not), and no signal at all when nothing is missing."""
        self._remove_prefetched_objects()
        db = router.db_for_write(self.through, instance=self.instance)
        wanted = {tag.pk for tag in self._to_tag_model_instances(tags, tag_kwargs or {})}
        if _current_ids is None:
            existing = self.through._default_manager.using(db).filter(**self._lookup_kwargs())
            _current_ids = set(existing.values_list("tag_id", flat=True))
        new_ids = wanted - _current_ids
        if not new_ids:
            return
        signal_kwargs = {"sender": self.through, "instance": self.instance, "reverse": False,
                         "model": self.through.tag_model(), "pk_set": new_ids, "using": db}  # fmt: skip
        signals.m2m_changed.send(action="pre_add", **signal_kwargs)
        extra = {**self._lookup_kwargs(), **(through_defaults or {})}
        rows = [self.through(tag_id=pk, **extra) for pk in sorted(new_ids)]
        # ignore_conflicts: a concurrent add of the same tag is the same row (tagged_*_once).
        self.through._default_manager.using(db).bulk_create(rows, ignore_conflicts=True)
        signals.m2m_changed.send(action="post_add", **signal_kwargs)

    def set(self, tags, *, through_defaults=None, **kwargs):
        """Make the tags exactly `tags`, comparing by identity rather than by name."""
        wanted = self._to_tag_model_instances(tags, kwargs.pop("tag_kwargs", {}))
        wanted_ids = {t.pk for t in wanted}
        current_ids = set(
            self.through._default_manager.filter(**self._lookup_kwargs()).values_list("tag_id", flat=True)
        )
        self._remove_ids(current_ids - wanted_ids)
        self.add(*[t for t in wanted if t.pk not in current_ids], through_defaults=through_defaults,
                 _current_ids=current_ids & wanted_ids)  # fmt: skip

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
# Merges of clubs or players (newsroom/football/merges.py): the articles' rows follow


def move_tags_and_pins(survivor, others):
    """Articles tagged with, or pinned on, one of `others` get `survivor` instead, once each.
    A merge step (registered in apps.py); returns how many articles' tags moved."""
    through = survivor.tagged_articles.model
    old_ids = [other.pk for other in others]
    already = set(through.objects.filter(tag=survivor).values_list("content_object_id", flat=True))
    moved = through.objects.filter(tag__in=old_ids)
    article_ids = set(moved.values_list("content_object_id", flat=True))
    through.objects.bulk_create(
        [through(tag=survivor, content_object_id=pk) for pk in sorted(article_ids - already)]
    )
    moved.delete()
    for other in others:
        survivor.pinned_articles.add(*other.pinned_articles.all())
    # bulk_create sends no signals: the moved articles' pages and the survivor's list change.
    kind = survivor._meta.model_name
    purges.purge(purges.tags("article", article_ids), {purges.tag(f"list-{kind}", survivor.pk)})
    return len(article_ids)
