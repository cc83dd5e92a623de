"""A report's main part (breadcrumbs, header, byline, match box, picture, contents, body, live
blog, corrections, share links, tags) as HTML, built in Python as the cards are.

Every report's page renders it when nothing is kept, and the template engine spent a fifth of the
page's time resolving its variables (each lookup on a model tries a dict lookup first and fails
with an exception); docs/decisions.md, "Cards are built in Python", says why and when. The match
box and the live blog stay templates: they are shown on other pages too, and only when there is a
match.
"""

from urllib.parse import quote

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from newsroom.delivery.addresses import fixed_url
from newsroom.delivery.templatetags.dates import iso, local
from newsroom.html import format_html, format_html_join
from newsroom.media.html import picture_html

from .seo import was_updated

HERO_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
SHARE_LINKS = (
    ('https://twitter.com/intent/tweet?url={url}&amp;text={title}', "X", True),
    ("https://www.facebook.com/sharer/sharer.php?u={url}", "Facebook", True),
    ("https://wa.me/?text={title}%20{url}", "WhatsApp", True),
    ("https://www.linkedin.com/sharing/share-offsite/?url={url}", "LinkedIn", True),
    ("mailto:?subject={title}&amp;body={url}", "Email", False),
)


def report_main_html(context):
    """The report's main part from render_article_parts()'s context."""
    article, match = context["article"], context["article"].match
    kind = article.get_kind_display()
    parts = [_breadcrumbs(article, match, kind), '\n<article class="article">']
    parts.append('\n  <header class="article__header">\n')
    if match is not None:
        competition = match.competition
        round_ = format_html(" · {}", match.round) if match.round else ""
        parts.append(format_html('<p class="article__kicker"><a href="{}">{}</a>{}</p>',
                                 competition.get_absolute_url(), competition.name, round_))  # fmt: skip
    else:
        parts.append(format_html('<p class="article__kicker">{}</p>', kind))
    parts.append(format_html('\n    <h1 class="article__headline">{}</h1>\n    ', article.headline))
    if article.standfirst:
        parts.append(format_html('<p class="article__standfirst">{}</p>', article.standfirst))
    parts.append('\n    <div class="article__byline">\n      ')
    parts.append(_authors(context["authors"]))
    parts.append("\n      ")
    parts.append(_dates(article))
    minutes = context["reading_minutes"]
    reading = format_html('\n      <span class="article__reading">{} min read</span>', minutes)
    parts.append(reading + "\n    </div>\n  </header>\n")
    parts.append("\n  ")
    if match is not None:
        parts.append(render_to_string("articles/includes/match_box.html", {**context, "match": match}))
    parts.append("\n  ")
    if article.hero_image is not None:
        picture = picture_html(article.hero_image, crop="full", lead=True, sizes=HERO_SIZES)
        caption, credit = article.caption, article.hero_image.credit
        figcaption = ""
        if caption or credit:
            credit_html = format_html(' <span class="credit">{}</span>', credit) if credit else ""
            figcaption = format_html("<figcaption>{}{}</figcaption>", caption, credit_html)
        parts.append(format_html('\n  <figure class="article__hero">\n    {}\n    {}\n  </figure>\n  ',
                                 picture, figcaption))  # fmt: skip
    parts.append("\n  ")
    body = context["body"]
    if body.toc:
        items = format_html_join("", '<li><a href="#{}">{}</a></li>', body.toc)
        parts.append(format_html(
            '\n  <nav class="toc" aria-labelledby="toc-heading">'
            '\n    <h2 id="toc-heading" class="toc__title">In this report</h2>'
            "\n    <ol>{}</ol>\n  </nav>\n", items,
        ))  # fmt: skip
    # Sanitised by Article.save(); render_body() only adds anchors and escaped links.
    parts.append(format_html('\n  \n  <div class="article__body prose">{}</div>\n  ', mark_safe(body.html)))
    if context["live"]:
        parts.append(render_to_string("articles/includes/live_blog.html", context))
    parts.append("\n  ")
    parts.append(_corrections(context["corrections"]))
    parts.append("\n  ")
    if not context["is_preview"]:
        parts.append(_share_links(context["request"], article))
    parts.append("\n  ")
    parts.append(_tags(context["clubs"], context["players"]))
    parts.append("\n</article>\n")
    return SafeString("".join(parts))


def _breadcrumbs(article, match, kind):
    competition = ""
    if match is not None:
        competition = format_html(
            '<li><a href="{}">{}</a></li>', match.competition.get_absolute_url(), match.competition.name
        )
    return format_html(
        '\n<nav class="breadcrumbs" aria-label="Breadcrumb">\n  <ol><li><a href="{}">Home</a></li>{}'
        '<li><span aria-current="page">{}</span></li></ol>\n</nav>',
        fixed_url("articles:front"), competition, kind,
    )  # fmt: skip


def _authors(authors):
    if not authors:
        return ""
    links = []
    for n, author in enumerate(authors):
        if n:
            links.append(" and " if n == len(authors) - 1 else ", ")
        links.append(format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name))
    return format_html('<span class="article__authors">By {}</span>', SafeString("".join(links)))


def _when(value):
    # The template's |local expects the value in the current time zone (expects_localtime).
    return local(timezone.localtime(value), "j F Y, H:i T")


def _dates(article):
    if not article.published_at:
        return ""
    updated = ""
    if was_updated(article):
        updated = format_html(
            '<span class="article__updated"> · Updated <time datetime="{}" data-local>{}</time></span>',
            iso(article.updated_at), _when(article.updated_at),
        )  # fmt: skip
    return format_html(
        '<span class="article__dates"><time datetime="{}" data-local>{}</time>{}</span>',
        iso(article.published_at), _when(article.published_at), updated,
    )  # fmt: skip


def _corrections(corrections):
    if not corrections:
        return ""
    items = format_html_join(
        "", '<p class="correction"><time datetime="{}">{}</time>: {}</p>',
        ((local(c.published_on, "Y-m-d"), local(c.published_on, "j F Y"), c.note) for c in corrections),
    )  # fmt: skip
    return format_html(
        '\n  <aside class="corrections" aria-labelledby="corrections-heading">'
        '\n    <h2 id="corrections-heading" class="corrections__title">Corrections</h2>'
        "\n    {}\n  </aside>\n",
        items,
    )  # fmt: skip


def _share_links(request, article):
    """Plain addresses, no third-party script, nothing loaded until a reader clicks; reader.js
    adds a "Share…" button where the browser has a share sheet."""
    url = f"{request.scheme}://{request.get_host()}{article.get_absolute_url()}"
    quoted = {"url": quote(url, safe=""), "title": quote(article.headline, safe="")}
    links = []
    for address, name, new_window in SHARE_LINKS:
        extra = ' rel="noopener" target="_blank"' if new_window else ""
        label = '<span class="visually-hidden"> (opens a new window)</span>' if new_window else ""
        # The quoted values are plain ASCII without & < > " ': safe in an attribute as they are.
        links.append(f'\n    <li><a href="{address.format(**quoted)}"{extra}>{name}{label}</a></li>')
    return format_html(
        '\n<aside class="share" aria-labelledby="share-heading">'
        '\n  <h2 id="share-heading" class="share__title">Share this report</h2>'
        '\n  <ul class="share__links" data-share-url="{}" data-share-title="{}">{}\n  </ul>\n</aside>\n',
        url, article.headline, SafeString("".join(links)),
    )  # fmt: skip


def _tags(clubs, players):
    if not (clubs or players):
        return ""
    html = '\n  <footer class="article__tags">\n    '
    if clubs:
        html += format_html(
            '<h2 class="tags__title">Clubs</h2><ul class="tags">{}</ul>',
            format_html_join("", '<li><a class="tag tag--club" href="{}">{}</a></li>',
                             ((club.get_absolute_url(), club.name) for club in clubs)),
        )  # fmt: skip
    html += "\n    "
    if players:
        html += format_html(
            '<h2 class="tags__title">Players</h2><ul class="tags">{}</ul>',
            format_html_join("", '<li><a class="tag" href="{}">{}</a></li>',
                             ((player.get_absolute_url(), player.name) for player in players)),
        )  # fmt: skip
    return SafeString(html + "\n  </footer>\n  ")
