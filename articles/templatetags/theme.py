"""{% theme_script %}: the inline script that applies the reader's chosen scheme (newsroom/theme.py)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from newsroom import theme

register = template.Library()


@register.simple_tag
def theme_script():
    # Our own fixed text, allowed by its hash in the CSP: any change to it changes the hash too.
    return format_html("<script>{}</script>", mark_safe(theme.SCRIPT))
