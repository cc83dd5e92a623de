"""{{ data|json_ld }}: structured data for search engines, escaped for a <script> element."""

from django import template

from .. import seo

register = template.Library()


@register.filter
def json_ld(data):
    return seo.json_ld(data) if data else ""


@register.filter
def was_updated(article):
    """True when the report changed well after it went out (tag tidying right after is not news)."""
    return bool(article.published_at) and article.updated_at - article.published_at > seo.UPDATE_GRACE
