"""Renditions: made on save, never upscaled, crops keep the focal point, idempotent; pages use them
through <picture> without extra queries; media is served with the right headers; housekeeping."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse
from PIL import Image as PILImage

from newsroom.media.models import Image, Rendition
from newsroom.media.renditions import crop_box
from newsroom.media.serving import serve_media
from newsroom.urls import urlpatterns as site_urlpatterns

from .conftest import forget_kept_copies, make_article
from .images import encoded, jpeg, media_files, photo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

# This module doubles as a URLconf: the site plus the media view `make run` would use.
urlpatterns = [*site_urlpatterns, path("media/<path:path>", serve_media)]



def make_image(size=(2000, 1500), **fields):
    fields.setdefault("alt_text", "Mertens wheels away after scoring")
    image = Image(file=SimpleUploadedFile("goal.jpg", jpeg(size)), **fields)
    image.save()
    return image


def _slots(image, crop):
    return sorted((r.format, r.width) for r in image.renditions.all() if r.crop == crop)


# ---------------------------------------------------------------------------------------------
# Making them


def test_renditions_are_made_on_save_in_webp_and_jpeg_and_never_upscaled():
    image = make_image((1000, 750))
    assert _slots(image, "full") == [
        (fmt, w) for fmt in ("jpeg", "webp") for w in (320, 480, 640, 800, 960)
    ]  # nothing wider than the 1000-pixel original
    assert {w for _, w in _slots(image, "16:9")} == {320, 480, 640, 800, 960}
    assert {w for _, w in _slots(image, "1:1")} == {160, 320, 640}
    for rendition in image.renditions.all():
        picture = PILImage.open(rendition.file.path)
        assert picture.format == {"jpeg": "JPEG", "webp": "WEBP"}[rendition.format]
        assert picture.size == (rendition.width, rendition.height)
        assert rendition.size == Path(rendition.file.path).stat().st_size
    wide = image.renditions.get(crop="16:9", format="jpeg", width=960)
    assert wide.height == 540


def test_a_picture_smaller_than_every_width_gets_one_rendition_at_its_own_size():
    image = make_image((200, 100))
    assert _slots(image, "full") == [("jpeg", 200), ("webp", 200)]
    assert _slots(image, "1:1") == [("jpeg", 100), ("webp", 100)]


def test_rendition_names_carry_a_digest_of_their_bytes():
    import hashlib

    image = make_image((700, 500))
    for rendition in image.renditions.all():
        digest = hashlib.sha256(Path(rendition.file.path).read_bytes()).hexdigest()[:16]
        stem = Path(image.file.name).stem
        assert re.fullmatch(rf"renditions/{stem}/[a-z0-9x]+-\d+w\.{digest}\.(jpg|webp)", rendition.file.name)


@pytest.mark.parametrize(
    ("focal", "expected"),
    [
        ((0.5, 0.5), (500, 0, 2500, 2000)),  # centred
        ((0.0, 0.5), (0, 0, 2000, 2000)),  # pushed back inside the left edge
        ((0.9, 0.1), (1000, 0, 3000, 2000)),  # right edge
        ((0.3, 0.5), (0, 0, 2000, 2000)),
    ],
)
def test_square_crop_is_centred_on_the_focal_point_within_the_edges(focal, expected):
    assert crop_box(3000, 2000, (1, 1), *focal) == expected


def test_wide_crop_of_a_tall_picture_keeps_the_focal_point_in_frame():
    left, top, right, bottom = crop_box(1000, 3000, (16, 9), 0.5, 0.8)
    assert (left, right) == (0, 1000) and bottom - top == 562
    assert top <= 0.8 * 3000 <= bottom


def test_saving_again_is_idempotent_and_a_new_focal_point_remakes_only_the_crops(
    media_root, django_capture_on_commit_callbacks
):
    image = make_image((1600, 900))
    before = {r.slot: r.file.name for r in image.renditions.all()}
    files_before = media_files(media_root)

    image.caption = "New caption"
    image.save()
    assert {r.slot: r.file.name for r in image.renditions.all()} == before
    assert media_files(media_root) == files_before

    image.focal_x, image.focal_y = 0.1, 0.2
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    after = {r.slot: r.file.name for r in image.renditions.all()}
    assert after.keys() == before.keys()
    changed = {slot[0] for slot in after if after[slot] != before[slot]}
    assert changed == {"1:1"}  # a 16:9 picture's 16:9 crop is the whole picture: nothing to move
    # The old square crops are gone from the disk, the new ones are there.
    assert set(media_files(media_root)) == {image.file.name, *after.values()}


def test_rebuild_renditions_makes_what_a_new_width_needs_and_is_idempotent(settings, media_root):
    image = make_image((1000, 750))
    out = io.StringIO()
    call_command("rebuild_renditions", stdout=out)
    assert "made 0 renditions, removed 0" in out.getvalue()

    widths = dict(settings.NEWSROOM_IMAGES["WIDTHS"], full=[400, 900])
    settings.NEWSROOM_IMAGES = {**settings.NEWSROOM_IMAGES, "WIDTHS": widths}
    out = io.StringIO()
    call_command("rebuild_renditions", "--dry-run", stdout=out)
    assert "would make 4" in out.getvalue() and _slots(image, "full")[0] == ("jpeg", 320)

    out = io.StringIO()
    call_command("rebuild_renditions", stdout=out)
    assert f"[1/1] {image.file.name}: made 4, kept" in out.getvalue()
    assert _slots(image, "full") == [("jpeg", 400), ("jpeg", 900), ("webp", 400), ("webp", 900)]
    out = io.StringIO()
    call_command("rebuild_renditions", stdout=out)
    assert "made 0 renditions, removed 0" in out.getvalue()


def test_clean_media_deletes_only_old_orphans_and_dry_run_deletes_nothing(media_root):
    import os
    import time

    image = make_image((700, 500))
    in_use = media_files(media_root)
    old_orphan = media_root / "renditions" / "gone" / "full-320w.0123456789abcdef.jpg"
    old_orphan.parent.mkdir(parents=True)
    old_orphan.write_bytes(b"old")
    two_days_ago = time.time() - 48 * 3600
    os.utime(old_orphan, (two_days_ago, two_days_ago))
    fresh_orphan = media_root / "images" / "2026" / "01" / ("f" * 32 + ".jpg")
    fresh_orphan.parent.mkdir(parents=True, exist_ok=True)
    fresh_orphan.write_bytes(b"an upload whose row is not committed yet")
    unmanaged = media_root / "elsewhere.txt"
    unmanaged.write_bytes(b"not ours")

    out = io.StringIO()
    call_command("clean_media", "--dry-run", stdout=out)
    assert "would delete renditions/gone/full-320w.0123456789abcdef.jpg" in out.getvalue()
    assert old_orphan.exists()

    out = io.StringIO()
    call_command("clean_media", stdout=out)
    assert not old_orphan.exists()
    assert fresh_orphan.exists() and unmanaged.exists()
    assert set(in_use) <= set(media_files(media_root))
    assert f"{len(in_use)} files in use; deleted 1 orphans; kept 1 younger than 24 hours." in out.getvalue()
    assert Image.objects.get(pk=image.pk).renditions.count() == len(in_use) - 1


# ---------------------------------------------------------------------------------------------
# Pages


def test_article_page_leads_with_a_responsive_picture(client):
    image = make_image((2400, 1600))
    article = make_article(hero_image=image)
    html = client.get(article.get_absolute_url()).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert '<source type="image/webp" srcset="/media/renditions/' in picture
    assert 'sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"' in picture
    assert "1920w" in picture and "320w" in picture
    assert 'width="1920" height="1280"' in picture
    assert 'alt="Mertens wheels away after scoring"' in picture
    assert 'loading="eager" fetchpriority="high"' in picture
    assert image.file.url not in html  # readers get renditions, never the original


def test_front_page_lead_is_eager_and_other_cards_lazy_with_16_9_crops(client):
    older = make_article(hero_image=make_image((1200, 800)))
    lead = make_article(hero_image=make_image((1200, 800)), featured=True)
    html = client.get("/").content.decode()
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 2
    lead_picture, card_picture = pictures
    assert 'fetchpriority="high"' in lead_picture and 'loading="eager"' in lead_picture
    assert 'loading="lazy"' in card_picture and "fetchpriority" not in card_picture
    assert 'sizes="(min-width: 36rem) 12rem, 7rem"' in card_picture  # a thumbnail on phones
    assert "/16x9-" in lead_picture and "/16x9-" in card_picture
    assert 'width="960" height="540"' in card_picture  # the widest 16:9 crop that fits in 1200×800
    assert lead.headline in html and older.headline in html


@pytest.mark.parametrize("url", ["/", "ARTICLE", "/clubs/home-fc/"])
def test_pictures_add_no_queries_per_card(client, url):
    from .conftest import make_club

    club = make_club("Home FC")

    def add(count):
        article = None
        for _ in range(count):
            article = make_article(hero_image=make_image((400, 300)))
            article.clubs.add(club)
        return article.get_absolute_url() if url == "ARTICLE" else url

    page = add(2)
    forget_kept_copies()  # both rendered from nothing
    with CaptureQueriesContext(connection) as few:
        assert client.get(page).status_code == 200
    page = add(8)
    forget_kept_copies()
    with CaptureQueriesContext(connection) as many:
        html = client.get(page).content.decode()
    assert len(many) == len(few)
    # Every card shows its picture (an article page also lists related reports; the front page
    # shows its lead and six latest, and these reports have no match to make bands of).
    assert html.count("<picture>") >= {"ARTICLE": 1, "/": 7}.get(url, 10)


def test_an_image_without_renditions_still_shows_its_original(client):
    image = make_image((500, 400))
    image.renditions.all().delete()
    html = client.get(make_article(hero_image=image).get_absolute_url()).content.decode()
    assert f'src="{image.file.url}"' in html and 'width="500" height="400"' in html


# ---------------------------------------------------------------------------------------------
# Serving media under `make run`


@pytest.mark.urls(__name__)
def test_media_is_served_with_its_type_nosniff_and_renditions_cache_forever(client):
    image = make_image((700, 500))
    webp = image.renditions.filter(format="webp").first()
    response = client.get(webp.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "max-age=31536000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]

    response = client.get(image.file.url)
    assert response["Content-Type"] == "image/jpeg" and "immutable" not in response["Cache-Control"]
    assert client.get("/media/../manage.py").status_code in (400, 404)  # never the file
    assert client.get("/media/renditions/nothing-here.webp").status_code == 404


# ---------------------------------------------------------------------------------------------
# The media library in the admin



def test_library_lists_thumbnails_sizes_and_usage(desk):
    image = make_image((1200, 800))
    make_article(hero_image=image)
    make_article(hero_image=image)
    unused = make_image((640, 480), alt_text="An empty stand")
    with CaptureQueriesContext(connection) as queries:
        html = desk.get(reverse("admin:media_image_changelist")).content.decode()
    assert "2 articles" in html and "not used" in html
    assert image.renditions.get(crop="1:1", format="jpeg", width=160).file.url in html
    assert image.file.url not in html and unused.file.url not in html  # thumbnails, not originals
    assert "1200×800" in html
    assert len(queries) < 15


def test_clicking_a_focal_point_is_saved_and_remakes_the_crops(desk, django_capture_on_commit_callbacks):
    image = make_image((1600, 1200))
    url = reverse("admin:media_image_change", args=[image.pk])
    html = desk.get(url).content.decode()
    assert "js/focal-point.js" in html and "data-focal-point" in html
    square_before = image.renditions.get(crop="1:1", format="jpeg", width=640).file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            url,
            {"alt_text": image.alt_text, "caption": "", "credit": "", "focal_x": "0.05", "focal_y": "0.5"},
        )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.05, 0.5)
    square_after = image.renditions.get(crop="1:1", format="jpeg", width=640)
    assert square_after.file.name != square_before
    assert not (Path(image.file.path).parent.parent.parent.parent / square_before).exists()


def test_an_animated_gif_keeps_its_first_frame():
    frames = [PILImage.new("RGB", (300, 200), colour).convert("P") for colour in ("red", "blue", "green")]
    gif = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])
    image = Image(file=SimpleUploadedFile("chant.gif", gif), alt_text="Flags")
    image.save()
    first = PILImage.open(image.file.path).convert("RGB")
    assert first.getpixel((150, 100))[0] > 200 and first.getpixel((150, 100))[2] < 50


def test_transparent_png_renditions_are_flattened_for_jpeg_and_keep_alpha_in_webp():
    crest = PILImage.new("RGBA", (400, 400), (0, 0, 0, 0))
    crest.paste((200, 0, 0, 255), (100, 100, 300, 300))
    image = Image(file=SimpleUploadedFile("crest.png", encoded(crest, "PNG")), alt_text="Crest")
    image.save()
    jpeg_corner = PILImage.open(image.renditions.filter(format="jpeg").first().file.path).getpixel((2, 2))
    assert jpeg_corner[:3] == (255, 255, 255)
    webp = PILImage.open(image.renditions.filter(format="webp").first().file.path)
    assert webp.mode == "RGBA" and webp.getpixel((2, 2))[3] == 0


def test_cmyk_jpeg_renditions_are_rgb():
    image = Image(
        file=SimpleUploadedFile("print.jpg", encoded(photo().convert("CMYK"), "JPEG")), alt_text="x"
    )
    image.save()
    assert PILImage.open(image.file.path).mode == "CMYK"  # the original keeps its colours
    assert {PILImage.open(r.file.path).mode for r in image.renditions.all()} == {"RGB"}


def test_rendition_rows_go_with_their_image():
    image = make_image((400, 300))
    assert Rendition.objects.count() > 0
    image.delete()
    assert Rendition.objects.count() == 0


def test_replacing_the_picture_remakes_every_rendition_and_keeps_the_old_original(
    media_root, django_capture_on_commit_callbacks
):
    image = make_image((900, 600))
    old_original, old_renditions = image.file.name, {r.file.name for r in image.renditions.all()}
    image.file = SimpleUploadedFile("better.png", encoded(photo((1200, 800)), "PNG"))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    new_renditions = {r.file.name for r in image.renditions.all()}
    assert image.file.name != old_original and image.file.name.endswith(".png")
    assert (image.width, image.height) == (1200, 800)
    assert not new_renditions & old_renditions
    files = set(media_files(media_root))
    assert not files & old_renditions
    # A replaced original may still be in a revision or a cached page: clean_media decides later.
    assert old_original in files


def test_clean_media_keeps_an_original_that_a_revision_still_references(media_root):
    import json
    import os
    import time

    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Revision, Version

    image = make_image((500, 400))
    original = media_root / image.file.name
    from django.utils import timezone

    revision = Revision.objects.create(date_created=timezone.now(), comment="before the picture was deleted")
    row = {"model": "articles.image", "pk": image.pk, "fields": {"file": image.file.name}}
    Version.objects.create(
        revision=revision, object_id=str(image.pk), content_type=ContentType.objects.get_for_model(Image),
        db="default", format="json", object_repr=str(image),
        serialized_data=json.dumps([row]),
    )  # fmt: skip
    image.delete()
    old = time.time() - 48 * 3600
    for stored in media_root.rglob("*"):
        os.utime(stored, (old, old))

    out = io.StringIO()
    call_command("clean_media", stdout=out)
    assert original.exists()  # a revision may bring it back
    assert not list((media_root / "renditions").rglob("*.webp"))  # renditions can be remade
