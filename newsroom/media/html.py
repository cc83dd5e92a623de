"""A responsive <picture> for an Image, as HTML: modern formats in <source>, JPEG in <img>, width
and height so the page does not shift while it loads.

One function serves the {% picture %} tag (templatetags/pictures.py) and the article cards
(articles/cards.py), which build their markup in Python: a page shows twenty cards, and the
template engine spent 0.15 ms on each where this takes a twentieth of that (docs/decisions.md).
"""

from django.utils.safestring import mark_safe

from newsroom.html import format_html, format_html_join

from .renditions import picture_sources


def picture_html(image, crop="full", sizes="100vw", alt=None, lead=False, css_class=""):
    """`sizes` must describe the layout in the stylesheet; `lead=True` is for the one picture at
    the top of the page (eager, fetchpriority high), every other one loads lazily. `alt` defaults
    to the image's alt text; alt="" is for a picture that only repeats a link's text."""
    found = picture_sources(image, crop)
    sources = format_html_join(
        "", '\n  <source type="{}" srcset="{}" sizes="{}">',
        ((source["type"], source["srcset"], sizes) for source in found["sources"]),
    )  # fmt: skip
    srcset = format_html(' srcset="{}" sizes="{}"', found["srcset"], sizes) if found["srcset"] else ""
    loading = ' loading="eager" fetchpriority="high"' if lead else ' loading="lazy" decoding="async"'
    return format_html(
        '<picture{}>{}\n  <img src="{}"{} width="{}" height="{}" alt="{}"{}>\n</picture>',
        format_html(' class="{}"', css_class) if css_class else "",
        sources, found["src"], srcset, found["width"] or "", found["height"] or "",
        image.alt_text if alt is None else alt, mark_safe(loading),
    )  # fmt: skip
