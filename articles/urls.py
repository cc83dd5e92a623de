from django.urls import path, register_converter

from . import feeds, sitemaps, views


class TwoDigitConverter:
    """Months and days always written with two digits: /2019/03/05/, never /2019/3/5/."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


class YearConverter(TwoDigitConverter):
    regex = "[0-9]{4}"

    def to_url(self, value):
        return f"{int(value):04d}"


class SeasonConverter(TwoDigitConverter):
    """A season as the site writes it everywhere: 2019-20."""

    regex = "[0-9]{4}-[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TwoDigitConverter, "dd")
register_converter(SeasonConverter, "season")
register_converter(YearConverter, "yyyy")

app_name = "articles"
urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front"),
    path("<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("clubs/", views.ClubIndexView.as_view(), name="clubs"),
    path("clubs/<slug:slug>/", views.ClubDetailView.as_view(), name="club"),
    path("clubs/<slug:slug>/feed/", feeds.ClubFeed(), name="club_feed"),
    path("clubs/<slug:slug>/atom/", feeds.ClubAtomFeed(), name="club_atom"),
    path("players/<slug:slug>/", views.PlayerDetailView.as_view(), name="player"),
    path("players/<slug:slug>/feed/", feeds.PlayerFeed(), name="player_feed"),
    path("players/<slug:slug>/atom/", feeds.PlayerAtomFeed(), name="player_atom"),
    path("feeds/latest/", feeds.ArticleFeed(), name="latest_feed"),
    path("feeds/latest/atom/", feeds.LatestAtomFeed(), name="latest_atom"),
    path("competitions/", views.CompetitionIndexView.as_view(), name="competitions"),
    path("competitions/<slug:slug>/", views.CompetitionDetailView.as_view(), name="competition"),
    path("competitions/<slug:slug>/feed/", feeds.CompetitionFeed(), name="competition_feed"),
    path("competitions/<slug:slug>/atom/", feeds.CompetitionAtomFeed(), name="competition_atom"),
    # /matches/uefa-champions-league/2019-20/liverpool-v-napoli/: the pair is "<home>-v-<away>".
    path("matches/<slug:competition>/<season:season>/<slug:pair>/", views.MatchDetailView.as_view(),
         name="match"),  # fmt: skip
    # What a live blog's script polls: a page like the others, kept until an entry purges it.
    path("live/<int:pk>/entries/", views.live_entries, name="live_entries"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    # Machines: in this namespace so the page cache keeps them (and drops them on any change).
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-news.xml", sitemaps.news, name="news_sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap"),
    path("robots.txt", sitemaps.robots, name="robots"),
]
