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
    # Focus, not a click: on a busy machine the click's own caret (mid-text) could land after
    # the move to the end, and the text went into the middle.
    editor.focus()
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
        # Different fields: merged with nothing to choose, the body shown as prose, not HTML.
        assert "Lovren headed in on 65 minutes." in eddie.inner_text("#merged-body")
        assert "Napoli hold firm as Lovren rescues a point" in eddie.inner_text("#conflict")
        assert eddie.locator("#reapply-form textarea, #reapply-form input[type=radio]").count() == 0
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


def test_a_kept_copy_replaces_the_live_body_and_shows_what_it_changes(chromium, live_server, newsroom_roles):  # noqa: F811
    _staff("eddie", "Editor")
    article = Article.objects.create(
        headline="Salah settles it", slug="salah-settles-it", status="published",
        published_at=timezone.now() - datetime.timedelta(hours=3),
        body="<p>Salah scored the only goal.</p><p>Liverpool held on.</p>",
    )  # fmt: skip
    context, eddie = _session(chromium, live_server, "eddie")
    try:
        change = f"/admin/articles/article/{article.pk}/change/"
        eddie.goto(change)
        _type_body(eddie, " Alisson saved late on.")
        eddie.wait_for_timeout(800)  # kept in local storage after a short pause
        eddie.reload()  # the tab crashed: the saved version is back in the form

        banner = eddie.locator("#draft-restore")
        banner.wait_for()
        assert "in place of" in banner.inner_text()
        assert banner.locator("ins").all_inner_texts() == ["Liverpool held on. Alisson saved late on."]
        assert banner.locator("del").all_inner_texts() == ["Liverpool held on."]
        screenshot(eddie, "desk-kept-copy")
        banner.locator("[data-restore]").click()

        text = eddie.locator(".ProseMirror[contenteditable=true]").inner_text()
        assert text.count("Salah scored the only goal.") == 1 and text.count("Liverpool held on.") == 1
        assert "Alisson saved late on." in text
        eddie.click("input[name=_continue]")
        eddie.wait_for_selector(".messagelist")
        article.refresh_from_db()
        assert article.body == (
            "<p>Salah scored the only goal.</p><p>Liverpool held on. Alisson saved late on.</p>"
        )
        assert article.status == "published"
    finally:
        context.close()
