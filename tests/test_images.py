"""Uploads (BAD_INPUTS.md, "Uploads (images)"): every hostile file is a form error naming the rule,
never a 500, and leaves no Image row and no file behind; what is accepted is re-encoded clean."""

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import EpsImagePlugin, ImageFile, PsdImagePlugin, TiffImagePlugin
from PIL import Image as PILImage

from newsroom.media.models import Image

from .images import (
    encoded,
    form_errors,
    gif_with_logical_screen,
    jpeg,
    media_files,
    photo,
    png_header_only,
    psd_header,
    srgb_profile,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

STORED_NAME = re.compile(r"^images/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp)$")




def assert_refused(response, media_root, *words):
    """A form error naming the rule; no record, no file."""
    assert response.status_code == 200
    message = form_errors(response)
    for word in words:
        assert word in message, message
    assert Image.objects.count() == 0
    assert media_files(media_root) == []
    return message


def assert_accepted(response):
    assert response.status_code == 302, form_errors(response) if response.context else response
    return Image.objects.latest("pk")


# ---------------------------------------------------------------------------------------------
# Bombs and the pixel cap


def test_png_whose_header_claims_a_huge_canvas_is_refused_unopened(desk, media_root):
    bomb = png_header_only(50_000, 50_000)  # 2.5 gigapixels in a 100-byte file
    assert len(bomb) < 200
    response = upload(desk, "bomb.png", bomb)
    assert_refused(response, media_root, "decompression bomb", "40-megapixel")


def test_gif_with_a_huge_logical_screen_is_refused(desk, media_root):
    response = upload(desk, "bomb.gif", gif_with_logical_screen(65_535, 65_535))
    assert_refused(response, media_root, "decompression bomb")


def test_picture_between_pillows_warning_and_error_thresholds_is_refused(desk, media_root, settings):
    # Pillow only warns between MAX_IMAGE_PIXELS and twice that; with our own cap lifted out of
    # the way, the warning alone must refuse the file.
    settings.NEWSROOM_IMAGES = {**settings.NEWSROOM_IMAGES, "MAX_PIXELS": 10**10}
    side = 10_000  # 100 MP: above the ~89 MP warning, below the ~179 MP error
    assert PILImage.MAX_IMAGE_PIXELS < side * side < 2 * PILImage.MAX_IMAGE_PIXELS
    response = upload(desk, "big.png", png_header_only(side, side))
    assert_refused(response, media_root, "decompression bomb")


def test_pixel_cap_is_a_setting_and_counts_every_animation_frame(desk, media_root, settings):
    settings.NEWSROOM_IMAGES = {**settings.NEWSROOM_IMAGES, "MAX_PIXELS": 1_000_000}
    frames = [photo((500, 500), "RGB").convert("P") for _ in range(5)]  # 0.25 MP each, 1.25 MP in all
    animation = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])
    message = assert_refused(upload(desk, "goal.gif", animation), media_root, "1.0-megapixel limit")
    assert "5 frames of 500×500" in message

    # The same frame alone is within the cap; only its first frame is kept, as a PNG.
    image = assert_accepted(upload(desk, "goal.gif", encoded(frames[0], "GIF")))
    assert image.file.name.endswith(".png")


def test_pixel_cap_refuses_a_single_large_frame(desk, media_root, settings):
    settings.NEWSROOM_IMAGES = {**settings.NEWSROOM_IMAGES, "MAX_PIXELS": 200_000}
    message = assert_refused(upload(desk, "wide.jpg", jpeg((640, 480))), media_root, "0.2-megapixel limit")
    assert "0.3 megapixels (640×480)" in message


# ---------------------------------------------------------------------------------------------
# Size cap, truncation, formats and extensions


def test_file_over_the_size_cap_is_refused_and_the_message_names_the_cap(desk, media_root, settings):
    settings.NEWSROOM_IMAGES = {**settings.NEWSROOM_IMAGES, "MAX_BYTES": 50 * 1024}
    big = jpeg((1200, 900))
    assert len(big) > 60 * 1024
    message = assert_refused(upload(desk, "big.jpg", big), media_root, "at most 50 KB")
    assert re.search(r"this one is \d+ KB", message)


def test_size_cap_default_is_twenty_megabytes_in_the_message():
    from django.core.files.base import ContentFile

    from newsroom.media.upload import open_checked

    huge = ContentFile(b"\xff\xd8\xff", name="huge.jpg")
    huge.size = 31 * 1024 * 1024  # as an upload handler would report it; no need to send 31 MB
    with pytest.raises(ValidationError) as refused:
        open_checked(huge)
    assert refused.value.messages == ["Images may be at most 20 MB; this one is 31 MB."]


def test_truncated_jpeg_is_refused_although_verify_passes_it(desk, media_root):
    whole = jpeg((800, 600))
    truncated = whole[: len(whole) // 2]
    PILImage.open(io.BytesIO(truncated)).verify()  # Pillow's quick check does not notice
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert_refused(upload(desk, "cut.jpg", truncated), media_root, "damaged or incomplete")


@pytest.mark.parametrize(
    ("filename", "content", "words"),
    [
        ("photo.png", jpeg(), ["JPEG picture", "“.png”", ".jpg"]),
        ("photo.jpg", encoded(photo(), "PNG"), ["PNG picture", "“.jpg”"]),
        ("photo.gif", encoded(photo(), "WEBP"), ["WEBP picture", "“.gif”"]),
        ("photo", jpeg(), ["“nothing”"]),
    ],
)
def test_extension_must_match_the_content(desk, media_root, filename, content, words):
    assert_refused(upload(desk, filename, content), media_root, "extension must match", *words)


@pytest.mark.parametrize(
    ("content", "kind", "plugin_class"),
    [
        (encoded(photo((64, 64)), "TIFF"), "TIFF", TiffImagePlugin.TiffImageFile),
        (psd_header(), "Photoshop (PSD)", PsdImagePlugin.PsdImageFile),
        (encoded(photo((64, 64)), "EPS"), "EPS", EpsImagePlugin.EpsImageFile),
        (encoded(photo((64, 64)), "PDF"), "PDF", None),
        (encoded(photo((64, 64)), "BMP"), "BMP", None),
    ],
    ids=["tiff", "psd", "eps", "pdf", "bmp"],
)
def test_exotic_formats_behind_an_allowed_name_never_reach_their_decoder(
    desk, media_root, monkeypatch, content, kind, plugin_class
):
    if plugin_class is not None:
        calls = []
        monkeypatch.setattr(plugin_class, "_open", lambda self: calls.append(self))
    message = assert_refused(upload(desk, "photo.jpg", content), media_root, kind)
    assert "only JPEG, PNG, WebP or GIF" in message
    if plugin_class is not None:
        assert calls == [], f"the {kind} decoder ran"


def test_svg_with_script_is_refused_whatever_its_name(desk, media_root):
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert_refused(upload(desk, "crest.svg", svg), media_root, "SVG drawings are not accepted")
    assert_refused(upload(desk, "crest.png", svg), media_root, "SVG drawings are not accepted")


def test_refusals_keep_what_the_editor_typed(desk, media_root):
    response = upload(desk, "cut.jpg", b"\xff\xd8\xff garbage", alt_text="Mertens celebrates")
    assert_refused(response, media_root)
    assert "Mertens celebrates" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# What is accepted is re-encoded: no appended bytes, no metadata, upright, same colours


@pytest.mark.parametrize("fmt", ["PNG", "GIF"])
def test_polyglot_with_appended_script_is_stored_re_encoded(desk, media_root, fmt):
    payload = b"<script>alert('stored')</script><?php system($_GET['c']); ?>"
    polyglot = encoded(photo((320, 240), "RGB" if fmt == "PNG" else "P"), fmt) + payload
    image = assert_accepted(upload(desk, f"chant.{fmt.lower()}", polyglot))
    stored = media_files(media_root)
    assert image.file.name in stored and len(stored) > 1  # the original and its renditions
    for name in stored:
        data = (media_root / name).read_bytes()
        assert b"<script>" not in data and b"<?php" not in data, name


def _phone_photo():
    """A 400×300 sensor image (red band along its top edge) that EXIF says to turn 90° clockwise,
    with GPS, a serial number, maker, an XMP packet and a comment."""
    picture = PILImage.new("RGB", (400, 300), (20, 60, 200))
    picture.paste((220, 20, 20), (0, 0, 400, 60))
    exif = PILImage.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "SecretPhoneMaker"
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-4242-SECRET"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (51.0, 25.0, 49.0), 3: "W", 4: (2.0, 57.0, 39.0)})  # Anfield
    data = encoded(
        picture, "JPEG", quality=90, exif=exif, comment=b"COMMENT-SECRET", icc_profile=srgb_profile(),
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">XMP-SECRET</x:xmpmeta>',
    )  # fmt: skip
    # The test is only worth something if the upload really carries all of it.
    check = PILImage.open(io.BytesIO(data))
    assert check.getexif().get_ifd(0x8825)[1] == "N"
    assert b"SERIAL-4242-SECRET" in data and b"XMP-SECRET" in data and b"COMMENT-SECRET" in data
    return data


SECRETS = [b"SERIAL-4242-SECRET", b"SecretPhoneMaker", b"XMP-SECRET", b"COMMENT-SECRET", b"Exif\x00\x00"]


def test_phone_photo_loses_gps_and_every_other_tag_and_is_turned_upright(desk, media_root):
    image = assert_accepted(upload(desk, "IMG_0042.jpg", _phone_photo()))
    assert (image.width, image.height) == (300, 400)  # upright: the sensor's 400×300 turned
    stored = media_files(media_root)
    assert len(stored) > 1 and image.renditions.count() == len(stored) - 1
    for name in stored:
        data = (media_root / name).read_bytes()
        for secret in SECRETS:
            assert secret not in data, (name, secret)
        picture = PILImage.open(io.BytesIO(data))
        assert not picture.getexif(), name
        assert "xmp" not in picture.info and "comment" not in picture.info, name

    original = PILImage.open(image.file.path).convert("RGB")
    # The red band along the sensor's top edge is now down the right-hand side.
    assert original.getpixel((290, 200))[0] > 180 and original.getpixel((10, 200))[2] > 150


def test_colour_profile_is_kept_in_the_original_and_the_renditions(desk, media_root):
    profile = srgb_profile()
    image = assert_accepted(upload(desk, "pitch.jpg", encoded(photo(), "JPEG", icc_profile=profile)))
    assert PILImage.open(image.file.path).info.get("icc_profile") == profile
    for rendition in image.renditions.all():
        assert PILImage.open(rendition.file.path).info.get("icc_profile") == profile, rendition


# ---------------------------------------------------------------------------------------------
# Hostile names: stored under generated names inside MEDIA_ROOT, never overwriting


@pytest.mark.parametrize(
    "filename",
    ["../../x.jpg", "C:\\x.jpg", "..\\..\\windows\\x.jpg", "shell.php.jpg", "a" * 296 + ".jpg", "x.JPEG"],
    ids=["dot-dot", "windows-drive", "backslashes", "double-extension", "300-characters", "capitals"],
)
def test_hostile_names_are_stored_under_a_generated_name_inside_media(desk, media_root, tmp_path, filename):
    image = assert_accepted(upload(desk, filename, jpeg()))
    assert STORED_NAME.match(image.file.name), image.file.name
    assert Path(image.file.path).resolve().is_relative_to(media_root.resolve())
    # Nothing was written beside or above the media folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["media"]


def test_the_same_name_twice_never_overwrites_the_first_file(desk, media_root):
    first = assert_accepted(upload(desk, "goal.jpg", jpeg()))
    first_bytes = Path(first.file.path).read_bytes()
    second = assert_accepted(upload(desk, "goal.jpg", jpeg((800, 600))))
    assert first.file.name != second.file.name
    assert Path(first.file.path).read_bytes() == first_bytes
    assert Image.objects.count() == 2


def test_a_normal_upload_records_size_and_dimensions(desk, media_root):
    image = assert_accepted(upload(desk, "pitch.webp", encoded(photo((1000, 750)), "WEBP")))
    assert (image.width, image.height) == (1000, 750)
    assert image.file_size == Path(image.file.path).stat().st_size
    assert image.file.name.endswith(".webp")


def test_code_that_writes_the_file_directly_gets_the_same_rules(media_root):
    # load_demo and future importers call image.file.save(): the field itself checks and re-encodes.
    from django.core.files.base import ContentFile

    image = Image(alt_text="Written by a command")
    image.file.save("IMG_0042.jpg", ContentFile(_phone_photo()), save=False)
    image.save()
    assert (image.width, image.height, image.file_size) == (300, 400, Path(image.file.path).stat().st_size)
    assert image.renditions.exists()
    for name in media_files(media_root):
        data = (media_root / name).read_bytes()
        assert not any(secret in data for secret in SECRETS), name

    with pytest.raises(ValidationError, match="SVG"):
        Image(alt_text="x").file.save("crest.svg", ContentFile(b"<svg><script/></svg>"), save=False)
    assert Image.objects.count() == 1 and len(media_files(media_root)) == 1 + image.renditions.count()


@pytest.mark.parametrize("failing", ["original", "rendition"])
def test_a_full_disk_is_a_message_not_a_500_and_leaves_no_record(desk, media_root, monkeypatch, failing):
    import errno

    from django.core.files.storage import FileSystemStorage

    real_save = FileSystemStorage._save

    def full_disk(storage, name, content):
        if name.startswith("images/" if failing == "original" else "renditions/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(storage, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", full_disk)
    response = upload(desk, "goal.jpg", jpeg())
    assert response.status_code == 302 and response["Location"].endswith("/admin/media/image/add/")
    page = desk.get(response["Location"]).content.decode()
    assert "could not be stored" in page
    assert Image.objects.count() == 0
    assert media_files(media_root) == []


def test_an_upload_is_decoded_once(desk, media_root, monkeypatch):
    from newsroom.media import renditions
    from newsroom.media import upload as upload_module
    calls = []
    real = upload_module.open_checked
    monkeypatch.setattr(upload_module, "open_checked", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(renditions, "open_checked", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert_accepted(upload(desk, "goal.jpg", jpeg()))
    assert calls == [1]  # the renditions reuse the pixels the checks decoded
