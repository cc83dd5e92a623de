"""The editorial workflow: roles enforced on the server, no lost updates, revisions, old links."""

import datetime
import html as html_lib
import random
import re
import uuid

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.redirects.models import Redirect
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Correction, EditingSession

from .conftest import make_article, make_club, make_player
from .html_forms import as_post, read_form

pytestmark = pytest.mark.django_db


def _user(name, group=None, superuser=False):
    if superuser:
        return User.objects.create_superuser(name, password="pw-for-tests")
    user = User.objects.create_user(name, password="pw-for-tests", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people():
    return {
        "writer": _user("wendy", "Writer"),
        "other_writer": _user("walter", "Writer"),
        "editor": _user("eddie", "Editor"),
        "second_editor": _user("erica", "Editor"),
        "superuser": _user("sue", superuser=True),
    }


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article, **overrides):
    """What the article form posts, based on the version the editor opened."""
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "kind": article.kind,
        "standfirst": article.standfirst,
        "body": article.body,
        "status": article.status,
        "published_at_0": timezone.localtime(article.published_at).strftime("%d/%m/%Y")
        if article.published_at
        else "",
        "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S")
        if article.published_at
        else "",
        "hero_caption": "",
        "seo_title": "",
        "seo_description": "",
        "base_version": article.version,
        "edit_token": str(uuid.uuid4()),
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


# --- Roles ------------------------------------------------------------------------------------


def test_roles_exist_with_a_publish_permission():
    editor = Group.objects.get(name="Editor")
    writer = Group.objects.get(name="Writer")
    assert editor.permissions.filter(codename="publish_article").exists()
    assert not writer.permissions.filter(codename="publish_article").exists()
    assert writer.permissions.filter(codename="add_article").exists()


def _matrix_urls(own, others, live):
    return {
        "changelist": reverse("admin:articles_article_changelist"),
        "add": reverse("admin:articles_article_add"),
        "own draft": change_url(own),
        "another's draft": change_url(others),
        "live article": change_url(live),
        "delete": reverse("admin:articles_article_delete", args=[own.pk]),
        "history": reverse("admin:articles_article_history", args=[own.pk]),
        "recover": reverse("admin:articles_article_recoverlist"),
    }


# Expected status of a GET for each role. A writer sees others' articles read-only (200) but
# cannot change them (see the POST tests below); anonymous visitors are sent to the login page.
PAGES = ["changelist", "add", "own draft", "another's draft", "live article", "delete", "history", "recover"]
MATRIX = {
    "anonymous": dict.fromkeys(PAGES, 302),
    "writer": {**dict.fromkeys(PAGES, 200), "delete": 403, "recover": 403},
    "editor": dict.fromkeys(PAGES, 200),
    "superuser": dict.fromkeys(PAGES, 200),
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_every_article_admin_page_answers_each_role_as_expected(people, role):
    own = make_article(status="draft", created_by=people["writer"])
    others = make_article(status="draft", created_by=people["other_writer"])
    live = make_article(created_by=people["writer"])
    client = Client() if role == "anonymous" else _client(people[role])
    for name, url in _matrix_urls(own, others, live).items():
        assert client.get(url).status_code == MATRIX[role][name], (role, name)


def test_a_writer_sees_only_a_read_only_form_for_articles_they_may_not_change(people):
    others = make_article(status="draft", created_by=people["other_writer"])
    html = _client(people["writer"]).get(change_url(others)).content.decode()
    assert 'name="headline"' not in html  # read-only: no inputs


def test_a_writer_cannot_edit_another_writers_article_by_crafting_a_post(people):
    others = make_article(headline="Walter's piece", status="draft", created_by=people["other_writer"])
    response = _client(people["writer"]).post(change_url(others), form_data(others, headline="Hijacked"))
    assert response.status_code == 403
    others.refresh_from_db()
    assert others.headline == "Walter's piece"


def test_a_writer_cannot_publish_by_crafting_a_post(people):
    own = make_article(status="draft", published_at=None, created_by=people["writer"])
    response = _client(people["writer"]).post(change_url(own), form_data(own, status="published"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    own.refresh_from_db()
    assert own.status == "draft"


def test_a_writers_post_cannot_move_the_time_or_change_the_authors(people):
    own = make_article(status="draft", published_at=None, created_by=people["writer"])
    from .conftest import make_author

    stranger = make_author("Someone Else")
    later = timezone.localtime(timezone.now() + datetime.timedelta(days=3))
    data = form_data(
        own, headline="Fine to change", published_at_0=later.strftime("%d/%m/%Y"),
        published_at_1="20:00:00", authors=[stranger.pk], featured="on",
    )  # fmt: skip
    response = _client(people["writer"]).post(change_url(own), data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.headline == "Fine to change"
    assert own.published_at is None and not own.featured
    assert list(own.authors.all()) == []


def test_a_writer_cannot_edit_a_live_article(people):
    live = make_article(headline="Live report", created_by=people["writer"])
    response = _client(people["writer"]).post(change_url(live), form_data(live, headline="Changed"))
    assert response.status_code == 403
    live.refresh_from_db()
    assert live.headline == "Live report"


def _act(client, action, *articles):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles]},
        follow=True,
    )


def test_writer_submits_for_review_but_cannot_publish_or_unpublish(people):
    own = make_article(status="draft", published_at=None, created_by=people["writer"])
    client = _client(people["writer"])
    _act(client, "submit_for_review", own)
    own.refresh_from_db()
    assert own.status == "review"
    _act(client, "publish_now", own)
    own.refresh_from_db()
    assert own.status == "review"  # the action is not even offered to writers


def test_editor_publishes_and_unpublishes_and_each_is_logged(people, client):
    article = make_article(status="review", published_at=None, created_by=people["writer"])
    editor = _client(people["editor"])
    _act(editor, "publish_now", article)
    article.refresh_from_db()
    assert article.is_published()
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200

    _act(editor, "unpublish", article)
    article.refresh_from_db()
    assert article.status == "draft"
    assert client.get(url).status_code == 410  # it was public: gone, not "not found"
    messages = list(
        LogEntry.objects.filter(object_id=str(article.pk)).values_list("change_message", flat=True)
    )
    assert any("Published" in m for m in messages) and any("Unpublished" in m for m in messages)


# --- No lost updates --------------------------------------------------------------------------


def test_the_second_of_two_editors_saving_the_same_copy_gets_the_conflict_page(people):
    article = make_article(headline="Original", body="<p>First paragraph.</p>", created_by=people["writer"])
    a, b = _client(people["editor"]), _client(people["second_editor"])
    a_form = form_data(article, headline="A's better headline")
    b_form = form_data(article, body="<p>B rewrote the first paragraph.</p>")

    assert a.post(change_url(article), a_form).status_code == 302
    response = b.post(change_url(article), b_form)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Nothing was overwritten" in html
    assert "B rewrote the first paragraph." in html  # B's text is kept, copyable
    assert "A&#x27;s better headline" in html or "A's better headline" in html  # what A changed

    article.refresh_from_db()
    assert article.headline == "A's better headline"
    assert article.body == "<p>First paragraph.</p>"  # A's save intact, B's not applied

    # Reapply B's change on top of A's: the conflict page's form does exactly this.
    fields, radios = read_form(html, "reapply-form")
    assert radios == {}  # different fields: nothing to choose
    response = b.post(change_url(article), as_post(fields))
    assert response.status_code == 302, re.findall(
        r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S
    )
    article.refresh_from_db()
    assert article.headline == "A's better headline"
    assert article.body == "<p>B rewrote the first paragraph.</p>"


def test_a_double_clicked_save_saves_once_and_does_not_conflict(people):
    article = make_article(created_by=people["writer"])
    editor = _client(people["editor"])
    data = form_data(article, headline="Saved once")
    first = editor.post(change_url(article), data)
    second = editor.post(change_url(article), data)  # the same form, the same token
    assert first.status_code == 302 and second.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Saved once"
    assert article.version == 2


def test_a_retried_add_creates_one_article(people):
    editor = _client(people["editor"])
    data = form_data(Article(headline="Retried", slug="retried", kind="report", status="draft", version=0))
    data["base_version"] = ""
    editor.post(reverse("admin:articles_article_add"), data)
    editor.post(reverse("admin:articles_article_add"), data)
    assert Article.objects.filter(slug="retried").count() == 1


def test_randomised_interleavings_of_two_editors_never_overwrite_silently(people):
    rng = random.Random(20191127)
    clients = {"a": _client(people["editor"]), "b": _client(people["second_editor"])}
    article = make_article(headline="Start", body="<p>v0</p>", created_by=people["writer"])
    conflicts = saves = 0
    for round_number in range(100):
        article.refresh_from_db()
        opened = {}
        events = [("open", "a"), ("open", "b"), ("save", "a"), ("save", "b")]
        # Any order in which each editor opens before saving; sometimes one re-opens first.
        while True:
            rng.shuffle(events)
            if all(events.index(("open", e)) < events.index(("save", e)) for e in "ab"):
                break
        for kind, editor in events:
            if kind == "open":
                article.refresh_from_db()
                opened[editor] = article.version
                continue
            text = f"<p>{editor} round {round_number}</p>"
            stored_before = Article.objects.get(pk=article.pk)
            data = form_data(stored_before, body=text, base_version=opened[editor])
            response = clients[editor].post(change_url(article), data)
            stored = Article.objects.get(pk=article.pk)
            if opened[editor] == stored_before.version:
                assert response.status_code == 302
                assert stored.body == text
                saves += 1
            else:
                # Stale: refused, shown the conflict with the editor's own text kept.
                assert response.status_code == 409
                assert text in html_lib.unescape(response.content.decode())
                assert stored.body == stored_before.body and stored.version == stored_before.version
                conflicts += 1
    assert saves >= 100 and conflicts > 0


def test_an_error_part_way_through_a_save_leaves_nothing_half_saved(people, monkeypatch):
    article = make_article(headline="Before", created_by=people["writer"])
    revisions_before = Version.objects.get_for_object(article).count()
    club = make_club("Napoli")
    from articles.tagging import EntityTagManager

    def failing_set(self, *args, **kwargs):
        raise RuntimeError("tag store unavailable")

    monkeypatch.setattr(EntityTagManager, "set", failing_set)
    client = _client(people["editor"])
    client.raise_request_exception = False
    response = client.post(change_url(article), form_data(article, headline="After", clubs=[club.pk]))
    assert response.status_code == 500
    article.refresh_from_db()
    assert article.headline == "Before" and article.version == 1
    assert Version.objects.get_for_object(article).count() == revisions_before


def test_a_match_or_picture_that_does_not_exist_is_refused_by_the_form(people):
    # The form's fields check the picked rows exist; the model does not read them a second time.
    article = make_article(headline="Before")
    for field in ("match", "hero_image"):
        response = _client(people["editor"]).post(change_url(article), form_data(article, **{field: 987654}))
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    article.refresh_from_db()
    assert article.version == 1 and article.match_id is None


# --- Revisions --------------------------------------------------------------------------------


def test_a_revision_written_by_any_save_holds_the_tag_rows_once():
    article = make_article(headline="Before")
    napoli, mertens, lobotka = make_club("Napoli"), make_player("Dries Mertens"), make_player("Lobotka")
    article.clubs.add(napoli)
    article.players.add(mertens, lobotka)
    article.headline = "After"
    article.save()  # outside the admin: the save opens and fills its own revision
    revision = Version.objects.get_for_object(article).first().revision
    tagged = sorted((v.content_type.model, v.field_dict["tag_id"]) for v in revision.version_set.all()
                    if v.content_type.model != "article")  # fmt: skip
    expected = [("taggedclub", napoli.pk), ("taggedplayer", mertens.pk), ("taggedplayer", lobotka.pk)]
    assert tagged == sorted(expected)
    assert revision.version_set.get(content_type__model="article").field_dict["headline"] == "After"


def test_every_admin_save_keeps_a_revision_and_restore_round_trips_body_and_tags(people):
    editor = _client(people["editor"])
    napoli, liverpool = make_club("Napoli"), make_club("Liverpool")
    mertens, salah = make_player("Dries Mertens"), make_player("Mohamed Salah")
    article = make_article(body="<p>First version.</p>", created_by=people["writer"])
    editor.post(change_url(article), form_data(article, clubs=[napoli.pk], players=[mertens.pk]))
    article.refresh_from_db()
    first = Version.objects.get_for_object(article).first()
    editor.post(
        change_url(article),
        form_data(
            article, body="<h2>New</h2><p>Second version.</p>", clubs=[liverpool.pk], players=[salah.pk]
        ),
    )
    article.refresh_from_db()
    assert Version.objects.get_for_object(article).count() == 2 + 1  # make_article's own, then two saves

    compare = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"a": first.pk, "b": Version.objects.get_for_object(article).first().pk},
    )
    html = compare.content.decode()
    assert "First version." in html and "Second version." in html and "Napoli" in html

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    assert "Restore this revision" in editor.get(revision_url).content.decode()
    editor.post(revision_url, {"version": article.version})
    article.refresh_from_db()
    assert article.body == "<p>First version.</p>"
    assert list(article.clubs.all()) == [napoli]
    assert list(article.players.all()) == [mertens]
    assert Version.objects.get_for_object(article).count() == 4  # restoring is a new revision


def test_a_deleted_article_can_be_recovered(people):
    editor = _client(people["editor"])
    article = make_article(headline="Deleted by mistake", created_by=people["writer"])
    editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.filter(headline="Deleted by mistake").exists()
    page = editor.get(reverse("admin:articles_article_recoverlist")).content.decode()
    assert "Deleted by mistake" in page
    version = Version.objects.get_deleted(Article).first()
    recover = editor.get(reverse("admin:articles_article_recover", args=[version.pk]))
    assert recover.status_code == 200


def test_a_deleted_article_is_recovered_with_its_tags_in_a_new_revision(people):
    editor = _client(people["editor"])
    article = make_article(headline="Deleted by mistake")
    napoli = make_club("Napoli")
    article.clubs.add(napoli)
    article.save()  # its last revision holds the tag row
    editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Article).first()
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    assert f'value="{napoli.pk}" selected' in editor.get(recover_url).content.decode()
    assert not Article.objects.filter(pk=article.pk).exists()  # looking changed nothing

    response = editor.post(recover_url, form_data(article, clubs=[napoli.pk]))
    assert response.status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert list(recovered.clubs.all()) == [napoli]
    latest = Version.objects.get_for_object(recovered).first()
    assert latest.revision.comment == "Recovered after it was deleted."
    assert latest.revision.version_set.filter(content_type__model="taggedclub").count() == 1


# --- Links never break ------------------------------------------------------------------------


def test_changing_a_live_articles_slug_or_date_leaves_a_301_in_one_hop(client, people):
    article = make_article(slug="first-slug", published_at=timezone.now() - datetime.timedelta(days=2))
    first_url = article.get_absolute_url()
    article.slug = "second-slug"
    article.save()
    second_url = article.get_absolute_url()
    article.published_at = timezone.now() - datetime.timedelta(days=1)
    article.save()
    third_url = article.get_absolute_url()
    assert len({first_url, second_url, third_url}) == 3
    for old in (first_url, second_url):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"].endswith(third_url)
    assert client.get(third_url).status_code == 200


def test_renaming_a_club_or_player_slug_redirects_the_old_page(client):
    club = make_club("Internazionale", slug="internazionale")
    club.slug = "inter"
    club.save()
    assert client.get("/clubs/internazionale/")["Location"].endswith("/clubs/inter/")
    player = make_player("Mo Salah")
    player.slug = "mohamed-salah"
    player.save()
    assert client.get("/players/mo-salah/").status_code == 301


def test_a_draft_that_was_never_public_is_a_404_not_a_410(client):
    draft = make_article(status="draft")
    draft.slug = "renamed-draft"
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert not Redirect.objects.exists()


# --- Corrections, presence, the desk ----------------------------------------------------------


def test_a_correction_shows_at_the_foot_and_moves_updated_at(client):
    article = make_article()
    before = article.updated_at
    Correction.objects.create(article=article, note="Lovren scored after 65 minutes, not 56.")
    article.refresh_from_db()
    assert article.updated_at > before
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Corrections" in html and "Lovren scored after 65 minutes, not 56." in html


def test_editors_see_who_else_is_editing(people):
    article = make_article(created_by=people["writer"])
    a, b = _client(people["editor"]), _client(people["second_editor"])
    a.get(change_url(article))
    html = b.get(change_url(article)).content.decode()
    assert "eddie" in html and "editing this article right now" in html
    heartbeat = reverse("admin:articles_article_heartbeat", args=[article.pk])
    assert [o["name"] for o in a.post(heartbeat).json()["others"]] == ["erica"]
    EditingSession.objects.update(last_seen=timezone.now() - datetime.timedelta(minutes=2))
    assert a.post(heartbeat).json()["others"] == []  # stale after a minute


def test_the_desk_shows_drafts_review_scheduled_published_and_being_edited(people):
    editor = people["editor"]
    make_article(headline="My own draft", status="draft", created_by=editor)
    make_article(headline="Waiting for a sub", status="review")
    make_article(headline="Tomorrow's preview", published_at=timezone.now() + datetime.timedelta(hours=20))
    make_article(headline="Out already")
    being = make_article(headline="Open in a tab")
    EditingSession.objects.create(article=being, user=people["writer"])
    html = _client(editor).get(reverse("admin:index")).content.decode()
    for text in ["My drafts", "My own draft", "Awaiting review", "Waiting for a sub",
                 "Scheduled in the next 48 hours", "Tomorrow&#x27;s preview", "Recently published",
                 "Out already", "Being edited now", "Open in a tab"]:  # fmt: skip
        assert text in html, text


def test_a_bad_goal_row_saves_nothing_of_the_match(people):
    from .conftest import make_match

    match = make_match(score=(1, 0))
    scorer = make_player("Dries Mertens")
    client = _client(people["editor"])
    data = {
        "competition": match.competition.pk, "season": "2019-20", "round": "Changed round", "venue": "",
        "kickoff_0": timezone.localtime(match.kickoff).strftime("%d/%m/%Y"),
        "kickoff_1": timezone.localtime(match.kickoff).strftime("%H:%M:%S"),
        "home_club": match.home_club.pk, "away_club": match.away_club.pk,
        "home_score": "2", "away_score": "0",
        "attendance": "", "referee": "", "status": "full_time",
        "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
        "appearances-TOTAL_FORMS": "0", "appearances-INITIAL_FORMS": "0",
        "goals-TOTAL_FORMS": "2", "goals-INITIAL_FORMS": "0",
        "goals-0-minute": "12", "goals-0-added_time": "0", "goals-0-scorer": scorer.pk,
        "goals-0-club": match.home_club.pk, "goals-0-kind": "open_play",
        "goals-1-minute": "0", "goals-1-added_time": "0", "goals-1-scorer": scorer.pk,
        "goals-1-club": match.home_club.pk, "goals-1-kind": "open_play",
    }  # fmt: skip
    response = client.post(reverse("admin:football_match_change", args=[match.pk]), data)
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 1" in response.content.decode()
    match.refresh_from_db()
    assert (match.round, match.home_score, match.goals.count()) == ("", 1, 0)


def test_corrections_are_in_the_structured_data(client):
    import json

    article = make_article()
    Correction.objects.create(article=article, note="The attendance was 52,000, not 25,000.")
    html = client.get(article.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1)
    graph = json.loads(block)["@graph"]
    news = next(node for node in graph if node["@type"] == "NewsArticle")
    assert news["correction"][0]["text"] == "The attendance was 52,000, not 25,000."
    assert news["correction"][0]["@type"] == "CorrectionComment"
