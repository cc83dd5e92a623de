"""format_html() and format_html_join() for the markup the reader pages build in Python.

The same output as django.utils.html's (an argument with `__html__` is taken as it is, anything
else is turned into text and escaped as django.utils.html.escape() does, with html.escape), without
the lazy-string check that wraps every escape() call there: a report's page made 150 such calls,
a tenth of its render time. Positional "{}" templates only, which is all the page code uses.
tests/test_html.py holds the two together.
"""

from html import escape

from django.utils.safestring import SafeString


def _escaped(value):
    html = getattr(value, "__html__", None)
    return html() if html is not None else escape(str(value))


def format_html(template, *args):
    return SafeString(template.format(*[_escaped(arg) for arg in args]))


def format_html_join(separator, template, rows):
    return SafeString(
        _escaped(separator).join(template.format(*[_escaped(arg) for arg in row]) for row in rows)
    )
