"""load_entities, suggest_tags and import_reports: idempotent, clear about bad files."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from newsroom.football.models import Club, Player

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ENTITIES = FIXTURES / "entities.json"
REPORT = FIXTURES / "anfield-draw.txt"
EXPECTED_PLAYERS = {
    "dries-mertens", "dejan-lovren", "kalidou-koulibaly",
    "giovanni-di-lorenzo", "sadio-mane", "mohamed-salah",
}  # fmt: skip


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_load_entities_creates_then_leaves_alone():
    out, err = run("load_entities", str(ENTITIES))
    assert "Clubs: 2 created" in out and "Players: 8 created" in out
    assert "unknown club 'Wolverhampton Wanderers'" in err
    out, _ = run("load_entities", str(ENTITIES))
    assert "Clubs: 0 created, 0 updated, 2 unchanged" in out
    assert "Players: 0 created, 0 updated, 8 unchanged" in out

    assert Club.objects.get(slug="liverpool").alias_list() == ["Liverpool FC", "LFC", "the Reds"]
    mertens = Player.objects.get(slug="dries-mertens")
    assert (mertens.club.slug, mertens.position) == ("napoli", "FW")
    assert Player.objects.get(slug="dejan-lovren").club.slug == "liverpool"  # a club's slug works too
    assert Player.objects.filter(name="Adama Traoré").count() == 2


def test_load_entities_reads_women_sides_and_careers_and_creates_no_club_from_a_career(tmp_path):
    gazetteer = {
        "clubs": [
            {"name": "Arsenal Women", "parent_club": "arsenal"},  # the parent may come later
            {"name": "Arsenal"},
            {"name": "Celtic"},
        ],
        "players": [
            {
                "name": "Joe Hart",
                "club": "Celtic",
                "other_clubs": ["Arsenal", "Torino"],
                "national_team": "England",
            },
            {"name": "Chris Sutton", "other_clubs": ["celtic"], "retired": True},
        ],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gazetteer))
    out, err = run("load_entities", str(path))
    assert "unknown other club 'Torino'" in err
    assert not Club.objects.filter(name="Torino").exists()
    assert Club.objects.get(slug="arsenal-women").parent_club.slug == "arsenal"
    hart = Player.objects.get(slug="joe-hart")
    assert [c.slug for c in hart.other_clubs.all()] == ["arsenal"]
    assert (hart.national_team, hart.retired) == ("England", False)
    assert Player.objects.get(slug="chris-sutton").retired is True

    out, _ = run("load_entities", str(path))
    assert "Clubs: 0 created, 0 updated, 3 unchanged" in out
    assert "Players: 0 created, 0 updated, 2 unchanged" in out
    gazetteer["players"][1]["other_clubs"] = ["Celtic", "Arsenal"]
    path.write_text(json.dumps(gazetteer))
    out, _ = run("load_entities", str(path))
    assert "Players: 0 created, 1 updated, 1 unchanged" in out


def test_load_entities_updates_what_changed(tmp_path):
    run("load_entities", str(ENTITIES))
    data = json.loads(ENTITIES.read_text())
    data["clubs"][0]["aliases"].append("Liverpool Football Club")
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    out, _ = run("load_entities", str(changed))
    assert "Clubs: 0 created, 1 updated, 1 unchanged" in out
    assert "Liverpool Football Club" in Club.objects.get(slug="liverpool").alias_list()


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected an object"),
        ('{"clubs": {"name": "x"}}', '"clubs" must be a list'),
    ],
)
def test_load_entities_refuses_a_bad_file_and_saves_nothing(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(CommandError, match=message):
        run("load_entities", str(bad))
    assert not Club.objects.exists()


def test_load_entities_skips_bad_entries_and_loads_the_rest(tmp_path):
    bad = tmp_path / "entries.json"
    bad.write_text(
        json.dumps({"clubs": [{"name": "⚽"}, {"aliases": ["x"]}, {"name": "Everton"}], "players": ["x"]})
    )
    out, err = run("load_entities", str(bad))
    assert "Clubs: 1 created" in out and "2 skipped" in out
    assert "a name with letters or digits is required" in err
    assert list(Club.objects.values_list("slug", flat=True)) == ["everton"]


def test_load_entities_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="no such file"):
        run("load_entities", "/nonexistent/gazetteer.json")


def test_suggest_tags_json_prints_one_object_per_file():
    run("load_entities", str(ENTITIES))
    out, _ = run("suggest_tags", "--json", str(REPORT))
    (line,) = out.strip().splitlines()
    result = json.loads(line)
    assert result["file"] == str(REPORT)
    assert {c["slug"] for c in result["clubs"]} == {"liverpool", "napoli"}
    assert {p["slug"] for p in result["players"]} == EXPECTED_PLAYERS
    mertens = next(p for p in result["players"] if p["slug"] == "dries-mertens")
    assert mertens["forms"] == ["Mertens"] and mertens["count"] == 1
    assert set(mertens) >= {"slug", "name", "forms", "count"}


def test_suggest_tags_explain_says_why_a_candidate_was_left(tmp_path):
    gazetteer = {
        "clubs": [{"name": "Celtic"}, {"name": "Rangers"}],
        "players": [
            {"name": "Liam Kelly", "slug": "liam-kelly", "club": "Celtic"},
            {"name": "Connor Kelly", "slug": "connor-kelly", "club": "Rangers"},
        ],
    }
    (tmp_path / "g.json").write_text(json.dumps(gazetteer))
    run("load_entities", str(tmp_path / "g.json"))
    report = tmp_path / "derby.txt"
    report.write_text("Celtic drew with Rangers. Kelly was booked.\n\nCeltic: Hart, Scales, Kelly, Taylor.\n")
    out, _ = run("suggest_tags", "--explain", str(report))
    connor = out[out.index("Connor Kelly (player, connor-kelly): not suggested") :]
    assert "more than one of that name is at a club in play" in connor.splitlines()[1]
    assert "Liam Kelly (player, liam-kelly): suggested" in out
    assert "in the team list of Celtic" in out

    out, _ = run("suggest_tags", "--json", str(report))
    assert "explain" not in json.loads(out)  # the --json format is unchanged without --explain
    out, _ = run("suggest_tags", "--json", "--explain", str(report))
    explained = {e["slug"]: e for e in json.loads(out)["explain"]}
    assert explained["connor-kelly"]["suggested"] is False
    assert {e["verdict"] for e in explained["liam-kelly"]["evidence"]} >= {"chose"}


def test_suggest_tags_reports_unreadable_files_and_fails_at_the_end():
    with pytest.raises(CommandError, match="1 of 2"):
        out, _ = run("suggest_tags", "--json", str(REPORT), str(FIXTURES / "not-a-report.bin"))


def test_import_reports_makes_a_tagged_draft_with_sub_headings_once():
    run("load_entities", str(ENTITIES))
    out, _ = run("import_reports", str(REPORT))
    assert "[1/1]" in out and "1 created" in out
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT and not article.is_published()
    assert article.headline.startswith("Napoli left Anfield with a point")
    assert article.body.count("<h2>") == 2
    assert "<h2>A back line that would not bend</h2>" in article.body
    assert article.body.count("<p>") == 5
    assert {c.slug for c in article.clubs.all()} == {"liverpool", "napoli"}
    assert {p.slug for p in article.players.all()} == EXPECTED_PLAYERS

    out, _ = run("import_reports", str(REPORT))
    assert "already imported" in out
    assert Article.objects.count() == 1


def test_import_reports_reads_headers(tmp_path):
    run("load_entities", str(ENTITIES))
    report = tmp_path / "with-headers.txt"
    report.write_text(
        "Headline: Napoli hold on at Anfield\nDate: 2019-11-27\nHome: Liverpool\nAway: Napoli\n\n"
        + REPORT.read_text()
    )
    run("import_reports", str(report))
    article = Article.objects.get()
    assert article.headline == "Napoli hold on at Anfield"
    assert article.get_absolute_url() == "/2019/11/27/napoli-hold-on-at-anfield/"
    assert article.status == Article.Status.DRAFT


def test_import_reports_keeps_going_past_bad_files_and_says_why(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    bad_date = tmp_path / "bad-date.txt"
    bad_date.write_text("Headline: Something\nDate: yesterday-ish\n\nA paragraph.\n")
    with pytest.raises(CommandError) as failure:
        run("import_reports", str(empty), str(FIXTURES / "not-a-report.bin"), str(REPORT), str(bad_date))
    message = str(failure.value)
    assert "3 file(s) could not be imported" in message
    assert "there is no text to import" in message
    assert "not UTF-8 text" in message
    assert "is not a date" in message
    assert Article.objects.count() == 1


def test_import_dry_run_saves_nothing():
    out, _ = run("import_reports", "--dry-run", str(REPORT))
    assert "1 would be created" in out
    assert not Article.objects.exists()
