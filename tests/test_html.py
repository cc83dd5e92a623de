"""newsroom.html builds the same markup as Django's format_html(), only faster."""

import pytest
from django.utils import html as django_html
from django.utils.functional import lazystr
from django.utils.safestring import SafeString, mark_safe

from newsroom import html

VALUES = [
    "plain",
    'Brighton & Hove "Albion" <script>',
    "l'Olympique",
    mark_safe("<em>kept</em>"),
    lazystr("lazy <b>"),
    0,
    3.5,
    None,
    "",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_format_html_escapes_as_django_does(value):
    template = '<a title="{}">{}</a>'
    ours = html.format_html(template, value, value)
    assert ours == django_html.format_html(template, value, value)
    assert isinstance(ours, SafeString)


def test_format_html_join_escapes_as_django_does():
    rows = [(value, "x") for value in VALUES]
    for separator in ["\n", mark_safe("<br>"), " & "]:
        ours = html.format_html_join(separator, '<meta name="{}" content="{}">', rows)
        assert ours == django_html.format_html_join(separator, '<meta name="{}" content="{}">', rows)
        assert isinstance(ours, SafeString)
