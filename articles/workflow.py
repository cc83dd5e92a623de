"""The editorial workflow's rules: who may do what, old URLs, and readable diffs.

Views and the admin call these; the model calls keep_old_url() after every save, so this module
imports no model (presence.py has who has a form open).
"""

import difflib

from django.utils import timezone

from newsroom.delivery.addresses import move_address

# ---------------------------------------------------------------------------------------------
# Roles


def can_publish(user):
    return user.has_perm("articles.publish_article")


def can_edit(user, article):
    """Editors edit anything; a writer only their own article, and only until it is published."""
    if not user.has_perm("articles.change_article"):
        return False
    if can_publish(user) or article is None:
        return True
    return article.created_by_id == user.pk and article.status != article.Status.PUBLISHED


# ---------------------------------------------------------------------------------------------
# Links never break


def _was_public(state, now):
    return (
        state["status"] == "published" and state["published_at"] is not None and state["published_at"] <= now
    )


def keep_old_url(article, previous):
    """After a save: a public article whose address changed leaves a 301 behind; one taken down, a 410.

    `previous` holds the slug, publication_date, status and published_at read before the save.
    """
    if not _was_public(previous, timezone.now()):
        return
    moved_from = type(article)(slug=previous["slug"], publication_date=previous["publication_date"])
    old = moved_from.get_absolute_url()
    # Taken down: readers who follow an old link learn it is gone for good, not mistyped.
    move_address(old, article.get_absolute_url() if article.is_published() else "")


def mark_gone(article):
    """A public article deleted: its address answers 410 Gone."""
    if article.is_published():
        move_address(article.get_absolute_url(), "")


# ---------------------------------------------------------------------------------------------
# Diffs for people (the conflict page and the history's comparisons; merges are in merging.py)


def readable_diff(old_text, new_text):
    """Line-by-line changes for people: [(op, line)] with op in {"+", "-", " "}."""
    return [(line[0], line[2:]) for line in difflib.ndiff(old_text.splitlines(), new_text.splitlines())
            if not line.startswith("?")]  # fmt: skip
