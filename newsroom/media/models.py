"""The media library: pictures editors upload once and use anywhere, with their renditions.

The tables keep the names they had when this was part of the `articles` app (`db_table`), so a
database from before the split upgrades without moving a row.
"""

import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from newsroom.delivery import purges

from .fields import PictureField
from .renditions import build_renditions


def image_upload_to(instance, filename):
    """A generated name under images/YYYY/MM/: the uploader's file name is never trusted."""
    suffix = Path(filename).suffix.lower()
    if suffix not in {".jpg", ".jpeg", ".png", ".webp", ".gif"}:
        suffix = ".jpg"
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Image(models.Model):
    # Checks and re-encodes every new file as it is written, whatever code path writes it.
    file = PictureField(
        upload_to=image_upload_to, width_field="width", height_field="height", size_field="file_size"
    )
    alt_text = models.CharField(
        max_length=250,
        help_text="What the picture shows, for readers who cannot see it. Required.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=150, blank=True, help_text="Photographer or agency.")
    focal_x = models.FloatField(
        default=0.5, validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Horizontal focal point, 0 (left) to 1 (right); crops keep it in frame.",
    )  # fmt: skip
    focal_y = models.FloatField(
        default=0.5, validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Vertical focal point, 0 (top) to 1 (bottom).",
    )  # fmt: skip
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    file_size = models.PositiveIntegerField(
        null=True, editable=False, help_text="Bytes of the stored original."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "articles_image"
        ordering = ["-created_at"]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        # A new file is checked and re-encoded by PictureField as it is written (a file that
        # breaks a rule raises ValidationError; the admin form ran the same checks first).
        try:
            super().save(*args, **kwargs)
        except BaseException:
            # pre_save wrote the new file before the INSERT/UPDATE failed (read-only or locked
            # database): delete it, or it would be a file no row points at.
            if self.file.prepared:
                self.file.prepared.release()
                self.file.prepared = None
                self.file.storage.delete(self.file.name)
            raise
        prepared, self.file.prepared = self.file.prepared, None
        if not self.width:
            return  # no readable dimensions (a row from before uploads were checked)
        try:
            # Renditions now, not on a reader's first request; unchanged ones are kept.
            build_renditions(
                self,
                picture=prepared.picture if prepared else None,
                icc_profile=prepared.icc_profile if prepared else None,
                budget=prepared.budget if prepared else None,
            )
        except BaseException:
            if prepared:
                self.file.storage.delete(self.file.name)  # the caller's transaction undoes the row
            raise
        finally:
            if prepared:
                prepared.release()  # ~100 MB of pixels for a 24 MP photo: free them now

    def clean(self):
        if not self.alt_text.strip():
            raise ValidationError({"alt_text": "Describe the picture for readers who cannot see it."})


class Rendition(models.Model):
    """A resized or cropped copy of an Image, made by newsroom/media/renditions.py on save.

    The file name carries a digest of its bytes, so a rendition URL never changes content.
    """

    class Crop(models.TextChoices):
        # The keys of NEWSROOM_IMAGES["WIDTHS"].
        FULL = "full", "Whole picture"
        WIDE = "16:9", "16:9"
        SQUARE = "1:1", "1:1"

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    crop = models.CharField(max_length=8, choices=Crop.choices)
    format = models.CharField(max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.FileField(max_length=255)  # named by renditions.rendition_name(), never uploaded
    size = models.PositiveIntegerField(help_text="Bytes.")
    # A digest of what the file was made from; when it differs from the plan, the file is remade.
    source_key = models.CharField(max_length=40)

    class Meta:
        db_table = "articles_rendition"
        ordering = ["crop", "format", "width"]
        constraints = [
            models.UniqueConstraint(fields=["image", "crop", "format", "width"], name="rendition_once"),
        ]

    def __str__(self):
        return f"{self.image} ({self.crop}, {self.width}px {self.get_format_display()})"

    @property
    def slot(self):
        return (self.crop, self.format, self.width)



# What a change purges (newsroom/delivery/purges.py): every page and fragment showing the picture.
purges.register(Image, lambda image: {purges.tag("image", image.pk)})
purges.register(Rendition, lambda rendition: {purges.tag("image", rendition.image_id)})
