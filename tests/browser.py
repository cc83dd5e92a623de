"""Real headless Chromium for browser tests: Debian's /usr/bin/chromium driven by Playwright.

Never downloads a browser. Without Chromium or Playwright the tests skip with the reason under
`make test`; CI (NEWSROOM_REQUIRE_SERVICES=1) installs them and turns the skip into a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

from .conftest import require_service

CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"


# One Playwright and one browser for the whole run. Each test module imports the fixture, which
# makes a separate session fixture per module; a second sync_playwright() while the first is open
# fails ("using Playwright Sync API inside the asyncio loop"), so they all share this one.
_shared = {}


@pytest.fixture(scope="session")
def chromium(request):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    require_service(sync_playwright is not None, "Playwright's Python package is not installed")
    require_service(Path(CHROMIUM).exists() or shutil.which(CHROMIUM), f"no Chromium at {CHROMIUM}")
    # Playwright's sync API runs an event loop; Django refuses sync ORM calls from inside one.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if "browser" not in _shared:
        playwright = sync_playwright().start()
        _shared["browser"] = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def close():
            _shared.pop("browser").close()
            playwright.stop()

        request.config.add_cleanup(close)
    return _shared["browser"]


@pytest.fixture
def page_at(chromium, live_server):
    """page_at(width) -> a fresh page of that width pointed at the live test server."""
    pages = []

    def open_page(width, height=900):
        context = chromium.new_context(viewport={"width": width, "height": height}, base_url=live_server.url)
        page = context.new_page()
        pages.append(context)
        return page

    yield open_page
    for context in pages:
        context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
