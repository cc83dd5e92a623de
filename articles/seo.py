"""What search engines and sharing cards read: JSON-LD, the share picture, absolute URLs.

Everything here works from objects the view already fetched (prefetched renditions, authors,
goals): no queries. `json_ld()` is the only way structured data reaches a page: json.dumps, then
"<", ">" and "&" escaped so no headline can close the <script> element.
"""

import datetime
import html
import json
import math
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from newsroom.delivery.addresses import slug_url
from newsroom.delivery.rows import attached
from newsroom.html import format_html, format_html_join

from .body import html_to_text

SPORT = "https://en.wikipedia.org/wiki/Association_football"
WORDS_PER_MINUTE = 230  # an adult's silent reading speed for prose
# Share cards want ~1200px wide; the 16:9 crop fills Open Graph and Twitter's large card.
SHARE_WIDTH = 1280
# Edits within this time of publication are not shown as an update.
UPDATE_GRACE = datetime.timedelta(minutes=10)

def json_ld(data):
    """<script type="application/ld+json"> for `data`, safe whatever text it carries."""
    # Three str.replace calls: str.translate with a dict costs ~50 ns a character (0.16 ms a report).
    text = (
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
        .replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    )  # fmt: skip
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


_TAGS = re.compile(r"<[^>]*>")
_WORDS = re.compile(r"\w+")


def reading_minutes(body_html):
    # Tags out, entities decoded, words counted: body.html_to_text()'s lines are not needed here,
    # and building them cost 0.1 ms a page.
    words = len(_WORDS.findall(html.unescape(_TAGS.sub(" ", body_html or ""))))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def share_image(image, crop="16:9", width=SHARE_WIDTH):
    """The JPEG rendition closest to `width` (every scraper reads JPEG), from prefetched rows."""
    if image is None:
        return None
    jpegs = [r for r in image.renditions.all() if r.crop == crop and r.format == "jpeg"]
    if not jpegs:
        return None
    fitting = [r for r in jpegs if r.width <= width]
    return max(fitting, key=lambda r: r.width) if fitting else min(jpegs, key=lambda r: r.width)


def _absolute(request, url):
    return request.build_absolute_uri(url)


# Google reads a publisher's logo only as a raster image (never SVG), at least 112 px.
LOGO = ("img/logo.png", 512, 512)
# The share card of a page without a picture of its own: Open Graph's 1200×630.
DEFAULT_SHARE = ("img/share.png", 1200, 630)
# Search results show about 60 characters of a <title>.
TITLE_MAX = 59


def page_title(text, site_name=None):
    """"<page> · <site>", at most TITLE_MAX characters, the page's words cut at a word if need be;
    the site's name alone when the page has no title. `text` is HTML (escaped), as is the result."""
    site_name = site_name or settings.NEWSROOM["SITE_NAME"]
    text = " ".join(html.unescape(str(text)).split())
    if not text:
        return escape(site_name)
    room = TITLE_MAX - len(" · ") - len(site_name)
    if len(text) > room:
        text = text[: room - 1].rsplit(" ", 1)[0].rstrip(" ,;:·–—") + "…"
    return escape(f"{text} · {site_name}")


def organisation(request):
    path, width, height = LOGO
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM["SITE_NAME"],
        "url": _absolute(request, "/"),
        "logo": {"@type": "ImageObject", "url": _absolute(request, static(path)), "width": width,
                 "height": height},
    }  # fmt: skip


def share_card(request, image=None, crop="16:9"):
    """{"url", "width", "height", "alt"} of a page's share picture: `image`'s JPEG rendition (from
    prefetched rows), else the site's card."""
    rendition = share_image(image, crop) if image is not None else None
    if rendition is not None:
        return {"url": _absolute(request, rendition.file.url), "width": rendition.width,
                "height": rendition.height, "alt": image.alt_text}  # fmt: skip
    path, width, height = DEFAULT_SHARE
    return {"url": _absolute(request, static(path)), "width": width, "height": height,
            "alt": settings.NEWSROOM["SITE_NAME"]}  # fmt: skip


def website(request):
    """The front page's WebSite, with the SearchAction that lets a search engine offer our search."""
    search = _absolute(request, reverse("search:search"))
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": _absolute(request, "/") + "#website",
                "url": _absolute(request, "/"),
                "name": settings.NEWSROOM["SITE_NAME"],
                "inLanguage": "en-GB",
                "publisher": organisation(request),
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {"@type": "EntryPoint", "urlTemplate": search + "?q={search_term_string}"},
                    "query-input": "required name=search_term_string",
                },
            }
        ],
    }


def _hub_graph(request, entity, trail, share):
    page = {"@type": entity.pop("@type"), **entity}
    page["url"] = _absolute(request, trail[-1][1])
    page["@id"] = page["url"] + "#" + page["@type"].lower()
    page["image"] = share["url"]
    page["mainEntityOfPage"] = page["url"]
    return {"@context": "https://schema.org", "@graph": [page, breadcrumbs(request, trail)]}


def club_graph(request, club, share):
    data = {"@type": "SportsTeam", "name": club.name, "sport": SPORT}
    if club.short_name:  # (aliases are not read with a page's club row: nicknames stay out)
        data["alternateName"] = club.short_name
    if club.description:
        data["description"] = club.description
    if club.league:
        data["memberOf"] = {"@type": "SportsOrganization", "name": club.league}
    if club.country:
        data["location"] = {"@type": "Place", "name": club.country}
    trail = [("Home", "/"), ("Clubs", reverse("articles:clubs")), (club.name, club.get_absolute_url())]
    return _hub_graph(request, data, trail, share)


def player_graph(request, player, share):
    data = {"@type": "Person", "name": player.name, "jobTitle": "Footballer"}
    if player.club_id:
        club = player.club
        data["affiliation"] = {"@type": "SportsTeam", "name": club.name, "sport": SPORT,
                               "url": _absolute(request, club.get_absolute_url())}  # fmt: skip
    if player.nationality:
        data["nationality"] = {"@type": "Country", "name": player.nationality}
    if player.date_of_birth:
        data["birthDate"] = player.date_of_birth.isoformat()
    if player.description:
        data["description"] = player.description
    return _hub_graph(request, data, [("Home", "/"), (player.name, player.get_absolute_url())], share)


def author_graph(request, author, share):
    data = {"@type": "Person", "name": author.name, "worksFor": organisation(request)}
    if author.bio:
        data["description"] = author.bio
    return _hub_graph(request, data, [("Home", "/"), (author.name, author.get_absolute_url())], share)


def competition_graph(request, competition, share):
    # schema.org has no type for a competition; a league or cup is a sports organisation there.
    data = {"@type": "SportsOrganization", "name": competition.name, "sport": SPORT}
    if competition.description:
        data["description"] = competition.description
    trail = [("Home", "/"), ("Competitions", reverse("articles:competitions")),
             (competition.name, competition.get_absolute_url())]  # fmt: skip
    return _hub_graph(request, data, trail, share)


def team(request, club, score=None):
    data = {"@type": "SportsTeam", "name": club.name, "url": _absolute(request, club.get_absolute_url()),
            "sport": SPORT}  # fmt: skip
    if score is not None:
        # schema.org has no score property on a team; additionalProperty is its extension point.
        data["additionalProperty"] = {"@type": "PropertyValue", "name": "score", "value": score}
    return data


# schema.org's EventStatusType for each of a match's statuses (it has none for "finished").
EVENT_STATUS = {"postponed": "EventPostponed", "abandoned": "EventCancelled"}


def sports_event(request, match, article=None):
    home = team(request, match.home_club, match.home_score)
    away = team(request, match.away_club, match.away_score)
    data = {
        "@type": "SportsEvent",
        "name": f"{match.home_club.name} v {match.away_club.name}",
        "description": str(match),
        "sport": SPORT,
        "startDate": match.kickoff.isoformat(),
        "eventStatus": f"https://schema.org/{EVENT_STATUS.get(match.status, 'EventScheduled')}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "superEvent": {
            "@type": "SportsEvent",
            "name": match.competition.name,
            "url": _absolute(request, match.competition.get_absolute_url()),
        },  # fmt: skip
        "homeTeam": home,
        "awayTeam": away,
        "competitor": [home, away],
    }
    if match.venue:
        data["location"] = {"@type": "Place", "name": match.venue}
    if article is not None:
        data["url"] = _absolute(request, article.get_absolute_url())
    return data


def match_graph(request, match):
    """A match's page: its SportsEvent (at the page's own address) and the trail to it."""
    url = _absolute(request, match.get_absolute_url())
    event = {**sports_event(request, match), "@id": url + "#match", "url": url}
    competition = match.competition
    trail = [("Home", "/"), (competition.name, competition.get_absolute_url()), (str(match), url)]
    return {"@context": "https://schema.org", "@graph": [event, breadcrumbs(request, trail)]}


def breadcrumbs(request, trail):
    """trail: [(name, url)], the page itself last."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": _absolute(request, url)}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def article_trail(article):
    trail = [("Home", "/")]
    if article.match:
        competition = article.match.competition
        trail.append((competition.name, competition.get_absolute_url()))
    trail.append((article.headline, article.get_absolute_url()))
    return trail


def article_graph(request, article, live_entries=None):
    """NewsArticle (+ SportsEvent for its match) + BreadcrumbList, as one JSON-LD @graph. A live
    blog (`live_entries` given) is a LiveBlogPosting with its coverage times and latest entries."""
    url = _absolute(request, article.get_absolute_url())
    images = []
    for crop in ("16:9", "1:1", "full"):
        rendition = share_image(article.hero_image, crop)
        if rendition:
            images.append(_absolute(request, rendition.file.url))
    news = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.headline[:110],
        "description": article.seo_description or article.standfirst,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": [
            {"@type": "Person", "name": a.name, "url": _absolute(request, a.get_absolute_url())}
            for a in attached(article, "authors")
        ],
        "publisher": organisation(request),
        "articleSection": article.match.competition.name if article.match else article.get_kind_display(),
        "keywords": [c.name for c in attached(article, "clubs")]
        + [p.name for p in attached(article, "players")],
        "isAccessibleForFree": True,
        "inLanguage": "en-GB",
    }
    if images:
        news["image"] = images
    corrections = attached(article, "corrections")
    if corrections:
        # schema.org's CorrectionComment: what was corrected, and when.
        news["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": c.published_on.isoformat()}
            for c in corrections
        ]
    if live_entries is not None:
        _as_live_blog(request, article, news, live_entries)
    graph = [news]
    if article.match:
        event = sports_event(request, article.match)
        event["@id"] = url + "#match"
        news["about"] = {"@id": event["@id"]}
        graph.append(event)
    graph.append(breadcrumbs(request, article_trail(article)))
    return {"@context": "https://schema.org", "@graph": graph}


# Google reads the latest updates; older ones are on the page.
LIVE_UPDATES_IN_GRAPH = 20


def _as_live_blog(request, article, news, entries):
    """schema.org LiveBlogPosting: coverage from kick-off (or the first entry, if earlier) to the
    close of the blog, or, while it is open, the scheduled end of the match."""
    match = article.match
    posted = [entry.posted_at for entry in entries]
    start = min([match.kickoff, *posted]) if match else min(posted, default=article.published_at)
    end = article.live_closed_at or (match.kickoff + LIVE_COVERAGE if match else None)
    news["@type"] = "LiveBlogPosting"
    news["coverageStartTime"] = start.isoformat() if start else None
    news["coverageEndTime"] = end.isoformat() if end else None
    news["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": _entry_headline(entry),
            "datePublished": entry.posted_at.isoformat(),
            "dateModified": (entry.edited_at or entry.posted_at).isoformat(),
            "url": f"{news['url']}#entry-{entry.pk}",
        }
        for entry in sorted(entries, key=lambda e: e.posted_at, reverse=True)[:LIVE_UPDATES_IN_GRAPH]
    ]


def _entry_headline(entry):
    text = entry.get_kind_display() if entry.kind else html_to_text(entry.body)
    return text[:110] or "Update"


# A match's coverage lasts about this long after kick-off (two halves, the break, added time).
LIVE_COVERAGE = datetime.timedelta(hours=2, minutes=15)


def article_head(request, article, share_image, structured_data):
    """The report's tags in <head>: sharing (Open Graph, X), its section and tags, its
    competition's feed and its structured data (None for a preview). Kept with the report's
    other parts (cards.article_parts): it depends only on the report and the request's origin.

    Built as data, not a template: two dozen tags cost the template engine 0.2 ms a render."""
    origin = f"{request.scheme}://{request.get_host()}"
    title = article.seo_title or article.headline
    description = article.seo_description or article.standfirst
    tags = [
        ("property", "og:site_name", settings.NEWSROOM["SITE_NAME"]),
        ("property", "og:type", "article"),
        ("property", "og:url", origin + article.get_absolute_url()),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:locale", "en_GB"),
    ]
    if share_image:
        tags += [
            ("property", "og:image", origin + share_image.file.url),
            ("property", "og:image:width", share_image.width),
            ("property", "og:image:height", share_image.height),
            ("property", "og:image:alt", article.hero_image.alt_text),
        ]
    if article.published_at:
        tags.append(("property", "article:published_time", _iso(article.published_at)))
    tags.append(("property", "article:modified_time", _iso(article.updated_at)))
    if article.match_id:
        tags.append(("property", "article:section", article.match.competition.name))
    tags += [("property", "article:tag", entity.name) for entity in attached(article, "clubs")]
    tags += [("property", "article:tag", entity.name) for entity in attached(article, "players")]
    tags += [
        ("name", "twitter:card", "summary_large_image" if share_image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if share_image:
        tags += [
            ("name", "twitter:image", origin + share_image.file.url),
            ("name", "twitter:image:alt", article.hero_image.alt_text),
        ]
    html = format_html_join("\n", '  <meta {}="{}" content="{}">', tags)
    if article.match_id:
        competition = article.match.competition
        feed = slug_url("articles:competition_feed", competition.slug)
        html += format_html(
            '\n  <link rel="alternate" type="application/rss+xml" title="{} reports (RSS)" href="{}">',
            competition.name, feed,
        )  # fmt: skip
    if structured_data:
        html += mark_safe("\n  ") + json_ld(structured_data)
    return html


def was_updated(article):
    """True when the report changed well after it went out (tag tidying right after is not news)."""
    return bool(article.published_at) and article.updated_at - article.published_at > UPDATE_GRACE


def _iso(value):
    return timezone.localtime(value).isoformat()
