"""Caches forget exactly what changed: every model declares its tags, pages carry them, a change
purges them once, and pages that do not show the changed thing stay warm."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from articles.models import Article, Correction, TaggedClub, TaggedPlayer
from newsroom.delivery import edge, purges
from newsroom.search import engine
from tests.conftest import make_article, make_author, make_club, make_goal, make_match, make_player
from tests.test_workflow import form_data

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def _outcome(client, url):
    """How the page cache answered: "hit" when it served a kept copy."""
    return _get(client, url).wsgi_request.page_cache


@pytest.mark.parametrize("label", ["articles", "football", "media"])
def test_every_model_of_the_content_apps_says_what_its_changes_purge(label):
    # Auto-created many-to-many tables (authors, pins) count: their rows are on pages too.
    undeclared = [
        model._meta.label
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not purges.is_declared(model)
    ]
    assert undeclared == []


def test_public_pages_carry_the_tags_of_what_they_show(client):
    club, player = make_club("Napoli"), make_player("Dries Mertens")
    article = make_article(headline="Mertens again", match=make_match(home=club))
    article.players.add(player)
    article.authors.add(author := make_author("Ada Byline"))

    tags = set(_get(client, article.get_absolute_url())["Surrogate-Key"].split())
    assert {f"article-{article.pk}", f"club-{club.pk}", f"player-{player.pk}",
            f"match-{article.match_id}", f"author-{author.pk}", "site"} <= tags  # fmt: skip
    club_tags = set(_get(client, club.get_absolute_url())["Surrogate-Key"].split())
    assert {f"club-{club.pk}", f"list-club-{club.pk}", f"article-{article.pk}"} <= club_tags
    assert "list-front" in _get(client, "/")["Surrogate-Key"].split()
    # Admin pages and logged-in readers carry no tags (nothing may keep them).
    client.force_login(User.objects.create_superuser("sue", password="x"))
    assert "Surrogate-Key" not in client.get(reverse("admin:index"))


def test_editing_a_club_leaves_every_page_that_does_not_show_it_warm(client):
    napoli, liverpool = make_club("Napoli"), make_club("Liverpool")
    naples = make_article(headline="A night in Naples")
    naples.clubs.add(napoli)
    anfield = make_article(headline="A night at Anfield", published_at=naples.published_at.replace(year=2019))
    anfield.clubs.add(liverpool)
    urls = [liverpool.get_absolute_url(), anfield.get_absolute_url(), napoli.get_absolute_url(), "/"]
    for url in urls:
        _get(client, url)
    assert [_outcome(client, url) for url in urls] == ["hit"] * 4

    napoli.name = "SSC Napoli"
    napoli.save()
    assert _outcome(client, liverpool.get_absolute_url()) == "hit"
    assert _outcome(client, anfield.get_absolute_url()) == "hit"
    assert "SSC Napoli" in _get(client, napoli.get_absolute_url()).content.decode()
    assert "A night in Naples" in _get(client, "/").content.decode()  # the front page shows Naples: cold


def test_a_goal_purges_its_match_and_scorer_not_the_other_clubs():
    match = make_match(score=(1, 0))
    scorer = make_player("Dries Mertens", club=match.home_club)
    goal = make_goal(match, scorer, minute=17)
    assert purges.tags_for(goal) == {f"match-{match.pk}", f"player-{scorer.pk}"}
    assert f"results-{match.home_club_id}" in purges.tags_for(match)


class _CountingEdge(edge.EdgeBackend):
    def __init__(self):
        self.calls = []

    def purge(self, tags):
        self.calls.append(set(tags))


@pytest.fixture
def counting_edge(monkeypatch):
    backend = _CountingEdge()
    monkeypatch.setattr(edge, "get_backend", lambda: backend)
    return backend


def test_one_admin_save_purges_once_reindexes_once_in_few_queries(
    counting_edge, monkeypatch, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    editor = User.objects.create_user("eddie", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(editor)
    napoli, liverpool = make_club("Napoli"), make_club("Liverpool")
    match = make_match(home=liverpool, away=napoli, score=(1, 1))
    scorer = make_player("Dries Mertens", club=napoli)
    make_goal(match, scorer, club=napoli, minute=21)
    article = make_article(headline="Liverpool 1-1 Napoli", match=match)
    authors = [make_author("Ada Byline"), make_author("Bo Byline")]
    players = [make_player(f"Player {n}", club=liverpool) for n in range(6)]
    reindexed = []
    real_reindex = engine.reindex
    monkeypatch.setattr(engine, "reindex", lambda ids: (reindexed.append(set(ids)), real_reindex(ids)))
    from newsroom.search import receivers

    monkeypatch.setattr(receivers, "reindex", engine.reindex)
    data = form_data(
        article, headline="Liverpool 1–1 Napoli: Mertens and Lovren", match=match.pk,
        authors=[a.pk for a in authors], clubs=[napoli.pk, liverpool.pk],
        players=[scorer.pk, *(p.pk for p in players)],  # the form shows the scorer, tagged already
    )  # fmt: skip
    # A running site has its content types cached; a test starts without.
    ContentType.objects.get_for_models(Article, TaggedClub, TaggedPlayer, Correction)
    url = reverse("admin:articles_article_change", args=[article.pk])
    # 38 on SQLite (37 on PostgreSQL), within the 40: the session and user (2), the
    # repeated-submission check (1), the form's lookups (11: the article, the permissions (2),
    # its authors, clubs and players as they were (3), the picked match, clubs, players and
    # authors (4), the slug's day), the save and what it purges (2), receipt and presence (2), the
    # authors' and tags' changes (6), the revision (8: its authors and corrections, the log entry,
    # reversion's check that the article exists, the revision, its version, the tag rows read and
    # written in bulk), the search index (4 on SQLite: the article, its names, two INSERT OR
    # REPLACE; 3 on PostgreSQL, one upsert), and the save's transaction, which this test's own
    # turns into a savepoint (2; one BEGIN on SQLite in production, nothing on PostgreSQL).
    with django_capture_on_commit_callbacks(execute=True), django_assert_max_num_queries(38):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.headline == "Liverpool 1–1 Napoli: Mertens and Lovren"
    assert len(counting_edge.calls) == 1
    assert {f"article-{article.pk}", f"list-club-{napoli.pk}"} <= counting_edge.calls[0]
    assert reindexed == [{article.pk}]
    assert Article.objects.get(pk=article.pk).players.count() == 7  # six tagged, the scorer kept


def test_a_bulk_write_purges_through_the_same_api(client):
    article = make_article(headline="Before the script")
    assert _outcome(client, article.get_absolute_url()) == "miss"
    Article.objects.filter(pk=article.pk).update(headline="After the script")  # no signal
    assert _outcome(client, article.get_absolute_url()) == "hit"  # still the kept copy
    purges.purge(purges.tags_for(article))
    assert "After the script" in _get(client, article.get_absolute_url()).content.decode()


def test_a_merge_of_two_clubs_purges_every_page_that_showed_either(client):
    from newsroom.football.merges import merge_entities

    survivor, duplicate = make_club("Napoli"), make_club("SSC Napoli")
    article = make_article(headline="Naples by night")
    article.clubs.add(duplicate)
    assert "Naples by night" not in _get(client, survivor.get_absolute_url()).content.decode()
    _get(client, article.get_absolute_url())
    merge_entities(survivor, [duplicate])
    assert "Naples by night" in _get(client, survivor.get_absolute_url()).content.decode()
    page = _get(client, article.get_absolute_url()).content.decode()
    assert f'href="{survivor.get_absolute_url()}"' in page
