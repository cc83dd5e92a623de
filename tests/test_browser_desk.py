"""The desk in a real browser: write, submit, edit in two sessions, resolve a conflict, restore, schedule."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles.models import Article

from .browser import CHROMIUM_ARGS, chromium, screenshot  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "pw-for-browser-tests"


def _staff(name, group):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True, first_name=name.title())
    user.groups.add(Group.objects.get(name=group))
    return user


def _session(chromium, live_server, username):  # noqa: F811
    context = chromium.new_context(viewport={"width": 1280, "height": 1100}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return context, page


def _type_body(page, text):
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_the_desk_walkthrough(chromium, live_server, newsroom_roles):  # noqa: F811
    _staff("wendy", "Writer")
    _staff("eddie", "Editor")
    _staff("erica", "Editor")
    contexts = []
    try:
        # A writer writes, loses the tab, gets the text back from the browser, saves and submits.
        context, writer = _session(chromium, live_server, "wendy")
        contexts.append(context)
        writer.goto("/admin/articles/article/add/")
        writer.fill("#id_headline", "Napoli hold firm at Anfield")
        _type_body(writer, "Napoli defended deep all night.")
        writer.wait_for_timeout(800)  # the draft is kept in local storage after a short pause
        writer.reload()
        writer.locator("#draft-restore [data-restore]").click()
        assert writer.input_value("#id_headline") == "Napoli hold firm at Anfield"
        assert (
            "Napoli defended deep all night."
            in writer.locator(".ProseMirror[contenteditable=true]").inner_text()
        )
        assert writer.locator("#id_status option").all_inner_texts() == ["Draft", "In review"]
        writer.select_option("#id_status", "review")
        writer.click("input[name=_save]")
        writer.wait_for_url("**/admin/articles/article/")
        article = Article.objects.get(headline="Napoli hold firm at Anfield")
        assert article.status == "review" and "defended deep" in article.body

        # Two editors open it; each sees the other.
        context, eddie = _session(chromium, live_server, "eddie")
        contexts.append(context)
        context, erica = _session(chromium, live_server, "erica")
        contexts.append(context)
        change = f"/admin/articles/article/{article.pk}/change/"
        eddie.goto(change)
        erica.goto(change)
        assert "Eddie" in erica.locator("#presence").inner_text()

        # Erica saves first; Eddie's save of the older copy gets the conflict page.
        erica.fill("#id_headline", "Napoli hold firm as Lovren rescues a point")
        erica.click("input[name=_continue]")
        erica.wait_for_selector(".messagelist")
        _type_body(eddie, " Lovren headed in on 65 minutes.")
        eddie.click("input[name=_continue]")
        eddie.wait_for_selector("#conflict")
        assert "Nothing was overwritten" in eddie.inner_text("#conflict")
        assert "Lovren headed in on 65 minutes." in eddie.input_value("#reapply-body")
        assert eddie.input_value("#reapply-headline") == "Napoli hold firm as Lovren rescues a point"
        screenshot(eddie, "desk-conflict")
        eddie.click("#reapply-form input[type=submit]")
        eddie.wait_for_selector(".messagelist")
        article.refresh_from_db()
        assert article.headline == "Napoli hold firm as Lovren rescues a point"
        assert "Lovren headed in on 65 minutes." in article.body

        # Eddie restores the writer's revision from the history, then schedules the report.
        eddie.goto(f"/admin/articles/article/{article.pk}/history/")
        eddie.locator("#change-history tbody tr").last.locator("th a").click()
        assert "Restore this revision" in eddie.content()
        eddie.click("input[value='Restore this revision']")
        eddie.wait_for_selector(".messagelist")
        article.refresh_from_db()
        assert article.headline == "Napoli hold firm at Anfield"
        assert "Lovren headed in" not in article.body

        tomorrow = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
        eddie.goto(change)
        eddie.select_option("#id_status", "published")
        eddie.fill("#id_published_at_0", tomorrow.strftime("%d/%m/%Y"))
        eddie.fill("#id_published_at_1", "20:00:00")
        eddie.click("input[name=_save]")
        eddie.wait_for_url("**/admin/articles/article/")
        assert "Scheduled for" in eddie.inner_text("#result_list")
        screenshot(eddie, "desk-scheduled")
        article.refresh_from_db()
        assert article.is_scheduled() and not article.is_published()
    finally:
        for context in contexts:
            context.close()
