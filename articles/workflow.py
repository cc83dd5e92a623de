"""The editorial workflow's rules: who may do what, old URLs, conflicts and revisions.

Views and the admin call these; the model calls keep_old_url() after every save, so this module
imports no model (presence.py has who has a form open).
"""

import difflib
from dataclasses import dataclass

from django.utils import timezone

from newsroom.delivery.addresses import move_address

from .body import html_to_text

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
# Conflicts: what the other editor changed, and the editor's own change reapplied on top

# The words of the story, merged field by field; everything else (status, time, tags, match,
# picture) is carried over from the editor's own form as they submitted it.
MERGED_FIELDS = ["headline", "slug", "standfirst", "body", "hero_caption", "seo_title", "seo_description"]


@dataclass
class FieldMerge:
    name: str
    label: str
    base: str
    theirs: str
    mine: str

    @property
    def they_changed(self):
        return self.theirs != self.base

    @property
    def i_changed(self):
        return self.mine != self.base

    @property
    def clash(self):
        return self.they_changed and self.i_changed and self.theirs != self.mine

    @property
    def merged(self):
        """Theirs where only they changed it, mine where I did (mine wins a clash, shown to me)."""
        return self.mine if self.i_changed else self.theirs

    def diff(self, a, b):
        a_text, b_text = (html_to_text(v) if self.name == "body" else v for v in (a, b))
        return list(difflib.ndiff(a_text.splitlines() or [""], b_text.splitlines() or [""]))

    @property
    def their_diff(self):
        return self.diff(self.base, self.theirs)


def three_way_merge(base, theirs, mine, labels):
    """Per field: base (the version my form started from), theirs (stored now), mine (my POST)."""
    return [
        FieldMerge(
            name,
            labels.get(name, name),
            _text(base.get(name)),
            _text(theirs.get(name)),
            _text(mine.get(name)),
        )
        for name in MERGED_FIELDS
    ]


def _text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return (
            timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            if hasattr(value, "hour")
            else value.isoformat()
        )
    return str(value)


def readable_diff(old_text, new_text):
    """Line-by-line changes for people: [(op, line)] with op in {"+", "-", " "}."""
    return [(line[0], line[2:]) for line in difflib.ndiff(old_text.splitlines(), new_text.splitlines())
            if not line.startswith("?")]  # fmt: skip
