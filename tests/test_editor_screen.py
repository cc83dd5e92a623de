"""Issue 12, item 13: the editor's screen. Wide headline and standfirst, spellcheck in the body,
"View on site" from the configured site address, an honest suggestions panel, and the operator's
sections (login lockouts, Sites, Redirects) for superusers only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from .conftest import make_article

pytestmark = pytest.mark.django_db

OPERATOR_PAGES = {
    "Sites": "/admin/sites/site/",
    "Redirects": "/admin/redirects/redirect/",
    "Access attempts": "/admin/axes/accessattempt/",
    "Access logs": "/admin/axes/accesslog/",
    "Access failures": "/admin/axes/accessfailurelog/",
}


@pytest.fixture
def editor(newsroom_roles):
    person = User.objects.create_user("eddie", password="pw-for-tests", is_staff=True)
    person.groups.add(Group.objects.get(name="Editor"))
    # Even with every permission on those apps (a careless grant), the sections stay hidden.
    person.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["sites", "redirects", "axes"])
    )
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def chief(client):
    client.force_login(User.objects.create_superuser("chief", password="pw-for-tests"))
    return client


def test_editors_do_not_see_the_operator_sections(editor):
    index = editor.get("/admin/").content.decode()
    for title, url in OPERATOR_PAGES.items():
        assert url not in index, title
        assert editor.get(url).status_code == 403, title
    assert editor.get("/admin/sites/").status_code == 404  # an app with nothing to show is no app
    assert editor.post("/admin/sites/site/add/", {"domain": "evil.test", "name": "x"}).status_code == 403
    assert not Site.objects.filter(domain="evil.test").exists()


def test_superusers_see_and_use_the_operator_sections(chief):
    index = chief.get("/admin/").content.decode()
    for title, url in OPERATOR_PAGES.items():
        assert url in index, title
        assert chief.get(url).status_code == 200, title


def test_set_site_address_points_view_on_site_at_the_served_address(chief):
    assert Site.objects.get(pk=settings.SITE_ID).domain == "example.com"  # Django's placeholder
    call_command("set_site_address", "127.0.0.1:8123", stdout=open("/dev/null", "w"))
    assert Site.objects.get(pk=settings.SITE_ID).domain == "127.0.0.1:8123"
    article = make_article()
    change = chief.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    shortcut = reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(article).pk, article.pk])
    assert shortcut in change
    response = chief.get(shortcut)
    assert response.status_code == 302
    assert response["Location"] == f"http://127.0.0.1:8123{article.get_absolute_url()}"


@pytest.mark.parametrize("address", ["http://x y", "news.example.org/path", "", "a:b:c"])
def test_set_site_address_refuses_what_is_not_an_address(address):
    with pytest.raises(CommandError, match="not a host"):
        call_command("set_site_address", address)
    assert Site.objects.get(pk=settings.SITE_ID).domain == "example.com"


def test_make_run_sets_the_site_address_it_serves():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    setup = makefile.split("\nsetup:", 1)[1].split("\n\n", 1)[0]
    assert "set_site_address $(HOST):$(PORT)" in setup


def test_headline_and_standfirst_are_wide_and_spellchecked(chief):
    html = chief.get(reverse("admin:articles_article_add")).content.decode()
    for name in ("headline", "standfirst"):
        before, after = html.split(f'name="{name}"', 1)
        tag = before.rsplit("<", 1)[1] + after.split(">", 1)[0]
        assert "newsroom-wide" in tag and 'spellcheck="true"' in tag, tag
    css = (Path(settings.BASE_DIR) / "static/css/admin-newsroom.css").read_text()
    assert ".newsroom-wide" in css and "flex-grow: 1" in css


def test_the_suggestions_answer_says_whether_there_was_text(chief):
    url = reverse("admin:articles_article_suggest_tags")
    empty = chief.post(url, {"headline": "", "standfirst": " ", "body": "<p></p>"}).json()
    assert empty["has_text"] is False and empty["clubs"] == empty["players"] == []
    written = chief.post(url, {"headline": "A quiet night", "standfirst": "", "body": ""}).json()
    assert written["has_text"] is True
