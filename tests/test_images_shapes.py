"""Issue 12, item 9: pictures whatever their shape and colour profile get working renditions or a
form error naming the real reason; no rendition carries a megabyte profile; one upload writes at
most its stated budget to disk."""

import io

import pytest
from PIL import Image as PILImage
from PIL import ImageCms

from newsroom.media import renditions
from newsroom.media import upload as upload_rules
from newsroom.media.models import Image

from .images import encoded, form_errors, jpeg, media_files, photo, srgb_profile, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]




def accepted(response):
    assert response.status_code == 302, form_errors(response) if response.context else response
    return Image.objects.latest("pk")


def bytes_on_disk(root):
    return sum((root / name).stat().st_size for name in media_files(root))


def assert_renditions_work(image):
    made = list(image.renditions.all())
    assert {r.crop for r in made} == {"full", "16:9", "1:1"} and {r.format for r in made} == {"webp", "jpeg"}
    for rendition in made:
        with PILImage.open(rendition.file.path) as picture:
            picture.load()
            assert picture.size == (rendition.width, rendition.height)
            assert max(picture.size) <= renditions.MAX_EDGE
    return made


@pytest.mark.parametrize("size", [(8000, 200), (200, 8000), (3000, 60), (60, 3000), (40, 2000)],
                         ids=["strip", "column", "banner-50-1", "column-1-50", "narrow-column"])  # fmt: skip
def test_extreme_but_showable_shapes_get_working_renditions(desk, media_root, size):
    image = accepted(upload(desk, "strip.png", encoded(photo(size), "PNG")))
    assert_renditions_work(image)


def test_a_column_taller_than_webp_allows_gets_narrower_copies(desk, media_root):
    # 330×16500 is 50:1 and under the pixel cap; a 320-wide copy would be 16000 tall, and WebP
    # cannot encode past 16383: the full crop is made narrower instead of failing the upload.
    image = accepted(upload(desk, "column.png", encoded(PILImage.new("RGB", (330, 16500), "navy"), "PNG")))
    full = [r for r in assert_renditions_work(image) if r.crop == "full"]
    assert full and all(r.height <= renditions.MAX_EDGE for r in full)


@pytest.mark.parametrize("size,shape", [((10000, 100), "wide"), ((60, 4000), "tall")])
def test_shapes_beyond_fifty_to_one_are_a_form_error_naming_the_shape(desk, media_root, size, shape):
    response = upload(desk, "line.png", encoded(PILImage.new("RGB", size, "white"), "PNG"))
    assert response.status_code == 200
    message = form_errors(response)
    assert f"{size[0]}×{size[1]}" in message and f"50 times as {shape}" in message
    assert Image.objects.count() == 0 and media_files(media_root) == []


def huge_profile(megabytes=5):
    """A valid sRGB profile padded to `megabytes`: the PNG compresses it to almost nothing."""
    return srgb_profile() + b"\0" * (megabytes * 1024 * 1024)


def test_a_png_inflating_to_a_huge_profile_is_a_form_error_naming_it(desk, media_root):
    content = encoded(photo((1200, 800)), "PNG", icc_profile=huge_profile())
    assert len(content) < 2 * 1024 * 1024  # the attack: a small file carrying megabytes
    response = upload(desk, "pitch.png", content)
    assert response.status_code == 200 and "colour profile or text of more than 1 MB" in form_errors(response)
    assert media_files(media_root) == []


@pytest.mark.parametrize("fmt,name", [("WEBP", "pitch.webp"), ("JPEG", "pitch.jpg")])
def test_a_huge_profile_is_applied_and_replaced_never_copied(desk, media_root, fmt, name):
    content = encoded(photo((1200, 800)), fmt, quality=85, icc_profile=huge_profile(2))
    image = accepted(upload(desk, name, content))
    for path in [image.file.path, *(r.file.path for r in image.renditions.all())]:
        profile = PILImage.open(path).info.get("icc_profile")
        assert profile is None or len(profile) <= upload_rules.SMALL_PROFILE_BYTES, path
    assert bytes_on_disk(media_root) <= upload_rules.write_budget(len(content))


def test_a_huge_profile_in_a_jpeg_is_not_copied_to_renditions(desk, media_root):
    content = encoded(photo((800, 600)), "JPEG", quality=85, icc_profile=huge_profile(3))
    image = accepted(upload(desk, "pitch.jpg", content))
    assert all(
        len(PILImage.open(r.file.path).info.get("icc_profile") or b"") <= upload_rules.SMALL_PROFILE_BYTES
        for r in image.renditions.all()
    )
    # Original plus every rendition: well under the original upload's size, not 12 × 3 MB.
    assert bytes_on_disk(media_root) < len(content)


def cmyk_jpeg(profile):
    return encoded(photo((600, 400)).convert("CMYK"), "JPEG", quality=85, icc_profile=profile)


def test_a_cmyk_picture_with_a_damaged_profile_is_a_form_error_naming_it(desk, media_root):
    response = upload(desk, "press.jpg", cmyk_jpeg(b"not a profile at all" * 50))
    assert response.status_code == 200
    assert "CMYK" in form_errors(response) and "colour profile is damaged" in form_errors(response)
    assert Image.objects.count() == 0 and media_files(media_root) == []


def test_a_cmyk_picture_without_a_profile_gets_srgb_renditions(desk, media_root):
    image = accepted(upload(desk, "press.jpg", cmyk_jpeg(None)))
    for rendition in assert_renditions_work(image):
        assert PILImage.open(rendition.file.path).mode in ("RGB", "RGBA")


def test_an_rgb_picture_with_a_damaged_profile_drops_it(desk, media_root):
    image = accepted(upload(desk, "pitch.jpg", encoded(photo(), "JPEG", icc_profile=b"\x00garbage" * 20)))
    assert PILImage.open(image.file.path).info.get("icc_profile") is None
    assert_renditions_work(image)


def test_a_stored_cmyk_file_with_a_damaged_profile_still_gets_renditions():
    # Rows from before the upload rules: rebuild_renditions must not fail on them.
    picture = photo((400, 300)).convert("CMYK")
    out = renditions._encode(picture, b"broken" * 100, "jpeg")
    assert PILImage.open(io.BytesIO(out)).mode == "RGB"


def test_a_low_quality_jpeg_is_stored_within_its_budget(desk, media_root):
    # Quality 5 of a 12 MP photo is ~200 KB; re-encoded at our quality 90 it would be ~7 MB, over
    # 12× its size. It is stored at a lower quality, and everything written fits the budget.
    content = encoded(photo((4000, 3000)), "JPEG", quality=5)
    image = accepted(upload(desk, "grainy.jpg", content))
    assert bytes_on_disk(media_root) <= upload_rules.write_budget(len(content))
    assert image.renditions.exists()


def test_renditions_over_the_budget_are_a_message_and_leave_nothing(desk, media_root, monkeypatch):
    monkeypatch.setattr(upload_rules, "WRITE_FLOOR", 0)
    monkeypatch.setattr(upload_rules, "WRITE_FACTOR", 2)
    response = upload(desk, "goal.jpg", jpeg((2000, 1500)))
    assert response.status_code == 302
    page = desk.get(response["Location"]).content.decode()
    assert "more disk space than one upload of its size may use" in page
    assert Image.objects.count() == 0 and media_files(media_root) == []


def test_an_original_over_the_budget_is_a_form_error(desk, media_root, monkeypatch):
    monkeypatch.setattr(upload_rules, "WRITE_FLOOR", 0)
    monkeypatch.setattr(upload_rules, "WRITE_FACTOR", 1)
    monkeypatch.setattr(upload_rules, "FALLBACK_QUALITIES", ())
    response = upload(desk, "grainy.jpg", encoded(photo((1600, 1200)), "JPEG", quality=20))
    assert response.status_code == 200 and "Stored again, this picture would take" in form_errors(response)
    assert media_files(media_root) == []


def test_profiles_of_ordinary_size_are_kept_as_they_were():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture = photo((64, 64))
    assert upload_rules.usable_colour(picture, profile) == (picture, profile)
