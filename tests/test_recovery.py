"""Recovering a deleted article always works: what it pointed at follows merges or is left out."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from newsroom.football.merges import merge_entities

from .conftest import make_article, make_author, make_club, make_match, make_player
from .html_forms import as_post, read_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(newsroom_roles):
    user = User.objects.create_user("eddie", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(user)
    return client


def _delete(client, article):
    assert (
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}).status_code
        == 302
    )
    return reverse("admin:articles_article_recover", args=[Version.objects.get_deleted(Article).first().pk])


def _recover(client, url):
    """Open the recovery page and save its form as it stands, as the editor does."""
    page = client.get(url)
    assert page.status_code == 200
    assert not Article.objects.filter(pk=int(page.context["original"].pk)).exists()  # looking writes nothing
    fields, _ = read_form(page.content.decode(), "article_form")
    response = client.post(url, as_post(fields, _save="Save"))
    assert response.status_code == 302, response.content.decode()[:3000]
    return page.content.decode()


def test_a_deleted_article_whose_clubs_and_players_were_merged_or_deleted_comes_back(editor):
    kept, merged_away, survivor, deleted = (
        make_club("Kept"),
        make_club("Old Name"),
        make_club("New"),
        make_club("Gone"),
    )
    scorer, twin = make_player("Scorer"), make_player("Scorer Twin")
    match = make_match(home=kept, away=make_club("Visitors"))
    byline = make_author()
    article = make_article(headline="Deleted by mistake", match=match)
    article.clubs.add(kept, merged_away, deleted)
    article.players.add(scorer, twin)
    article.authors.add(byline)
    article.save()
    url = _delete(editor, article)
    merge_entities(survivor, [merged_away])
    merge_entities(scorer, [twin])
    deleted.delete()
    match.delete()
    byline.delete()

    page = _recover(editor, url)
    assert "were merged since" in page and "were deleted since" in page and "Its match was deleted" in page
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.headline == "Deleted by mistake" and recovered.match is None
    # The merged club is the survivor now; the deleted match's clubs stay tagged.
    assert {c.name for c in recovered.clubs.all()} == {"Kept", "New", "Visitors"}
    assert [p.name for p in recovered.players.all()] == ["Scorer"]
    assert list(recovered.authors.all()) == []
    assert (
        Version.objects.get_for_object(recovered).first().revision.comment
        == "Recovered after it was deleted."
    )


def test_a_deleted_article_whose_address_was_taken_comes_back_at_another(editor):
    article = make_article(slug="the-slug")
    url = _delete(editor, article)
    make_article(slug="the-slug", published_at=article.published_at)
    page = _recover(editor, url)
    assert "it is back as “the-slug-2”" in page
    assert Article.objects.get(pk=article.pk).slug == "the-slug-2"


@pytest.mark.parametrize("version_id", ["99999999999999999999999", "0"])
def test_a_recovery_of_no_deleted_article_is_a_404(editor, version_id):
    live = make_article()
    assert editor.get(f"/admin/articles/article/recover/{version_id}/").status_code == 404
    # A revision of an article that still exists is not a deleted one.
    version = Version.objects.get_for_object(live).first()
    assert editor.get(reverse("admin:articles_article_recover", args=[version.pk])).status_code == 404
