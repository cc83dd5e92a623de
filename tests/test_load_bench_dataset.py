"""`manage.py load_bench_dataset`: the peer benchmark's dataset as published, tagged, findable reports."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, TaggedClub
from newsroom.football.models import Club

pytestmark = pytest.mark.django_db

TAGS = [
    {"name": "Northbridge Rangers", "slug": "northbridge-rangers"},
    {"name": "Ashford United", "slug": "ashford-united"},
    {"name": "Carrow City", "slug": "carrow-city"},
]


def _report(n, published_at, tags):
    return {
        "title": f"Northbridge Rangers {n}-0 Ashford United: report {n}",
        "slug": f"report-{n:04d}",
        "published_at": published_at,
        "intro": f"The intro of report {n}.",
        "paragraphs": [f"First paragraph of {n}, with <angle> & ampersand.", f"Second paragraph of {n}."],
        "tags": tags,
    }


def _dataset():
    return {
        "version": 1,
        "tags": TAGS,
        "reports": [
            _report(1, "2023-01-10T12:00:00+00:00", ["northbridge-rangers", "ashford-united"]),
            # 23:30 UTC in summer is 00:30 the next day in London: the address uses London's day.
            _report(2, "2023-07-01T23:30:00+00:00", ["northbridge-rangers", "carrow-city", "ashford-united"]),
            _report(3, "2023-10-13T07:15:00+00:00", ["carrow-city"]),
            _report(4, "2023-11-02T18:45:00+00:00", ["ashford-united", "carrow-city"]),
        ],
    }


def _write(tmp_path, data, name="dataset.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


def _load(*args):
    out = io.StringIO()
    call_command("load_bench_dataset", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _snapshot():
    return (
        sorted(Article.objects.values_list("pk", "slug", "publication_date", "headline", "status")),
        sorted(Club.objects.values_list("pk", "slug", "name")),
        sorted(TaggedClub.objects.values_list("content_object__slug", "tag__slug")),
    )


def test_loads_every_report_as_a_published_tagged_article(tmp_path):
    out = _load(_write(tmp_path, _dataset()))

    assert "Articles: 4 created, 0 updated, 0 unchanged." in out
    assert Article.objects.count() == 4
    assert Article.objects.published().count() == 4
    assert sorted(Club.objects.values_list("slug", "name")) == sorted((t["slug"], t["name"]) for t in TAGS)

    second = Article.objects.get(slug="report-0002")
    assert second.publication_date == datetime.date(2023, 7, 2)
    assert second.get_absolute_url() == "/2023/07/02/report-0002/"
    assert second.published_at == datetime.datetime(2023, 7, 1, 23, 30, tzinfo=datetime.UTC)
    assert second.standfirst == "The intro of report 2."
    assert second.body == (
        "<p>First paragraph of 2, with &lt;angle&gt; &amp; ampersand.</p><p>Second paragraph of 2.</p>"
    )
    assert sorted(second.clubs.values_list("slug", flat=True)) == [
        "ashford-united", "carrow-city", "northbridge-rangers",
    ]  # fmt: skip
    assert Article.objects.filter(clubs__slug="carrow-city").count() == 3


def test_the_pages_it_makes_answer_and_search_finds_the_reports(client, tmp_path):
    _load(_write(tmp_path, _dataset()))
    assert client.get("/2023/10/13/report-0003/").status_code == 200
    assert client.get("/clubs/northbridge-rangers/").status_code == 200
    assert client.get("/").status_code == 200
    # Bulk inserts send no signals: the command built the search index itself.
    page = client.get("/search/?q=Carrow").content.decode()
    found = {slug for slug in ("report-0001", "report-0002", "report-0003", "report-0004") if slug in page}
    assert found == {"report-0002", "report-0003", "report-0004"}


def test_a_second_run_changes_nothing_and_duplicates_nothing(tmp_path):
    path = _write(tmp_path, _dataset())
    _load(path)
    before = _snapshot()

    out = _load(path)

    assert "Articles: 0 created, 0 updated, 4 unchanged." in out
    assert "Nothing to change" in out
    assert _snapshot() == before


def test_a_changed_file_updates_in_place(client, tmp_path):
    _load(_write(tmp_path, _dataset()))
    first = Article.objects.get(slug="report-0001")
    data = _dataset()
    data["reports"][0]["title"] = "A better headline"
    data["reports"][0]["tags"] = ["carrow-city"]
    data["tags"][1]["name"] = "Ashford United FC"

    out = _load(_write(tmp_path, data, "changed.json"))

    assert "Articles: 0 created, 1 updated, 3 unchanged." in out
    assert "1 renamed" in out
    assert Article.objects.count() == 4 and Club.objects.count() == 3
    again = Article.objects.get(slug="report-0001")
    assert again.pk == first.pk
    assert again.headline == "A better headline"
    assert again.version == first.version + 1
    assert list(again.clubs.values_list("slug", flat=True)) == ["carrow-city"]
    assert Club.objects.get(slug="ashford-united").name == "Ashford United FC"
    assert "report-0001" in client.get("/search/?q=better+headline").content.decode()


def test_dry_run_writes_nothing(tmp_path):
    out = _load(_write(tmp_path, _dataset()), "--dry-run")
    assert "Articles: 4 would be created" in out
    assert "nothing was written" in out
    assert not Article.objects.exists() and not Club.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ('{"tags": [], "reports": [', "is not valid JSON"),
        ("[1, 2, 3]", "is not a bench dataset"),
        ({"tags": TAGS, "reports": [_report(1, "yesterday", ["northbridge-rangers"])]}, '"published_at"'),
        ({"tags": TAGS, "reports": [_report(1, "2023-01-10T12:00:00Z", ["nowhere-town"])]}, "nowhere-town"),
        ({"tags": TAGS, "reports": [{"slug": "report-0001"}]}, '"title" must be a non-empty string'),
    ],
)
def test_a_bad_file_is_a_readable_error_and_loads_nothing(tmp_path, content, message):
    path = str(tmp_path / "missing.json") if content is None else _write(tmp_path, content)
    with pytest.raises(CommandError) as raised:
        _load(path)
    assert message in str(raised.value)
    assert "Traceback" not in str(raised.value)
    assert not Article.objects.exists() and not Club.objects.exists()


def test_one_bad_report_stops_the_whole_file(tmp_path):
    data = _dataset()
    data["reports"][2]["published_at"] = "not a date"
    with pytest.raises(CommandError, match=r"reports\[2\] \(report-0003\)"):
        _load(_write(tmp_path, data))
    assert not Article.objects.exists()
