"""The suggestions panel in a real browser: type in the rich-text editor, click to tag."""

import pytest
from django.contrib.auth.models import User

from .browser import chromium, page_at, screenshot  # noqa: F401  (fixtures)
from .conftest import make_club, make_player

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_a_report_suggests_tags_and_a_click_adds_them(page_at, live_server):  # noqa: F811
    User.objects.create_superuser("chief", password="pw-for-browser-tests")
    napoli = make_club("Napoli", aliases="Partenopei")
    make_club("Liverpool", aliases="the Reds")
    make_player("Dries Mertens", club=napoli)

    page = page_at(1280, 1200)
    page.goto("/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-for-browser-tests")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/articles/article/add/")

    page.fill("#id_headline", "A point at Anfield")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Mertens’ goal stunned the Reds before the Partenopei sat deep against Liverpool.")

    panel = page.locator("#tag-suggestions")
    add_mertens = panel.get_by_role("button", name="+ Dries Mertens")
    add_mertens.wait_for(timeout=30_000)  # a loaded CI machine can be slow
    assert "Mertens" in panel.inner_text()
    add_mertens.click()
    page.wait_for_function(
        "() => [...document.querySelector('select[name=players]').selectedOptions]"
        ".some(o => o.text === 'Dries Mertens')"
    )
    panel.get_by_role("button", name="Add all 2").click()
    page.wait_for_function("() => document.querySelector('select[name=clubs]').selectedOptions.length === 2")
    # The panel asks the server again after a tag is added: wait for its answer, not a fixed time.
    panel.get_by_text("Every club and player the text mentions is tagged").wait_for(timeout=30_000)
    screenshot(page, "admin-tag-suggestions")
