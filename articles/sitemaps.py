"""Sitemaps (django.contrib.sitemaps) for articles, clubs, players, competitions and authors, a
Google News sitemap of the last 48 hours, and robots.txt pointing at them.

Every article list starts from Article.objects.published(), so drafts and scheduled reports
appear in none of them. URLs are absolute on the host the crawler asked for (as the canonical
links on the pages are), not on the sites framework's stored domain: the views below pass a
RequestSite to Django's sitemap machinery.
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from newsroom.delivery import purges
from newsroom.football.models import Club, Competition, Player

from .cards import ARCHIVE_TAGS
from .models import Article, Author
from .seo import share_image

NEWS_HOURS = 48
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            article = url["item"]
            picture = share_image(article.hero_image, crop="full", width=1920)
            url["images"] = (
                [{"location": base + picture.file.url, "caption": article.hero_image.alt_text}]
                if picture
                else []
            )
        return urls


class TopicSitemap(Sitemap):
    """Clubs and players with at least one published report (a page with nothing on it is not
    worth a crawler's time); lastmod is the newest of those reports."""

    changefreq = "daily"

    def items(self):
        # The filter and the Max share one join, so only published reports count.
        return (
            self.model.objects.filter(articles__in=Article.objects.published())
            .annotate(newest=Max("articles__updated_at"))
            .order_by("name", "pk")
        )

    def lastmod(self, topic):
        return topic.newest


class ClubSitemap(TopicSitemap):
    model = Club


class PlayerSitemap(TopicSitemap):
    model = Player


class CompetitionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return (
            Competition.objects.filter(matches__articles__in=Article.objects.published())
            .annotate(newest=Max("matches__articles__updated_at"))
            .order_by("name")
        )

    def lastmod(self, competition):
        return competition.newest


class AuthorSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Author.objects.filter(articles__in=Article.objects.published())
            .annotate(newest=Max("articles__updated_at"))
            .order_by("name")
        )

    def lastmod(self, author):
        return author.newest


class NewsSitemap(ArticleSitemap):
    """Google News: reports published in the last 48 hours."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - datetime.timedelta(hours=NEWS_HOURS)
        return super().items().filter(published_at__gte=since)


SITEMAPS = {
    "articles": ArticleSitemap,
    "clubs": ClubSitemap,
    "players": PlayerSitemap,
    "competitions": CompetitionSitemap,
    "authors": AuthorSitemap,
}


def index(request):
    """/sitemap.xml: the sections (and their pages), plus the news sitemap."""
    purges.shows(*ARCHIVE_TAGS)
    site, protocol = RequestSite(request), request.scheme
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        path = reverse("articles:sitemap", kwargs={"section": section})
        for page in range(1, sitemap.paginator.num_pages + 1):
            suffix = f"?p={page}" if page > 1 else ""
            entries.append({"location": f"{protocol}://{site.domain}{path}{suffix}", "last_mod": None})
    news = reverse("articles:news_sitemap")
    entries.append({"location": f"{protocol}://{site.domain}{news}", "last_mod": None})
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def section(request, section):
    """/sitemap-<section>.xml[?p=2]: one section's URLs, with images for articles."""
    purges.shows(*ARCHIVE_TAGS)
    sitemap_class = SITEMAPS.get(section)
    if sitemap_class is None:
        raise Http404("No such sitemap.")
    try:
        urls = sitemap_class().get_urls(page=request.GET.get("p", 1), site=RequestSite(request),
                                        protocol=request.scheme)  # fmt: skip
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page of the sitemap.") from None
    return TemplateResponse(request, "articles/sitemap.xml", {"urlset": urls}, content_type="application/xml")


def news(request):
    """/sitemap-news.xml: the Google News sitemap."""
    purges.shows(*ARCHIVE_TAGS)
    urls = NewsSitemap().get_urls(site=RequestSite(request), protocol=request.scheme)
    return TemplateResponse(
        request,
        "articles/sitemap_news.xml",
        {"urlset": urls, "publication": settings.NEWSROOM["SITE_NAME"]},
        content_type="application/xml",
    )


def robots(request):
    """/robots.txt: everything public may be crawled but the admin and search results."""
    base = f"{request.scheme}://{request.get_host()}"
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {base}{reverse('articles:sitemap_index')}",
        f"Sitemap: {base}{reverse('articles:news_sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
