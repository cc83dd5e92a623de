"""Hostile input against every article admin form and sub-URL: a clear answer, never a 500, and
nothing stored changes when the request is refused."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from newsroom.middleware import MAX_ADDRESS_LENGTH

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


# ---------------------------------------------------------------------------------------------
# Every admin registered on the site, not only the article's: its sub-URLs, its list's filters,
# every field of its add and change forms (and of the inline rows they show) and its actions.
# The admins come from the site's registry, so one registered tomorrow is covered the same day.

from django import forms  # noqa: E402
from django.contrib import admin  # noqa: E402

from .html_forms import as_post, read_form  # noqa: E402
from .test_admin_roles import _one_of_each, make_people  # noqa: E402

BAD_IDS = ["abc", BIG, "-1", "%00", "0", "1.5"]

# What a form field of each kind is sent: (suffix of the input's name, value). The first kind a
# field is an instance of applies (a records field is also a choice field).
HOSTILE_VALUES = [
    (forms.ModelMultipleChoiceField, [("", BIG), ("", "abc"), ("", "-1")]),
    (forms.ModelChoiceField, [("", BIG), ("", "abc"), ("", "-1"), ("", "1.5")]),
    (forms.SplitDateTimeField, [("_0", "31/12/9999"), ("_0", "01/01/0001"), ("_0", "32/13/2020"),
                                ("_1", "25:61")]),
    (forms.DateTimeField, [("", "9999-12-31 23:59"), ("", "0001-01-01 00:00")]),
    (forms.DateField, [("", "31/12/9999"), ("", "01/01/0001")]),
    (forms.IntegerField, [("", BIG), ("", f"-{BIG}"), ("", "1e9")]),
    (forms.FloatField, [("", "1e309"), ("", "nan"), ("", "-inf")]),
    (forms.DecimalField, [("", "1e309"), ("", "nan")]),
    (forms.ChoiceField, [("", BIG), ("", "x\x00y")]),
    (forms.CharField, [("", "x\x00y"), ("", "x" * 100_000)]),
]  # fmt: skip


def _hostile(field):
    return next((values for kind, values in HOSTILE_VALUES if isinstance(field, kind)), [])


def _registered_labels():
    return sorted(model._meta.label_lower for model in admin.site._registry)


def _model_admin(label):
    return next(a for m, a in admin.site._registry.items() if m._meta.label_lower == label)


def _stored(model_admin):
    """Every stored row of the admin's model and its inlines' models, to compare before and after."""
    models = [model_admin.model, *(inline.model for inline in model_admin.inlines)]
    return {m._meta.label: list(m._default_manager.order_by("pk").values()) for m in models}


@pytest.fixture
def people(newsroom_roles):
    return make_people()


@pytest.fixture
def sue(people):
    client = Client()
    client.force_login(people["superuser"])
    client.raise_request_exception = False
    return client


# The admins' own URLs that take an id (the article's are in SUB_URLS above).
OWN_SUB_URLS = {
    "auth.user": ["password/"],
    "football.match": ["prefill-lineups/"],
    "articles.article": ["live/", "live/1/"],  # the live desk and one of its entries
}


@pytest.mark.parametrize("bad", BAD_IDS)
def test_a_line_up_prefill_for_no_match_copies_nothing(sue, bad):
    from newsroom.football.models import Appearance

    response = sue.post(f"/admin/football/match/{bad}/prefill-lineups/")
    # 404, or what is no integer falls through to the admin's "<id>/ means <id>/change/" redirect.
    assert response.status_code in (302, 404)
    assert not Appearance.objects.exists()


@pytest.mark.parametrize("label", _registered_labels())
def test_every_admins_sub_urls_and_filters_answer_without_a_500_for_ids_that_are_no_ids(people, sue, label):
    obj = _one_of_each(people)[label]
    opts = obj._meta
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    changelist = sue.get(base)
    assert changelist.status_code == 200
    params = ["p", "o", "q", "e"]
    for spec in changelist.context["cl"].filter_specs:
        params += spec.expected_parameters()
    if _model_admin(label).date_hierarchy:
        params += [f"{_model_admin(label).date_hierarchy}__{part}" for part in ("year", "month", "day")]
    urls = [f"{base}{{bad}}/{page}/" for page in ("change", "delete", "history")]
    urls += [f"{base}?{param}={{bad}}" for param in params]
    urls += [f"/admin/r/{{bad}}/{obj.pk}/"]
    urls += [f"{base}{{bad}}/{tail}" for tail in OWN_SUB_URLS.get(label, [])]
    answers = {
        (url, bad): sue.get(url.format(bad=bad)).status_code
        for url in urls
        for bad in [*BAD_IDS, "\x00", "9999"]
    }
    assert {key: code for key, code in answers.items() if code not in (200, 302, 400, 404)} == {}


def _form_page(client, obj, page):
    opts = obj._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{page}"
    return reverse(name) if page in ("add", "changelist") else reverse(name, args=[obj.pk])


@pytest.mark.parametrize("form", ["add", "change"])
@pytest.mark.parametrize("label", _registered_labels())
def test_every_hostile_value_in_every_admin_form_is_refused_or_kept_and_shown_again(people, sue, label, form):
    """Each field of the form and of its inline rows, one at a time: a form error with nothing
    stored changed, or (a value the field may hold) a saved record whose pages still open."""
    model_admin = _model_admin(label)
    obj = _one_of_each(people)[label]
    url = _form_page(sue, obj, form)
    page = sue.get(url)
    if page.status_code == 403:
        assert form == "add" and not model_admin.has_add_permission(page.wsgi_request)
        return
    assert page.status_code == 200
    form_id = f"{obj._meta.model_name}_form"
    sent = as_post(read_form(page.content.decode(), form_id)[0])
    main = page.context["adminform"].form
    # (input name prefix, form field, what else the POST needs for that input to count)
    targets = [(main.add_prefix(name), field, {}) for name, field in main.fields.items()]
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        rows = [(row.prefix, row, {}) for row in formset.forms]
        if not rows:  # no row shown (extra = 0): add one, as the page's "Add another" does
            rows = [(f"{formset.prefix}-0", formset.empty_form, {f"{formset.prefix}-TOTAL_FORMS": ["1"]})]
        for prefix, row, needs in rows:
            targets += [(f"{prefix}-{name}", field, needs) for name, field in row.fields.items()]
    problems = {}
    for name, field, needs in targets:
        for suffix, value in _hostile(field):
            key = name + suffix
            before = _stored(model_admin)
            response = sue.post(url, {**sent, **needs, key: [value]})
            refused = response.status_code in (200, 409) or (
                # The article form answers a stale or mangled base version with its conflict
                # page (409) or by sending the editor back to the form: refusals too.
                response.status_code == 302 and response["Location"] == url
            )
            if refused:
                if _stored(model_admin) != before:
                    problems[(key, value)] = "refused, yet stored rows changed"
            elif response.status_code == 302:
                # Kept: the record's pages must still open, on this database as on the other.
                saved = model_admin.model._default_manager.order_by("-pk").first() if form == "add" else obj
                for again in (_form_page(sue, saved, "change"), _form_page(sue, saved, "changelist")):
                    if sue.get(again).status_code != 200:
                        problems[(key, value)] = f"kept, then {again} fails"
                if form == "add":
                    saved.delete()
                else:  # the next value is sent with the form as it now stands
                    sent = as_post(read_form(sue.get(url).content.decode(), form_id)[0])
            else:
                problems[(key, value)] = response.status_code
    assert problems == {}


# The answer the editor reads for some of those values, admin by admin. (label, input, value, error)
NAMED_ERRORS = [
    ("football.match", "competition", BIG, "Select a valid choice"),
    ("football.match", "home_club", "abc", "Select a valid choice"),
    ("football.match", "kickoff_0", "31/12/9999", "between 1850 and 2099"),
    ("football.match", "kickoff_0", "01/01/0001", "between 1850 and 2099"),
    ("football.match", "goals-0-scorer", BIG, "Select a valid choice"),
    ("football.match", "events-0-player", "abc", "Select a valid choice"),
    ("football.match", "attendance", BIG, "less than or equal to"),
    ("football.player", "club", BIG, "Select a valid choice"),
    ("football.player", "other_clubs", BIG, "is not a valid value"),
    ("football.player", "photo", BIG, "Select a valid choice"),
    ("football.player", "date_of_birth", "31/12/9999", "between 1850 and today"),
    ("football.player", "date_of_birth", "01/01/0001", "between 1850 and today"),
    ("football.club", "parent_club", BIG, "Select a valid choice"),
    ("football.club", "crest", "abc", "Select a valid choice"),
    ("football.competition", "points_for_win", BIG, "less than or equal to"),
    ("articles.author", "user", BIG, "Select a valid choice"),
    ("articles.author", "photo", BIG, "Select a valid choice"),
    ("auth.user", "groups", BIG, "is not a valid value"),
    ("auth.group", "permissions", BIG, "is not a valid value"),
    ("redirects.redirect", "site", BIG, "Select a valid choice"),
]


@pytest.mark.parametrize(("label", "key", "value", "error"), NAMED_ERRORS)
def test_a_hostile_value_gets_the_error_that_names_it_and_changes_nothing(
    people, sue, label, key, value, error
):
    obj = _one_of_each(people)[label]
    url = _form_page(sue, obj, "change")
    sent = as_post(read_form(sue.get(url).content.decode(), f"{obj._meta.model_name}_form")[0])
    before = _stored(_model_admin(label))
    response = sue.post(url, {**sent, key: [value]})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert _stored(_model_admin(label)) == before


@pytest.mark.parametrize("label", _registered_labels())
@pytest.mark.parametrize("selected", [[BIG], ["abc"], ["1.5", "-1"]])
def test_every_admins_actions_with_ids_that_are_no_ids_change_nothing(people, sue, label, selected):
    obj = _one_of_each(people)[label]
    model_admin = _model_admin(label)
    before = _stored(model_admin)
    for action in [*sorted(admin.site._registry[type(obj)].get_actions(_request(people))), "no_such_action"]:
        data = {"action": action, "_selected_action": selected, "post": "yes", "confirm": "yes"}
        response = sue.post(_form_page(sue, obj, "changelist"), data)
        assert response.status_code in (200, 302), (action, response.status_code)
    assert _stored(model_admin) == before


def _request(people):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = people["superuser"]
    return request


def _autocomplete_fields():
    """(app label, model name, field name) of every autocomplete box of every admin and inline."""
    boxes = []
    for model, model_admin in admin.site._registry.items():
        for holder in [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]:
            opts = holder.model._meta
            boxes += [(opts.app_label, opts.model_name, name) for name in holder.autocomplete_fields]
    return sorted(set(boxes))


def test_there_are_autocomplete_boxes_to_try():
    assert ("football", "goal", "scorer") in _autocomplete_fields()  # the list is not empty by mistake


@pytest.mark.parametrize("box", _autocomplete_fields(), ids="-".join)
def test_every_autocomplete_answers_hostile_terms_and_pages_without_a_500(sue, box):
    app_label, model_name, field_name = box
    make_club()
    answers = {}
    for extra in ({"term": "\x00"}, {"term": "a\x00b"}, {"term": "x" * 5000}, {"page": BIG}, {"page": "abc"},
                  {"term": "", "squads": f"{BIG},abc"}):  # fmt: skip
        query = {"app_label": app_label, "model_name": model_name, "field_name": field_name, **extra}
        response = sue.get("/admin/autocomplete/", query)
        too_long = len(response.wsgi_request.get_full_path()) > MAX_ADDRESS_LENGTH
        # An address longer than the site takes is its own 414 page (newsroom/middleware.py).
        code = response.status_code
        answers[str(extra)[:40]] = "too long" if too_long and code == 414 else code
    assert {key: code for key, code in answers.items() if code not in (200, 403, 404, "too long")} == {}
