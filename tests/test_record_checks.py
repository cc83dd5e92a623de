"""Checks of a report against the match record: the rules, scored on their evaluation set
(tests/fixtures/record_checks/), and the warnings in the admin (issue 14)."""

import datetime
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles import record_checks
from articles.models import Article, LiveEntry
from newsroom.football.models import Appearance, Player

from .conftest import make_article, make_club, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db

CASES = json.loads((Path(__file__).parent / "fixtures" / "record_checks" / "cases.json").read_text())
LIVERPOOL = ["Alisson Becker", "Andy Robertson", "Jordan Henderson", "Mohamed Salah", "Roberto Firmino"]
NAPOLI = ["Alex Meret", "Kalidou Koulibaly", "Lorenzo Insigne", "Dries Mertens", "Jose Callejon"]
# Precision and recall the rules must keep on the set (1.0 when committed).
FLOOR = 0.9


@pytest.fixture
def match():
    liverpool, napoli = make_club("Liverpool"), make_club("SSC Napoli", aliases="Napoli")
    match = make_match(liverpool, napoli, score=(2, 1), venue="Anfield",
                       kickoff=datetime.datetime(2019, 11, 27, 20, tzinfo=datetime.UTC))  # fmt: skip
    match.home_ht_score, match.away_ht_score = 1, 0
    match.save()
    for club, names in ((liverpool, LIVERPOOL), (napoli, NAPOLI)):
        for number, name in enumerate(names, start=1):
            player = make_player(name, club=club)
            Appearance.objects.create(match=match, club=club, player=player, number=number)
    make_player("Sadio Mane", club=liverpool)
    make_player("Victor Osimhen", club=napoli)
    make_goal(match, Player.objects.get(name="Mohamed Salah"), club=liverpool, minute=20)
    make_goal(match, Player.objects.get(name="Dries Mertens"), club=napoli, minute=65)
    make_goal(match, Player.objects.get(name="Roberto Firmino"), club=liverpool, minute=90, added_time=2)
    return match


def _warnings(match, case):
    texts = [("headline", case["headline"], None), ("standfirst", case["standfirst"], None),
             ("body", record_checks.html_to_text(case["body"]), None)]  # fmt: skip
    tagged = list(Player.objects.filter(name__in=case["players"]))
    return record_checks.check(match, texts, tagged)


def test_the_checks_find_the_planted_contradictions_and_leave_clean_reports_alone(match):
    raised = planted = right = 0
    mistakes = []
    for case in CASES:
        got = [(w.kind, w.words) for w in _warnings(match, case)]
        expected = [tuple(e) for e in case["expected"]]
        hits = [e for e in expected if any(k == e[0] and e[1].lower() in words.lower() for k, words in got)]
        false = [g for g in got if not any(g[0] == e[0] and e[1].lower() in g[1].lower() for e in expected)]
        raised, planted, right = raised + len(got), planted + len(expected), right + len(hits)
        if false or len(hits) < len(expected):
            mistakes.append((case["id"], got, expected))
    precision = (right / raised) if raised else 1.0
    recall = right / planted
    print(f"record checks: precision {precision:.3f}, recall {recall:.3f} over {len(CASES)} cases")
    assert precision >= FLOOR and recall >= FLOOR, mistakes


def test_each_warning_says_where_the_words_are_and_what_the_record_says(match):
    case = next(c for c in CASES if c["id"] == "wrong-minute")
    (warning,) = _warnings(match, case)
    assert warning.field == "body" and warning.words == "25th minute"
    assert "20’" in warning.message


def test_a_preview_before_the_match_is_not_checked_for_its_score():
    fixture = make_match(make_club("Everton"), make_club("Leeds"), score=None)
    headline = "Everton v Leeds: a 3-0 last time"
    article = make_article(match=fixture, headline=headline, kind=Article.Kind.PREVIEW)
    assert record_checks.check_article(article) == []


def test_live_entries_are_checked_and_named(match):
    blog = make_article(kind=Article.Kind.LIVE, match=match, headline="Liverpool v Napoli: live", body="")
    entry = LiveEntry.objects.create(article=blog, body="<p>Callejon scored, surely?</p>")
    (warning,) = record_checks.check_article(blog, [entry])
    assert (warning.kind, warning.field, warning.entry_id) == ("not_a_scorer", "entry", entry.pk)


def test_the_admin_warns_on_the_form_but_publishes(client, match):
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    report = make_article(match=match, headline="Liverpool 3-1 Napoli", status=Article.Status.DRAFT,
                          body="<p>Salah scored in the 25th minute.</p>")  # fmt: skip
    page = client.get(reverse("admin:articles_article_change", args=[report.pk])).content.decode()
    assert "Checks against the match record" in page
    assert "“3-1” but the match ended 2–1." in page and 'href="#id_headline"' in page
    assert "25th minute" in page and 'href="#id_body"' in page
