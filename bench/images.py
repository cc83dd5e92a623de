"""Benchmark: accept a 24-megapixel JPEG with all its renditions; bytes a phone downloads.

    .venv/bin/python bench/images.py [--avif] [--runs N]

Not part of the test suite. Uses the test settings with a throwaway MEDIA_ROOT and an in-memory
SQLite database. The input is a synthetic 6000×4000 stadium scene (grass stripes, a textured
crowd, sky, sensor noise) made in a child process, so this process's peak memory is the upload's.

Prints, against the issue's targets:
- time to accept the upload (the admin form's checks and re-encode, then Image.save() with every
  rendition): target ≤ 2 s on this 2-core machine;
- peak memory of the process (ru_maxrss) and its growth during the upload: target ≤ 600 MB;
- the bytes a phone reader downloads for the article's lead picture at 400 CSS px × 2 density,
  i.e. the srcset candidate a browser picks for 800 device pixels: target ≤ 120 KB.
`--avif` adds AVIF renditions, to measure what they would cost.
"""

import argparse
import io
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (6000, 4000)
PHONE_PIXELS = 400 * 2


def synthetic_photo(path):
    """Write a photo-like 6000×4000 JPEG (quality 92, like a camera's) to `path`."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = SIZE
    scene = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(scene)
    # Sky, then a crowd (fine texture costs bytes, as real crowds do), then mown stripes.
    sky = Image.linear_gradient("L").resize((width, height // 5)).point(lambda v: 120 + v // 3)
    scene.paste(Image.merge("RGB", [sky.point(lambda v: v - 60), sky.point(lambda v: v - 20), sky]), (0, 0))
    crowd = Image.effect_noise((width // 4, height // 10), 90).resize((width, height * 2 // 5))
    tint = Image.merge("RGB", [crowd, crowd.point(lambda v: v * 3 // 4), crowd.point(lambda v: v // 2)])
    scene.paste(tint, (0, height // 5))
    for stripe in range(12):
        top = height * 3 // 5 + stripe * (height * 2 // 5) // 12
        shade = (40, 140, 60) if stripe % 2 else (50, 160, 70)
        draw.rectangle([0, top, width, top + height // 30 + 1], fill=shade)
    for n in range(14):  # players
        x, y = 300 + n * 400, height * 3 // 5 + (n * 137) % (height // 3)
        draw.ellipse([x, y, x + 120, y + 320], fill=(200, 20, 30) if n % 2 else (20, 60, 180))
    grain = Image.effect_noise(SIZE, 12).convert("RGB")
    scene = Image.blend(scene, grain, 0.12).filter(ImageFilter.SMOOTH)
    scene.save(path, "JPEG", quality=92)


def setup_django(media_root, avif):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.test")
    os.environ["SQLITE_PATH"] = ":memory:"
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = media_root
    if avif:
        settings.NEWSROOM_IMAGES = {**settings.NEWSROOM_IMAGES, "FORMATS": ["avif", "webp", "jpeg"]}
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def accept(path):
    """The admin's path without HTTP: ImageForm checks and re-encodes, save() makes renditions."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.media.forms import ImageForm

    data = Path(path).read_bytes()
    form = ImageForm(
        data={"alt_text": "The crowd at Anfield", "focal_x": "0.5", "focal_y": "0.4"},
        files={"file": SimpleUploadedFile("IMG_1234.jpg", data, content_type="image/jpeg")},
    )
    if not form.is_valid():
        raise SystemExit(f"refused: {form.errors.as_text()}")
    return form.save(), len(data)


def phone_choice(image):
    """The candidate a browser picks at 800 device pixels: the narrowest at least that wide."""
    by_format = {}
    for rendition in image.renditions.filter(crop="full").order_by("width"):
        by_format.setdefault(rendition.format, []).append(rendition)
    return {
        fmt: next((r for r in renditions if r.width >= PHONE_PIXELS), renditions[-1])
        for fmt, renditions in by_format.items()
    }


def max_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--avif", action="store_true", help="add AVIF renditions to measure their cost")
    parser.add_argument("--runs", type=int, default=3, help="uploads to time (the best and worst are shown)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        source = Path(tmp) / "source.jpg"
        # A child process draws the input, so its memory is not counted as the upload's.
        child = multiprocessing.get_context("spawn").Process(target=synthetic_photo, args=(source,))
        child.start()
        child.join()
        setup_django(str(Path(tmp) / "media"), args.avif)
        from django.conf import settings

        baseline = max_rss_mb()
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            image, upload_bytes = accept(source)
            times.append(time.perf_counter() - started)
        peak = max_rss_mb()

        formats = settings.NEWSROOM_IMAGES["FORMATS"]
        count = image.renditions.count()
        stored = sum(r.size for r in image.renditions.all())
        load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
        print(
            f"input: {SIZE[0]}×{SIZE[1]} JPEG, {upload_bytes / 1e6:.1f} MB; "
            f"{os.cpu_count()} CPUs, load {load}"
        )
        print(f"formats: {', '.join(formats)}; {count} renditions, {stored / 1e6:.1f} MB in all")
        print(
            f"accept with all renditions: best {min(times):.2f} s, worst {max(times):.2f} s "
            f"over {len(times)} runs (target ≤ 2 s)"
        )
        print(
            f"peak memory (ru_maxrss): {peak:.0f} MB; {peak - baseline:.0f} MB above the "
            f"{baseline:.0f} MB before the first upload (target ≤ 600 MB)"
        )
        for fmt, rendition in sorted(phone_choice(image).items()):
            print(
                f"phone lead picture (400 CSS px × 2 = {PHONE_PIXELS} px) in {fmt}: the {rendition.width}w "
                f"candidate, {rendition.size / 1024:.0f} KB (target ≤ 120 KB)"
            )
        # Show the stages too, so a regression can be found.
        from newsroom.media import renditions, upload

        data = io.BytesIO(source.read_bytes())
        data.name, data.size = "x.jpg", len(data.getvalue())
        started = time.perf_counter()
        picture, fmt = upload.open_checked(data)
        decoded = time.perf_counter()
        prepared = upload._reencode(picture, fmt)
        encoded = time.perf_counter()
        list(renditions._render(prepared.picture, None, renditions.plan(image)))
        rendered = time.perf_counter()
        print(
            f"stages: check+decode {decoded - started:.2f} s, re-encode original {encoded - decoded:.2f} s, "
            f"renditions {rendered - encoded:.2f} s"
        )


if __name__ == "__main__":
    main()
