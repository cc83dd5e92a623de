"""{% picture %}: a responsive <picture> for an Image, from its renditions.

    {% load pictures %}
    {% picture article.hero_image crop="full" sizes="(min-width: 48rem) 46rem, 100vw" lead=True %}

`sizes` must describe the layout in the stylesheet; `lead=True` is for the one picture at the top
of the page (eager, fetchpriority high); every other picture loads lazily. `alt` defaults to the
image's alt text; pass alt="" for a picture that only repeats a link's text. The markup is
newsroom/media/html.py's, which the article cards use too.
"""

from django import template

from ..html import picture_html

register = template.Library()


@register.simple_tag
def picture(image, crop="full", sizes="100vw", alt=None, lead=False, css_class=""):
    return picture_html(image, crop=crop, sizes=sizes, alt=alt, lead=lead, css_class=css_class)
