"""Every role against every article admin URL and action, compared with the table below."""

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article

from .conftest import make_article, make_club

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "staff", "writer", "editor", "superuser"]


@pytest.fixture
def people(newsroom_roles):
    def user(name, group=None, **extra):
        person = User.objects.create_user(name, password="pw-for-tests", is_staff=True, **extra)
        if group:
            person.groups.add(Group.objects.get(name=group))
        return person

    return {
        "staff": user("stan"),
        "writer": user("wendy", "Writer"),
        "other_writer": user("walter", "Writer"),
        "editor": user("eddie", "Editor"),
        "superuser": user("sue", is_superuser=True),
    }


def _client(people, role):
    client = Client()
    client.raise_request_exception = False
    if role != "anonymous":
        client.force_login(people[role])
    return client


# What each role gets from each page: 302 to the login page, 403 refused, 404 not shown at all.
EXPECTED = {
    #                          anonymous staff writer editor superuser
    "changelist":              (302, 403, 200, 200, 200),
    "add":                     (302, 403, 200, 200, 200),
    "own draft":               (302, 403, 200, 200, 200),
    "another's draft":         (302, 403, 200, 200, 200),  # writers: read-only
    "delete":                  (302, 403, 403, 200, 200),
    "history":                 (302, 403, 200, 200, 200),
    "compare":                 (302, 403, 200, 200, 200),
    "revision of another's":   (302, 403, 403, 200, 200),
    "recover list":            (302, 403, 403, 200, 200),
    "heartbeat of another's":  (302, 403, 403, 200, 200),
    "view on site: draft":     (302, 404, 302, 302, 302),
    "view on site: junk id":   (302, 404, 404, 404, 404),
}  # fmt: skip


def _urls(own, others):
    others_version = Version.objects.get_for_object(others).first()
    own_versions = Version.objects.get_for_object(own)
    content_type = ContentType.objects.get_for_model(Article).pk
    return {
        "changelist": ("get", reverse("admin:articles_article_changelist")),
        "add": ("get", reverse("admin:articles_article_add")),
        "own draft": ("get", reverse("admin:articles_article_change", args=[own.pk])),
        "another's draft": ("get", reverse("admin:articles_article_change", args=[others.pk])),
        "delete": ("get", reverse("admin:articles_article_delete", args=[own.pk])),
        "history": ("get", reverse("admin:articles_article_history", args=[own.pk])),
        "compare": (
            "get",
            reverse("admin:articles_article_compare", args=[own.pk])
            + f"?a={own_versions.last().pk}&b={own_versions.first().pk}",
        ),
        "revision of another's": (
            "get",
            reverse("admin:articles_article_revision", args=[others.pk, others_version.pk]),
        ),  # fmt: skip
        "recover list": ("get", reverse("admin:articles_article_recoverlist")),
        "heartbeat of another's": ("post", reverse("admin:articles_article_heartbeat", args=[others.pk])),
        "view on site: draft": ("get", f"/admin/r/{content_type}/{others.pk}/"),
        "view on site: junk id": ("get", f"/admin/r/{content_type}/99999999999999999999/"),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_the_answer_in_the_table_from_every_page(people, role):
    own = make_article(status="draft", published_at=None, created_by=people["writer"])
    own.save()  # a second revision, to compare
    others = make_article(status="draft", published_at=None, created_by=people["other_writer"])
    client = _client(people, role)
    answers = {
        name: getattr(client, method)(url).status_code for name, (method, url) in _urls(own, others).items()
    }
    assert answers == {name: row[ROLES.index(role)] for name, row in EXPECTED.items()}


def _act(client, action, articles, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in articles], **extra}
    return client.post(reverse("admin:articles_article_changelist"), data)


@pytest.mark.parametrize("action", ["add_tag_to_selected", "remove_tag_from_selected"])
def test_a_writer_cannot_retag_a_published_or_another_writers_report_in_bulk(people, action):
    club = make_club()
    own = make_article(status="draft", published_at=None, created_by=people["writer"])
    live = make_article(created_by=people["writer"])
    others = make_article(status="draft", published_at=None, created_by=people["other_writer"])
    adding = action == "add_tag_to_selected"
    if not adding:
        for article in (own, live, others):
            article.clubs.add(club)
    response = _act(_client(people, "writer"), action, [own, live, others], apply="1", club=club.pk)
    assert response.status_code == 302
    assert own.clubs.filter(pk=club.pk).exists() == adding  # their own draft: done
    for article in (live, others):
        assert article.clubs.filter(pk=club.pk).exists() != adding  # left alone


@pytest.mark.parametrize("action", ["publish_now", "unpublish", "submit_for_review"])
def test_a_writer_cannot_move_another_writers_or_a_live_report_by_an_action(people, action):
    live = make_article(created_by=people["writer"])
    others = make_article(status="draft", published_at=None, created_by=people["other_writer"])
    _act(_client(people, "writer"), action, [live, others])
    assert Article.objects.get(pk=live.pk).status == "published"
    assert Article.objects.get(pk=others.pk).status == "draft"
