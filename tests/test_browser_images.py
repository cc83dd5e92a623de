"""Responsive pictures in a real browser: the srcset candidate Chromium picks at phone and desktop
widths is the one the layout needs, never the 24-megapixel original."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import path

from newsroom.media.models import Image
from newsroom.media.serving import serve_media
from newsroom.urls import urlpatterns as site_urlpatterns

from .browser import chromium, page_at, screenshot  # noqa: F401  (fixtures)
from .conftest import make_article
from .images import jpeg

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls(__name__)]

# The live server serves media the way `make run` does.
urlpatterns = [*site_urlpatterns, path("media/<path:path>", serve_media)]


@pytest.fixture
def reports(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    articles = []
    for n in range(4):
        image = Image(file=SimpleUploadedFile("goal.jpg", jpeg((2400, 1600))), alt_text=f"Goal {n}")
        image.save()
        articles.append(make_article(hero_image=image, featured=(n == 3)))
    return articles


def chosen(page, selector):
    """(crop, width, format) of the rendition the browser chose for the <img> at `selector`."""
    page.locator(selector).first.scroll_into_view_if_needed()
    page.wait_for_function(
        "s => { const img = document.querySelector(s); return img && img.complete && img.currentSrc; }",
        arg=selector,
    )
    source = page.eval_on_selector(selector, "img => img.currentSrc")
    match = re.search(r"/renditions/\w+/(full|16x9|1x1)-(\d+)w\.[0-9a-f]{16}\.(webp|jpg)$", source)
    assert match, source
    assert page.eval_on_selector(selector, "img => img.naturalWidth") > 0  # it loaded: media is served
    # `sizes` must agree with the stylesheet: the candidate covers the box it is shown in, and is
    # not grossly bigger (the next smaller width would not have covered it).
    shown = page.eval_on_selector(selector, "img => img.getBoundingClientRect().width * devicePixelRatio")
    width = int(match.group(2))
    assert shown <= width * 1.02, f"{selector}: {width}w shown {shown:.0f} px wide"
    assert width <= max(shown * 1.6, 320), f"{selector}: {width}w for a {shown:.0f} px box"
    return match.group(1), width, match.group(3)


@pytest.mark.parametrize(
    ("width", "hero", "lead_card", "card"),
    [
        # 375 px phone at 1×: the hero is 375 − 2rem = 343 px wide -> the 480w candidate; a card's
        # picture is a 7rem thumbnail -> the smallest, 320w.
        (375, ("full", 480, "webp"), ("16x9", 480, "webp"), ("16x9", 320, "webp")),
        # 1280 px desktop: hero 46rem = 736 px -> 800w; lead card ~42rem -> 800w; cards 12rem -> 320w.
        (1280, ("full", 800, "webp"), ("16x9", 800, "webp"), ("16x9", 320, "webp")),
    ],
)
def test_browser_picks_the_rendition_the_layout_needs(page_at, reports, width, hero, lead_card, card):  # noqa: F811
    page = page_at(width)
    page.goto(reports[0].get_absolute_url())
    assert chosen(page, ".article__hero img") == hero
    screenshot(page, f"article-picture-{width}")

    page.goto("/")
    assert chosen(page, ".card--lead .card__image img") == lead_card
    assert chosen(page, ".card-list .card__image img") == card
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, f"front-pictures-{width}")


def test_phone_at_2x_density_downloads_the_800_pixel_picture_within_budget(chromium, live_server, reports):  # noqa: F811
    context = chromium.new_context(
        viewport={"width": 375, "height": 812}, device_scale_factor=2, base_url=live_server.url
    )
    try:
        page = context.new_page()
        sizes = {}
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/media/" in r.url else None)
        page.goto(reports[0].get_absolute_url())
        crop, width, fmt = chosen(page, ".article__hero img")
        # 343 CSS px × 2 = 686 device px: the 800w candidate, in WebP.
        assert (crop, width, fmt) == ("full", 800, "webp")
        hero_bytes = next(size for url, size in sizes.items() if "/full-800w." in url)
        assert hero_bytes <= 120 * 1024
        original = reports[0].hero_image.file.url
        assert not any(url.endswith(original) for url in sizes), "the original was downloaded"
    finally:
        context.close()


def test_editor_sets_the_focal_point_with_a_click_and_the_crops_follow(page_at, reports):  # noqa: F811
    from django.contrib.auth.models import User

    User.objects.create_superuser("picture-desk", password="pw-for-browser-tests")
    image = reports[0].hero_image
    square_before = image.renditions.get(crop="1:1", format="jpeg", width=640).file.name
    page = page_at(1280)
    page.goto("/admin/login/")
    page.fill("#id_username", "picture-desk")
    page.fill("#id_password", "pw-for-browser-tests")
    page.click("input[type=submit]")
    page.goto(f"/admin/media/image/{image.pk}/change/")

    picker = page.locator("[data-focal-point] img")
    box = picker.bounding_box()
    picker.click(position={"x": box["width"] * 0.1, "y": box["height"] * 0.75})
    assert float(page.input_value("#id_focal_x")) == pytest.approx(0.1, abs=0.01)
    assert float(page.input_value("#id_focal_y")) == pytest.approx(0.75, abs=0.01)
    marker_left = page.eval_on_selector(".focal-point__marker", "m => m.style.left")
    assert marker_left.startswith("10")
    screenshot(page, "admin-focal-point")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")

    image.refresh_from_db()
    assert (round(image.focal_x, 2), round(image.focal_y, 2)) == (0.1, 0.75)
    square_after = image.renditions.get(crop="1:1", format="jpeg", width=640)
    assert square_after.file.name != square_before
    # The page after saving previews the new square crop.
    preview = image.renditions.get(crop="1:1", format="jpeg", width=320).file.name
    assert page.locator(f'.focal-point__crops img[src$="{preview}"]').count() == 1
