"""Rendered fragments, cached by what they show: the layer under the page cache.

The page cache (articles/caching.py) throws every page away on any change, which is right for
whole pages: nearly any change shows on the front page. But most of what a page is made of does
not change when one report is published: the other reports' cards, and a report's own body,
match box and tags. Those are kept here as rendered HTML under keys that name exactly what they
were rendered from, so a page rebuilt after a change (or rendered with the page cache off) reuses
them and renders only what is new.

What a key names, so that it is never reused for different content:

- **The article's own row**: its `updated_at`. `Article.save()` moves it, and so does every
  change to rows that belong to one article alone (its corrections, its club, player and author
  tags), through `touch_articles()` in the receivers at the bottom.
- **The shared generation**: a clock moved by any change to what many articles show (clubs,
  players, matches, goals, competitions, authors, images). `caching.bump_generation()`, which
  bulk writes call, moves it too.
- **Values drawn from the whole archive** (related reports, the front page's bands, page counts,
  pinned reports) depend on every article, so they are kept under the content generation, like
  pages, and never past the next scheduled publication.

Nothing is ever deleted: a key that no longer matches is simply never asked for again, and
expires; so each process may also keep its own copies (`CACHES["fragments"]`). Every cache error
is a miss (`caching._call`), so with the cache down every fragment is rendered from the database.
Logged-in users (who bypass the page cache) bypass fragments too. NEWSROOM_FRAGMENT_CACHE=0 turns
the layer off (bench/load.sh measures pages both ways).
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import caching

SHARED_GENERATION_KEY = caching.SHARED_GENERATION_KEY

# The ways a card is shown; each is a fragment of its own (articles/includes/article_card.html).
CARD_VARIANTS = {"list": {}, "lead": {"lead": True}, "compact": {"compact": True}}


def _config(name):
    return settings.NEWSROOM_CACHE[name]


def _stamp(updated_at):
    return int(updated_at.timestamp() * 1_000_000)


# ---------------------------------------------------------------------------------------------
# The clocks, read once per request


def bump_shared(**kwargs):
    """Mark every fragment as out of date (now and again at commit, as caching.bump_generation)."""
    if not kwargs.get("raw"):
        caching._bump(SHARED_GENERATION_KEY)


@dataclass(frozen=True)
class Clocks:
    content: int  # caching.GENERATION_KEY: any change at all
    shared: int  # SHARED_GENERATION_KEY: a change to what many articles show
    upcoming: float  # the next scheduled publication (epoch seconds), 0 for none


def _clocks(request):
    """This request's Clocks, or None when fragments are off or the cache is down (render all)."""
    if request is not None and hasattr(request, "_fragment_clocks"):
        return request._fragment_clocks
    clocks = None
    # Editors (who bypass the page cache) get every fragment rendered from the database too, so
    # what they see is the database even after a bulk write that forgot to bump the generations.
    personal = getattr(request, "page_cache", None) == "bypass"
    if _config("FRAGMENTS_ENABLED") and not personal:
        try:
            found = caching._call("get_many", [caching.GENERATION_KEY, SHARED_GENERATION_KEY])
            content = found.get(caching.GENERATION_KEY) or caching.current_generation()
            shared = found.get(SHARED_GENERATION_KEY) or caching.current_generation(SHARED_GENERATION_KEY)
            clocks = Clocks(content, shared, caching.next_publication(content) or 0)
        except (caching.CacheUnavailable, DatabaseError):
            clocks = None
    if request is not None:
        request._fragment_clocks = clocks
    return clocks


# ---------------------------------------------------------------------------------------------
# Two levels: this process's memory, then the shared cache. Every key here names exactly what its
# value was made from, so a value never changes under its key and a process may keep its own copy.


def _get_many(keys):
    local = _local()
    found = local.get_many(keys) if local else {}
    wanted = [key for key in keys if key not in found]
    if wanted:
        shared = caching._quietly("get_many", wanted) or {}
        if shared and local:
            local.set_many(shared, _config("FRAGMENT_SECONDS"))
        found.update(shared)
    return found


def _set_many(values):
    if local := _local():
        local.set_many(values, _config("FRAGMENT_SECONDS"))
    caching._quietly("set_many", values, _config("FRAGMENT_SECONDS"))


def _local():
    """The process's own level (CACHES["fragments"]); without it, the shared cache alone."""
    return caches["fragments"] if "fragments" in settings.CACHES else None


def _kept(clocks, key, render):
    """The value under `key`, rendering (and keeping) it if neither level has it."""
    if clocks is None:
        return render()
    value = _get_many([key]).get(key)
    if value is None:
        value = render()
        _set_many({key: value})
    return value


def kept_until_change(request, name, compute):
    """`compute()`, for values drawn from the whole archive (related reports, the front page's
    sections): kept until anything changes, or the next scheduled report comes out."""
    clocks = _clocks(request)
    key = f"list:{name}:{clocks.content}:{clocks.upcoming}" if clocks else None
    return _kept(clocks, key, compute)


# ---------------------------------------------------------------------------------------------
# Article cards


def render_cards(request, stamps, variant="list"):
    """The card HTML of each (pk, updated_at) in `stamps`, in order; an article gone since is left out."""
    cards = _cards_by_pk(request, stamps, variant)
    return [cards[pk] for pk, _ in stamps if pk in cards]


def render_card_groups(request, groups, variant="list"):
    """[(label, [card HTML])] for [(label, stamps)]: every group's missing cards fetched together."""
    cards = _cards_by_pk(request, [stamp for _, stamps in groups for stamp in stamps], variant)
    return [(label, [cards[pk] for pk, _ in stamps if pk in cards]) for label, stamps in groups]


def attach_cards(request, articles, variant="list"):
    """Give each article (loaded with `for_card_keys()` or more) its rendered card as `.card`."""
    articles = list(articles)
    cards = _cards_by_pk(request, [(article.pk, article.updated_at) for article in articles], variant)
    for article in articles:
        article.card = cards.get(article.pk, "")
    return articles


def _cards_by_pk(request, stamps, variant):
    """{pk: card HTML}: kept cards, and the rest rendered in three queries, whatever their number."""
    from .models import Article

    clocks = _clocks(request)
    keys = {pk: f"card:{variant}:{pk}:{_stamp(updated)}:{clocks.shared if clocks else 0}"
            for pk, updated in stamps}  # fmt: skip
    found = _get_many(list(keys.values())) if clocks and keys else {}
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        fresh = {
            keys[article.pk]: render_to_string(
                "articles/includes/article_card.html", {"article": article, **CARD_VARIANTS[variant]}
            )
            for article in Article.objects.for_cards().defer("body").in_bulk(missing).values()
        }
        found.update(fresh)
        if clocks and fresh:
            _set_many(fresh)
    return {pk: found[key] for pk, key in keys.items() if key in found}


# ---------------------------------------------------------------------------------------------
# Parts of pages


def article_parts(request, article, preview=False):
    """{"head": ..., "main": ...}: the report's social and structured-data tags, and the report itself.

    `article` needs only its row; on a miss it is loaded again with everything it shows. Kept per
    scheme and host, which its absolute URLs carry. A preview is always rendered fresh.
    """
    clocks = None if preview else _clocks(request)
    origin = f"{request.scheme}://{request.get_host()}"
    key = f"article:{article.pk}:{_stamp(article.updated_at)}:{clocks.shared if clocks else 0}:{origin}"
    return _kept(clocks, key, lambda: _render_article_parts(request, article.pk, preview))


def _render_article_parts(request, pk, preview):
    from . import seo
    from .body import render_body
    from .models import Article

    article = Article.objects.for_page().get(pk=pk)
    context = {
        "request": request,
        "article": article,
        "is_preview": preview,
        "body": render_body(article.body, article.clubs.all(), article.players.all()),
        "reading_minutes": seo.reading_minutes(article.body),
        "share_image": seo.share_image(article.hero_image),
        "structured_data": None if preview else seo.article_graph(request, article),
    }
    return {
        "head": render_to_string("articles/includes/article_head.html", context),
        "main": render_to_string("articles/includes/article_main.html", context),
    }


def related_cards(request, article):
    """The cards of the reports related to `article` (articles/search.py ranks them)."""
    from . import search

    stamps = kept_until_change(request, f"related:{article.pk}", lambda: search.related_stamps(article))
    return render_cards(request, stamps, "compact")


def shared_fragment(request, name, render):
    """`render()`, kept under `name` until the shared generation moves.

    For parts of a page drawn only from shared rows (a club's results and squad, a player's goals):
    `name` must say which rows, e.g. "club-side:42". Behind the `{% fragment %}` template tag.
    """
    clocks = _clocks(request)
    html = _kept(clocks, f"shared:{name}:{clocks.shared if clocks else 0}", render)
    return mark_safe(html)  # noqa: S308 — HTML our own templates rendered and escaped


# ---------------------------------------------------------------------------------------------
# Invalidation


_touching = True


@contextmanager
def bulk_change():
    """For commands that rewrite many rows at once (restore, seed_bench): rows that belong to an
    article do not touch it one UPDATE at a time (restored rows keep the `updated_at` they were
    backed up with); every page and fragment is made out of date once at the end instead."""
    global _touching
    _touching = False
    try:
        yield
    finally:
        _touching = True
        caching.bump_generation()


def touch_articles(pks):
    """Move the `updated_at` of these articles: rows that belong to them alone have changed."""
    from .models import Article

    pks = [pk for pk in pks if pk is not None]
    if not _touching:
        return
    if pks:
        Article.objects.filter(pk__in=pks).update(updated_at=timezone.now())


# Rows that belong to one article: changing them touches that article instead of every fragment.
ARTICLE_ROWS = {"Article", "Correction", "TaggedClub", "TaggedPlayer"}
# Many-to-many fields of Article whose rows belong to the article (pins belong to the club or
# player, and only lists, which are not kept here, show them).
ARTICLE_RELATIONS = ("authors", "clubs", "players")


def _touch_on_row_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if sender.__name__ == "Correction":
        touch_articles([instance.article_id])
    elif sender.__name__ in ("TaggedClub", "TaggedPlayer"):
        touch_articles([instance.content_object_id])


def _on_m2m(sender, instance, action, reverse, pk_set, **kwargs):
    from .models import Article

    if not action.startswith("post_"):
        return
    if sender not in {getattr(Article, name).through for name in ARTICLE_RELATIONS}:
        return
    if not reverse:
        touch_articles([instance.pk])
    elif pk_set:
        touch_articles(pk_set)
    else:
        bump_shared()  # a reverse clear() does not say which articles it left


def connect_receivers(app_config):
    for model in app_config.get_models():
        if model.__name__ in caching.NOT_ON_PAGES:
            continue
        if model.__name__ in ARTICLE_ROWS:
            receiver = _touch_on_row_change
        else:
            receiver = bump_shared
        post_save.connect(receiver, sender=model, dispatch_uid=f"fragments-save-{model.__name__}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"fragments-delete-{model.__name__}")
    m2m_changed.connect(_on_m2m, dispatch_uid="fragments-m2m")
