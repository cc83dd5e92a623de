"""The demo newsroom that `make run` loads: what a newcomer sees first."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from articles.models import Article
from newsroom.football.merges import merge_entities
from newsroom.football.models import Club, Match, Player

from .conftest import rows_made_once

pytestmark = pytest.mark.django_db

REPORT_URL = "/2019/11/27/liverpool-napoli-champions-league-group-e/"


def _load(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_dry_run_saves_nothing():
    """On an empty database: outside the class below, which loads the demo."""
    out = _load("--dry-run")
    assert "rolled back" in out
    assert not Article.objects.exists() and not Club.objects.exists()


@pytest.fixture(scope="class")
def demo_loaded_once(django_db_setup, django_db_blocker):
    """The demo loaded once for the class, rolled back after it; each test's own changes are
    rolled back after the test (its transaction is a savepoint inside this one)."""
    with rows_made_once(django_db_blocker):
        _load()
        yield


@pytest.mark.usefixtures("demo_loaded_once")
class TestTheDemoLoadedOnce:
    """Each test starts from one load of the demo (4 s), made once for them all."""

    def test_demo_loads_once_and_shows_the_anfield_report(self, client):
        second = _load()
        # Safe to run again: the second run changes nothing.
        # Eleven kinds of demo object, then the two imported seasons: nothing created or updated.
        assert re.findall(r"(\d+) created", second) == ["0"] * 13, second
        assert re.findall(r"(\d+) updated", second) == ["0"] * 13, second

        assert Article.objects.published().count() >= 8
        report = Article.objects.get(slug="liverpool-napoli-champions-league-group-e")
        assert report.get_absolute_url() == REPORT_URL
        assert {"liverpool", "napoli"} <= {c.slug for c in report.clubs.all()}
        assert len(report.players.all()) >= 10
        assert report.body.count("<h2>") == 2

        match = Match.objects.get(home_club__slug="liverpool", away_club__slug="napoli", home_score=1)
        assert [(g.scorer.slug, g.minute) for g in match.goals.all()] == [
            ("dries-mertens", 21),
            ("dejan-lovren", 65),
        ]
        assert "the Reds" in Club.objects.get(slug="liverpool").alias_list()

        html = client.get(REPORT_URL).content.decode()
        assert "Dries Mertens</a> 21’" in html and "Dejan Lovren</a> 65’" in html
        assert 'aria-label="Final score 1 1"' in html
        for url in ["/", "/clubs/napoli/", "/players/dries-mertens/", "/clubs/", "/competitions/"]:
            assert client.get(url).status_code == 200, url
        assert Player.objects.get(slug="dries-mertens").club.slug == "napoli"

    def test_demo_reports_keep_their_real_times(self, client):
        report = Article.objects.get(slug="liverpool-napoli-champions-league-group-e")
        published = datetime.datetime(2019, 11, 27, 22, 30, tzinfo=datetime.UTC)
        assert report.created_at == report.updated_at == report.published_at == published
        html = client.get(REPORT_URL).content.decode()
        assert "Updated" not in html.split('class="article__byline"', 1)[1].split("</div>", 1)[0]
        assert '<meta property="article:modified_time" content="2019-11-27T22:30:00+00:00">' in html
        # The kick-off says which clock it is on.
        assert "Wed 27 Nov 2019, 20:00 GMT</time>" in html
        # Sitemaps tell crawlers the real age of every demo report: none was changed today.
        sitemap = client.get("/sitemap-articles.xml").content.decode()
        lastmods = re.findall(r"<lastmod>(\d{4})-", sitemap)
        assert lastmods and all(int(year) <= 2020 for year in lastmods), lastmods
        # A second run leaves the times (and the versions) alone.
        version = report.version
        _load()
        report.refresh_from_db()
        assert report.updated_at == published and report.version == version

    def test_demo_draft_and_scheduled_report_are_hidden_from_readers(self, client):
        hidden = Article.objects.exclude(pk__in=Article.objects.published())
        assert {a.status for a in hidden} == {"draft", "published"}  # one draft, one scheduled
        for article in hidden:
            assert client.get(article.get_absolute_url()).status_code == 404
            assert article.headline not in client.get("/").content.decode()

    def test_loading_the_demo_again_leaves_every_editors_change_alone(self):
        # The desk at work: an alias, a merge, a rewritten and unpublished report, a tag removed,
        # a goal corrected away, a renamed player.
        liverpool = Club.objects.get(slug="liverpool")
        liverpool.aliases += "\nLFC"
        liverpool.save()
        napoli = Club.objects.get(slug="napoli")
        survivor = Club.objects.create(name="SSC Napoli")
        merge_entities(survivor, [napoli])
        report = Article.objects.get(slug="liverpool-napoli-champions-league-group-e")
        report.headline, report.status = "Rewritten by the desk", "draft"
        report.save()
        mertens = Player.objects.get(slug="dries-mertens")
        report.players.remove(Player.objects.exclude(pk=mertens.pk).filter(articles=report).first())
        players_before = set(report.players.values_list("pk", flat=True))
        match = Match.objects.get(home_club__slug="liverpool", away_club=survivor, home_score=1)
        match.goals.filter(minute=65).delete()
        mertens.name = "Dries Mertens (Ciro)"
        mertens.save()
        versions = dict(Article.objects.values_list("pk", "version"))
        counts = {model: model.objects.count() for model in (Club, Player, Match, Article)}

        second = _load()
        assert re.findall(r"(\d+) created", second) == ["0"] * 13, second
        assert re.findall(r"(\d+) updated", second) == ["0"] * 13, second
        assert {model: model.objects.count() for model in counts} == counts  # no Napoli made again
        assert not Club.objects.filter(slug="napoli").exists()
        assert "LFC" in Club.objects.get(slug="liverpool").alias_list()
        report.refresh_from_db()
        assert report.headline == "Rewritten by the desk" and report.status == "draft"
        assert set(report.players.values_list("pk", flat=True)) == players_before
        assert [g.minute for g in match.goals.all()] == [21]
        assert Player.objects.get(pk=mertens.pk).name == "Dries Mertens (Ciro)"
        assert dict(Article.objects.values_list("pk", "version")) == versions

    def test_the_demo_match_has_its_real_line_ups_and_timeline_and_the_tables_are_full(self, client):
        match = Match.objects.get(
            home_club__slug="liverpool", away_club__slug="napoli", season="2019-20", round="Group E"
        )
        assert (match.home_formation, match.away_formation, match.home_ht_score, match.away_ht_score) == (
            "4-3-3", "4-4-2", 0, 1,
        )  # fmt: skip
        assert match.appearances.filter(starting=True).count() == 22
        assert match.appearances.get(club__slug="liverpool", captain=True).player.slug == "jordan-henderson"
        page = client.get(match.get_absolute_url()).content.decode()
        assert page.count("pitch__player--home") == 11 and page.count("pitch__player--away") == 11
        for line in (
            "Dries Mertens</a>",
            "Dejan Lovren</a>",
            "Georginio Wijnaldum</a> on",
            "Fabinho</a> off",
        ):
            assert line in page, line
        assert "21’" in page and "65’" in page

        first_leg = Match.objects.get(home_club__slug="napoli", away_club__slug="liverpool", season="2019-20")
        assert first_leg.appearances.filter(starting=True).count() == 22
        assert first_leg.events.filter(kind="substitution").count() == 5

        # The shipped seasons were imported onto the demo's own clubs: no "Liverpool FC" twin.
        assert not Club.objects.filter(name__in=["Liverpool FC", "SSC Napoli"]).exists()
        assert Match.objects.filter(competition__slug="serie-a", season="2019-20").count() == 380
        table = client.get("/competitions/uefa-champions-league/?season=2019-20").content.decode()
        assert (
            table.index(">Liverpool</a></th>")
            < table.index(">Napoli</a></th>")
            < table.index(">Red Bull Salzburg<")
        )

    def test_every_demo_match_has_both_line_ups_and_a_timeline_that_agrees_with_its_score(self):
        from articles import demo

        for spec in demo.MATCHES:
            match = Match.objects.get(
                home_club__slug=spec["home"], away_club__slug=spec["away"], kickoff=spec["kickoff"]
            )
            for club in (match.home_club, match.away_club):
                side = match.appearances.filter(club=club)
                starters = side.filter(starting=True)
                assert starters.count() == 11, (spec["key"], club.slug)
                assert side.filter(captain=True, starting=True).count() == 1, (spec["key"], club.slug)
                numbers = [n for n in side.values_list("number", flat=True) if n is not None]
                assert len(numbers) == len(set(numbers)), (spec["key"], club.slug)
                # Who comes on was on the bench; who goes off was on the pitch at the time.
                on_pitch = set(starters.values_list("player_id", flat=True))
                bench = set(side.filter(starting=False).values_list("player_id", flat=True))
                for event in match.events.filter(club=club, kind="substitution"):
                    assert event.player_id in bench, (spec["key"], event.player.slug)
                    assert event.player_off_id in on_pitch, (spec["key"], event.player_off.slug)
                    bench.discard(event.player_id)
                    on_pitch = on_pitch - {event.player_off_id} | {event.player_id}
            goals = list(match.goals.all())
            assert len(goals) == len(spec["goals"]), spec["key"]
            assert match.score_contradictions(goals) == [], spec["key"]
            final = (
                (match.home_et_score, match.away_et_score)
                if match.home_et_score is not None
                else (match.home_score, match.away_score)
            )
            assert final == (
                sum(g.club_id == match.home_club_id for g in goals),
                sum(g.club_id == match.away_club_id for g in goals),
            ), spec["key"]
