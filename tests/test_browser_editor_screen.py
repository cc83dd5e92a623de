"""Issue 12, item 13 in a real browser: widths, spellcheck and the suggestions panel's first words."""

import pytest
from django.contrib.auth.models import User

from .browser import chromium, page_at  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_article_form_as_an_editor_meets_it(page_at, live_server):  # noqa: F811
    User.objects.create_superuser("chief", password="pw-for-browser-tests")
    page = page_at(1280, 1200)
    page.goto("/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-for-browser-tests")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/articles/article/add/")

    body = page.locator(".ProseMirror[contenteditable=true]")
    body.wait_for()
    assert body.get_attribute("spellcheck") == "true"
    widths = page.evaluate(
        "() => ['#id_headline', '#id_standfirst', '.prose-editor']"
        ".map(s => Math.round(document.querySelector(s).getBoundingClientRect().width))"
    )
    headline, standfirst, editor = widths
    assert abs(headline - editor) <= 4 and abs(standfirst - editor) <= 4, widths

    panel = page.locator("#tag-suggestions")
    page.fill("#id_headline", "")  # any input asks the server; with no text it must not say "nothing"
    page.dispatch_event("#id_headline", "input")
    page.wait_for_timeout(1500)
    text = panel.inner_text()
    assert "No club or player found" not in text and "Every club and player" not in text, text
    page.fill("#id_headline", "A quiet night at the seaside")
    panel.get_by_text("No club or player found in the text yet").wait_for(timeout=30_000)
