"""RSS 2.0 and Atom feeds of published articles: the latest, and per club and per player.

Every feed starts from Article.objects.published(); items carry the authors' names and the
clubs and players as categories.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from .models import Article, Club, Player

FEED_LENGTH = 30


class ArticleFeed(Feed):
    title = f"{settings.NEWSROOM['SITE_NAME']}: latest reports"
    description = "The latest football reports."

    def link(self):
        return "/"

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .select_related("match__home_club", "match__away_club")
            .prefetch_related("authors", "clubs", "players")
            .order_by("-published_at")[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.standfirst

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors.all()) or None

    def item_categories(self, article):
        return [club.name for club in article.clubs.all()] + [player.name for player in article.players.all()]


class EntityFeed(ArticleFeed):
    """The reports tagged with one club or player."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, entity):
        return f"{entity.name}: reports from {settings.NEWSROOM['SITE_NAME']}"

    def description(self, entity):
        return f"The latest reports about {entity.name}."

    def link(self, entity):
        return entity.get_absolute_url()


class ClubFeed(EntityFeed):
    model = Club

    def articles(self, club):
        return Article.objects.published().filter(clubs=club)


class PlayerFeed(EntityFeed):
    model = Player

    def articles(self, player):
        return Article.objects.published().filter(players=player)


class LatestAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class ClubAtomFeed(ClubFeed):
    feed_type = Atom1Feed

    def subtitle(self, club):
        return self.description(club)


class PlayerAtomFeed(PlayerFeed):
    feed_type = Atom1Feed

    def subtitle(self, player):
        return self.description(player)
