"""{% address %} and {% asset %}: {% url %} and {% static %} for the site's common addresses,
worked out once per process.

    {% address "articles:front" %}                      an address without arguments
    {% address "articles:club_feed" club.slug %}        one whose only argument is the slug
    {% address "articles:club_feed" club.slug as feed_url %}
    {% asset "css/site.css" %}                          a static file's (hashed) address

Every page links to the masthead's and footer's addresses and to its feeds; {% url %} reversed
each of them on every render (90 µs a tag). Anything else ({% url %} with other arguments) stays
{% url %}.
"""

from django import template

from ..addresses import fixed_url, slug_url, static_url

register = template.Library()


@register.simple_tag
def address(name, slug=None):
    return fixed_url(name) if slug is None else slug_url(name, slug)


@register.simple_tag
def asset(path):
    """{% static %} kept per path: the page's stylesheet, icon and script, looked up in the
    manifest once per process instead of on every render."""
    return static_url(path)
