"""Tags in the newsroom: suggestions on the form, merges, and bulk tagging."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from newsroom.football.merges import merge_entities
from newsroom.football.models import Club, Goal, Match, Player

from .conftest import make_article, make_club, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db

SUGGEST_URL = "/admin/articles/article/suggest-tags/"


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    return client


def test_suggestions_read_the_text_and_the_match_and_tag_nothing(editor):
    liverpool, napoli = make_club("Liverpool", aliases="the Reds"), make_club("Napoli")
    make_player("Jordan Henderson", club=liverpool)
    make_player("Dean Henderson", club=make_club("Manchester United"))
    match = make_match(liverpool, napoli)
    response = editor.post(
        SUGGEST_URL,
        {
            "headline": "The Reds held",
            "standfirst": "",
            "body": "<p>Henderson drove them on.</p>",
            "match": match.pk,
        },
    )
    data = response.json()
    assert [c["slug"] for c in data["clubs"]] == ["liverpool"]
    assert [(p["slug"], p["forms"]) for p in data["players"]] == [("jordan-henderson", ["Henderson"])]
    assert data["clubs"][0]["id"] == liverpool.pk


def test_suggestions_need_a_post_and_a_newsroom_login(client, editor):
    assert editor.get(SUGGEST_URL).status_code == 405
    client.logout()
    assert client.post(SUGGEST_URL, {"body": "x"}).status_code == 302  # to the login page
    reader = User.objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(reader)
    assert client.post(SUGGEST_URL, {"body": "x"}).status_code == 403


def test_the_panel_is_on_the_article_form(editor):
    html = editor.get(reverse("admin:articles_article_add")).content.decode()
    assert 'id="tag-suggestions"' in html and f'data-url="{SUGGEST_URL}"' in html
    assert "js/tag-suggestions.js" in html


def test_an_overlong_text_is_refused_with_a_message(editor, settings):
    response = editor.post(SUGGEST_URL, {"body": "x" * (settings.NEWSROOM["BODY_MAX_CHARS"] + 2000)})
    assert response.status_code == 400 and "too long" in response.json()["error"]


def _merge(client, model, survivor, *others, confirm=True):
    data = {"action": "merge_selected", "_selected_action": [survivor.pk, *[o.pk for o in others]]}
    if confirm:
        data |= {"confirm": "yes", "survivor": survivor.pk}
    return client.post(reverse(f"admin:football_{model}_changelist"), data, follow=True)


def test_merging_clubs_moves_everything_and_redirects_the_old_page(editor):
    napoli, duplicate, other = (
        make_club("Napoli"),
        make_club("SSC Napoli Calcio", aliases="Partenopei"),
        make_club("Roma"),
    )
    match = make_match(duplicate, other)
    player = make_player("Dries Mertens", club=duplicate)
    make_goal(match, player, club=duplicate)
    articles = [make_article() for _ in range(3)]
    for article in articles:
        article.clubs.add(duplicate)
    articles[0].clubs.add(napoli)

    page = _merge(editor, "club", napoli, duplicate, confirm=False)
    assert "Choose the club to keep" in page.content.decode()
    assert Club.objects.filter(pk=duplicate.pk).exists()  # nothing happens before confirming

    page = _merge(editor, "club", napoli, duplicate)
    assert "Merged SSC Napoli Calcio into Napoli" in page.content.decode()
    assert not Club.objects.filter(pk=duplicate.pk).exists()
    napoli.refresh_from_db()
    assert napoli.alias_list() == ["SSC Napoli Calcio", "Partenopei"]
    assert Match.objects.get(pk=match.pk).home_club == napoli
    assert Goal.objects.get().club == napoli and Player.objects.get().club == napoli
    assert all(list(a.clubs.all()) == [napoli] or napoli in a.clubs.all() for a in articles)
    assert all(a.clubs.filter(pk=napoli.pk).count() == 1 for a in articles)
    assert editor.get("/clubs/ssc-napoli-calcio/").status_code == 301
    assert editor.get("/clubs/ssc-napoli-calcio/")["Location"].endswith("/clubs/napoli/")
    assert LogEntry.objects.filter(object_id=str(napoli.pk)).exists()


def test_a_chain_of_merges_still_redirects_in_one_hop(editor):
    first, second, third = (
        make_player("Sadio Mane", slug="sadio-mane-old"),
        make_player("S. Mané"),
        make_player("Sadio Mané"),
    )
    _merge(editor, "player", second, first)
    _merge(editor, "player", third, second)
    assert Redirect.objects.get(old_path="/players/sadio-mane-old/").new_path == "/players/sadio-mane/"
    assert editor.get("/players/sadio-mane-old/")["Location"].endswith("/players/sadio-mane/")


def test_clubs_that_played_each_other_cannot_be_merged(editor):
    a, b = make_club("Inter"), make_club("Internazionale")
    make_match(a, b)
    page = _merge(editor, "club", a, b)
    assert "Nothing was merged" in page.content.decode()
    assert Club.objects.count() == 2


def test_merge_needs_the_delete_permission(client):
    writer = User.objects.create_user("writer", password="pw", is_staff=True)
    writer.user_permissions.add(*Permission.objects.filter(codename__in=["view_club", "change_club"]))
    client.force_login(writer)
    a, b = make_club("Inter"), make_club("Internazionale")
    response = _merge(client, "club", a, b)
    assert response.status_code in (200, 403)
    assert Club.objects.count() == 2


def test_bulk_add_and_remove_a_player_on_selected_articles(editor):
    salah = make_player("Mohamed Salah")
    chosen = [make_article(), make_article()]
    untouched = make_article()
    url = reverse("admin:articles_article_changelist")
    ids = [a.pk for a in chosen]
    page = editor.post(url, {"action": "add_tag_to_selected", "_selected_action": ids})
    assert "Add a club or player" in page.content.decode()
    editor.post(
        url, {"action": "add_tag_to_selected", "_selected_action": ids, "player": salah.pk, "apply": "1"}
    )
    assert all(salah in a.players.all() for a in chosen)
    assert salah not in untouched.players.all()
    editor.post(
        url, {"action": "remove_tag_from_selected", "_selected_action": ids, "player": salah.pk, "apply": "1"}
    )
    assert not any(salah in a.players.all() for a in chosen)


def test_bulk_tag_without_a_choice_is_a_form_error(editor):
    article = make_article()
    page = editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "add_tag_to_selected", "_selected_action": [article.pk], "apply": "1"},
    )
    assert "Choose a club, a player, or both." in page.content.decode()


def test_a_club_merge_keeps_careers_and_womens_sides_pointing_at_the_survivor():
    arsenal, duplicate = make_club("Arsenal"), make_club("Arsenal FC")
    women = make_club("Arsenal Women", parent_club=duplicate)
    mead = make_player("Beth Mead")
    mead.other_clubs.set([arsenal, duplicate])
    merge_entities(arsenal, [duplicate])
    women.refresh_from_db()
    assert women.parent_club == arsenal
    assert list(mead.other_clubs.all()) == [arsenal]


def test_a_player_merge_keeps_both_careers():
    celtic, rangers = make_club("Celtic"), make_club("Rangers")
    boyd, duplicate = make_player("Kris Boyd"), make_player("Kris Boyd", slug="kris-boyd-2")
    boyd.other_clubs.set([celtic])
    duplicate.other_clubs.set([celtic, rangers])
    merge_entities(boyd, [duplicate])
    assert set(boyd.other_clubs.all()) == {celtic, rangers}
