"""The reader's site in a real Chromium at phone and desktop widths: it fits, it shows the match,
search works, and axe-core finds no serious or critical accessibility problem.

axe-core comes from the npm registry into the git-ignored node_modules/:
    npm install --no-save --no-package-lock axe-core
Without it the accessibility tests skip (and fail under CI's NEWSROOM_REQUIRE_SERVICES=1).
"""

import json
from pathlib import Path

import pytest

from .browser import chromium, page_at, screenshot  # noqa: F401  (fixtures)
from .conftest import require_service
from .test_pages import anfield_report  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [375, 1280]
PAGES = {
    "front": "/",
    "article": "/2019/11/27/liverpool-napoli/",
    "club": "/clubs/napoli/",
    "player": "/players/dries-mertens/",
    "search": "/search/?q=Mertens",
    "clubs": "/clubs/",
    "not-found": "/no-such-page/",
}


def _no_sideways_scroll(page, url, width):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen(page_at, anfield_report, width):  # noqa: F811
    page = page_at(width)
    for name, url in PAGES.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        _no_sideways_scroll(page, url, width)
        assert page.locator("main h1").count() == 1, f"{url} needs exactly one h1"
        screenshot(page, f"site-{name}-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_match_box_reads_at_a_glance(page_at, anfield_report, width):  # noqa: F811
    page = page_at(width)
    page.goto(PAGES["article"])
    score = page.locator(".match-box__result")
    assert score.is_visible()
    assert score.inner_text().replace("\n", "") == "1–1"
    box = page.locator(".match-box").bounding_box()
    assert box["width"] <= width and box["y"] < 2000  # in the first screens, not pushed below
    assert page.get_by_role("link", name="Liverpool").first.is_visible()
    # Share links are plain links: no third-party script on the page.
    scripts = page.evaluate("[...document.scripts].map(s => s.src).filter(Boolean)")
    assert all(src.startswith(page.url.split("/20")[0]) for src in scripts), scripts


@pytest.mark.parametrize("width", WIDTHS)
def test_search_from_the_masthead_finds_the_report(page_at, anfield_report, width):  # noqa: F811
    page = page_at(width)
    page.goto("/")
    page.get_by_role("search").first.get_by_label("Search reports").fill("mertens anfield")
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=mertens+anfield")
    result = page.locator(".result__headline a").first
    assert result.inner_text() == "Napoli hold firm at Anfield"
    assert page.locator(".result mark").count() >= 1
    _no_sideways_scroll(page, page.url, width)
    result.click()
    page.wait_for_url("**/2019/11/27/liverpool-napoli/")
    screenshot(page, f"site-search-to-article-{width}")


def test_pages_read_without_javascript(chromium, live_server, anfield_report):  # noqa: F811
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + PAGES["article"])
        assert page.locator(".match-box__result").is_visible()
        assert "Napoli came to defend" in page.locator(".article__body").inner_text()
        page.goto(live_server.url + "/search/?q=Lovren")
        assert page.locator(".result").count() == 1
    finally:
        context.close()


def test_skip_link_is_the_first_stop_and_visible_on_focus(page_at, anfield_report):  # noqa: F811
    page = page_at(375)
    page.goto(PAGES["article"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0


@pytest.fixture
def csp_free_page(chromium, live_server):  # noqa: F811
    """A page whose context lets Playwright inject axe-core past our script-src 'self' policy."""
    contexts = []

    def open_page(width, scheme):
        context = chromium.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url,
                                       bypass_csp=True, color_scheme=scheme)  # fmt: skip
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_serious_or_critical_problems(csp_free_page, anfield_report, width, scheme):  # noqa: F811
    require_service(AXE.exists(), f"axe-core is not installed ({AXE}); run: npm install --no-save axe-core")
    page = csp_free_page(width, scheme)
    problems = {}
    for name, url in PAGES.items():
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        if serious:
            problems[url] = serious
        if scheme == "dark":
            screenshot(page, f"site-{name}-{width}-dark")
    assert not problems, json.dumps(problems, indent=2)
