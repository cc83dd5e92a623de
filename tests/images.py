"""Pictures the image tests make for themselves (no binary fixtures), and an admin upload helper."""

import io
import struct
import zlib
from pathlib import Path

from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageCms, ImageDraw


def photo(size=(640, 480), mode="RGB"):
    """Something photo-like: a gradient with texture, so encoders do real work."""
    width, height = size
    gradient = PILImage.linear_gradient("L").resize(size)
    noise = PILImage.effect_noise(size, 40)
    picture = PILImage.merge("RGB", [gradient, noise, gradient.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT)])
    ImageDraw.Draw(picture).ellipse([width // 4, height // 4, width // 2, height // 2], fill=(240, 200, 30))
    return picture.convert(mode)


def encoded(picture, fmt="JPEG", **options):
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def jpeg(size=(640, 480), **options):
    return encoded(photo(size), "JPEG", quality=85, **options)


def png_header_only(width, height):
    """A valid PNG signature and IHDR claiming width×height, a few bytes of data: a bomb's shape."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def gif_with_logical_screen(width, height):
    """A 1×1 GIF whose header claims a width×height canvas."""
    real = encoded(PILImage.new("P", (1, 1)), "GIF")
    return real[:6] + struct.pack("<HH", width, height) + real[10:]


def psd_header():
    """The first bytes of a Photoshop file: signature, version 1, 3 channels, 64×64, 8-bit RGB."""
    return b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 64, 64, 8, 3) + b"\x00" * 64


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def media_files(root):
    """Every file under MEDIA_ROOT, relative to it."""
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def upload(client, filename, content, **fields):
    """POST the admin's Add image form as a browser would, with `filename` sent verbatim (the
    test client would shorten a hostile name before the server ever saw it)."""
    boundary = "NewsroomTestBoundary"
    values = {"alt_text": "A picture", "caption": "", "credit": "", "focal_x": "0.5", "focal_y": "0.5"}
    values.update(fields)
    parts = []
    for name, value in values.items():
        parts += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", str(value)]
    head = "\r\n".join(
        [*parts, f"--{boundary}", f'Content-Disposition: form-data; name="file"; filename="{filename}"']
        + ["Content-Type: application/octet-stream", "", ""]
    ).encode()
    body = head + content + f"\r\n--{boundary}--\r\n".encode()
    return client.post(
        reverse("admin:media_image_add"),
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def form_errors(response):
    """The Add image form's errors for the file field, as the editor reads them."""
    form = response.context["adminform"].form
    return " ".join(form.errors.get("file", []))
