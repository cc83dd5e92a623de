"""The reader's site at the widths readers use, with the longest real names it has to hold.

Every public page at 320, 375, 768 and 1280 px: nothing scrolls sideways, the score of a report is
on its first screen above the picture, and the desktop report uses its width.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import path

from newsroom.media.models import Image
from newsroom.media.serving import serve_media
from newsroom.urls import urlpatterns as site_urlpatterns

from .browser import chromium, page_at, screenshot  # noqa: F401  (fixtures)
from .conftest import (
    make_article,
    make_author,
    make_club,
    make_competition,
    make_goal,
    make_match,
    make_player,
)
from .images import jpeg

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls(__name__)]

# The live server serves media the way `make run` does, so the hero picture takes its real height.
urlpatterns = [*site_urlpatterns, path("media/<path:path>", serve_media)]

WIDTHS = [320, 375, 768, 1280]
REPORT = "/2024/01/20/wolves-brighton/"
PAGES = {
    "front": "/",
    "report": REPORT,
    "clubs": "/clubs/",
    "club": "/clubs/wolverhampton-wanderers/",
    "player": "/players/maximilian-kilman-longname/",
    "competitions": "/competitions/",
    "competition": "/competitions/uefa-europa-conference-league-qualifying/",
    "author": "/authors/alexandra-featherstonehaugh/",
    "search": "/search/?q=Wolverhampton",
    "search-nothing": "/search/?q=zzzzqqqq",
    "not-found": "/clubs/no-such-club/",
}


@pytest.fixture
def longest_names(settings, tmp_path):
    """Wolverhampton Wanderers 10–10 Brighton & Hove Albion, with a picture, a long competition
    name, a long-named author, and twenty goals: the widest things a real page holds."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    wolves = make_club("Wolverhampton Wanderers", country="England", league="Premier League")
    brighton = make_club("Brighton & Hove Albion", country="England", league="Premier League")
    competition = make_competition(
        "UEFA Europa Conference League Qualifying", slug="uefa-europa-conference-league-qualifying"
    )
    match = make_match(
        wolves, brighton, score=(10, 10), competition=competition,
        round="Third qualifying round, second leg", venue="Molineux Stadium, Wolverhampton",
        kickoff=datetime.datetime(2024, 1, 20, 15, 0, tzinfo=datetime.UTC),
    )  # fmt: skip
    scorer = make_player("Maximilian Kilman-Longname", slug="maximilian-kilman-longname", club=wolves)
    other = make_player("Pervis Estupiñán-Hernández", club=brighton)
    for minute in range(1, 11):
        make_goal(match, scorer, club=wolves, minute=minute * 9)
        make_goal(match, other, club=brighton, minute=minute * 9 + 1)
    author = make_author("Alexandra Featherstonehaugh", slug="alexandra-featherstonehaugh")
    image = Image(file=SimpleUploadedFile("molineux.jpg", jpeg((1600, 1067))), alt_text="Molineux at night")
    image.save()
    report = make_article(
        headline="Wolverhampton Wanderers and Brighton & Hove Albion share twenty goals at Molineux",
        slug="wolves-brighton",
        standfirst="Twenty goals, two hat-tricks each and an extraordinarily long evening at Molineux.",
        body="<p>Nobody left early.</p><h2>A first half of ten goals</h2><p>Kilman-Longname scored first.</p>"
        "<h2>And then ten more</h2><p>Estupiñán-Hernández answered every one.</p>",
        match=match, hero_image=image,
        published_at=datetime.datetime(2024, 1, 20, 17, 30, tzinfo=datetime.UTC),
    )  # fmt: skip
    report.authors.add(author)
    # A few more reports so lists, bands and pagination have something to lay out.
    for n in range(4):
        other_report = make_article(headline=f"Brighton & Hove Albion look ahead, part {n}", match=match)
        other_report.authors.add(author)
    return report


def _overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_public_page_scrolls_sideways_with_the_longest_names(page_at, longest_names, width):  # noqa: F811
    page = page_at(width)
    wide = {}
    for name, url in PAGES.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        overflow = _overflow(page)
        if overflow > 0:
            # Name the elements that stick out, so the failure says what to fix.
            wide[url] = (overflow, page.evaluate(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                " > window.innerWidth + 0.5).slice(-4).map(e => e.tagName + '.' + e.className)"
            ))  # fmt: skip
        if width in (375, 1280):
            screenshot(page, f"reader-{name}-{width}")
    assert not wide, wide


@pytest.mark.parametrize("width, height", [(320, 640), (375, 667), (1280, 800)])
def test_the_score_is_on_the_first_screen_above_the_picture(page_at, longest_names, width, height):  # noqa: F811
    page = page_at(width, height)
    page.goto(REPORT)
    score = page.locator(".match-box__result").bounding_box()
    picture = page.locator(".article__hero").bounding_box()
    assert score["y"] + score["height"] <= height, f"the score ends {score['y'] + score['height']}px down"
    assert score["y"] < picture["y"], "the score must come before the hero picture"
    scorer = page.locator(".match-box").get_by_role("link", name="Maximilian Kilman-Longname")
    assert scorer.first.is_visible()
    screenshot(page, f"reader-report-first-screen-{width}")


def test_a_goal_on_the_player_page_leads_to_its_report(page_at, longest_names):  # noqa: F811
    page = page_at(375)
    page.goto(PAGES["player"])
    scoreline = "Wolverhampton Wanderers 10–10 Brighton & Hove Albion"
    page.locator(".goal-list").get_by_role("link", name=scoreline).first.click()
    page.wait_for_url(f"**{REPORT}")
    assert page.locator(".match-box__result").is_visible()
