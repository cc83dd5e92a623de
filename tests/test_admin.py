"""The newsroom's admin: every page renders, autocomplete finds tags, saves are sanitised."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article
from newsroom.football.models import Player

from .conftest import make_article, make_author, make_club, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    return client


@pytest.fixture
def desk():
    liverpool, napoli = make_club("Liverpool", aliases="the Reds\nLFC"), make_club("Napoli")
    match = make_match(liverpool, napoli)
    make_goal(match, make_player("Dries Mertens", club=napoli), club=napoli, minute=21)
    article = make_article(match=match)
    return {"match": match, "article": article, "author": make_author()}


# Each model in the admin of the app that owns it.
APP_OF = {"article": "articles", "author": "articles", "match": "football", "club": "football",
          "player": "football", "competition": "football", "image": "media"}  # fmt: skip


@pytest.mark.parametrize("model", list(APP_OF))
def test_admin_list_add_and_change_pages_render(editor_client, desk, model):
    app = APP_OF[model]
    assert editor_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200
    objects = {
        "article": desk["article"], "match": desk["match"], "club": desk["match"].home_club,
        "player": desk["match"].goals.first().scorer, "competition": desk["match"].competition,
        "author": desk["author"],
    }  # fmt: skip
    if model in objects:
        url = reverse(f"admin:{app}_{model}_change", args=[objects[model].pk])
        assert editor_client.get(url).status_code == 200


def test_article_list_filters_by_club_and_competition(editor_client, desk):
    url = reverse("admin:articles_article_changelist")
    response = editor_client.get(url, {"club": "napoli"})
    assert response.status_code == 200
    assert desk["article"].headline in response.content.decode()
    competition = desk["match"].competition
    response = editor_client.get(url, {"match__competition__id__exact": competition.pk})
    assert desk["article"].headline in response.content.decode()


def test_clubs_and_players_are_picked_with_autocomplete(editor_client, desk):
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'data-ajax--url="/admin/autocomplete/"' in html
    assert 'name="clubs"' in html and 'name="players"' in html

    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "clubs", "term": "Reds"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Liverpool"]


def _article_form(**overrides):
    data = {
        "headline": "Mertens strikes at Anfield",
        "slug": "mertens-strikes",
        "kind": "report",
        "standfirst": "Napoli take a point.",
        "body": '<p>Good game <a href="javascript:alert(1)">x</a></p><script>alert(1)</script>',
        "status": "published",
        "published_at_0": "27/11/2019",
        "published_at_1": "22:30:00",
        "hero_caption": "",
        "seo_title": "",
        "seo_description": "",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_saving_through_the_admin_sanitises_and_keeps_match_tags(editor_client, desk):
    extra = make_player("Kalidou Koulibaly")
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        _article_form(match=desk["match"].pk, players=[extra.pk], authors=[desk["author"].pk]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="mertens-strikes")
    assert "javascript:" not in article.body and "<script" not in article.body
    assert article.get_absolute_url() == "/2019/11/27/mertens-strikes/"
    assert {c.slug for c in article.clubs.all()} == {"liverpool", "napoli"}
    assert {p.slug for p in article.players.all()} == {"dries-mertens", "kalidou-koulibaly"}


def test_a_slug_used_the_same_day_is_a_form_error(editor_client, desk):
    make_article(
        slug="mertens-strikes", published_at=datetime.datetime(2019, 11, 27, 21, 0, tzinfo=datetime.UTC)
    )
    response = editor_client.post(reverse("admin:articles_article_add"), _article_form())
    assert response.status_code == 200
    assert "already uses this slug" in response.content.decode()
    # Another day is fine: "liverpool-napoli" can recur every season.
    response = editor_client.post(
        reverse("admin:articles_article_add"), _article_form(published_at_0="28/11/2020")
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("headline", "Null\x00byte", "Null characters are not allowed"),
        ("headline", "x" * 201, "at most 200 characters"),
        ("standfirst", "y" * 401, "at most 400 characters"),
        ("body", "<p>" + "z" * 100_001 + "</p>", "at most 100000 characters"),
        ("slug", "not a slug!", "Enter a valid"),
    ],
)
def test_bad_input_is_a_form_error_and_saves_nothing(editor_client, field, value, message):
    response = editor_client.post(reverse("admin:articles_article_add"), _article_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists()


def test_a_club_playing_itself_is_a_form_error(editor_client, desk):
    club = desk["match"].home_club
    data = {
        "competition": desk["match"].competition.pk, "season": "2020-21", "round": "", "venue": "",
        "kickoff_0": "01/02/2021", "kickoff_1": "20:00:00", "home_club": club.pk, "away_club": club.pk,
        "home_score": "", "away_score": "", "attendance": "", "referee": "", "status": "scheduled",
        "goals-TOTAL_FORMS": "0", "goals-INITIAL_FORMS": "0", "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0", "appearances-TOTAL_FORMS": "0", "appearances-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = editor_client.post(reverse("admin:football_match_add"), data)
    assert response.status_code == 200
    assert "cannot play itself" in response.content.decode()


def test_view_on_site_links_to_the_article(editor_client, desk):
    url = reverse("admin:articles_article_change", args=[desk["article"].pk])
    assert "View on site" in editor_client.get(url).content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_second_player_with_the_same_name_needs_a_slug_of_their_own(editor_client):
    make_player("Adama Traoré")
    form = {"name": "Adama Traoré", "slug": "adama-traore", "aliases": "", "description": "",
            "position": "", "nationality": "", "date_of_birth": "",
            # The (empty) inline of reports pinned on the player's page.
            "Article_pinned_on_players-TOTAL_FORMS": "0",
            "Article_pinned_on_players-INITIAL_FORMS": "0"}  # fmt: skip
    response = editor_client.post(reverse("admin:football_player_add"), form)
    assert response.status_code == 200
    assert "The player “Adama Traoré” already has the address “adama-traore”" in response.content.decode()

    response = editor_client.post(reverse("admin:football_player_add"), {**form, "slug": "adama-traore-1995"})
    assert response.status_code == 302
    assert sorted(p.slug for p in Player.objects.all()) == [
        "adama-traore", "adama-traore-1995",
    ]  # fmt: skip


def test_a_request_with_thousands_of_fields_is_refused_and_saves_nothing(editor_client):
    data = _article_form(**{f"junk{n}": "x" for n in range(3000)})
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 400
    assert not Article.objects.exists()
