"""Match day in a real browser (issue 14): an editor runs a whole match on the live desk while a
reader follows it without reloading, then drafts the report, fixes a flagged minute and publishes."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, LiveEntry
from newsroom.football.models import Appearance, Event, Goal, Match

from .browser import chromium, screenshot  # noqa: F401  (fixtures)
from .conftest import make_article, make_club, make_competition, make_match, make_player

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "pw-for-browser-tests"


def _match():
    home, away = make_club("Liverpool"), make_club("SSC Napoli")
    cup = make_competition("Big League", slug="big-league")
    match = make_match(home, away, score=None, competition=cup, round="Matchday 1",
                       kickoff=timezone.now() - datetime.timedelta(minutes=2))  # fmt: skip
    names = {home: ["Alisson Becker", "Mohamed Salah", "Roberto Firmino", "Divock Origi"],
             away: ["Alex Meret", "Dries Mertens", "Jose Callejon", "Hirving Lozano"]}  # fmt: skip
    for club, players in names.items():
        for number, name in enumerate(players, start=1):
            Appearance.objects.create(match=match, club=club, player=make_player(name, club=club),
                                      number=number, starting=number < 4)  # fmt: skip
    return match


def _pk(name):
    return str(Appearance.objects.get(player__name=name).player_id)


def _post(desk, url, kind="", minute=None, added=0, player=None, player_off=None, text=""):
    desk.goto(url)
    if kind:
        desk.select_option("#id_kind", kind)
    if minute is not None:
        desk.fill("#id_minute", str(minute))
        desk.fill("#id_added_time", str(added))
    if player:
        desk.select_option("#id_player", _pk(player))
    if player_off:
        desk.select_option("#id_player_off", _pk(player_off))
    if text:
        editor = desk.locator(".ProseMirror[contenteditable=true]")
        editor.click()
        desk.keyboard.type(text)
    desk.click("#live-entry-form input[type=submit]")
    desk.wait_for_selector(".messagelist .success")


def test_an_editor_runs_a_match_and_a_reader_follows_it_without_reloading(chromium, live_server):  # noqa: F811
    User.objects.create_superuser("eddie", password=PASSWORD)
    match = _match()
    blog = make_article(kind=Article.Kind.LIVE, match=match, headline="Liverpool v Napoli: live", body="")
    editor_context = chromium.new_context(viewport={"width": 1280, "height": 1100}, base_url=live_server.url)
    reader_context = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    try:
        desk = editor_context.new_page()
        desk.goto("/admin/login/")
        desk.fill("#id_username", "eddie")
        desk.fill("#id_password", PASSWORD)
        desk.click("input[type=submit]")
        desk.wait_for_url("**/admin/")
        desk.goto(f"/admin/articles/article/{blog.pk}/change/")
        desk.click("text=Open the live desk")
        url = desk.url

        reader = reader_context.new_page()
        reader.goto(blog.get_absolute_url())
        assert "Liverpool 0–0 SSC Napoli · Scheduled" in reader.inner_text("[data-live-score]")
        reader.evaluate("window.stillTheSamePage = true")

        _post(desk, url, "kick_off", text="We are under way at Anfield.")
        assert desk.input_value("#id_minute") in {"1", "2", "3"}  # prefilled from the kick-off
        for n in range(1, 11):
            _post(desk, url, text=f"First-half update {n}.")
        _post(desk, url, "goal", 20, player="Mohamed Salah", text="Salah curls it in!")
        # The reader's page picks the goal up by itself (the script polls every 12 s).
        expect(reader.locator("[data-live-score]")).to_contain_text("1–0", timeout=30_000)
        assert "Salah curls it in!" in reader.inner_text("[data-live-entries]")
        assert reader.evaluate("window.stillTheSamePage") is True  # no reload
        _post(desk, url, "yellow", 30, player="Jose Callejon")
        _post(desk, url, "half_time", 45, 2)
        _post(desk, url, "kick_off", 46)
        for n in range(1, 11):
            _post(desk, url, text=f"Second-half update {n}.")
        _post(desk, url, "goal", 65, player="Dries Mertens", text="Mertens levels.")
        _post(desk, url, "substitution", 70, player="Divock Origi", player_off="Roberto Firmino")
        _post(desk, url, "yellow", 75, player="Mohamed Salah")
        _post(desk, url, "goal", 88, player="Divock Origi", text="Origi wins it!")
        _post(desk, url, "full_time", 90, 4)
        assert LiveEntry.objects.filter(article=blog).count() == 30

        match.refresh_from_db()
        assert (match.status, match.home_score, match.away_score) == (Match.Status.FULL_TIME, 2, 1)
        assert (match.home_ht_score, match.away_ht_score) == (1, 0)
        assert Goal.objects.filter(match=match).count() == 3
        assert Event.objects.filter(match=match, kind="yellow").count() == 2
        assert match.counts_in_tables()
        table = reader.context.new_page()
        table.goto("/competitions/big-league/")
        standings = table.locator("table").first.inner_text()
        assert standings.index("Liverpool") < standings.index("SSC Napoli")  # the winners top it
        match_page = reader.context.new_page()
        match_page.goto(match.get_absolute_url())
        assert "Origi" in match_page.inner_text("main")

        desk.goto(url)
        desk.click("text=Close the live blog")
        desk.wait_for_selector(".messagelist .success")
        desk.click("text=Draft the report from the live blog")
        desk.wait_for_url("**/change/")
        report = Article.objects.exclude(pk=blog.pk).get()
        assert report.status == Article.Status.DRAFT
        assert report.headline == "Liverpool 2–1 SSC Napoli: Salah, Mertens, Origi"

        # The editor writes a line with a wrong minute: flagged, then fixed, then published.
        editor = desk.locator(".ProseMirror[contenteditable=true]")
        editor.click()
        desk.keyboard.press("Control+Home")
        desk.keyboard.type("Origi scored the winner in the 86th minute. ")
        desk.click("input[name=_continue]")
        desk.wait_for_selector("#record-checks")
        assert "86th minute" in desk.inner_text("#record-checks")
        screenshot(desk, "live-report-checks")
        # The first paragraph, selected whole, retyped.
        desk.locator(".ProseMirror[contenteditable=true] p").first.click(click_count=3)
        desk.keyboard.type("Origi scored the winner in the 88th minute.")
        desk.select_option("#id_status", "published")
        desk.click("input[name=_continue]")
        desk.wait_for_selector(".messagelist .success")
        assert desk.locator("#record-checks").count() == 0, (desk.inner_text("#record-checks"),
                                                            Article.objects.get(pk=report.pk).body)
        report.refresh_from_db()
        assert report.is_published() and "88th minute" in report.body

        reader.goto(blog.get_absolute_url())
        assert reader.text_content("#live-heading") == "As it happened"
        screenshot(reader, "live-blog-closed")
    finally:
        editor_context.close()
        reader_context.close()
