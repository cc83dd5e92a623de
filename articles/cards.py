"""Rendering the parts of reader pages that show articles: cards, a report's own page, the lists.

Each part is kept by the delivery app (newsroom/delivery/fragments.py) under a name saying which
article it renders, with the tags of everything it shows: the article, its match and competition,
its clubs and players, its authors and pictures. Editing a club makes only the cards and reports
that show that club render again.

Lists (which articles a page holds) say what they list with `list-…` tags; a page that lists
reports shows those tags too, so publishing a report purges the lists it belongs on.
"""

import functools

from django.urls import reverse
from django.utils import dateformat, timezone

from newsroom.delivery import fragments, purges
from newsroom.delivery.rows import attached
from newsroom.html import format_html
from newsroom.media.html import picture_html

from . import live, reads, related, seo
from .body import render_body
from .report import report_main_html

# What a feed or sitemap shows: every published report and the names of every club, player,
# competition and author (the models' registrations purge these on any change).
ARCHIVE_TAGS = ("list-front", "clubs", "players", "competitions", "authors")

# The ways a card is shown, each a fragment of its own: the heading level, whether it shows the
# standfirst, and the picture's `sizes`, which follow .card / .card--lead / .card--compact in
# static/css/site.css.
CARD_VARIANTS = {
    "list": {"css": "card", "heading": "h3", "standfirst": True,
             "sizes": "(min-width: 36rem) 12rem, 7rem"},
    "lead": {"css": "card card--lead", "heading": "h2", "standfirst": True, "lead": True,
             "sizes": "(min-width: 72rem) 42rem, (min-width: 36rem) 60vw, calc(100vw - 2rem)"},
    "compact": {"css": "card card--compact", "heading": "h3", "standfirst": False,
                "sizes": "(min-width: 56rem) 28rem, (min-width: 36rem) 45vw, 7rem"},
}  # fmt: skip


def row_tags(article):
    """What an article's row shows besides itself: the match, competition, clubs and picture read
    with it (reads.card_articles(), reads.page_article()). A kept row goes when any changes."""
    tags = {purges.tag("article", article.pk)}
    if article.match_id:
        match = article.match
        tags |= {purges.tag("match", match.pk), purges.tag("competition", match.competition_id),
                 purges.tag("club", match.home_club_id), purges.tag("club", match.away_club_id)}  # fmt: skip
        if match.in_play():
            tags.add(purges.LIVE)
    if article.hero_image_id:
        tags.add(purges.tag("image", article.hero_image_id))
    return tags


def card_tags(article):
    """What a card shows (read from what reads.card_articles() attached: no query)."""
    return row_tags(article) | purges.tags("author", [author.pk for author in attached(article, "authors")])


def page_tags(article):
    """What a report's page shows beyond its card: its clubs, players and their pages' links."""
    tags = card_tags(article)
    tags |= purges.tags("club", [club.pk for club in attached(article, "clubs")])
    tags |= purges.tags("player", [player.pk for player in attached(article, "players")])
    return tags


# ---------------------------------------------------------------------------------------------
# Cards


def render_cards(request, pks, variant="list"):
    """The card HTML of each article in `pks`, in order; an article gone since is left out."""
    cards = _cards(request, [(pk, variant) for pk in pks])
    return [cards[(pk, variant)] for pk in pks if (pk, variant) in cards]


def render_card_groups(request, groups, variant="list"):
    """[(label, [card HTML])] for [(label, pks)]: every group's missing cards fetched together."""
    cards = _cards(request, [(pk, variant) for _, pks in groups for pk in pks])
    return [(label, [cards[(pk, variant)] for pk in pks if (pk, variant) in cards]) for label, pks in groups]


class Listed:
    """One report in a list: its id and, once attach_cards() ran, its card's HTML. A list page
    needs no more of the report than that (a model instance cost 20 µs to make)."""

    __slots__ = ("pk", "card")

    def __init__(self, pk):
        self.pk = pk
        self.card = ""


def attach_cards(request, articles, variant="list"):
    """Give each article (a Listed, or any object with a pk) its rendered card as `.card`."""
    articles = list(articles)
    cards = _cards(request, [(article.pk, variant) for article in articles])
    for article in articles:
        article.card = cards.get((article.pk, variant), "")
    return articles


def prepare_cards(request, wanted):
    """Render, in one batch, every card a page will show: [(pk, variant)]. The calls above then
    find them made; without this, each group of cards costs its own queries."""
    _cards(request, wanted)


def _cards(request, wanted):
    """{(pk, variant): card HTML}: made earlier in this request, kept, or rendered now, all the
    missing ones from one query (and its prefetches) whatever their number."""
    made_here = request.__dict__.setdefault("_cards", {}) if request is not None else {}
    wanted = [key for key in dict.fromkeys(wanted) if key not in made_here]
    if wanted:
        names = {key: f"card:{key[1]}:{key[0]}" for key in wanted}
        found = fragments.get_many(request, list(names.values()))
        made_here.update({key: found[name] for key, name in names.items() if name in found})
        missing = [key for key in wanted if names[key] not in found]
        if missing:
            rows = reads.card_articles({pk for pk, _ in missing})
            made = {}
            for pk, variant in missing:
                article = rows.get(pk)
                if article is None:
                    continue  # gone since the list was read
                tags = card_tags(article)
                purges.shows(*tags)
                html = card_html(article, variant)
                made[names[(pk, variant)]] = (html, tags)
                made_here[(pk, variant)] = html
            fragments.keep_many(request, made)
    return made_here


def card_html(article, variant="list"):
    """One card's HTML (read from what reads.card_articles() attached: no query).

    Written in Python, not a template: a page shows up to twenty cards, and the template engine
    spent 0.15 ms resolving each card's variables, where this takes a twentieth of that
    (docs/decisions.md, "Cards are built in Python")."""
    shape = CARD_VARIANTS[variant]
    url = article.get_absolute_url()
    picture = ""
    if article.hero_image_id:
        # alt="": the picture repeats the headline's link, so it is hidden from the accessibility tree.
        image = picture_html(
            article.hero_image, crop="16:9", alt="", lead=shape.get("lead", False), sizes=shape["sizes"]
        )
        picture = format_html(
            '\n  <a class="card__image" href="{}" tabindex="-1" aria-hidden="true">{}</a>', url, image
        )
    match = article.match
    if match is not None:
        # Only the score itself is kept on one line: the clubs' names must wrap on a 320 px phone
        # ("Wolverhampton Wanderers 10–10 Brighton & Hove Albion" is wider than the screen).
        score = format_html(
            ' · <span class="scoreline">{} <span class="scoreline__score">{}–{}</span> {}</span>',
            match.home_club.name, match.home_score, match.away_score, match.away_club.name,
        ) if match.is_played() else ""  # fmt: skip
        kicker = format_html('<p class="card__kicker">{}{}</p>', match.competition.name, score)
    else:
        kicker = format_html('<p class="card__kicker">{}</p>', article.get_kind_display())
    heading = shape["heading"]
    headline_class = "card__headline card__headline--lead" if heading == "h2" else "card__headline"
    standfirst = ""
    if article.standfirst and shape["standfirst"]:
        standfirst = format_html('\n    <p class="card__standfirst">{}</p>', article.standfirst)
    published = ""
    if article.published_at:
        when = timezone.localtime(article.published_at)
        published = format_html('<time datetime="{}">{}</time>', when.isoformat(), _day(when.date()))
    return format_html(
        '<article class="{}">{}\n  <div class="card__body">\n    {}'
        '\n    <{} class="{}"><a href="{}">{}</a></{}>{}'
        '\n    <p class="card__meta">{} {}</p>\n  </div>\n</article>',
        shape["css"], picture, kicker, heading, headline_class, url, article.headline, heading, standfirst,
        _names_in_prose([author.name for author in attached(article, "authors")]), published,
    )  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _day(date):
    # "7 Dec 2019", as the date filter writes it; formatting one cost 60 µs (translated month
    # names). Kept per date: the site speaks one language (settings.LANGUAGE_CODE).
    return dateformat.format(date, "j M Y")


def _names_in_prose(names):
    """"A", "A and B", "A, B and C"."""
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1]])) if names else ""


# ---------------------------------------------------------------------------------------------
# A report's page


def article_parts(request, article, preview=False):
    """{"head": ..., "main": ...}: the report's social and structured-data tags, and the report.

    `article` is the row with its card's joins (the view's); on a miss the rest of what the page
    shows is prefetched onto it, so no row is read twice. Kept
    per scheme and host, which its absolute URLs carry. A preview is always rendered fresh.
    """
    origin = f"{request.scheme}://{request.get_host()}"

    def render():
        reads.attach_page_relations(article)
        return render_article_parts(request, article, preview)

    if preview:
        return render()
    return fragments.kept(request, f"article:{article.pk}:{origin}", render)


def render_article_parts(request, article, preview=False):
    """The two parts of `article`'s page (loaded with for_page()), saying what they show."""
    purges.shows(*page_tags(article))
    clubs, players = attached(article, "clubs"), attached(article, "players")
    context = {
        "request": request,
        "article": article,
        "is_preview": preview,
        # The report's names, read once here (a related manager cost 20 µs each time it was built).
        "authors": attached(article, "authors"),
        "clubs": clubs,
        "players": players,
        "corrections": attached(article, "corrections"),
        "timeline": getattr(article.match, "timeline", []) if article.match_id else [],
        "body": render_body(article.body, clubs, players),
        # A string: rendering an int localises it, which cost 0.1 ms (number formats are looked up).
        "reading_minutes": str(seo.reading_minutes(article.body)),
        "share_image": seo.share_image(article.hero_image),
        "live": _live_context(article, clubs, players),
    }
    entries = [entry for entry, _ in context["live"]["entries"]] if context["live"] else None
    context["structured_data"] = None if preview else seo.article_graph(request, article, entries)
    return {
        "head": seo.article_head(request, article, context["share_image"], context["structured_data"]),
        "main": report_main_html(context),
    }


def _live_context(article, clubs, players):
    """A live blog's score, key events and entries (None for any other article). Kept with the
    report's parts: every entry posted, corrected or deleted purges its blog's tag."""
    if article.kind != article.Kind.LIVE or not article.match_id:
        return None
    entries = live.page_entries(article)
    purges.shows(*live.entries_shown(entries))
    return {
        "open": article.is_live(),
        "poll_url": reverse("articles:live_entries", args=[article.pk]),
        "entries": live.render_entries(entries, clubs, players),
        "key_events": live.key_events(entries),
    }


def related_cards(request, article):
    """The cards of the reports related to `article` (related.py ranks them), kept until a report
    joins or leaves the lists of its clubs and players, or the next scheduled one comes out."""
    def rank():
        # The report's tags are prefetched when it was rendered in this request: no need to read them.
        cache = getattr(article, "_prefetched_objects_cache", {})
        clubs = [club.pk for club in cache["clubs"]] if "clubs" in cache else None
        players = [player.pk for player in cache["players"]] if "players" in cache else None
        return related.related_pks(article, clubs, players)

    pks = fragments.kept_list(request, f"related:{article.pk}", rank, tags=())
    return render_cards(request, pks, "compact")
