"""RSS 2.0 and Atom feeds of published articles: the latest, and per club, player, competition
and author.

Every feed starts from Article.objects.published(); items carry the authors' names, the clubs
and players as categories, and the lead picture (a JPEG rendition) as an enclosure. Links are
absolute on the host the reader asked for, like the canonical URLs on the pages, rather than on
the sites framework's stored domain.
"""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from newsroom.delivery import purges
from newsroom.football.models import Club, Competition, Player

from .cards import ARCHIVE_TAGS
from .models import Article, Author
from .seo import share_image

FEED_LENGTH = 30
SITE_NAME = settings.NEWSROOM["SITE_NAME"]


class ArticleFeed(Feed):
    title = f"{SITE_NAME}: latest reports"
    description = "The latest football reports."

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request: keep the request on a copy, not on the shared one.
        feed = copy.copy(self)
        feed.request = request
        purges.shows(*ARCHIVE_TAGS)
        return Feed.__call__(feed, request, *args, **kwargs)

    def _absolute(self, path):
        return self.request.build_absolute_uri(path)

    def link(self, obj=None):
        return self._absolute("/")

    def feed_url(self, obj=None):
        return self._absolute(self.request.path)

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        items = list(
            self.articles(obj)
            .select_related("match__competition", "match__home_club", "match__away_club", "hero_image")
            .prefetch_related("authors", "clubs", "players", "hero_image__renditions")
            .order_by("-published_at")[:FEED_LENGTH]
        )
        purges.shows(*purges.tags("image", [article.hero_image_id for article in items]))
        return items

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.standfirst

    def item_link(self, article):
        return self._absolute(article.get_absolute_url())

    def item_guid(self, article):
        return self._absolute(article.get_absolute_url())

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors.all()) or None

    def item_author_link(self, article):
        authors = article.authors.all()
        return self._absolute(authors[0].get_absolute_url()) if len(authors) == 1 else None

    def item_categories(self, article):
        return [club.name for club in article.clubs.all()] + [player.name for player in article.players.all()]

    def item_enclosures(self, article):
        from django.utils.feedgenerator import Enclosure

        picture = share_image(article.hero_image)
        if picture is None:
            return []
        return [Enclosure(self._absolute(picture.file.url), str(picture.size), "image/jpeg")]


class LatestAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class TopicFeed(ArticleFeed):
    """The reports about one club, player, competition or author."""

    model = None
    noun = "reports about"

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, topic):
        return f"{topic.name}: reports from {SITE_NAME}"

    def description(self, topic):
        return f"The latest {self.noun} {topic.name}."

    def subtitle(self, topic):
        return self.description(topic)

    def link(self, topic):
        return self._absolute(topic.get_absolute_url())


class ClubFeed(TopicFeed):
    model = Club

    def articles(self, club):
        return Article.objects.published().filter(clubs=club)


class PlayerFeed(TopicFeed):
    model = Player

    def articles(self, player):
        return Article.objects.published().filter(players=player)


class CompetitionFeed(TopicFeed):
    model = Competition
    noun = "reports from the"

    def articles(self, competition):
        return Article.objects.published().filter(match__competition=competition)


class AuthorFeed(TopicFeed):
    model = Author
    noun = "reports by"

    def articles(self, author):
        return Article.objects.published().filter(authors=author)


# Kept for the names urls.py and other code already use.
EntityFeed = TopicFeed


class ClubAtomFeed(ClubFeed):
    feed_type = Atom1Feed


class PlayerAtomFeed(PlayerFeed):
    feed_type = Atom1Feed


class CompetitionAtomFeed(CompetitionFeed):
    feed_type = Atom1Feed


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
