"""Live blogs: entries that feed the match record (issue 14)."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, LiveEntry
from newsroom.delivery import purges
from newsroom.football.models import Appearance, Event, Goal, Match

from .conftest import make_article, make_club, make_match, make_player

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog():
    home, away = make_club("Liverpool"), make_club("SSC Napoli")
    match = make_match(home, away, score=None)
    for number, (name, club) in enumerate(
        [("Mohamed Salah", home), ("Dejan Lovren", home), ("Dries Mertens", away),
         ("Kalidou Koulibaly", away)],
        start=1,
    ):  # fmt: skip
        player = make_player(name, club=club)
        Appearance.objects.create(match=match, club=club, player=player, number=number)
    return make_article(kind=Article.Kind.LIVE, match=match, headline="Liverpool v Napoli: live")


def player(name):
    return Appearance.objects.get(player__name=name).player


def post(blog, **fields):
    entry = LiveEntry(article=blog, **fields)
    entry.full_clean()
    entry.save()
    return entry


def score(match):
    match.refresh_from_db()
    return match.status, match.home_score, match.away_score, match.home_ht_score, match.away_ht_score


def test_whistles_and_goals_move_the_match_status_and_score(blog):
    match = blog.match
    post(blog, kind="kick_off", body="<p>We are under way.</p>")
    assert score(match) == (Match.Status.LIVE, 0, 0, None, None)
    salah = player("Mohamed Salah")
    post(blog, kind="goal", minute=20, player=salah, club=match.home_club, body="<p>Salah!</p>")
    assert score(match) == (Match.Status.LIVE, 1, 0, None, None)  # no half-time score before it
    post(blog, kind="half_time", minute=45, added_time=2)
    assert score(match) == (Match.Status.HALF_TIME, 1, 0, 1, 0)
    post(blog, kind="kick_off", minute=46)
    post(blog, kind="own_goal", minute=70, player=player("Dejan Lovren"), club=match.home_club)
    assert score(match) == (Match.Status.LIVE, 1, 1, 1, 0)
    post(blog, kind="full_time", minute=90, added_time=4)
    assert score(match) == (Match.Status.FULL_TIME, 1, 1, 1, 0)
    own_goal = Goal.objects.get(kind=Goal.Kind.OWN_GOAL)
    assert own_goal.club == match.away_club  # counts for Napoli


def test_correcting_a_goal_entry_corrects_the_timeline_and_deleting_it_removes_the_goal(blog):
    match = blog.match
    post(blog, kind="kick_off")
    entry = post(blog, kind="goal", minute=56, player=player("Mohamed Salah"), club=match.home_club)
    entry = LiveEntry.objects.get(pk=entry.pk)
    entry.minute, entry.player, entry.club = 65, player("Dries Mertens"), match.away_club
    entry.full_clean()
    entry.save()
    goal = Goal.objects.get(match=match)
    assert (goal.minute, goal.scorer.name, goal.club_id) == (65, "Dries Mertens", match.away_club_id)
    assert score(match)[1:3] == (0, 1)
    assert LiveEntry.objects.get(pk=entry.pk).edited_at is not None
    LiveEntry.objects.get(pk=entry.pk).delete()
    assert not Goal.objects.filter(match=match).exists()
    assert score(match)[1:3] == (0, 0)


def test_a_goal_entry_turned_into_a_card_swaps_its_record_row(blog):
    match = blog.match
    entry = post(blog, kind="goal", minute=30, player=player("Dries Mertens"), club=match.away_club)
    entry.kind = "yellow"
    entry.full_clean()
    entry.save()
    assert not Goal.objects.filter(match=match).exists()
    card = Event.objects.get(match=match)
    assert (card.kind, card.player.name, card.minute) == ("yellow", "Dries Mertens", 30)
    assert score(match)[0] == Match.Status.LIVE  # a key event with no kick-off: it has started


def test_substitution_and_var_entries_write_events(blog):
    match = blog.match
    post(blog, kind="substitution", minute=61, club=match.away_club,
         player=player("Kalidou Koulibaly"), player_off=player("Dries Mertens"))  # fmt: skip
    post(blog, kind="var", minute=75, club=match.home_club, body="<p>Goal disallowed for offside</p>")
    kinds = list(Event.objects.filter(match=match).values_list("kind", "note"))
    assert kinds == [("substitution", ""), ("var", "Goal disallowed for offside")]


def test_taking_back_the_only_whistle_puts_the_match_back_to_scheduled(blog):
    kick_off = post(blog, kind="kick_off")
    assert score(blog.match)[0] == Match.Status.LIVE
    kick_off.delete()
    assert score(blog.match) == (Match.Status.SCHEDULED, None, None, None, None)


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"kind": "goal", "minute": 10}, "player", "who scored"),
        ({"kind": "goal", "player": "Mohamed Salah", "club": "home"}, "minute", "needs its minute"),
        ({"kind": "goal", "minute": 121, "player": "Mohamed Salah", "club": "home"}, "minute", "120"),
        ({"kind": "yellow", "minute": 10, "club": "home"}, "player", "needs its player"),
        ({"kind": "substitution", "minute": 10, "club": "home", "player": "Mohamed Salah"},
         "player_off", "went off"),
        ({"kind": "goal", "minute": 10, "player": "Mohamed Salah", "club": "elsewhere"}, "club", "two clubs"),
        ({"body": ""}, "body", "Write something"),
        ({"body": "<p>Watch</p>", "embed_url": "http://example.com/clip"}, "embed_url", "https://"),
    ],
)
def test_bad_entries_are_refused_with_a_message_and_write_nothing(blog, fields, field, words):
    match = blog.match
    clubs = {"home": match.home_club, "elsewhere": make_club()}
    if "player" in fields:
        fields["player"] = player(fields["player"])
    if "club" in fields:
        fields["club"] = clubs[fields["club"]]
    with pytest.raises(ValidationError) as refused:
        LiveEntry(article=blog, **fields).full_clean()
    assert words in " ".join(refused.value.message_dict.get(field, [])), refused.value.message_dict
    assert not LiveEntry.objects.exists() and not Goal.objects.exists() and not Event.objects.exists()


def test_entries_only_belong_to_live_blogs(blog):
    report = make_article(match=blog.match)
    with pytest.raises(ValidationError, match="live blogs only"):
        LiveEntry(article=report, body="<p>Hello</p>").full_clean()


def test_entry_text_is_sanitised_like_a_body(blog):
    hostile = '<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>x</script></p>'
    entry = post(blog, body=hostile)
    stored = LiveEntry.objects.get(pk=entry.pk).body
    assert "onclick" not in stored and "javascript" not in stored and "<script" not in stored
    assert "Hi" in stored


def test_two_editors_posting_at_once_each_keep_their_entry(blog):
    # Entries are rows of their own: neither save claims the article's version.
    version = Article.objects.get(pk=blog.pk).version
    first = LiveEntry(article=Article.objects.get(pk=blog.pk), body="<p>One</p>")
    second = LiveEntry(article=Article.objects.get(pk=blog.pk), body="<p>Two</p>")
    first.save()
    second.save()
    assert LiveEntry.objects.filter(article=blog).count() == 2
    assert Article.objects.get(pk=blog.pk).version == version


def test_an_entry_purges_its_blog_and_its_match_only(blog):
    entry = post(blog, body="<p>Corner to Liverpool.</p>")
    assert purges.tags_for(entry) == {f"article-{blog.pk}", f"match-{blog.match_id}"}


# ---------------------------------------------------------------------------------------------
# Readers


def _json_ld(page):
    import json
    import re

    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_the_live_page_shows_score_key_events_and_entries_pinned_then_newest(client, blog):
    import datetime

    from django.utils import timezone

    match = blog.match
    blog.players.add(player("Dries Mertens"))
    earlier = timezone.now() - datetime.timedelta(minutes=5)
    post(blog, kind="kick_off", body="<p>Under way at Anfield.</p>", posted_at=earlier)
    pinned = post(blog, body="<p>Team news: Salah starts.</p>", pinned=True,
                  posted_at=earlier - datetime.timedelta(minutes=30))  # fmt: skip
    post(blog, kind="goal", minute=20, player=player("Dries Mertens"), club=match.away_club,
         body="<p>Dries Mertens curls it in.</p>")  # fmt: skip
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Liverpool 0–1 SSC Napoli · Live" in page
    assert "20’ Goal: Dries Mertens" in page  # the key events
    listed = page[page.index("data-live-entries") :]
    positions = [listed.index(text) for text in ("Team news", "curls it in", "Under way at Anfield")]
    assert positions == sorted(positions), "pinned first, then newest first"
    assert f'id="entry-{pinned.pk}"' in page
    mertens = player("Dries Mertens").get_absolute_url()
    assert f'mention--player" href="{mertens}">Dries Mertens</a> curls' in page
    assert 'data-live-url="/live/' in page
    graph = _json_ld(page)["@graph"]
    posting = next(node for node in graph if node["@type"] == "LiveBlogPosting")
    assert posting["coverageStartTime"] and posting["coverageEndTime"]
    assert len(posting["liveBlogUpdate"]) == 3


def test_a_closed_blog_is_an_ordinary_article_without_the_poll(client, blog):
    import datetime

    from django.utils import timezone

    post(blog, body="<p>Thanks for following.</p>")
    blog.live_closed_at = timezone.now()
    blog.save()
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "As it happened" in page and "Thanks for following." in page
    assert "data-live-url" not in page
    posting = next(node for node in _json_ld(page)["@graph"] if node["@type"] == "LiveBlogPosting")
    assert datetime.datetime.fromisoformat(posting["coverageEndTime"]) == blog.live_closed_at
    assert client.get(f"/live/{blog.pk}/entries/").json()["open"] is False  # the script stops


def test_the_poll_gives_new_and_changed_entries_and_is_purged_by_each_entry(client, blog):
    import datetime
    import time

    from django.utils import timezone

    first = post(blog, body="<p>First</p>", posted_at=timezone.now() - datetime.timedelta(minutes=2))
    answer = client.get(f"/live/{blog.pk}/entries/")
    assert "public" in answer["Cache-Control"]
    assert {f"article-{blog.pk}", f"match-{blog.match_id}"} <= set(answer["Surrogate-Key"].split())
    assert client.get(f"/live/{blog.pk}/entries/").json()["ids"] == [first.pk]  # a kept copy
    data = answer.json()
    assert data["ids"] == [first.pk] and "First" in data["entries"][0]["html"]
    assert client.get(f"/live/{blog.pk}/entries/?since={int(time.time())}").json()["entries"] == []
    second = post(blog, kind="goal", minute=3, player=player("Mohamed Salah"), club=blog.match.home_club)
    data = client.get(f"/live/{blog.pk}/entries/?since={int(time.time())}").json()
    assert [entry["id"] for entry in data["entries"]] == [second.pk]
    assert data["ids"] == [second.pk, first.pk]
    assert data["score"] == "Liverpool 1–0 SSC Napoli · Live"
    # The page's match box, drawn again: the score so far and the goal on its timeline.
    assert 'aria-label="Score so far 1 0"' in data["match_box"]
    assert "Mohamed Salah" in data["match_box"] and "3’" in data["match_box"]
    assert client.get(f"/live/{blog.pk}/entries/").json()["ids"] == [second.pk, first.pk]  # purged


@pytest.mark.parametrize("query", ["?since=abc", "?since=-1", "?since=9999999999999999"])
def test_a_bad_since_is_a_400_with_a_sentence(client, blog, query):
    answer = client.get(f"/live/{blog.pk}/entries/{query}")
    assert answer.status_code == 400 and "since" in answer.json()["error"]


def test_only_published_live_blogs_are_polled(client, blog):
    report = make_article(match=blog.match)
    draft = make_article(kind=Article.Kind.LIVE, match=blog.match, status=Article.Status.DRAFT)
    for pk in (report.pk, draft.pk, 999999):
        assert client.get(f"/live/{pk}/entries/").status_code == 404
