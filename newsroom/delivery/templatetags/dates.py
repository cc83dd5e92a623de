"""Dates on reader pages, formatted as the `date` filter does, at a fraction of its cost.

    {% load dates %}
    <time datetime="{{ article.published_at|iso }}">{{ article.published_at|local:"j F Y, H:i T" }}</time>

`iso` is `date:"c"` (ISO 8601 in the current time zone). `local` is `date:` with a format, kept per
value, format, language and time zone: the `date` filter cost 40-60 µs a call (translated month
names, format lookups) and a report shows the same few dates on every render.
"""

import datetime
import functools

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

register = template.Library()


@register.filter
def iso(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    return value.isoformat() if isinstance(value, datetime.date) else ""


@register.filter(expects_localtime=True)
def local(value, format_string):
    # expects_localtime: the engine hands over the value in the current time zone, as it does
    # to the date filter (which, called here as a function, converts nothing itself).
    if not isinstance(value, datetime.date):
        return ""
    return _formatted(value, format_string, translation.get_language(), timezone.get_current_timezone_name())


@functools.lru_cache(maxsize=4096)
def _formatted(value, format_string, language, zone):
    # The language and zone are part of the key: they are what the date filter reads besides.
    return date_filter(value, format_string)
