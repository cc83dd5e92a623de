"""Images in the admin: the media library."""

from django.contrib import admin
from django.utils.html import format_html

from ..models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "caption", "credit", "dimensions", "created_at"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["thumbnail", "dimensions"]
    fields = ["file", "thumbnail", "dimensions", "alt_text", "caption", "credit", ("focal_x", "focal_y")]

    @admin.display(description="picture")
    def thumbnail(self, image):
        if not image.file:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-height:60px;max-width:120px">', image.file.url, image.alt_text
        )

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width}×{image.height}" if image.width else "—"
