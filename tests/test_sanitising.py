"""The body is sanitised on the server on every save, whatever sent it."""

import pytest

from articles.models import Article

from .conftest import make_article

pytestmark = pytest.mark.django_db

HOSTILE = [
    ('<p><a href="javascript:alert(1)">x</a></p>', "javascript:"),
    ('<p><a href="jav&#x09;ascript:alert(1)">x</a></p>', "ascript:"),
    ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>', "data:"),
    ('<p onclick="steal()">x</p>', "onclick"),
    ('<p><img src="https://elsewhere.example/x.png" onerror="steal()"></p>', "<img"),
    ("<script>alert(1)</script><p>x</p>", "<script"),
    ('<iframe src="https://elsewhere.example"></iframe><p>x</p>', "<iframe"),
    ("<style>body{display:none}</style><p>x</p>", "<style"),
]


@pytest.mark.parametrize("html, forbidden", HOSTILE)
def test_hostile_markup_is_stripped_on_save(html, forbidden):
    article = make_article(body=html)
    article.refresh_from_db()
    assert forbidden not in article.body


def test_queryset_updates_are_sanitised_on_the_next_save():
    article = make_article()
    Article.objects.filter(pk=article.pk).update(body='<p onmouseover="x()">hi</p>')
    article.refresh_from_db()
    article.save()
    article.refresh_from_db()
    assert "onmouseover" not in article.body


def test_allowed_structure_survives():
    html = (
        "<h2>Resolute defence</h2><h3>Detail</h3><p><strong>Bold</strong> and <em>italic</em> "
        '<a href="https://example.com/report">a link</a></p><blockquote><p>A quote</p></blockquote>'
        "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol>"
    )
    article = make_article(body=html)
    for tag in [
        "<h2>",
        "<h3>",
        "<strong>",
        "<em>",
        'href="https://example.com/report"',
        "<blockquote>",
        "<ul>",
        "<ol>",
    ]:
        assert tag in article.body


def test_headings_outside_the_allowed_levels_are_dropped():
    article = make_article(body="<h1>Too big</h1><h4>Too small</h4><p>x</p>")
    assert "<h1>" not in article.body and "<h4>" not in article.body
