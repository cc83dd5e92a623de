"""{{ data|json_ld }}: structured data for search engines, escaped for a <script> element.
{% site_name %}: the site's name, from the one setting (NEWSROOM["SITE_NAME"]).
{% filter page_title %}…{% endfilter %}: "<page> · <site>", under 60 characters (base.html)."""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from .. import seo

register = template.Library()


@register.filter
def json_ld(data):
    return seo.json_ld(data) if data else ""


@register.filter
def was_updated(article):
    return seo.was_updated(article)


@register.simple_tag
def site_name():
    return settings.NEWSROOM["SITE_NAME"]


@register.filter
def page_title(text):
    return mark_safe(seo.page_title(text))  # seo.page_title() escapes what it returns
