"""RSS 2.0 and Atom feeds: latest, per club, player, competition and author; parsed as XML."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article

from .conftest import make_article, rows_made_once
from .test_pages import anfield_report, make_anfield_report  # noqa: F401  (fixture)
from .test_seo import add_picture

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
TOPICS = [
    "/feeds/latest/", "/clubs/napoli/feed/", "/players/dries-mertens/feed/",
    "/competitions/uefa-champions-league/feed/", "/authors/sam-reporter/feed/",
]  # fmt: skip


def _atom(url):
    return url.replace("/feed/", "/atom/") if url != "/feeds/latest/" else "/feeds/latest/atom/"


@pytest.fixture(scope="class")
def with_hidden(django_db_setup, django_db_blocker):
    """The pictured Anfield report beside a draft and a scheduled one on its match: made once for
    the feeds below (the picture's renditions are most of the cost), rolled back after them."""
    with rows_made_once(django_db_blocker):
        report = add_picture(make_anfield_report())
        napoli = report.clubs.get(slug="napoli")
        for hidden in [
            make_article(headline="Secret draft", status=Article.Status.DRAFT, match=report.match),
            make_article(headline="Secret scheduled", match=report.match,
                         published_at=timezone.now() + datetime.timedelta(hours=5)),
        ]:  # fmt: skip
            hidden.clubs.add(napoli)
            hidden.authors.add(*report.authors.all())
        yield report


@pytest.mark.usefixtures("with_hidden")
class TestEveryFeedOfTheReport:
    @pytest.mark.parametrize("url", TOPICS)
    def test_rss_items_carry_authors_categories_and_the_lead_picture(self, client, url):
        response = client.get(url)
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        assert channel.find("link").text.startswith("http://testserver/")
        (item,) = channel.findall("item")  # drafts and scheduled reports never appear
        assert item.find("title").text == "Napoli hold firm at Anfield"
        assert item.find("link").text == "http://testserver/2019/11/27/liverpool-napoli/"
        assert "Sam Reporter" in item.find("{http://purl.org/dc/elements/1.1/}creator").text
        categories = {c.text for c in item.findall("category")}
        assert {"Liverpool", "Napoli", "Dries Mertens", "Dejan Lovren"} <= categories
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "image/jpeg"
        assert enclosure.get("url").startswith("http://testserver/media/renditions/")
        assert int(enclosure.get("length")) > 0
        assert item.find("pubDate").text.endswith("+0000")

    @pytest.mark.parametrize("url", [_atom(url) for url in TOPICS])
    def test_atom_entries_carry_the_same(self, client, url):
        root = ET.fromstring(client.get(url).content)
        assert root.tag == f"{ATOM}feed"
        (entry,) = root.findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Sam Reporter"
        assert {c.get("term") for c in entry.findall(f"{ATOM}category")} >= {"Napoli", "Dries Mertens"}
        enclosure = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
        assert enclosure and enclosure[0].get("type") == "image/jpeg"


def test_feed_titles_name_their_topic(client, anfield_report):  # noqa: F811
    for url, title in [
        ("/competitions/uefa-champions-league/feed/", "UEFA Champions League: reports from Newsroom"),
        ("/authors/sam-reporter/feed/", "Sam Reporter: reports from Newsroom"),
    ]:
        channel = ET.fromstring(client.get(url).content).find("channel")
        assert channel.find("title").text == title
        assert channel.find("link").text == "http://testserver" + url.rsplit("feed/", 1)[0]


def test_hostile_headlines_stay_text_in_feeds(client):
    make_article(headline='<script>alert(1)</script> & "x"', standfirst="<b>bold</b>")
    response = client.get("/feeds/latest/")
    item = ET.fromstring(response.content).find("channel/item")
    assert item.find("title").text == '<script>alert(1)</script> & "x"'
    assert b"<script>" not in response.content


@pytest.mark.parametrize(
    "url", ["/competitions/nothing/feed/", "/authors/ghost/atom/", "/clubs/nobody/atom/"]
)
def test_feeds_of_unknown_topics_are_404(client, url):
    assert client.get(url).status_code == 404
