"""Check an uploaded picture, then re-encode it so that only its pixels and colour profile are stored.

The rules, in the order they are checked (each refusal is a ValidationError that names its rule,
so the admin shows it as a form error, never a 500):

1. the size cap (`NEWSROOM_IMAGES["MAX_BYTES"]`);
2. no SVG: a drawing is a document that can carry script;
3. only the JPEG, PNG, WebP and GIF decoders ever run (`Image.open(formats=...)`): a TIFF, PSD,
   EPS or PDF behind an allowed name is never parsed, only named from its magic number;
4. the extension matches the detected format;
5. Pillow's decompression-bomb warning is an error, and our own pixel cap counts every frame;
6. the whole picture decodes (`load()`): `verify()` passes a truncated JPEG, decoding does not.

The accepted picture is turned upright (EXIF orientation), then written afresh with nothing but its
ICC profile: no EXIF (GPS, serial numbers), XMP, comments or bytes appended after the image data.
GIFs keep their first frame, stored as PNG.

Colour and shape (issue 12, item 9): a profile that does not parse is dropped, or refused for
CMYK (whose colours cannot be converted for screens without it); a profile over
SMALL_PROFILE_BYTES is applied (pixels converted to sRGB) and replaced by a small sRGB one, so no
copy carries it. A picture more than MAX_ASPECT_RATIO times as wide as tall (or the reverse) is
refused: no page can show it. One upload writes at most `write_budget()` bytes, original and
renditions together. This module imports no models: `fields.PictureField`
applies it to every file written, whatever sent it (the admin, `load_demo`, the shell).
"""

import io
import math
import warnings
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageCms, ImageFile, ImageOps, UnidentifiedImageError

# Pillow's format name -> the extensions a file of that format may be named with.
EXTENSIONS = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "GIF": (".gif",),
}
# How an accepted original is stored, and under which extension.
STORED_FORMAT = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
STORED_EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# High enough that the stored original stays a faithful master for every rendition.
ORIGINAL_SAVE_OPTIONS = {
    "JPEG": {"quality": 90},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 90, "method": 4},
}

# Formats we refuse, recognised by their first bytes only so that the message can name them.
# Nothing here is ever handed to a decoder.
REFUSED_SIGNATURES = [
    (b"II*\x00", "a TIFF file"),
    (b"MM\x00*", "a TIFF file"),
    (b"8BPS", "a Photoshop (PSD) file"),
    (b"%!PS", "an EPS (PostScript) file"),
    (b"\xc5\xd0\xd3\xc6", "an EPS (PostScript) file"),
    (b"%PDF", "a PDF"),
    (b"BM", "a BMP file"),
    (b"\x00\x00\x01\x00", "an icon (ICO) file"),
]
ALLOWED_WORDS = "JPEG, PNG, WebP or GIF"

# Camera and sRGB profiles are 0.5–60 KB; a bigger one (a printer's, or padding) is applied to the
# pixels and replaced, so that forty renditions never each carry megabytes of profile.
SMALL_PROFILE_BYTES = 64 * 1024
# A 360° panorama is about 8:1; beyond 50:1 no crop or layout shows anything useful.
MAX_ASPECT_RATIO = 50
# What one upload may write to disk, original and every rendition together: WRITE_FACTOR times the
# uploaded file's size, but never less than WRITE_FLOOR (a 20 KB file still needs its renditions).
WRITE_FACTOR = 12
WRITE_FLOOR = 8 * 1024 * 1024
# Lower qualities tried, in turn, when a heavily compressed JPEG/WebP re-encoded at our quality
# would outgrow the budget: the upload was never better than that.
FALLBACK_QUALITIES = (75, 60, 50)


def write_budget(upload_size):
    return max(WRITE_FACTOR * upload_size, WRITE_FLOOR)


class OverBudget(ValidationError):
    """Renditions would write more than the upload's budget (raised while saving, after the form)."""


class PreparedUpload(ContentFile):
    """A checked, re-encoded original. `picture` keeps its decoded, upright pixels so that the
    renditions made right after saving need not decode the file a second time."""

    def __init__(self, content, name, picture, icc_profile, budget=None):
        super().__init__(content, name=name)
        self.picture = picture
        self.icc_profile = icc_profile
        # Bytes the renditions may still write (write_budget() less the original).
        self.budget = budget

    def release(self):
        """Drop the decoded pixels, which reference cycles (form, instance, field file) would
        otherwise keep alive until Python's next full collection."""
        self.picture = None


def prepare_upload(upload, name=None):
    """Check `upload` (any Django File, named `name` or by itself) against the rules above;
    return a PreparedUpload. Raises ValidationError naming the broken rule. Writes nothing.
    """
    if isinstance(upload, PreparedUpload):
        return upload
    picture, source_format = open_checked(upload, name=name)
    lossless = _is_lossless_webp(upload, source_format)
    return _reencode(picture, source_format, lossless=lossless, budget=write_budget(upload.size))


def open_checked(upload, name=None):
    """Open and fully decode `upload` under the rules; return (picture, Pillow format name).

    The picture is upright (EXIF orientation applied) and its `info` still holds the ICC profile.
    """
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Some code switched Pillow's global to "decode what you can": then load() proves nothing.
        raise ValidationError("Uploads are switched off: the server's picture library is misconfigured.")
    limits = settings.NEWSROOM_IMAGES
    name = name if name is not None else (getattr(upload, "name", "") or "")
    suffix = Path(name).suffix.lower()
    size = upload.size
    if size > limits["MAX_BYTES"]:
        raise ValidationError(
            f"Images may be at most {_bytes(limits['MAX_BYTES'])}; this one is {_bytes(size, up=True)}.",
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if suffix == ".svg" or _looks_like_markup(head):
        raise ValidationError(
            "SVG drawings are not accepted: they can carry scripts. Export the picture as PNG or JPEG.",
            code="svg",
        )

    # Pillow only *warns* between its two bomb thresholds; here the warning is an error too.
    # (catch_warnings is process-wide, but it only ever makes this check stricter.)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            picture = PILImage.open(upload, formats=list(EXTENSIONS))
            source_format = "JPEG" if picture.format == "MPO" else picture.format
            if suffix not in EXTENSIONS[source_format]:
                raise ValidationError(
                    f"This file is a {source_format} picture but its name ends in “{suffix or 'nothing'}”: "
                    f"the extension must match the content (e.g. {EXTENSIONS[source_format][0]}).",
                    code="extension",
                )
            _check_pixels(picture, source_format, limits["MAX_PIXELS"])
            _check_shape(picture)
            picture.seek(0)
            # Decode every byte of the first frame: a truncated or corrupt file fails here, not
            # later on a reader's request. LOAD_TRUNCATED_IMAGES must stay False (tested).
            picture.load()
        except ValidationError:
            raise
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise ValidationError(
                f"This file claims a canvas far bigger than the {_megapixels(limits['MAX_PIXELS'])} limit "
                "(a “decompression bomb”); it was not opened.",
                code="bomb",
            ) from None
        except UnidentifiedImageError:
            raise ValidationError(
                f"{_refused_kind(head)}: only {ALLOWED_WORDS} pictures are accepted.", code="format"
            ) from None
        except ValueError as error:
            if "MAX_TEXT_CHUNK" not in str(error) and "MAX_TEXT_MEMORY" not in str(error):
                raise _unreadable() from None
            # Pillow's PNG reader will not inflate a profile or text chunk over 1 MB.
            raise ValidationError(
                "This PNG carries an embedded colour profile or text of more than 1 MB, which is "
                "not accepted. Export it again with an sRGB profile (or none).",
                code="profile",
            ) from None
        except Exception:  # noqa: BLE001  Pillow's decoders raise many types on hostile input.
            raise _unreadable() from None
    # Upright first, so stripping the EXIF cannot leave a sideways photo.
    ImageOps.exif_transpose(picture, in_place=True)
    return picture, source_format


def _check_pixels(picture, source_format, max_pixels):
    # Every frame of an animation is decoded by someone, so every frame counts. A camera's MPO
    # (JPEG plus a preview) counts once: only its first frame is ever decoded.
    frames = 1 if picture.format == "MPO" else getattr(picture, "n_frames", 1)
    width, height = picture.size
    pixels = width * height * frames
    if pixels > max_pixels:
        counted = f" ({frames} frames of {width}×{height})" if frames > 1 else f" ({width}×{height})"
        raise ValidationError(
            f"This picture has {_megapixels(pixels, noun=True)}{counted}, more than the "
            f"{_megapixels(max_pixels)} limit. Resize it and upload it again.",
            code="too_many_pixels",
        )


def _unreadable():
    return ValidationError(
        "This picture is damaged or incomplete (was the upload cut short?); it could not be "
        "decoded. Export it again and re-upload.",
        code="unreadable",
    )


def _check_shape(picture):
    width, height = picture.size
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        shape = "wide" if width > height else "tall"
        raise ValidationError(
            f"This picture is {width}×{height} pixels: more than {MAX_ASPECT_RATIO} times as {shape} "
            "as it is across, which no page can show. Crop it to a less extreme shape.",
            code="shape",
        )


def usable_colour(picture, icc_profile, strict=True):
    """(picture, profile) with a profile every rendition may carry: parsed, and small.

    A profile that does not parse is dropped (browsers ignore it too), except on CMYK, where
    `strict` refuses it: without it the colours cannot be converted for screens. A large profile
    is applied to the pixels, which become sRGB with a small sRGB profile.
    """
    if not icc_profile:
        return picture, None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        if picture.mode == "CMYK" and strict:
            raise ValidationError(
                "This CMYK picture's colour profile is damaged, so its colours cannot be converted "
                "for screens. Export it again as an sRGB JPEG (or with a working profile).",
                code="profile",
            ) from None
        return picture, None
    if len(icc_profile) <= SMALL_PROFILE_BYTES or picture.mode == "CMYK":
        # A CMYK master keeps its (often 0.5–2 MB, press) profile: renditions.py converts every
        # copy to sRGB and drops it, and the upload itself was already at least that big.
        return picture, icc_profile
    mode = "RGBA" if "A" in picture.getbands() else "RGB"
    try:
        converted = ImageCms.profileToProfile(
            picture if picture.mode in ("RGB", "RGBA") else picture.convert(mode),
            source, ImageCms.createProfile("sRGB"), outputMode=mode,
        )  # fmt: skip
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A profile for another colour space than the pixels' (a CMYK profile on RGB): unusable.
        return picture, None
    return converted, SRGB_PROFILE


SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _reencode(picture, source_format, lossless=False, budget=None):
    stored_format = STORED_FORMAT[source_format]
    picture, icc_profile = usable_colour(picture, picture.info.get("icc_profile"))
    if picture.mode in ("P", "PA") or "transparency" in picture.info:
        # Palette transparency lives in `info`, which is dropped below: keep it as an alpha channel.
        picture = picture.convert("RGBA")
    # Drop everything the decoder read besides pixels: EXIF, XMP, comments, text chunks, dpi.
    # Savers fall back to `info` for some of these (JPEG comments, PNG profiles), so empty it.
    picture.info = {}
    options = dict(ORIGINAL_SAVE_OPTIONS[stored_format])
    if lossless:
        options = {"lossless": True}
    if icc_profile:
        options["icc_profile"] = icc_profile
    data = _encoded(picture, stored_format, options)
    qualities = [q for q in FALLBACK_QUALITIES if "quality" in options and q < options["quality"]]
    while budget is not None and len(data) > budget and qualities:
        data = _encoded(picture, stored_format, dict(options, quality=qualities.pop(0)))
    if budget is not None and len(data) > budget:
        raise ValidationError(
            f"Stored again, this picture would take {_bytes(len(data), up=True)}, more than one "
            f"upload of its size may write ({_bytes(budget)}). Export it at a normal quality and "
            "size, and upload it again.",
            code="too_costly",
        )
    name = f"upload{STORED_EXTENSION[stored_format]}"
    remaining = None if budget is None else budget - len(data)
    return PreparedUpload(data, name=name, picture=picture, icc_profile=icc_profile, budget=remaining)


def _encoded(picture, stored_format, options):
    buffer = io.BytesIO()
    picture.save(buffer, format=stored_format, **options)
    return buffer.getvalue()


def _is_lossless_webp(upload, source_format):
    # A lossless WebP (a graphic, a crest) stays lossless; its first chunk says which it is.
    if source_format != "WEBP":
        return False
    upload.seek(12)
    chunk = upload.read(4)
    upload.seek(0)
    return chunk == b"VP8L"


def _looks_like_markup(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text


def _refused_kind(head):
    for signature, kind in REFUSED_SIGNATURES:
        if head.startswith(signature):
            return f"This file is {kind}"
    if head[4:8] == b"ftyp":
        return "This file is a HEIC/AVIF photo (export it as JPEG)"
    return "This file is not a picture we can read"


def _bytes(count, up=False):
    """'20 MB' / '50 KB'; `up` rounds up, so a file just over the cap never reads as equal to it."""
    rounding = math.ceil if up else round
    if count >= 1024 * 1024:
        return f"{rounding(count / (1024 * 1024))} MB"
    return f"{rounding(count / 1024)} KB"


def _megapixels(pixels, noun=False):
    """'the 40-megapixel limit' / 'this picture has 48 megapixels'."""
    value = pixels / 1_000_000
    number = f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return f"{number} megapixels" if noun else f"{number}-megapixel"
