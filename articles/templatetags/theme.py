"""{% theme_script %}: the inline script that applies the reader's chosen scheme (newsroom/theme.py)."""

from django import template
from django.utils.safestring import mark_safe

from newsroom import theme

register = template.Library()


# Our own fixed text, allowed by its hash in the CSP: any change to it changes the hash too.
SCRIPT_TAG = mark_safe(f"<script>{theme.SCRIPT}</script>")


@register.simple_tag
def theme_script():
    return SCRIPT_TAG
