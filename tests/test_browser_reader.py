"""The reader's site at the widths readers use, with the longest real names it has to hold.

Every public page at 320, 375, 768 and 1280 px: nothing scrolls sideways, the score of a report is
on its first screen above the picture, and the desktop report uses its width.
"""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
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
    for name, url in {**PAGES, "match": longest_names.match.get_absolute_url()}.items():
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


@pytest.fixture
def demo_newsroom(settings, tmp_path):
    """The demo newsroom `make run` loads: the front page a newcomer sees first."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo", stdout=io.StringIO())


def _story_cards(page):
    """{report address: the number of cards on the page linking to it}."""
    return page.evaluate(
        "() => { const seen = {}; for (const card of document.querySelectorAll('main .card')) {"
        " const href = card.querySelector('.card__headline a').getAttribute('href');"
        " seen[href] = (seen[href] || 0) + 1; } return seen; }"
    )


def _rows_filled(page, container, item):
    """[(row top, left gap, right gap)] of the rows of `item`s inside each `container` whose ends
    do not reach the container's: a row left part empty."""
    return page.evaluate(
        """([container, item]) => { const gaps = [];
        for (const box of document.querySelectorAll(container)) {
          const outer = box.getBoundingClientRect(), rows = {};
          for (const child of box.querySelectorAll(':scope > ' + item)) {
            const r = child.getBoundingClientRect(), top = Math.round(r.top);
            rows[top] = rows[top] || {left: Infinity, right: -Infinity};
            rows[top].left = Math.min(rows[top].left, r.left);
            rows[top].right = Math.max(rows[top].right, r.right);
          }
          for (const [top, row] of Object.entries(rows)) {
            if (row.left - outer.left > 2 || outer.right - row.right > 2)
              gaps.push([top, row.left - outer.left, outer.right - row.right]);
          }
        } return gaps; }""",
        [container, item],
    )


def test_the_front_page_shows_each_story_once_and_fills_its_rows(page_at, demo_newsroom):  # noqa: F811
    for width in (375, 768, 1280):
        page = page_at(width, 667 if width == 375 else 900)
        page.goto("/")
        cards = _story_cards(page)
        assert len(cards) >= 9, cards  # the lead, the latest and the bands show the demo's reports
        assert all(count == 1 for count in cards.values()), {k: v for k, v in cards.items() if v > 1}
        assert page.locator(".front-sections .section-block").count() >= 2  # the bands are there
        # The bands fill the rows they stand in, and so do the stories inside each band.
        assert not _rows_filled(page, ".front-sections", ".section-block"), width
        assert not _rows_filled(page, ".front-sections .card-grid", ".card"), width
        if width == 375:
            footer = page.locator(".site-footer").bounding_box()["y"]
            assert footer <= 6 * 667, f"the phone front page is {footer / 667:.1f} screens before the footer"
        screenshot(page, f"reader-front-demo-{width}")


def test_a_desktop_report_uses_its_width_and_links_its_sub_headings(page_at, longest_names):  # noqa: F811
    page = page_at(1280)
    page.goto(REPORT)
    wrap = page.locator("main").bounding_box()
    article = page.locator(".article").bounding_box()
    rail = page.locator(".related").bounding_box()
    # The related reports stand beside the report, at its top, and the two span the page.
    assert rail["x"] > article["x"] + article["width"] and rail["y"] < article["y"] + 200
    used = (rail["x"] + rail["width"] - article["x"]) / (wrap["width"] - 32)
    assert used > 0.95, f"the report and its rail use {used:.0%} of the width"
    # Two sub-headings: a table of contents, and a visible link beside each heading.
    assert page.locator(".toc li").count() == 2
    anchor = page.locator(".subheading__anchor[href='#and-then-ten-more']")
    assert anchor.is_visible()
    anchor.click()
    assert page.evaluate("location.hash") == "#and-then-ten-more"
    screenshot(page, "reader-report-rail-1280")


def test_a_desktop_report_with_nothing_related_is_centred(page_at):  # noqa: F811
    report = make_article(headline="A story of its own", body="<p>Alone.</p>")
    page = page_at(1280)
    page.goto(report.get_absolute_url())
    assert page.locator(".related").count() == 0
    box, wrap = page.locator(".article").bounding_box(), page.locator("main").bounding_box()
    left, right = box["x"] - wrap["x"], wrap["x"] + wrap["width"] - (box["x"] + box["width"])
    assert abs(left - right) < 4, (left, right)


# Every element with text of its own, whose printed ink is too pale for white paper (browsers drop
# backgrounds when printing): [selector-ish, colour, contrast].
_PALE_INK = """() => {
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const pale = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
    const rgb = style.color.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const contrast = 1.05 / (luminance(rgb) + 0.05);
    if (contrast < 4.5) pale.push([el.tagName + '.' + el.className, style.color, contrast.toFixed(2)]);
  }
  return pale;
}"""


def _printed_text(page):
    from io import BytesIO

    from pypdf import PdfReader

    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    # Case-folded: headings print in capitals (text-transform), the words are what matter.
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages).casefold()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_pages_keep_their_content_in_dark_ink(chromium, live_server, longest_names, scheme):  # noqa: F811
    context = chromium.new_context(base_url=live_server.url, color_scheme=scheme)
    try:
        page = context.new_page()
        expected = {
            REPORT: ["Third qualifying round", "Kick-off", "Molineux Stadium, Wolverhampton", "10–10",
                     "Maximilian Kilman-Longname 9’", "A first half of ten goals"],
            PAGES["club"]: ["Results", "Brighton & Hove Albion", "Players", "Maximilian Kilman-Longname"],
            PAGES["player"]: ["Goals", "Wolverhampton Wanderers 10–10 Brighton & Hove Albion", "90’"],
        }  # fmt: skip
        for url, texts in expected.items():
            page.goto(url)
            page.emulate_media(media="print")
            assert page.evaluate(_PALE_INK) == [], url
            printed = _printed_text(page)
            for text in texts:
                assert text.casefold() in printed, (url, text, printed[:400])
            # Navigation and sharing are what print leaves out.
            for dropped in ["Skip to content", "Share this report", "Search reports", "All clubs"]:
                assert dropped.casefold() not in printed, (url, dropped)
            page.emulate_media(media="screen")
    finally:
        context.close()


def test_on_a_phone_the_search_filters_fold_and_the_first_result_is_on_the_first_screen(
    page_at, longest_names  # noqa: F811
):
    page = page_at(375, 667)
    page.goto("/search/?q=Brighton")
    assert not page.locator("#id_club").is_visible()  # folded away
    first = page.locator(".result").first.bounding_box()
    assert first["y"] < 667, f"the first result starts {first['y']}px down"
    page.locator("summary", has_text="Narrow the results").click()  # one tap unfolds them
    page.locator("#id_club").fill("Wolverhampton Wanderers")
    page.locator("#id_club").press("Enter")
    page.wait_for_url("**club=Wolverhampton**")
    assert page.locator("#id_club").is_visible()  # in use, so shown
    screenshot(page, "reader-search-filtered-375")
    wide = page_at(1280)
    wide.goto("/search/?q=Brighton")
    assert wide.locator("#id_club").is_visible()  # room enough: shown


def _paper(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


LIGHT_PAPER, DARK_PAPER = "rgb(251, 251, 248)", "rgb(13, 18, 16)"


@pytest.mark.parametrize(("system", "first", "chosen"), [("light", LIGHT_PAPER, DARK_PAPER),
                                                        ("dark", DARK_PAPER, LIGHT_PAPER)])  # fmt: skip
def test_dark_mode_follows_the_system_and_a_choice_by_hand_is_remembered(
    chromium, live_server, longest_names, system, first, chosen  # noqa: F811
):
    viewport = {"width": 375, "height": 800}
    context = chromium.new_context(base_url=live_server.url, color_scheme=system, viewport=viewport)
    choice = "dark" if system == "light" else "light"
    try:
        page = context.new_page()
        blocked = []
        page.on("console", lambda msg: "Content Security" in msg.text and blocked.append(msg.text))
        page.goto("/")
        switch = page.locator("[data-theme-switch]")
        assert _paper(page) == first
        assert switch.get_attribute("aria-pressed") == str(system == "dark").lower()
        switch.click()
        assert _paper(page) == chosen
        assert switch.get_attribute("aria-pressed") == str(system != "dark").lower()
        # Remembered on the next page and after a reload, applied before the page is shown.
        page.goto(REPORT, wait_until="commit")
        page.wait_for_selector("body")
        assert page.evaluate("document.documentElement.dataset.theme") == choice
        page.wait_for_load_state()
        assert _paper(page) == chosen
        page.reload()
        assert _paper(page) == chosen
        screenshot(page, f"reader-report-chosen-{choice}-375")
        assert not blocked, blocked  # the inline script runs under the CSP, by its hash
    finally:
        context.close()


def test_without_javascript_the_page_follows_the_system_and_shows_no_dead_switch(chromium, live_server):  # noqa: F811
    context = chromium.new_context(base_url=live_server.url, color_scheme="dark", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        assert _paper(page) == DARK_PAPER
        assert not page.locator("[data-theme-switch]").is_visible()
    finally:
        context.close()


def test_no_headline_breaks_inside_a_word_in_a_side_column(page_at, longest_names):  # noqa: F811
    """`overflow-wrap: anywhere` keeps long names from widening a phone's page; a card in a rail
    must still have room for "Wolverhampton" on one line."""
    for width in (375, 1280):
        page = page_at(width)
        for url in (REPORT, longest_names.match.get_absolute_url(), PAGES["club"]):
            page.goto(url)
            broken = page.evaluate(
                """() => [...document.querySelectorAll('.card__headline a')].filter(a => {
                  const range = document.createRange(), words = a.textContent.split(' ');
                  let at = 0;
                  return words.some(word => {
                    range.setStart(a.firstChild, at); range.setEnd(a.firstChild, at + word.length);
                    at += word.length + 1;
                    return range.getClientRects().length > 1;  // the word is split over lines
                  });
                }).map(a => a.textContent)"""
            )
            assert not broken, (width, url, broken)
