"""{% masthead %} and {% site_footer %}: the header and footer every public page carries.

Built in Python, once per process for what never changes between requests (the site's name and
its section addresses), as the cards are: in the template they were a dozen tags and lookups on
every page rendered from nothing (docs/decisions.md, "Cards are built in Python"). What does
change is put in per request: whether the front page is the current one, and the search words.
"""

import functools

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

from newsroom.delivery.addresses import fixed_url
from newsroom.html import format_html

register = template.Library()

# The masthead in two halves around the front page link's "current" mark; the search box's value
# goes between the second half and TAIL.
MASTHEAD_HEAD = """<header class="masthead">
    <div class="wrap masthead__inner">
      <a class="masthead__brand" href="{}"><span class="masthead__mark" aria-hidden="true"></span>{}</a>
      <nav class="masthead__nav" aria-label="Sections">
        <ul>
          <li><a href="{}\""""
MASTHEAD_MIDDLE = """>Latest</a></li>
          <li><a href="{}">Clubs</a></li>
          <li><a href="{}">Competitions</a></li>
        </ul>
      </nav>
      <button type="button" class="theme-switch" data-theme-switch aria-pressed="false"><span aria-hidden="true">◐</span> Dark mode</button>
      <form class="masthead__search" role="search" action="{}" method="get">
        <label for="masthead-q" class="visually-hidden">Search reports</label>
        <input id="masthead-q" name="q" type="search" placeholder="Search reports" maxlength="100" autocomplete="off\""""  # noqa: E501
MASTHEAD_TAIL = """>
        <button type="submit">Search</button>
      </form>
    </div>
  </header>"""
FOOTER = """<footer class="site-footer">
    <div class="wrap site-footer__inner">
      <p class="site-footer__brand">{} — football journalism.</p>
      <nav aria-label="Site">
        <ul>
          <li><a href="{}">All clubs</a></li>
          <li><a href="{}">All competitions</a></li>
          <li><a href="{}">Search</a></li>
          <li><a href="{}">RSS</a></li>
        </ul>
      </nav>
    </div>
  </footer>"""


@register.simple_tag(takes_context=True)
def masthead(context):
    request = context.get("request")
    front, head, middle = _masthead(get_urlconf(), get_script_prefix(), settings.NEWSROOM["SITE_NAME"])
    current = ' aria-current="page"' if request is not None and request.path == front else ""
    query = request.GET.get("q", "") if request is not None else ""
    # As |truncatechars:100 did in the template: the box takes 100 characters.
    value = format_html(' value="{}"', query if len(query) <= 100 else query[:99] + "…") if query else ""
    return SafeString(head + current + middle + value + MASTHEAD_TAIL)


@register.simple_tag
def site_footer():
    return _footer(get_urlconf(), get_script_prefix(), settings.NEWSROOM["SITE_NAME"])


@functools.lru_cache(maxsize=16)
def _masthead(urlconf, prefix, site_name):
    """Per URL configuration and script prefix, which the addresses are reversed under."""
    front = fixed_url("articles:front")
    head = format_html(MASTHEAD_HEAD, front, site_name, front)
    middle = format_html(MASTHEAD_MIDDLE, fixed_url("articles:clubs"), fixed_url("articles:competitions"),
                         fixed_url("search:search"))  # fmt: skip
    return front, head, middle


@functools.lru_cache(maxsize=16)
def _footer(urlconf, prefix, site_name):
    return format_html(FOOTER, site_name, fixed_url("articles:clubs"), fixed_url("articles:competitions"),
                       fixed_url("search:search"), fixed_url("articles:latest_feed"))  # fmt: skip
