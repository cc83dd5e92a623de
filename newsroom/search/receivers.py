"""Keeping the search index current: every save and delete of an article, its tags, authors,
match, clubs and players reindexes the articles whose words changed.

Inside a change (`newsroom.delivery.changes.one_change()`, which the admin opens for every save)
the articles are collected and reindexed once at its end, however many rows the save wrote.
"""

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete

from articles.models import Article, Author, TaggedClub, TaggedPlayer
from newsroom.delivery import changes
from newsroom.football.models import Club, Competition, Match, Player

from .engine import TABLE, index_engine, rebuild_index, reindex


def _reindex(article_ids):
    """Reindex these articles now, or once at the end of the current change."""
    pending = changes.pending("search-reindex", reindex)
    if pending is None:
        reindex(article_ids)
    else:
        pending.update(article_ids)


def _article_saved(sender, instance, **kwargs):
    _reindex([instance.pk])


def _article_deleted(sender, instance, **kwargs):
    index_engine().delete([instance.pk])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        _reindex([instance.pk])
    elif pk_set:
        _reindex(pk_set)  # from the club's or player's side: the articles added or removed
    elif action == "post_clear":
        _reindex(_article_ids_of(instance))


def _tag_row_loaded(sender, instance, raw=False, **kwargs):
    # Through rows saved raw (loaddata, restore) send no m2m_changed; the tag managers do.
    if raw:
        _reindex([instance.content_object_id])


def _entity_deleting(sender, instance, **kwargs):
    # Remember the articles before the cascade removes the tag rows; reindex them afterwards.
    instance._search_article_ids = _article_ids_of(instance)


def _entity_deleted(sender, instance, **kwargs):
    _reindex(getattr(instance, "_search_article_ids", []))


def _related_saved(sender, instance, **kwargs):
    """A club, player, author, match or competition renamed: its articles' words changed."""
    _reindex(_article_ids_of(instance))


def _article_ids_of(instance):
    """The ids of the articles (drafts too) whose words include this club, player, author…"""
    lookup = {Club: "clubs", Player: "players", Author: "authors", Match: "match",
              Competition: "match__competition"}[type(instance)]  # fmt: skip
    return list(Article.objects.filter(**{lookup: instance}).values_list("pk", flat=True))


def _build_if_empty(sender, using="default", **kwargs):
    """After `migrate`: the first time the index exists, fill it from the articles already there."""
    if sender.name != "articles" or using != "default":
        return
    if TABLE not in connection.introspection.table_names():
        return  # migrated back past 0009_search_index
    if index_engine().count() == 0 and Article.objects.exists():
        rebuild_index()


def connect_receivers():
    uid = "search-index-"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid + "article")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=uid + "article-delete")
    for through in (TaggedClub, TaggedPlayer, Article.authors.through):
        m2m_changed.connect(_tags_changed, sender=through, dispatch_uid=uid + through.__name__)
    for through in (TaggedClub, TaggedPlayer):
        post_save.connect(_tag_row_loaded, sender=through, dispatch_uid=uid + through.__name__ + "-row")
    for model in (Club, Player, Author, Match, Competition):
        post_save.connect(_related_saved, sender=model, dispatch_uid=uid + model.__name__)
    for model in (Club, Player, Author):
        pre_delete.connect(_entity_deleting, sender=model, dispatch_uid=uid + model.__name__ + "-pre")
        post_delete.connect(_entity_deleted, sender=model, dispatch_uid=uid + model.__name__ + "-del")
    post_migrate.connect(_build_if_empty, dispatch_uid=uid + "migrate")
