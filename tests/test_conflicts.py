"""Two editors on one article: whoever saves second merges onto the first, and loses nothing.

The second save of a stale form is refused (409) and answered with a merge: every field the
first editor changed keeps their value unless the second changed it too; tags and authors merge
as sets; the body merges paragraph by paragraph. These tests follow the conflict page's own form,
as a browser submits it.
"""

import datetime
import random
import re
import uuid

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.body import body_blocks
from articles.merging import merge_blocks, resolve_choices
from articles.models import Article, TaggedClub, TaggedPlayer
from newsroom.media.models import Image

from .conftest import make_article, make_author, make_club, make_match, make_player
from .html_forms import as_post, read_form
from .images import encoded, photo

pytestmark = pytest.mark.django_db


def _editor(name):
    user = User.objects.create_user(name, password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def opened(article):
    """What an editor's form holds when they open the article now."""
    article = Article.objects.get(pk=article.pk)
    return {
        "headline": article.headline, "slug": article.slug, "kind": article.kind,
        "standfirst": article.standfirst, "body": article.body, "match": article.match_id,
        "hero_image": article.hero_image_id, "hero_caption": article.hero_caption,
        "authors": frozenset(article.authors.values_list("pk", flat=True)),
        "clubs": frozenset(TaggedClub.objects.filter(content_object=article).values_list("tag_id", flat=1)),
        "players": frozenset(
            TaggedPlayer.objects.filter(content_object=article).values_list("tag_id", flat=1)
        ),
        "status": article.status,
        "published_at": article.published_at.replace(microsecond=0) if article.published_at else None,
        "featured": article.featured, "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "version": article.version,
    }  # fmt: skip


def post_of(values):
    """The change form's POST for these values."""
    moment = timezone.localtime(values["published_at"]) if values["published_at"] else None
    data = {
        **{name: values[name] for name in ("headline", "slug", "kind", "standfirst", "body", "hero_caption",
                                            "status", "seo_title", "seo_description")},
        "match": values["match"] or "", "hero_image": values["hero_image"] or "",
        "authors": sorted(values["authors"]), "clubs": sorted(values["clubs"]),
        "players": sorted(values["players"]),
        "published_at_0": moment.strftime("%d/%m/%Y") if moment else "",
        "published_at_1": moment.strftime("%H:%M:%S") if moment else "",
        "base_version": values["version"], "edit_token": str(uuid.uuid4()),
        "corrections-TOTAL_FORMS": "0", "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0", "corrections-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    if values["featured"]:
        data["featured"] = "on"
    return data


def _errors(response):
    return re.findall(r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S)


def save_resolving(client, article, values):
    """Save as an editor does: on a conflict, take the page's merge with its preselected choices."""
    response = client.post(change_url(article), post_of(values))
    if response.status_code == 409:
        fields, _ = read_form(response.content.decode(), "reapply-form")
        response = client.post(change_url(article), as_post(fields))
        assert response.status_code == 302, _errors(response)
        return True
    assert response.status_code == 302, _errors(response)
    return False


# --- The randomised interleaving --------------------------------------------------------------

PARAGRAPHS = 4


def _changes(rng, who, n, start, pools):
    """A random set of changes by `who` in round `n`, to the values `start` they opened."""
    values, changed = dict(start), {}
    blocks = body_blocks(start["body"])
    for name in ["headline", "standfirst", "body", "kind", "match", "hero_image", "hero_caption", "authors",
                 "clubs", "players", "status", "published_at", "featured", "seo_title"]:  # fmt: skip
        if rng.random() > 0.3:
            continue
        if name in ("headline", "standfirst", "hero_caption", "seo_title"):
            value = f"{name} by {who} in round {n}"
        elif name == "body":
            edited = rng.sample(range(len(blocks)), rng.randint(1, 2))
            for index in edited:
                tag = "h2" if blocks[index].startswith("<h2>") else "p"
                blocks[index] = f"<{tag}>Paragraph {index} by {who} in round {n}.</{tag}>"
            changed["paragraphs"] = set(edited)
            value = "".join(blocks)
        elif name in ("authors", "clubs", "players"):
            value = start[name] ^ {rng.choice(pools[name])}  # add or remove one
        elif name == "published_at":
            value = (timezone.now() - datetime.timedelta(days=rng.randint(1, 900), minutes=n)).replace(
                microsecond=0
            )
        elif name == "featured":
            value = not start["featured"]
        else:
            value = rng.choice([v for v in pools[name] if v != start[name]])
        if value != start[name]:
            values[name] = changed[name] = value
    return values, changed


def test_200_random_interleavings_of_two_editors_lose_nothing_either_changed(newsroom_roles):
    rng = random.Random(20261201)
    clients = {"a": _editor("anna"), "b": _editor("ben")}
    # Matches between clubs outside the random pool, so that the clubs a match brings (the
    # report carries them) are told apart from the ones an editor tags.
    pools = {
        "clubs": [make_club().pk for _ in range(4)],
        "players": [make_player().pk for _ in range(4)],
        "authors": [make_author().pk for _ in range(3)],
        "match": [None, make_match(score=None).pk, make_match(score=None).pk],
        "hero_image": [None, *(
            Image.objects.create(file=ContentFile(encoded(photo((40, 30))), f"p{i}.jpg"), alt_text=f"P{i}").pk
            for i in range(2)
        )],
        # A live blog must follow a match, and "no match" is among the matches drawn: the two
        # together are a form error that the round would count as a loss (tests/test_live_blog.py).
        "kind": [k for k, _ in Article.Kind.choices if k != Article.Kind.LIVE],
        "status": [s for s, _ in Article.Status.choices],
    }  # fmt: skip
    body = "<h2>Before the game</h2>" + "".join(
        f"<p>Paragraph {i} as written.</p>" for i in range(1, PARAGRAPHS)
    )
    article = make_article(headline="Start", body=body)
    conflicts = 0
    for n in range(200):
        events = [("open", "a"), ("open", "b"), ("save", "a"), ("save", "b")]
        while True:  # any order in which each editor opens before they save
            rng.shuffle(events)
            if all(events.index(("open", e)) < events.index(("save", e)) for e in "ab"):
                break
        started, edits, order = {}, {}, []
        for kind, who in events:
            if kind == "open":
                started[who] = opened(article)
                continue
            values, edits[who] = _changes(rng, who, n, started[who], pools)
            conflicts += save_resolving(clients[who], article, values)
            order.append(who)
        first, second = order
        final = opened(article)
        for name in ["headline", "standfirst", "kind", "match", "hero_image", "hero_caption", "status",
                     "published_at", "featured", "seo_title"]:  # fmt: skip
            for who in (second, first):  # the second editor's choice wins a clash (preselected)
                if name in edits[who]:
                    assert final[name] == edits[who][name], (n, name, who, edits)
                    break
            else:
                assert final[name] == started[first][name] or final[name] == started[second][name], (n, name)
        for name in ("authors", "clubs", "players"):
            touched_by_second = set()
            for who in (second, first):  # each element as the last one who changed it left it
                if name in edits[who]:
                    added = edits[who][name] - started[who][name] - touched_by_second
                    removed = started[who][name] - edits[who][name] - touched_by_second
                    # (No pool club plays in a match, so no match puts a removed one back.)
                    assert added <= final[name] and not removed & final[name], (n, name, who)
                    touched_by_second |= edits[who][name] ^ started[who][name]
        blocks = body_blocks(final["body"])
        assert len(blocks) == PARAGRAPHS
        for index in range(PARAGRAPHS):
            for who in (second, first):
                if index in edits[who].get("paragraphs", ()):
                    assert f"Paragraph {index} by {who} in round {n}." in blocks[index], (n, index, who)
                    break
    assert conflicts > 50  # most rounds interleave


# --- The cases the issue names ----------------------------------------------------------------


def test_a_publish_survives_the_other_editors_reapplied_draft(newsroom_roles, client):
    a, b = _editor("anna"), _editor("ben")
    article = make_article(status="draft", published_at=None, headline="Draft")
    b_opened = opened(article)
    published = {
        **opened(article),
        "status": "published",
        "published_at": timezone.now().replace(microsecond=0),
    }
    assert not save_resolving(a, article, published)
    assert save_resolving(b, article, {**b_opened, "standfirst": "Ben's standfirst."})
    article.refresh_from_db()
    assert article.status == "published" and article.standfirst == "Ben's standfirst."
    assert client.get(article.get_absolute_url()).status_code == 200


def test_edits_to_different_paragraphs_merge_with_nothing_to_choose(newsroom_roles):
    a, b = _editor("anna"), _editor("ben")
    article = make_article(body="<h2>First half</h2><p>One.</p><p>Two.</p><h2>Second half</h2><p>Three.</p>")
    start = opened(article)
    save_resolving(a, article, {**start, "body": start["body"].replace("One.", "One, rewritten by Anna.")})
    response = b.post(
        change_url(article),
        post_of(
            {
                **start,
                "body": start["body"]
                .replace("<h2>Second half</h2>", "<h2>After the break</h2>")
                .replace("<p>Three.</p>", "<p>Three.</p><p>Four.</p>"),
            }
        ),
    )
    assert response.status_code == 409
    html = response.content.decode()
    fields, radios = read_form(html, "reapply-form")
    assert radios == {} and "<textarea" not in html.split('id="reapply-form"')[1].split("</form>")[0]
    assert b.post(change_url(article), as_post(fields)).status_code == 302
    article.refresh_from_db()
    assert article.body == (
        "<h2>First half</h2><p>One, rewritten by Anna.</p><p>Two.</p><h2>After the break</h2>"
        "<p>Three.</p><p>Four.</p>"
    )


def test_a_clash_on_one_paragraph_is_shown_side_by_side_as_prose_with_a_choice(newsroom_roles):
    a, b = _editor("anna"), _editor("ben")
    article = make_article(body="<p>Kept.</p><p>Salah scored.</p><p>Also kept.</p>")
    start = opened(article)
    save_resolving(
        a,
        article,
        {**start, "body": "<p>Kept.</p><p>Salah scored <strong>twice</strong>.</p><p>Also kept.</p>"},
    )
    response = b.post(
        change_url(article),
        post_of({**start, "body": "<p>Kept.</p><p>Salah scored late.</p><p>Also kept, and more.</p>"}),
    )
    html = response.content.decode()
    fields, radios = read_form(html, "reapply-form")
    assert list(radios.values()) == [["theirs", "mine", "both"]]  # one clash: the second paragraph
    clash = html.split('id="clash-body-')[1]
    assert (
        "Salah scored <strong>twice</strong>." in clash and "Salah scored late." in clash
    )  # rendered, not escaped
    (choice,) = radios
    assert b.post(change_url(article), as_post(fields, **{choice: "theirs"})).status_code == 302
    article.refresh_from_db()
    assert (
        article.body == "<p>Kept.</p><p>Salah scored <strong>twice</strong>.</p><p>Also kept, and more.</p>"
    )


def test_a_clash_on_a_field_offers_both_values_and_saves_the_chosen_one(newsroom_roles):
    a, b = _editor("anna"), _editor("ben")
    first, second = make_match(score=None), make_match(score=None)
    article = make_article()
    start = opened(article)
    save_resolving(a, article, {**start, "match": first.pk, "kind": "news"})
    response = b.post(change_url(article), post_of({**start, "match": second.pk}))
    html = response.content.decode()
    fields, radios = read_form(html, "reapply-form")
    assert radios == {"choose:match": ["theirs", "mine"]}
    assert str(first) in html and str(second) in html
    assert b.post(change_url(article), as_post(fields, **{"choose:match": "theirs"})).status_code == 302
    article.refresh_from_db()
    assert article.match == first and article.kind == "news"


def test_a_writers_reapplied_save_cannot_change_what_writers_may_not(newsroom_roles):
    writer = User.objects.create_user("wendy", password="pw", is_staff=True)
    writer.groups.add(Group.objects.get(name="Writer"))
    w = Client()
    w.force_login(writer)
    article = make_article(status="draft", published_at=None, created_by=writer)
    start = opened(article)
    save_resolving(w, article, {**start, "headline": "Wendy's first go"})
    data = post_of({**start, "standfirst": "Second tab."})
    response = w.post(change_url(article), data)
    fields, _ = read_form(response.content.decode(), "reapply-form")
    crafted = as_post(fields, **{"featured": "on", "choose:featured": "mine", "mine:featured": "on"})
    assert w.post(change_url(article), crafted).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Wendy's first go" and article.standfirst == "Second tab."
    assert not article.featured


# --- The merge itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("theirs", "mine", "merged"),
    [
        (["A", "b", "c"], ["a", "b", "C"], ["A", "b", "C"]),  # different blocks
        (["A", "B", "c"], ["a", "b", "C"], ["A", "B", "C"]),  # neighbours
        (["a", "new", "b", "c"], ["a", "B", "c"], ["a", "new", "B", "c"]),  # added beside a change
        (["a"], ["a", "b", "c", "d"], ["a", "d"]),  # they cut, I appended
        (["a", "B", "c"], ["a", "B", "c"], ["a", "B", "c"]),  # the same change twice
    ],
)
def test_blocks_merge_without_a_clash(theirs, mine, merged):
    chunks = merge_blocks(["a", "b", "c"], theirs, mine)
    assert not any(c.clash for c in chunks)
    assert [b for c in chunks for b in c.blocks] == merged


def test_the_same_block_changed_differently_is_one_clash():
    chunks = merge_blocks(["a", "b", "c"], ["a", "B1", "c"], ["a", "B2", "c"])
    assert [(c.blocks, c.theirs, c.mine) for c in chunks] == [(["a"], None, None), ([], ["B1"], ["B2"]),
                                                              (["c"], None, None)]  # fmt: skip


def test_choices_that_are_not_offered_are_ignored():
    from django.http import QueryDict

    data = QueryDict("body:chunks=99999999999999&body:0=<p>x</p>&choose:status=everything", mutable=True)
    resolved = resolve_choices(data)
    assert resolved["body"] == "<p>x</p>" and "status" not in resolved
    data = QueryDict("body:chunks=abc&body=kept", mutable=True)
    assert resolve_choices(data)["body"] == "kept"
