"""Restoring a revision brings back content, never the publication, and obeys the form's rules."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article

from .conftest import make_article, make_author, make_club

pytestmark = pytest.mark.django_db


def _client(name, group):
    user = User.objects.create_user(name, password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client, user


def _revision_url(article, version):
    return reverse("admin:articles_article_revision", args=[article.pk, version.pk])


def _plan(html):
    """{field label: "changes" or the reason it is kept} from the restore page's table."""
    table = html.split('id="restore-plan"')[1].split("</table>")[0]
    rows = {}
    for row in table.split('<th scope="row">')[1:]:
        label = row.split("</th>")[0]
        rows[label] = (
            "changes" if "<strong>changes</strong>" in row else row.split("kept as it is: ")[1].split("<")[0]
        )
    return rows


def test_restoring_a_draft_revision_of_a_live_report_keeps_it_live_at_its_address(newsroom_roles, client):
    editor, _ = _client("eddie", "Editor")
    article = make_article(status="draft", published_at=None, headline="Draft headline", slug="first-slug")
    draft = Version.objects.get_for_object(article).first()
    article.headline, article.slug, article.status = "Live headline", "live-slug", "published"
    article.published_at = timezone.now() - datetime.timedelta(hours=2)
    article.save()
    article.refresh_from_db()
    url, published_at = article.get_absolute_url(), article.published_at

    page = editor.get(_revision_url(article, draft)).content.decode()
    kept = "publication is kept"
    assert _plan(page) == {"Headline": "changes", "Slug": kept, "Status": kept, "Published at": kept}
    assert editor.post(_revision_url(article, draft), {"version": article.version}).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Draft headline"
    assert article.status == "published" and article.published_at == published_at
    assert article.get_absolute_url() == url and client.get(url).status_code == 200


def test_an_editor_may_choose_to_restore_the_publication_too(newsroom_roles, client):
    editor, _ = _client("eddie", "Editor")
    article = make_article(status="draft", published_at=None)
    draft = Version.objects.get_for_object(article).first()
    article.status, article.published_at = "published", timezone.now() - datetime.timedelta(hours=1)
    article.save()
    url = Article.objects.get(pk=article.pk).get_absolute_url()
    response = editor.post(
        _revision_url(article, draft), {"version": article.version, "with_publication": "1"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "draft" and client.get(url).status_code == 410


def test_a_writers_restore_leaves_what_writers_cannot_change(newsroom_roles):
    writer, wendy = _client("wendy", "Writer")
    article = make_article(status="draft", published_at=None, headline="Wendy's first", created_by=wendy)
    first = Version.objects.get_for_object(article).first()
    byline = make_author("Someone Else")
    article.headline, article.featured = "Edited by the desk", True
    article.save()
    article.authors.set([byline])
    article.save()

    page = writer.get(_revision_url(article, first)).content.decode()
    plan = _plan(page)
    assert plan["Headline"] == "changes"
    assert plan["Featured"] == plan["Authors"] == "only editors change this"
    assert "Also restore the publication" not in page
    crafted = {"version": article.version, "with_publication": "1"}
    assert writer.post(_revision_url(article, first), crafted).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Wendy's first"
    assert article.featured and list(article.authors.all()) == [byline]


def test_a_restore_from_a_page_someone_saved_since_changes_nothing(newsroom_roles):
    editor, _ = _client("eddie", "Editor")
    article = make_article(headline="First")
    first = Version.objects.get_for_object(article).first()
    seen = article.version
    article.headline = "Second"
    article.save()
    response = editor.post(_revision_url(article, first), {"version": seen})
    assert response.status_code == 409
    article.refresh_from_db()
    assert article.headline == "Second"


def test_a_club_deleted_since_the_revision_is_left_out_and_said(newsroom_roles):
    editor, _ = _client("eddie", "Editor")
    gone, kept = make_club("Gone FC"), make_club("Kept FC")
    article = make_article(headline="Tagged")
    article.clubs.set([gone, kept])
    article.save()
    tagged = Version.objects.get_for_object(article).first()
    article.clubs.set([])
    article.headline = "Untagged"
    article.save()
    gone.delete()
    page = editor.get(_revision_url(article, tagged))
    assert page.status_code == 200 and "Kept FC" in page.content.decode()
    assert editor.post(_revision_url(article, tagged), {"version": article.version}).status_code == 302
    article.refresh_from_db()
    assert [c.name for c in article.clubs.all()] == ["Kept FC"] and article.headline == "Tagged"
