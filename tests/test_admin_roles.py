"""Every role against every article admin URL and action, compared with the table below."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article

from .conftest import make_article, make_author, make_club, make_competition, make_match, make_player

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "staff", "writer", "editor", "superuser"]


def make_people():
    """One person per role (and a second writer); the Writer and Editor groups must exist."""

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


@pytest.fixture
def people(newsroom_roles):
    return make_people()


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


# ---------------------------------------------------------------------------------------------
# Every other admin on the site. The tables are keyed by the model's label and the test below
# fails for an admin registered on the site that is not in them, so a new admin gets a row here
# before it ships.

PAGES = ["changelist", "add", "change", "delete", "history"]
NONE_FOR_STAFF = (302, 403, 403, 403, 403)  # a section a role outside it may not open at all
SUPERUSER_ONLY = (302, 403, 403, 403, 200)
VIEW_FOR_WRITERS = {  # writers may look (to tag, to pick), editors may also change and delete
    "changelist": (302, 403, 200, 200, 200),
    "add":        (302, 403, 403, 200, 200),
    "change":     (302, 403, 200, 200, 200),
    "delete":     (302, 403, 403, 200, 200),
    "history":    (302, 403, 200, 200, 200),
}  # fmt: skip
NO_DELETE_FOR_EDITORS = {**VIEW_FOR_WRITERS, "delete": (302, 403, 403, 403, 200)}
OPERATORS_ONLY = {page: SUPERUSER_ONLY for page in PAGES}
LOG_ONLY = {**OPERATORS_ONLY, "add": NONE_FOR_STAFF}  # axes' logs are written by logins, never added

ADMIN_PAGES = {
    "articles.article": {
        "changelist": (302, 403, 200, 200, 200),
        "add":        (302, 403, 200, 200, 200),
        "change":     (302, 403, 200, 200, 200),  # the writer's own draft
        "delete":     (302, 403, 403, 200, 200),
        "history":    (302, 403, 200, 200, 200),
    },
    "articles.author": NO_DELETE_FOR_EDITORS,  # an author's byline is history: never deleted by the desk
    "football.club": VIEW_FOR_WRITERS,
    "football.player": VIEW_FOR_WRITERS,
    "football.match": VIEW_FOR_WRITERS,
    "football.competition": NO_DELETE_FOR_EDITORS,
    "media.image": {**VIEW_FOR_WRITERS, "add": (302, 403, 200, 200, 200)},  # writers upload pictures
    "auth.user": OPERATORS_ONLY,
    "auth.group": OPERATORS_ONLY,
    "sites.site": OPERATORS_ONLY,
    "redirects.redirect": OPERATORS_ONLY,
    "axes.accessattempt": LOG_ONLY,
    "axes.accesslog": LOG_ONLY,
    "axes.accessfailurelog": LOG_ONLY,
}  # fmt: skip


_calls = itertools.count()


def _one_of_each(people):
    """A stored row for every registered admin's model; the writer's own where that matters."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.redirects.models import Redirect
    from django.contrib.sites.models import Site
    from django.core.files.base import ContentFile

    from newsroom.media.models import Image

    from .images import jpeg

    n = next(_calls)
    seen = {
        "user_agent": "test",
        "ip_address": "192.0.2.1",
        "username": f"mallory-{n}",
        "path_info": "/admin/",
    }
    match = make_match()
    return {
        "articles.article": make_article(status="draft", published_at=None, created_by=people["writer"]),
        "articles.author": make_author(),
        # None of them in use, so a permitted delete is not refused for what protects them.
        "football.club": make_club(),
        "football.player": make_player(club=match.home_club),
        "football.match": match,
        "football.competition": make_competition(),
        "media.image": Image.objects.create(file=ContentFile(jpeg((40, 30)), "p.jpg"), alt_text="A picture"),
        "auth.user": people["other_writer"],
        "auth.group": Group.objects.get(name="Writer"),
        "sites.site": Site.objects.get_current(),
        "redirects.redirect": Redirect.objects.create(site_id=1, old_path=f"/old-{n}/", new_path="/new/"),
        "axes.accessattempt": AccessAttempt.objects.create(
            get_data="", post_data="", failures_since_start=3, **seen
        ),
        "axes.accesslog": AccessLog.objects.create(**seen),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**seen),
    }


def _registered():
    from django.contrib import admin

    return {model._meta.label_lower: model_admin for model, model_admin in admin.site._registry.items()}


def test_every_registered_admin_has_rows_in_the_tables():
    assert set(_registered()) == set(ADMIN_PAGES)
    assert set(_registered()) == set(ADMIN_ACTIONS)


def _page_url(obj, page):
    opts = obj._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{page}"
    return reverse(name) if page in ("changelist", "add") else reverse(name, args=[obj.pk])


@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_the_answer_in_the_table_from_every_admins_pages(people, role):
    client = _client(people, role)
    objects = _one_of_each(people)
    answers = {
        (label, page): client.get(_page_url(obj, page)).status_code
        for label, obj in objects.items()
        for page in PAGES
    }
    expected = {
        (label, page): ADMIN_PAGES[label][page][ROLES.index(role)] for label in objects for page in PAGES
    }
    assert {k: v for k, v in answers.items() if v != expected[k]} == {}


# The actions each role is offered in each admin's list (anonymous users get no list at all).
DELETE = {"staff": [], "writer": [], "editor": ["delete_selected"], "superuser": ["delete_selected"]}
DELETE_FOR_OPERATORS = {"staff": [], "writer": [], "editor": [], "superuser": ["delete_selected"]}
MERGE = {role: [*names, "merge_selected"] if names else [] for role, names in DELETE.items()}
ADMIN_ACTIONS = {
    "articles.article": {
        "staff": [],
        "writer": ["add_tag_to_selected", "remove_tag_from_selected", "submit_for_review"],
        "editor": [
            "add_tag_to_selected", "delete_selected", "publish_now", "remove_tag_from_selected",
            "submit_for_review", "unpublish",
        ],
        "superuser": [
            "add_tag_to_selected", "delete_selected", "publish_now", "remove_tag_from_selected",
            "submit_for_review", "unpublish",
        ],
    },
    "articles.author": DELETE_FOR_OPERATORS,
    "football.club": MERGE,
    "football.player": MERGE,
    "football.match": DELETE,
    "football.competition": DELETE_FOR_OPERATORS,
    "media.image": DELETE,
    "auth.user": DELETE_FOR_OPERATORS,
    "auth.group": DELETE_FOR_OPERATORS,
    "sites.site": DELETE_FOR_OPERATORS,
    "redirects.redirect": DELETE_FOR_OPERATORS,
    "axes.accessattempt": {**DELETE_FOR_OPERATORS, "superuser": ["cleanup_expired_attempts", "delete_selected"]},  # noqa: E501
    "axes.accesslog": DELETE_FOR_OPERATORS,
    "axes.accessfailurelog": DELETE_FOR_OPERATORS,
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES[1:])
def test_every_role_is_offered_the_actions_in_the_table(people, role, rf):
    request = rf.get("/admin/")
    request.user = people[role]
    offered = {
        label: sorted(model_admin.get_actions(request)) for label, model_admin in _registered().items()
    }
    assert offered == {label: row[role] for label, row in ADMIN_ACTIONS.items()}


def _rows(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).values().first()


@pytest.mark.parametrize("role", ROLES)
def test_an_action_a_role_is_not_offered_changes_nothing_and_an_offered_delete_deletes(people, role):
    """Every action of every admin, posted (confirmed) by every role on a stored row."""
    client = _client(people, role)
    objects = _one_of_each(people)
    spare = {label: obj for label, obj in _one_of_each(people).items() if label.startswith("football.")}
    for label, obj in objects.items():
        all_actions = {name for row in ADMIN_ACTIONS[label].values() for name in row}
        offered = ADMIN_ACTIONS[label].get(role, [])
        for action in sorted(all_actions):
            before = _rows(obj)
            selected = [obj.pk] + ([spare[label].pk] if action == "merge_selected" else [])
            data = {"action": action, "_selected_action": selected, "post": "yes"}
            data.update(confirm="yes", survivor=obj.pk, apply="1", club=objects["football.club"].pk)
            response = client.post(_page_url(obj, "changelist"), data)
            assert response.status_code in (200, 302, 403), (label, action, response.status_code)
            if action not in offered:
                assert _rows(obj) == before, (label, action)
            elif action == "delete_selected":
                assert _rows(obj) is None, (label, action)
                break  # gone: nothing left to act on


# What each role may do with each inline of a change page: "edit" (add and change rows) or "view".
# An inline missing from a role's row is not shown to them at all.
ADMIN_INLINES = {
    "articles.article": {  # the writer's own draft; corrections are an editor's
        "writer": {"articles.correction": "view"},
        "editor": {"articles.correction": "edit"},
        "superuser": {"articles.correction": "edit"},
    },
    "football.match": {
        "writer": {"football.goal": "view", "football.event": "view", "football.appearance": "view"},
        "editor": {"football.goal": "edit", "football.event": "edit", "football.appearance": "edit"},
        "superuser": {"football.goal": "edit", "football.event": "edit", "football.appearance": "edit"},
    },
    "football.club": {
        "writer": {"articles.article_pinned_on_clubs": "view"},  # the club itself is read-only to them
        "editor": {"articles.article_pinned_on_clubs": "edit"},
        "superuser": {"articles.article_pinned_on_clubs": "edit"},
    },
    "football.player": {
        "writer": {"articles.article_pinned_on_players": "view"},
        "editor": {"articles.article_pinned_on_players": "edit"},
        "superuser": {"articles.article_pinned_on_players": "edit"},
    },
}


def test_every_admin_with_inlines_is_in_the_inline_table():
    with_inlines = {label for label, model_admin in _registered().items() if model_admin.inlines}
    assert with_inlines == set(ADMIN_INLINES)


@pytest.mark.parametrize("role", ["writer", "editor", "superuser"])
def test_every_role_sees_and_may_edit_the_inlines_in_the_table(people, role):
    client = _client(people, role)
    objects = _one_of_each(people)
    shown = {}
    for label in ADMIN_INLINES:
        response = client.get(_page_url(objects[label], "change"))
        assert response.status_code == 200, label
        shown[label] = {
            formset.opts.model._meta.label_lower: (
                "edit" if formset.has_add_permission and formset.has_change_permission else "view"
            )
            for formset in response.context["inline_admin_formsets"]
        }
    assert shown == {label: row[role] for label, row in ADMIN_INLINES.items()}


@pytest.mark.parametrize("role", ROLES)
def test_only_who_may_enter_line_ups_may_prefill_them(people, role):
    from newsroom.football.models import Appearance

    earlier = make_match()
    Appearance.objects.create(match=earlier, club=earlier.home_club, player=make_player(), starting=True)
    later = earlier.kickoff + datetime.timedelta(days=7)
    match = make_match(home=earlier.home_club, competition=earlier.competition, score=None, kickoff=later)
    response = _client(people, role).post(reverse("admin:football_match_prefill", args=[match.pk]))
    expected = {"anonymous": 302, "staff": 403, "writer": 403, "editor": 302, "superuser": 302}[role]
    assert response.status_code == expected
    assert Appearance.objects.filter(match=match).exists() == (role in ("editor", "superuser"))


# Each admin's own URLs beyond the five every admin has, and where each is walked by every role.
STANDARD_PAGES = {"changelist", "add", "change", "delete", "history"}
CUSTOM_URLS = {
    "articles_article_heartbeat": "EXPECTED: heartbeat of another's",
    "articles_article_compare": "EXPECTED: compare",
    "articles_article_recoverlist": "EXPECTED: recover list",
    "articles_article_recover": "test_recovery.py; hostile: recover/<bad>/",
    "articles_article_revision": "EXPECTED: revision of another's",
    "articles_article_suggest_tags": "CUSTOM_PAGES",
    "football_match_prefill": "test_only_who_may_enter_line_ups_may_prefill_them",
    "auth_user_password_change": "CUSTOM_PAGES",
    "articles_article_live": "CUSTOM_PAGES",
    "articles_article_live_close": "CUSTOM_PAGES",
    "articles_article_draft_report": "CUSTOM_PAGES",
    "articles_article_live_entry": "test_live_desk.py; hostile: OWN_SUB_URLS",
    "articles_article_live_entry_action": "test_live_desk.py; hostile: OWN_SUB_URLS",
}
CUSTOM_PAGES = {
    #                                  anonymous staff writer editor superuser
    "articles_article_suggest_tags": ("post", (302, 403, 200, 200, 200)),
    "auth_user_password_change":     ("get",  (302, 403, 403, 403, 200)),  # another's password
    # Another writer's live blog, still a draft: a writer may look, not write or close it.
    "articles_article_live":         ("get",  (302, 403, 200, 200, 200)),
    "articles_article_live_close":   ("post", (302, 403, 403, 302, 302)),
    "articles_article_draft_report": ("post", (302, 403, 403, 302, 302)),
}  # fmt: skip


def test_every_admins_own_urls_are_in_the_table():
    own = set()
    for label, model_admin in _registered().items():
        standard = {f"{label.replace('.', '_')}_{page}" for page in STANDARD_PAGES}
        own |= {p.name for p in model_admin.get_urls() if getattr(p, "name", None)} - standard
    assert own == set(CUSTOM_URLS)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_the_answer_in_the_table_from_the_admins_own_pages(people, role):
    client = _client(people, role)
    urls = {
        "articles_article_suggest_tags": reverse("admin:articles_article_suggest_tags"),
        "auth_user_password_change": reverse(
            "admin:auth_user_password_change", args=[people["other_writer"].pk]
        ),
    }
    blog = make_article(
        kind="live",
        status="draft",
        published_at=None,
        created_by=people["other_writer"],
        match=make_match(score=None),
    )
    for name in ("articles_article_live", "articles_article_live_close", "articles_article_draft_report"):
        urls[name] = reverse(f"admin:{name}", args=[blog.pk])
    answers = {name: getattr(client, CUSTOM_PAGES[name][0])(url).status_code for name, url in urls.items()}
    assert answers == {name: row[ROLES.index(role)] for name, (_, row) in CUSTOM_PAGES.items()}
    password = User.objects.get(pk=people["other_writer"].pk).password
    client.post(
        urls["auth_user_password_change"], {"password1": "n3w-Pa55-word!", "password2": "n3w-Pa55-word!"}
    )
    changed = User.objects.get(pk=people["other_writer"].pk).password != password
    assert changed == (role == "superuser")
