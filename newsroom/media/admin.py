"""Images in the admin: the media library.

Uploads go through ImageForm (articles/images/forms.py), which refuses anything that breaks an
upload rule with a form error. The list shows a small rendition, never the original, and how many
articles use each picture; the change page sets the focal point with a click (static/js/focal-point.js).
"""

import logging

from django.contrib import admin, messages
from django.db import DatabaseError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.admin_keys import KeyFieldsAdminMixin

from .forms import ImageForm
from .models import Image
from .upload import OverBudget

logger = logging.getLogger(__name__)
PREVIEW_WIDTH = 800  # the focal-point picker's picture: big enough to aim, small to download


def _rendition(image, crop, near_width):
    """The JPEG rendition of `crop` closest to `near_width`, from the prefetched renditions."""
    candidates = [r for r in image.renditions.all() if r.crop == crop and r.format == "jpeg"]
    return min(candidates, key=lambda r: abs(r.width - near_width), default=None)


@admin.register(Image)
class ImageAdmin(KeyFieldsAdminMixin, admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "alt_text", "caption", "credit", "dimensions", "usage", "created_at"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "created_at"
    readonly_fields = ["focal_point_picker", "crops", "dimensions", "usage"]
    fieldsets = [
        (None, {"fields": ["file", "focal_point_picker", ("focal_x", "focal_y"), "crops"]}),
        ("Words", {"fields": ["alt_text", "caption", "credit"]}),
        ("About the file", {"fields": ["dimensions", "usage"]}),
    ]

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ["css/focal-point.css"]}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError:
            # Disk full or a read-only media folder. The admin's transaction has rolled the row
            # back and Image.save() deleted what it had written, so no record points at a
            # missing file; tell the editor rather than show a 500.
            logger.exception("Could not store an image")
            self.message_user(
                request,
                "The picture could not be stored (the media folder is full or not writable), so "
                "nothing was saved. Try again in a moment, or tell the site's operator.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        except OverBudget as error:
            # Found only while making renditions, after the form was valid: Image.save() has
            # deleted what it wrote and the transaction dropped the row.
            self.message_user(request, error.messages[0], messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        except DatabaseError:
            # Read-only, locked or failing database: the row was not written and Image.save()
            # deleted the files it had written. Messages live in a cookie, so this still shows.
            logger.exception("Could not record an image")
            self.message_user(
                request,
                "The picture could not be saved: the database is not accepting changes right now, "
                "so nothing was kept. Try again in a moment, or tell the site's operator.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def get_queryset(self, request):
        # One query for every thumbnail and one count per page, however many rows are shown.
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("hero_of", distinct=True))
            # Meta.ordering does not apply to an aggregated query: without this the picture
            # pickers' autocomplete pages could repeat or skip pictures.
            .order_by("-created_at", "-pk")
            .prefetch_related("renditions")
        )

    @admin.display(description="picture")
    def thumbnail(self, image):
        rendition = _rendition(image, "1:1", 160)
        if rendition is None:
            return "—"
        return format_html(
            '<img class="image-thumbnail" src="{}" alt="" width="60" height="60">', rendition.file.url
        )

    @admin.display(description="size")
    def dimensions(self, image):
        if not image.width:
            return "—"
        size = f" · {filesizeformat(image.file_size)}" if image.file_size else ""
        return f"{image.width}×{image.height}{size}"

    @admin.display(description="used by", ordering="article_count")
    def usage(self, image):
        count = getattr(image, "article_count", None)
        if count is None:
            count = image.hero_of.count() if image.pk else 0
        return "not used" if not count else f"{count} article{'s' if count != 1 else ''}"

    @admin.display(description="focal point")
    def focal_point_picker(self, image):
        """The picture to click on; the script writes the focal_x and focal_y inputs."""
        rendition = _rendition(image, "full", PREVIEW_WIDTH) if image.pk else None
        if rendition is None:
            # A constant: the script shows the chosen file here before it is uploaded.
            return mark_safe(
                '<div class="focal-point" data-focal-point hidden><img alt=""></div>'
                '<p class="help">Choose a picture; then click the part that every crop must keep.</p>'
            )
        return format_html(
            '<div class="focal-point" data-focal-point><img src="{}" width="{}" height="{}" alt="{}">'
            '</div><p class="help">Click the part of the picture that every crop must keep (a face, '
            "the ball). The crops below are remade when you save.</p>",
            rendition.file.url,
            rendition.width,
            rendition.height,
            image.alt_text,
        )

    @admin.display(description="crops")
    def crops(self, image):
        previews = [_rendition(image, crop, 320) for crop in ("16:9", "1:1")] if image.pk else []
        previews = [r for r in previews if r is not None]
        if not previews:
            return "Made when the picture is saved."
        figures = format_html_join(
            "",
            '<figure><img src="{}" width="{}" height="160" alt=""><figcaption>{}</figcaption></figure>',
            ((r.file.url, 160 * r.width // r.height, r.crop) for r in previews),
        )
        return format_html('<div class="focal-point__crops">{}</div>', figures)
