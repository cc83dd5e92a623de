"""What search engines and sharing cards read: titles, meta tags, JSON-LD, sitemaps, robots.txt."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from html import unescape as html_unescape

import pytest
from django.utils import timezone

from articles.models import Article
from newsroom.media.models import Image

from .conftest import make_article, make_author, make_club
from .images import jpeg
from .test_pages import anfield_report  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def _graph(html):
    (data,) = _json_ld(html)
    return {node["@type"]: node for node in data["@graph"]}


def _meta(html, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.fixture
def pictured_report(anfield_report):  # noqa: F811
    return add_picture(anfield_report)


def add_picture(report):
    """The report with a hero picture (and so its renditions)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = Image(alt_text="Mertens celebrates in front of the away end", credit="Agency")
    image.file.save("x.jpg", SimpleUploadedFile("x.jpg", jpeg((1600, 1000))), save=False)
    image.save()
    report.hero_image = image
    report.save()
    return report


def test_article_page_has_title_description_canonical_and_sharing_tags(client, pictured_report):
    html = client.get("/2019/11/27/liverpool-napoli/").content.decode()
    assert "<title>Napoli hold firm at Anfield · Newsroom</title>" in html
    assert _meta(html, "description") == "A Lovren header cancels out Mertens’ strike."
    assert '<link rel="canonical" href="http://testserver/2019/11/27/liverpool-napoli/">' in html
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:url") == "http://testserver/2019/11/27/liverpool-napoli/"
    assert _meta(html, "og:title") == "Napoli hold firm at Anfield"
    og_image = _meta(html, "og:image")
    assert og_image.startswith("http://testserver/media/renditions/") and og_image.endswith(".jpg")
    assert _meta(html, "og:image:width") == "1280" and _meta(html, "og:image:height") == "720"
    assert _meta(html, "twitter:card") == "summary_large_image"
    assert _meta(html, "twitter:image") == og_image
    assert _meta(html, "article:published_time") == "2019-11-27T22:30:00+00:00"
    assert 'content="Dries Mertens"' in html  # article:tag


def test_json_ld_describes_the_report_the_match_and_the_breadcrumbs(client, pictured_report):
    html = client.get("/2019/11/27/liverpool-napoli/").content.decode()
    graph = _graph(html)
    news, event, crumbs = graph["NewsArticle"], graph["SportsEvent"], graph["BreadcrumbList"]
    assert news["headline"] == "Napoli hold firm at Anfield"
    assert news["datePublished"] == "2019-11-27T22:30:00+00:00"
    assert news["dateModified"]
    assert news["author"] == [
        {"@type": "Person", "name": "Sam Reporter", "url": "http://testserver/authors/sam-reporter/"}
    ]
    assert news["publisher"]["name"] == "Newsroom" and news["publisher"]["logo"]["url"].startswith("http://")
    assert len(news["image"]) == 3 and all(
        url.startswith("http://testserver/media/") for url in news["image"]
    )
    assert news["mainEntityOfPage"] == "http://testserver/2019/11/27/liverpool-napoli/"
    assert news["about"] == {"@id": event["@id"]}

    assert event["name"] == "Liverpool v Napoli"
    assert event["startDate"] == "2019-11-27T20:00:00+00:00"
    assert event["location"] == {"@type": "Place", "name": "Anfield, Liverpool"}
    assert event["homeTeam"]["name"] == "Liverpool" and event["awayTeam"]["name"] == "Napoli"
    scores = {team["name"]: team["additionalProperty"]["value"] for team in event["competitor"]}
    assert scores == {"Liverpool": 1, "Napoli": 1}
    assert event["homeTeam"]["url"] == "http://testserver/clubs/liverpool/"

    items = crumbs["itemListElement"]
    assert [item["name"] for item in items] == [
        "Home",
        "UEFA Champions League",
        "Napoli hold firm at Anfield",
    ]
    assert [item["position"] for item in items] == [1, 2, 3]


def test_script_in_a_headline_cannot_escape_the_json_ld_or_the_meta_tags(client):
    nasty = '</script><script>alert(1)</script> & "quotes"'
    article = make_article(headline=nasty, standfirst='<img src=x onerror=alert(1)> "hi"', slug="nasty")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    (data,) = _json_ld(html)
    news = data["@graph"][0]
    assert news["headline"] == nasty  # still the editor's words once parsed
    assert news["description"] == '<img src=x onerror=alert(1)> "hi"'
    assert (
        _meta(html, "og:title")
        == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"
    )


def test_previews_carry_no_structured_data_and_are_not_indexed(client, django_user_model):
    from django.contrib.auth.models import Permission

    draft = make_article(status=Article.Status.DRAFT, slug="draft-report")
    editor = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert not _json_ld(html) and 'rel="canonical"' not in html


def test_pages_link_their_feeds(client, anfield_report):  # noqa: F811
    for url, feed in [
        ("/", "/feeds/latest/"), ("/clubs/napoli/", "/clubs/napoli/feed/"),
        ("/players/dries-mertens/", "/players/dries-mertens/feed/"),
        ("/competitions/uefa-champions-league/", "/competitions/uefa-champions-league/feed/"),
        ("/authors/sam-reporter/", "/authors/sam-reporter/feed/"),
        ("/2019/11/27/liverpool-napoli/", "/competitions/uefa-champions-league/feed/"),
    ]:  # fmt: skip
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html, url
        assert f'href="{feed}"' in html, url


# ---------------------------------------------------------------------------------------------
# Sitemaps and robots.txt


@pytest.fixture
def public_and_hidden(anfield_report):  # noqa: F811
    draft = make_article(slug="secret-draft", status=Article.Status.DRAFT)
    scheduled = make_article(
        slug="secret-scheduled", published_at=timezone.now() + datetime.timedelta(days=2)
    )
    review = make_article(slug="secret-review", status=Article.Status.REVIEW)
    lonely = make_club("Lonely FC")  # tagged only on a draft: its page is not listed
    for hidden in (draft, scheduled, review):
        hidden.clubs.add(lonely)
    hidden_author = make_author("Ghost Writer", slug="ghost-writer")
    draft.authors.add(hidden_author)
    fresh = make_article(
        slug="fresh-news", headline="Fresh news", published_at=timezone.now() - datetime.timedelta(hours=3)
    )
    return {"report": anfield_report, "fresh": fresh}


def _locs(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return root, [loc.text for loc in root.iter(f"{SM}loc")]


def test_sitemap_index_lists_every_section_and_the_news_sitemap(client, public_and_hidden):
    root, locs = _locs(client, "/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    assert locs == [
        f"http://testserver/sitemap-{section}.xml"
        for section in ["articles", "clubs", "players", "competitions", "authors"]
    ] + ["http://testserver/sitemap-news.xml"]


def test_sitemaps_list_exactly_the_published_urls(client, public_and_hidden):
    published = Article.objects.published()
    _, articles = _locs(client, "/sitemap-articles.xml")
    assert sorted(articles) == sorted(f"http://testserver{a.get_absolute_url()}" for a in published)
    _, clubs = _locs(client, "/sitemap-clubs.xml")
    assert clubs == ["http://testserver/clubs/liverpool/", "http://testserver/clubs/napoli/"]
    _, players = _locs(client, "/sitemap-players.xml")
    assert players == ["http://testserver/players/dejan-lovren/", "http://testserver/players/dries-mertens/"]
    _, competitions = _locs(client, "/sitemap-competitions.xml")
    assert competitions == ["http://testserver/competitions/uefa-champions-league/"]
    _, authors = _locs(client, "/sitemap-authors.xml")
    assert authors == ["http://testserver/authors/sam-reporter/"]
    for url in ["/sitemap-articles.xml", "/sitemap-clubs.xml", "/sitemap-authors.xml", "/sitemap-news.xml"]:
        body = client.get(url).content.decode()
        assert "secret" not in body and "lonely" not in body and "ghost" not in body


def test_article_sitemap_has_lastmod_and_images(client, pictured_report):
    root, _ = _locs(client, "/sitemap-articles.xml")
    (url,) = root.findall(f"{SM}url")
    assert datetime.datetime.fromisoformat(url.find(f"{SM}lastmod").text)
    image = url.find(f"{IMAGE}image/{IMAGE}loc").text
    assert image.startswith("http://testserver/media/renditions/")


def test_news_sitemap_holds_only_the_last_48_hours(client, public_and_hidden):
    root, locs = _locs(client, "/sitemap-news.xml")
    assert locs == [f"http://testserver{public_and_hidden['fresh'].get_absolute_url()}"]
    assert root.find(f"{SM}url/{NEWS}news/{NEWS}title").text == "Fresh news"
    assert root.find(f"{SM}url/{NEWS}news/{NEWS}publication/{NEWS}name").text == "Newsroom"
    assert datetime.datetime.fromisoformat(root.find(f"{SM}url/{NEWS}news/{NEWS}publication_date").text)


def test_unknown_sitemap_sections_and_pages_are_404(client, public_and_hidden):
    assert client.get("/sitemap-drafts.xml").status_code == 404
    assert client.get("/sitemap-articles.xml?p=99").status_code == 404
    assert client.get("/sitemap-articles.xml?p=abc").status_code == 404


def test_robots_txt_points_at_the_sitemaps(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/sitemap-news.xml" in text
    assert "Disallow: /admin/" in text


def test_reading_time_counts_the_words_of_the_text_not_its_markup():
    from articles.seo import WORDS_PER_MINUTE, reading_minutes

    words = ["word"] * (WORDS_PER_MINUTE * 2 + 1)
    paragraphs = "".join(f'<p><a href="/x/">{word}</a> &amp;</p>' for word in words[:-2])
    body = f"<h2>Half time</h2>{paragraphs}<p>a b</p>"
    # Tags and entities are not words: the heading's two and the words themselves are.
    assert reading_minutes(body) == 3
    assert reading_minutes("<p>One.</p>") == 1
    assert reading_minutes("") == 1


HUBS = {
    "/clubs/napoli/": ("SportsTeam", "Napoli"),
    "/players/dries-mertens/": ("Person", "Dries Mertens"),
    "/competitions/uefa-champions-league/": ("SportsOrganization", "UEFA Champions League"),
    "/authors/sam-reporter/": ("Person", "Sam Reporter"),
}


@pytest.mark.parametrize("url", HUBS)
def test_hub_pages_share_with_a_picture_and_describe_themselves(client, anfield_report, url):  # noqa: F811
    html = client.get(url).content.decode()
    kind, name = HUBS[url]
    assert _meta(html, "og:url") == f"http://testserver{url}"
    assert _meta(html, "og:image").startswith("http://testserver/static/img/share")  # no picture of its own
    assert _meta(html, "og:image:width") == "1200" and _meta(html, "og:image:height") == "630"
    graph = _graph(html)
    assert graph[kind]["name"] == name and graph[kind]["url"] == f"http://testserver{url}"
    assert graph[kind]["image"] == _meta(html, "og:image")
    assert graph["BreadcrumbList"]["itemListElement"][-1]["item"] == f"http://testserver{url}"


def test_a_players_photo_is_his_share_picture_and_his_club_his_affiliation(client, anfield_report):  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.football.models import Player

    photo = Image(alt_text="Dries Mertens")
    photo.file.save("m.jpg", SimpleUploadedFile("m.jpg", jpeg((800, 800))), save=False)
    photo.save()
    Player.objects.filter(slug="dries-mertens").update(photo=photo)
    html = client.get("/players/dries-mertens/").content.decode()
    assert _meta(html, "og:image").startswith("http://testserver/media/renditions/")
    assert _meta(html, "og:image:alt") == "Dries Mertens"
    person = _graph(html)["Person"]
    assert person["affiliation"]["name"] == "Napoli" and person["image"] == _meta(html, "og:image")


def test_the_front_page_offers_the_site_search_to_search_engines(client, anfield_report):  # noqa: F811
    html = client.get("/").content.decode()
    site = _graph(html)["WebSite"]
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction" and action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert template == "http://testserver/search/?q={search_term_string}"
    # The template leads to a working search.
    search = template.replace("http://testserver", "").replace("{search_term_string}", "Mertens")
    response = client.get(search)
    assert response.status_code == 200 and "Napoli hold firm at Anfield" in response.content.decode()
    assert _meta(html, "og:image") and _meta(html, "og:url") == "http://testserver/"


def test_the_publisher_logo_is_a_raster_image(client, pictured_report):
    from django.contrib.staticfiles import finders
    from PIL import Image as PILImage

    html = client.get(pictured_report.get_absolute_url()).content.decode()
    logo = _graph(html)["NewsArticle"]["publisher"]["logo"]
    assert logo["url"].endswith(".png")
    with PILImage.open(finders.find("img/logo.png")) as picture:
        assert picture.format == "PNG" and picture.size == (logo["width"], logo["height"])
        assert min(picture.size) >= 112  # Google's minimum


def _title(html):
    return re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)


def test_titles_are_under_sixty_characters_and_name_the_site_from_one_setting(client, settings):
    long = make_article(headline="Wolverhampton Wanderers and Brighton & Hove Albion share twenty goals")
    club = make_club("Brighton & Hove Albion")
    urls = ["/", long.get_absolute_url(), club.get_absolute_url(), "/clubs/", "/competitions/",
            "/search/?q=" + "a-very-long-query " * 5, "/no-such-page/"]  # fmt: skip
    for url in urls:
        title = _title(client.get(url).content.decode())
        assert len(html_unescape(title)) < 60 and title.endswith(" · Newsroom"), (url, title)
    assert _title(client.get(long.get_absolute_url()).content.decode()) == (
        "Wolverhampton Wanderers and Brighton &amp; Hove… · Newsroom"  # cut at a word
    )
    settings.NEWSROOM = {**settings.NEWSROOM, "SITE_NAME": "The Ball"}
    from .conftest import forget_kept_copies

    forget_kept_copies()
    html = client.get(club.get_absolute_url()).content.decode()
    assert _title(html) == "Brighton &amp; Hove Albion · The Ball"
    assert _meta(html, "og:site_name") == "The Ball" and "Newsroom" not in html
