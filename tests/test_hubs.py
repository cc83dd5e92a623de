"""Club and player pages as hubs, their feeds, and linked mentions in reports."""

import datetime
import time
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from .conftest import make_article, make_club, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db


@pytest.fixture
def napoli_world():
    napoli, liverpool = make_club("Napoli", aliases="Partenopei"), make_club("Liverpool", aliases="the Reds")
    mertens = make_player("Dries Mertens", club=napoli)
    match = make_match(liverpool, napoli, score=(1, 1))
    make_goal(match, mertens, club=napoli, minute=21)
    report = make_article(
        headline="A point at Anfield",
        match=match,
        body="<h2>Mertens strikes</h2><p>Dries Mertens scored; later Mertens ran on. "
        'Napoli held on. <a href="https://example.com/">Napoli</a> statement.</p>'
        "<h2>Late pressure</h2><p>The Reds pushed.</p><h2>Verdict</h2><p>Liverpool</p>",
    )
    return {"napoli": napoli, "mertens": mertens, "report": report}


def test_first_mentions_link_to_hubs_but_never_inside_headings_or_links(client, napoli_world):
    html = client.get(napoli_world["report"].get_absolute_url()).content.decode()
    # Up to the body's own closing tag (its sub-headings sit in <div>s of their own).
    body = html.split('class="article__body prose">', 1)[1].split("</div>\n", 1)[0]
    assert body.count('href="/players/dries-mertens/"') == 1
    assert '<a class="mention mention--player" href="/players/dries-mertens/">Dries Mertens</a>' in body
    assert body.count('href="/clubs/napoli/"') == 1
    assert '<h2 id="mertens-strikes">Mertens strikes</h2>' in body
    assert '<a href="https://example.com/">Napoli</a>' in body


def test_three_sub_headings_get_a_table_of_contents(client, napoli_world):
    html = client.get(napoli_world["report"].get_absolute_url()).content.decode()
    assert 'href="#mertens-strikes"' in html and 'href="#verdict"' in html


@pytest.mark.parametrize(("body", "toc"), [
    ("<p>Kick-off.</p><h2>First half</h2><p>Quiet.</p><h2>Second half</h2><p>Loud.</p>", True),
    ("<p>Kick-off.</p><h2>The only heading</h2><p>Quiet.</p>", False),
])  # fmt: skip
def test_two_sub_headings_make_a_table_of_contents_and_each_has_its_link(client, body, toc):
    report = make_article(body=body)
    html = client.get(report.get_absolute_url()).content.decode()
    assert ("In this report" in html) is toc
    # Every sub-heading keeps its own words and has a visible link to its section beside it.
    heading = '<div class="subheading"><h2 id="first-half">First half</h2><a class="subheading__anchor"'
    assert heading in html or not toc
    for anchor in ["first-half", "second-half"] if toc else ["the-only-heading"]:
        assert f'href="#{anchor}" aria-label="Link to the section' in html


def test_club_hub_shows_pinned_reports_form_and_feed_link(client, napoli_world):
    napoli = napoli_world["napoli"]
    older = make_article(headline="The story of the season so far")
    napoli.pinned_articles.add(older)
    html = client.get("/clubs/napoli/").content.decode()
    assert "Essential reading" in html and "The story of the season so far" in html
    assert 'href="/clubs/napoli/feed/"' in html
    assert 'class="chip chip--d"' in html


def test_player_hub_shows_goals_and_appearances(client, napoli_world):
    html = client.get("/players/dries-mertens/").content.decode()
    assert "<dt>Goals</dt><dd>1</dd>" in html
    assert "<dt>In reports</dt><dd>1</dd>" in html


def _goal_list(client):
    html = client.get("/players/dries-mertens/").content.decode()
    return html.split('class="goal-list"', 1)[1].split("</ul>", 1)[0]


def test_each_goal_links_to_the_report_of_its_match(client, napoli_world):
    mertens, report = napoli_world["mertens"], napoli_world["report"]
    other = make_match(make_club("Genoa"), napoli_world["napoli"], score=(0, 2))
    make_goal(other, mertens, club=napoli_world["napoli"], minute=80)
    make_article(headline="Draft on Genoa", match=other, status="draft")
    goals = _goal_list(client)
    assert f'<a href="{report.get_absolute_url()}">Liverpool 1–1 Napoli</a>' in goals
    # No public report on the Genoa match: its goal names the match without a dead link.
    assert "Genoa 0–2 Napoli" in goals and "Draft on Genoa" not in goals
    assert goals.count("/20") == 1  # only one link to an article

    # Publishing a report on that match links its goal at once (the kept list is purged).
    news = make_article(headline="Mertens again", match=other, kind="news")
    assert f'<a href="{news.get_absolute_url()}">Genoa 0–2 Napoli</a>' in _goal_list(client)
    # A match report wins over a newer news story on the same match.
    genoa_report = make_article(headline="Napoli win in Genoa", match=other,
                                published_at=news.published_at - datetime.timedelta(hours=2))  # fmt: skip
    assert f'<a href="{genoa_report.get_absolute_url()}">Genoa 0–2 Napoli</a>' in _goal_list(client)


def test_a_scheduled_report_links_its_goal_when_it_comes_out(client, napoli_world, settings):
    settings.NEWSROOM_CACHE = {**settings.NEWSROOM_CACHE, "ENABLED": False}  # kept fragments only
    other = make_match(make_club("Genoa"), napoli_world["napoli"], score=(0, 2))
    make_goal(other, napoli_world["mertens"], club=napoli_world["napoli"], minute=80)
    due = timezone.now() + datetime.timedelta(seconds=2)
    scheduled = make_article(headline="Genoa report", match=other, published_at=due)
    assert scheduled.get_absolute_url() not in _goal_list(client)
    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.1)
    assert scheduled.get_absolute_url() in _goal_list(client)


@pytest.mark.parametrize("url", ["/clubs/napoli/feed/", "/players/dries-mertens/feed/", "/feeds/latest/"])
def test_rss_feeds_list_published_reports_with_categories(client, napoli_world, url):
    make_article(headline="Draft nobody may see", status="draft").clubs.add(napoli_world["napoli"])
    response = client.get(url)
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["A point at Anfield"]
    categories = {c.text for c in channel.find("item").findall("category")}
    assert {"Napoli", "Liverpool", "Dries Mertens"} <= categories


@pytest.mark.parametrize(
    "url", ["/clubs/napoli/atom/", "/players/dries-mertens/atom/", "/feeds/latest/atom/"]
)
def test_atom_feeds_parse(client, napoli_world, url):
    root = ET.fromstring(client.get(url).content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) == 1


def test_feed_of_an_unknown_club_is_a_404(client):
    assert client.get("/clubs/nobody/feed/").status_code == 404
