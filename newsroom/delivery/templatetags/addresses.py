"""{% address %}: {% url %} for the site's common addresses, reversed once per process.

    {% address "articles:front" %}                      an address without arguments
    {% address "articles:club_feed" club.slug %}        one whose only argument is the slug
    {% address "articles:club_feed" club.slug as feed_url %}

Every page links to the masthead's and footer's addresses and to its feeds; {% url %} reversed
each of them on every render (90 µs a tag). Anything else ({% url %} with other arguments) stays
{% url %}.
"""

from django import template

from ..addresses import fixed_url, slug_url

register = template.Library()


@register.simple_tag
def address(name, slug=None):
    return fixed_url(name) if slug is None else slug_url(name, slug)
