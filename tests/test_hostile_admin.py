"""Hostile input against every article admin form and sub-URL: a clear answer, never a 500, and
nothing stored changes when the request is refused."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article

from .conftest import make_article, make_club
from .test_workflow import form_data

pytestmark = pytest.mark.django_db
BIG = "99999999999999999999"  # more than any integer column holds


@pytest.fixture
def superuser_client():
    client = Client()
    client.force_login(User.objects.create_superuser("sue", password="pw-for-tests"))
    client.raise_request_exception = False  # a 500 is an answer to assert on, not a test error
    return client


SUB_URLS = [
    "/admin/articles/article/{bad}/change/",
    "/admin/articles/article/{bad}/delete/",
    "/admin/articles/article/{bad}/history/",
    "/admin/articles/article/{bad}/history/1/",
    "/admin/articles/article/{bad}/history/compare/?a=1&b=2",
    "/admin/articles/article/{pk}/history/{bad}/",
    "/admin/articles/article/{pk}/history/compare/?a={bad}&b={bad}",
    "/admin/articles/article/recover/{bad}/",
    "/admin/r/{bad}/{pk}/",
    "/admin/articles/article/?match__competition__id__exact={bad}",
    "/admin/articles/article/?featured__exact={bad}",
    "/admin/articles/article/?published_at__year={bad}",
    "/admin/articles/article/?p={bad}",
    "/admin/articles/article/?club={bad}",
]


@pytest.mark.parametrize("bad", ["abc", BIG, "-1", "%00", "9999", "0"])
@pytest.mark.parametrize("url", SUB_URLS)
def test_sub_urls_with_ids_that_are_no_ids_answer_without_a_500(superuser_client, url, bad):
    article = make_article()
    response = superuser_client.get(url.format(bad=bad, pk=article.pk))
    assert response.status_code in (200, 302, 400, 404), response.status_code


@pytest.mark.parametrize("bad", ["abc", BIG])
def test_a_heartbeat_for_no_article_is_a_404(superuser_client, bad):
    assert superuser_client.post(f"/admin/articles/article/{bad}/heartbeat/").status_code == 404


# (field, value, the error the editor reads)
FORM_INPUTS = [
    ("match", BIG, "Select a valid choice"),
    ("hero_image", BIG, "Select a valid choice"),
    ("match", "abc", "Select a valid choice"),
    ("authors", BIG, "is not a valid value"),
    ("clubs", BIG, "is not a valid value"),
    ("players", BIG, "is not a valid value"),
    ("clubs", "abc", "is not a valid value"),
    ("published_at_0", "01/01/0001", "between 1900 and 2099"),
    ("published_at_0", "31/12/9999", "between 1900 and 2099"),
    ("published_at_0", "01/01/1899", "between 1900 and 2099"),
    ("kind", BIG, "Select a valid choice"),
    ("headline", "x\x00y", "Null characters are not allowed"),
]


@pytest.mark.parametrize(("field", "value", "error"), FORM_INPUTS)
@pytest.mark.parametrize("form", ["change", "add"])
def test_every_hostile_value_in_the_article_form_is_a_form_error_and_changes_nothing(
    superuser_client, form, field, value, error
):
    article = make_article(headline="Before")
    data = form_data(article, **{field: value})
    if form == "add":
        data.update(slug="a-new-one", base_version="")
        url = reverse("admin:articles_article_add")
    else:
        url = reverse("admin:articles_article_change", args=[article.pk])
    response = superuser_client.post(url, data)
    assert response.status_code == 200, response.status_code
    assert error in response.content.decode()
    assert list(Article.objects.values_list("headline", "version")) == [("Before", 1)]


def test_years_inside_the_range_are_accepted(superuser_client):
    article = make_article()
    for day in ("01/01/1900", "31/12/2099"):
        data = form_data(Article.objects.get(pk=article.pk), published_at_0=day, status="published")
        response = superuser_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
        assert response.status_code == 302, day


@pytest.mark.parametrize(
    "data",
    [
        {"action": "add_tag_to_selected", "apply": "1", "club": BIG},
        {"action": "add_tag_to_selected", "apply": "1", "club": "abc"},
        {"action": "add_tag_to_selected", "apply": "1", "_selected_action": [BIG, "abc"]},
        {"action": "publish_now", "_selected_action": ["abc", BIG]},
        {"action": "unpublish", "_selected_action": [BIG]},
        {"action": "no_such_action"},
    ],
)
def test_bulk_actions_with_ids_that_are_no_ids_change_nothing(superuser_client, data):
    article = make_article(status="draft", published_at=None)
    club = make_club()
    data = {"_selected_action": [article.pk], "club": club.pk, **data}
    response = superuser_client.post(reverse("admin:articles_article_changelist"), data)
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.status == "draft" and not article.clubs.exists()


def test_a_restore_with_a_mangled_version_changes_nothing(superuser_client):
    article = make_article(headline="First")
    first = Version.objects.get_for_object(article).first()
    article.headline = "Second"
    article.save()
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    for version in (BIG, "abc", "-1"):
        assert superuser_client.post(url, {"version": version}).status_code == 409
    assert Article.objects.get(pk=article.pk).headline == "Second"
