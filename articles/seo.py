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
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.delivery.addresses import slug_url
from newsroom.delivery.rows import attached

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


def organisation(request):
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM["SITE_NAME"],
        "url": _absolute(request, "/"),
        "logo": {"@type": "ImageObject", "url": _absolute(request, static("img/favicon.svg"))},
    }


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
        ("property", "og:site_name", "Newsroom"),
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


def _iso(value):
    return timezone.localtime(value).isoformat()
