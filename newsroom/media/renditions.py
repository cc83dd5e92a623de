"""Renditions: the resized and cropped copies readers download, made when an Image is saved.

For each crop in `NEWSROOM_IMAGES["WIDTHS"]` ("full" keeps the picture's shape; "16:9" for cards,
"1:1" for squares) and each width that fits (never upscaled), one file per format (WebP, JPEG).
Crops are the largest box of their shape centred on the focal point, pushed back inside the edges.

Each rendition records a `source_key`: a digest of everything it was made from (original file, box,
width, format, quality, RENDITION_VERSION). `build_renditions()` makes only what is missing or out
of date, so it is idempotent; renditions no longer wanted are removed, their files once the
transaction commits. File names carry a digest of their bytes, so they never change content and can
be cached forever.
"""

import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageCms, features

from .upload import OverBudget, open_checked, usable_colour

# Bump when the way renditions are made changes: rebuild_renditions then remakes every one.
RENDITION_VERSION = 1
RATIOS = {"full": None, "16:9": (16, 9), "1:1": (1, 1)}
# No rendition is taller than this: a tall column's "full" crop is made narrower instead (WebP
# cannot encode past 16383 px, and no page needs more than a few screens of one picture).
MAX_EDGE = 4096
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
PIL_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
# Per-format encoder settings besides quality, chosen with bench/images.py for upload speed on a
# small machine: WebP method 2 is twice as fast as the default 4 for ~2% more bytes; JPEG is only
# the fallback for browsers without WebP, so not progressive (7% smaller, but 3× slower to encode);
# AVIF speed 10 is the only setting fast enough to consider.
ENCODER_OPTIONS = {
    "jpeg": {"optimize": True},
    "webp": {"method": 2},
    "avif": {"speed": 10},
}


@dataclass(frozen=True)
class Spec:
    crop: str
    format: str
    width: int
    height: int
    box: tuple
    source_key: str

    @property
    def slot(self):
        return (self.crop, self.format, self.width)


@dataclass
class Outcome:
    made: int = 0
    kept: int = 0
    removed: int = 0


def crop_box(width, height, ratio, focal_x=0.5, focal_y=0.5):
    """The largest (left, top, right, bottom) box of `ratio` inside width×height, centred on the
    focal point (fractions 0–1) as far as the picture's edges allow. `ratio=None`: the whole picture."""
    if ratio is None:
        return (0, 0, width, height)
    ratio_w, ratio_h = ratio
    box_w = min(width, round(height * ratio_w / ratio_h))
    box_h = min(height, round(box_w * ratio_h / ratio_w))
    left = min(max(round(focal_x * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal_y * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def plan(image):
    """Every rendition `image` should have now, as Specs."""
    conf = settings.NEWSROOM_IMAGES
    specs = []
    for crop, widths in conf["WIDTHS"].items():
        box = crop_box(image.width, image.height, RATIOS[crop], image.focal_x, image.focal_y)
        box_w, box_h = box[2] - box[0], box[3] - box[1]
        # Never upscale; a picture narrower than the smallest width gets one at its own size.
        fitting = [w for w in widths if w <= box_w] or [box_w]
        # A tall column: only widths whose height stays within MAX_EDGE, or one that just fits.
        tallest = max(1, MAX_EDGE * box_w // box_h)
        fitting = [w for w in fitting if w <= tallest] or [min(tallest, box_w)]
        for fmt in conf["FORMATS"]:
            quality = conf["QUALITY"][fmt]
            for width in fitting:
                height = min(MAX_EDGE, max(1, round(width * box_h / box_w)))
                recipe = f"{RENDITION_VERSION}|{image.file.name}|{crop}|{box}|{width}|{fmt}|{quality}"
                key = hashlib.sha256(recipe.encode()).hexdigest()[:40]
                specs.append(Spec(crop, fmt, width, height, box, key))
    return specs


def build_renditions(image, picture=None, icc_profile=None, dry_run=False, budget=None):
    """Make the renditions `image` lacks, remove those it no longer needs; return an Outcome.

    `picture` (decoded, upright pixels) saves decoding the original again right after an upload.
    `budget`: the bytes they may write together; OverBudget (a ValidationError) before the write
    that would pass it. Files written before an error are deleted again; the caller's
    transaction undoes the rows.
    """
    Rendition = image.renditions.model  # noqa: N806  (no import: models.py imports this module)
    storage = Rendition._meta.get_field("file").storage
    wanted = plan(image)
    existing = {r.slot: r for r in Rendition.objects.filter(image=image)}
    to_make = [s for s in wanted if getattr(existing.get(s.slot), "source_key", None) != s.source_key]
    keep = {s.slot for s in wanted} - {s.slot for s in to_make}
    stale = [r for slot, r in existing.items() if slot not in keep]
    outcome = Outcome(made=len(to_make), kept=len(keep), removed=len(stale))
    if dry_run or not (to_make or stale):
        return outcome

    if to_make and picture is None:
        with image.file.open("rb") as original:
            picture, _ = open_checked(original, name=image.file.name)
        icc_profile = picture.info.get("icc_profile")
    written, rows, spent = [], [], 0
    try:
        for spec, data in _render(picture, icc_profile, to_make):
            spent += len(data)
            if budget is not None and spent > budget:
                raise OverBudget(
                    "This picture's renditions would take more disk space than one upload of its "
                    "size may use, so nothing was saved. Export it at a normal quality and size.",
                    code="too_costly",
                )
            name = rendition_name(image, spec, data)
            if not storage.exists(name):  # same name, same bytes: nothing to write
                name = storage.save(name, ContentFile(data))
                written.append(name)
            rows.append(
                Rendition(
                    image=image, crop=spec.crop, format=spec.format, width=spec.width,
                    height=spec.height, file=name, size=len(data), source_key=spec.source_key,
                )
            )  # fmt: skip
        with transaction.atomic():
            Rendition.objects.filter(pk__in=[r.pk for r in stale]).delete()
            Rendition.objects.bulk_create(rows)
    except BaseException:
        for name in written:
            storage.delete(name)
        raise
    new_names = {row.file.name for row in rows}
    old_names = [r.file.name for r in stale if r.file.name not in new_names]
    # Only once the rows are committed: a rolled-back save must still find its old files.
    transaction.on_commit(lambda: [storage.delete(name) for name in old_names])
    return outcome


def rendition_name(image, spec, data):
    """renditions/<original's name>/<crop>-<width>w.<digest of the bytes>.<ext>: immutable."""
    stem = Path(image.file.name).stem
    digest = hashlib.sha256(data).hexdigest()[:16]
    crop = spec.crop.replace(":", "x")
    return f"renditions/{stem}/{crop}-{spec.width}w.{digest}.{EXTENSIONS[spec.format]}"


def _render(picture, icc_profile, specs):
    """Yield (spec, encoded bytes).

    Speed matters (an editor waits): the picture is first shrunk by the largest whole factor that
    still leaves every crop's widest rendition to resample (`reduce()` averages pixel blocks, ~20×
    cheaper than Lanczos on 24 MP); each crop's widest size is resampled from that, and each
    smaller size from the next wider one (half the work of resampling all from the widest).
    """
    # Once, before resizing: a megabyte profile is applied and replaced, never copied 30 times.
    picture, icc_profile = usable_colour(picture, icc_profile, strict=False)
    picture = _resizable(picture)
    by_crop = defaultdict(list)
    for spec in specs:
        by_crop[spec.box].append(spec)
    factor = max(1, min((box[2] - box[0]) // max(s.width for s in group) for box, group in by_crop.items()))
    if factor > 1:
        picture = picture.reduce(factor)
    for box, group in by_crop.items():
        group.sort(key=lambda s: (-s.width, s.format))
        largest = group[0]
        scaled_box = tuple(edge / factor for edge in box)
        base = picture.resize((largest.width, largest.height), PILImage.Resampling.LANCZOS, box=scaled_box)
        previous = base
        for spec in group:  # widest first; formats of one size are adjacent
            size = (spec.width, spec.height)
            if previous.size != size:
                previous = previous.resize(size, PILImage.Resampling.LANCZOS)
            yield spec, _encode(previous, icc_profile, spec.format)


def _resizable(picture):
    if picture.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return picture
    return picture.convert("RGBA" if "A" in picture.getbands() else "RGB")


def _encode(picture, icc_profile, fmt):
    picture, icc_profile = _for_the_web(picture, icc_profile, fmt)
    conf = settings.NEWSROOM_IMAGES
    options = dict(ENCODER_OPTIONS[fmt], quality=conf["QUALITY"][fmt])
    if icc_profile:
        options["icc_profile"] = icc_profile
    buffer = io.BytesIO()
    picture.save(buffer, format=PIL_FORMATS[fmt], **options)
    return buffer.getvalue()


def _for_the_web(picture, icc_profile, fmt):
    """RGB (or RGBA for WebP/AVIF), with a profile that still describes the pixels."""
    if picture.mode == "CMYK":
        # Browsers render CMYK badly or not at all: convert through the profile to sRGB if we can.
        converted = None
        if icc_profile and features.check("littlecms2"):
            try:
                source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
                converted = ImageCms.profileToProfile(
                    picture, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
                )
            except (ImageCms.PyCMSError, OSError, ValueError):
                # Uploads refuse a damaged CMYK profile; an older stored file still gets copies.
                converted = None
        return converted or picture.convert("RGB"), None
    alpha = picture.mode in ("RGBA", "LA")
    if alpha and fmt == "jpeg":
        background = PILImage.new("RGB", picture.size, "white")
        background.paste(picture, mask=picture.getchannel("A"))
        return background, (icc_profile if picture.mode == "RGBA" else None)
    if picture.mode in ("L", "LA") and fmt != "jpeg":
        # A grey profile would not describe RGB pixels: drop it with the mode change.
        return picture.convert("RGBA" if alpha else "RGB"), None
    return picture, icc_profile


def picture_sources(image, crop):
    """What templates/articles/includes/picture.html needs for `image` at `crop`, read from the
    (prefetched) `image.renditions.all()`: no query when the view prefetched them."""
    renditions = sorted((r for r in image.renditions.all() if r.crop == crop), key=lambda r: r.width)
    by_format = defaultdict(list)
    for rendition in renditions:
        by_format[rendition.format].append(rendition)
    jpegs = by_format.get("jpeg")
    if not jpegs:
        # Made before renditions existed, or their build failed: the original still shows.
        return {
            "sources": [],
            "src": image.file.url,
            "srcset": "",
            "width": image.width,
            "height": image.height,
        }
    sources = [
        {"type": MIME_TYPES[fmt], "srcset": _srcset(by_format[fmt])}
        for fmt in ("avif", "webp")
        if by_format.get(fmt)
    ]
    # The plain src is for browsers without srcset: a middling size.
    fallback = next((r for r in jpegs if r.width >= 640), jpegs[-1])
    return {
        "sources": sources,
        "src": fallback.file.url,
        "srcset": _srcset(jpegs),
        "width": jpegs[-1].width,
        "height": jpegs[-1].height,
    }


def _srcset(renditions):
    return ", ".join(f"{r.file.url} {r.width}w" for r in renditions)
