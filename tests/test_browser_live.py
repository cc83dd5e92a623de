"""Match day in a real browser (issue 14): an editor runs a whole match on the live desk while a
reader follows it without reloading, then drafts the report, fixes a flagged minute and publishes."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, LiveEntry
from newsroom.football.models import Appearance, Event, Goal, Match

from .browser import SCREENSHOTS, chromium, screenshot  # noqa: F401  (fixtures)
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

        # The reader's clock is Playwright's: the script's 12 s between polls pass when told to.
        reader_context.clock.install()
        reader = reader_context.new_page()
        reader.goto(blog.get_absolute_url())
        assert "Liverpool 0–0 SSC Napoli · Scheduled" in reader.inner_text("[data-live-score]")
        reader.evaluate("window.stillTheSamePage = true")

        _post(desk, url, "kick_off", text="We are under way at Anfield.")
        assert desk.input_value("#id_minute") in {"1", "2", "3"}  # prefilled from the kick-off
        for n in range(1, 11):
            _post(desk, url, text=f"First-half update {n}.")
        _post(desk, url, "goal", 20, player="Mohamed Salah", text="Salah curls it in!")
        # The reader's page picks the goal up by itself (the script polls every 12 s): 12 s go by.
        reader.clock.run_for(12_000)
        expect(reader.locator("[data-live-score]")).to_contain_text("1–0", timeout=30_000)
        # The match box above the blog follows too: its score and the goal on its timeline.
        expect(reader.locator(".match-box__result")).to_have_attribute("aria-label", "Score so far 1 0")
        assert "Mohamed Salah" in reader.inner_text(".match-box__goals")
        assert "Salah curls it in!" in reader.inner_text("[data-live-entries]")
        assert reader.evaluate("window.stillTheSamePage") is True  # no reload
        # The marker follows the whistle, and the key events, none at first, appear with the goal.
        assert reader.get_attribute("#live", "data-status") == "live"
        assert "20’ Goal: Mohamed Salah" in reader.inner_text(".live__events")
        assert reader.locator(".live__events").is_visible()
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


@pytest.fixture
def blog_in_play(settings, tmp_path):
    """A live blog in the first half's added time: a pinned entry, key events, an update that was
    corrected, a wide picture and a long embed address, as a phone must hold them."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.media.models import Image

    from .images import jpeg

    settings.MEDIA_ROOT = str(tmp_path / "media")
    match = _match()
    blog = make_article(kind=Article.Kind.LIVE, match=match, headline="Liverpool v Napoli: live",
                        body="<p>Follow every kick at Anfield.</p>")  # fmt: skip
    picture = Image(file=SimpleUploadedFile("kop.jpg", jpeg((1600, 900))), alt_text="The Kop before kick-off")
    picture.save()
    start = timezone.now() - datetime.timedelta(minutes=50)
    salah = Appearance.objects.get(player__name="Mohamed Salah").player
    callejon = Appearance.objects.get(player__name="Jose Callejon").player

    def post(minutes, **fields):
        entry = LiveEntry(article=blog, posted_at=start + datetime.timedelta(minutes=minutes), **fields)
        entry.full_clean()
        entry.save()
        return entry

    post(-30, body="<p>Team news: Salah starts, Origi on the bench.</p>", pinned=True)
    post(0, kind="kick_off", body="<p>We are under way at Anfield.</p>")
    post(5, body="<p>The Kop is in full voice.</p>", image=picture)
    post(12, body="<p>A plain update from the press box.</p>")
    post(20, kind="goal", minute=20, player=salah, club=match.home_club, body="<p>Salah curls it in!</p>")
    corrected = post(30, body="<p>Napoli see more of the ball.</p>")
    corrected.body = "<p>Napoli see much more of the ball.</p>"
    corrected.save()  # readers see "Updated"
    post(40, embed_url="https://video.example.com/watch/" + "salah-curler-from-the-edge-of-the-box-" * 3)
    post(48, kind="yellow", minute=45, added_time=3, player=callejon, club=match.away_club)
    return blog


def test_a_phone_reader_sees_the_score_the_key_events_and_the_pinned_entry_apart(
    chromium, live_server, blog_in_play  # noqa: F811
):
    from .conftest import require_service
    from .test_browser_reader import _PALE_INK
    from .test_browser_site import AXE

    require_service(AXE.exists(), f"axe-core is not installed ({AXE}); run: npm install --no-save axe-core")
    context = chromium.new_context(viewport={"width": 375, "height": 800}, base_url=live_server.url,
                                   bypass_csp=True)  # fmt: skip
    try:
        page = context.new_page()
        page.set_default_timeout(5000)
        page.goto(blog_in_play.get_absolute_url())
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert page.locator(".live__status").inner_text().strip().casefold() == "live"
        assert page.locator(".live__status").is_visible()
        assert "Liverpool 1–0 SSC Napoli" in page.inner_text("[data-live-score]")

        def look(selector):
            return page.eval_on_selector(selector, """e => { const s = getComputedStyle(e);
              return [s.backgroundColor, s.borderLeftWidth + ' ' + s.borderLeftColor,
                      s.borderTopWidth + ' ' + s.borderTopColor]; }""")  # fmt: skip

        plain = look(".live-entry:not(.live-entry--key):not(.live-entry--pinned)")
        assert look(".live-entry--pinned") != plain
        assert look(".live-entry--goal") != plain
        assert look(".live-entry--yellow") != plain
        assert page.locator(".live-entry--pinned .live-entry__pin").is_visible()
        for selector, text in [(".live-entry--goal", "20’"), (".live-entry--yellow", "45+3’")]:
            minute = page.locator(f"{selector} .live-entry__minute")
            assert minute.is_visible() and minute.inner_text() == text
            # The minute stands out from the time of posting beside it.
            sizes = minute.evaluate("""m => [m, m.parentElement.querySelector('time')].map(
              e => parseFloat(getComputedStyle(e).fontSize))""")  # fmt: skip
            assert sizes[0] > sizes[1], sizes
        assert page.locator(".live-entry__updated").is_visible()
        entry = page.locator(".live-entry", has=page.locator("img")).bounding_box()
        image = page.locator(".live-entry__picture img").bounding_box()
        assert image["x"] >= entry["x"] and image["x"] + image["width"] <= entry["x"] + entry["width"] + 0.5
        assert page.locator(".live__events li").count() == 3  # kick-off, goal, card
        # The in-play marker pulses, unless the reader asks for less motion.
        pulse = "getComputedStyle(document.querySelector('.live__score'), '::before').animationName"
        assert page.evaluate(pulse) == "live-pulse"
        page.emulate_media(reduced_motion="reduce")
        assert page.evaluate(pulse) == "none"
        page.emulate_media(reduced_motion="no-preference")
        screenshot(page, "live-blog-375")
        # Scrolled to an entry, the score stays on screen, above it, not over it.
        page.eval_on_selector(".live-entry--goal", "e => e.scrollIntoView({behavior: 'instant'})")
        bar = page.locator(".live__score").bounding_box()
        goal = page.locator(".live-entry--goal").bounding_box()
        assert abs(bar["y"]) < 1 and goal["y"] >= bar["y"] + bar["height"], (bar, goal)
        page.screenshot(path=str(SCREENSHOTS / "live-blog-375-scrolled.png"))
        page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
        # Printed, every ink is dark enough for white paper.
        page.emulate_media(media="print")
        assert page.evaluate(_PALE_INK) == []
        screenshot(page, "live-blog-375-print")
        page.emulate_media(media="screen")

        problems = {}
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.add_script_tag(path=str(AXE))
            found = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".map(v => ({id: v.id, impact: v.impact,"
                " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
            )
            problems[scheme] = [v for v in found if v["impact"] in ("serious", "critical")]
            if scheme == "dark":
                screenshot(page, "live-blog-375-dark")
        assert problems == {"light": [], "dark": []}, problems
        page.emulate_media(color_scheme="light")
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, "live-blog-1280")
    finally:
        context.close()


def test_the_live_desk_is_compact_and_its_entries_read_on_a_laptop_and_a_phone(
    chromium, live_server, blog_in_play  # noqa: F811
):
    User.objects.create_superuser("eddie", password=PASSWORD)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    try:
        desk = context.new_page()
        desk.set_default_timeout(10_000)
        desk.goto("/admin/login/")
        desk.fill("#id_username", "eddie")
        desk.fill("#id_password", PASSWORD)
        desk.click("input[type=submit]")
        desk.wait_for_url("**/admin/")
        desk.goto(f"/admin/articles/article/{blog_in_play.pk}/live/")
        # Compact: the whole form, Post included, on a laptop's first screen.
        post = desk.locator("#live-entry-form input[type=submit]").bounding_box()
        assert post["y"] + post["height"] <= 900, post
        # Room to write a few lines, and an entry shows all it carries: the embed too.
        editor = desk.locator("#live-entry-form .ProseMirror[contenteditable=true]")
        assert editor.bounding_box()["height"] >= 70
        assert desk.locator(".live-desk__entries").get_by_text("https://video.example.com/").is_visible()
        assert desk.locator(".live-desk__pinned").is_visible()
        screenshot(desk, "live-desk-1280")
        desk.set_viewport_size({"width": 390, "height": 844})
        desk.reload()
        screenshot(desk, "live-desk-390")
        assert desk.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        # On a phone the small fields go two a row, not one a screen's width.
        kind = desk.locator("#live-entry-form .field-kind").bounding_box()
        minute = desk.locator("#live-entry-form .field-minute").bounding_box()
        assert kind["y"] == minute["y"] and minute["x"] > kind["x"], (kind, minute)
    finally:
        context.close()
