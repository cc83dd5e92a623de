"""Reader pages in a real browser, at phone and desktop widths."""

import pytest

from .browser import chromium, page_at, screenshot  # noqa: F401  (fixtures)
from .test_pages import anfield_report  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "front": "/",
    "article": "/2019/11/27/liverpool-napoli/",
    "club": "/clubs/napoli/",
    "player": "/players/dries-mertens/",
    "not-found": "/clubs/no-such-club/",
}


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_fit_the_screen_and_show_the_match(page_at, anfield_report, width):  # noqa: F811
    page = page_at(width)
    for name, url in PAGES.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
        screenshot(page, f"{name}-{width}")

    page.goto(PAGES["article"])
    score = page.locator(".match-box__result")
    assert score.is_visible()
    assert score.inner_text().replace("\n", "") == "1–1"
    assert page.get_by_role("link", name="Dries Mertens").first.is_visible()
