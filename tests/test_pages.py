"""What a reader sees on every public page, and what they never see."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article

from .conftest import (
    make_article,
    make_author,
    make_club,
    make_competition,
    make_goal,
    make_match,
    make_player,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anfield_report():
    """Liverpool 1–1 Napoli, told in the project's own words."""
    return make_anfield_report()


def make_anfield_report():
    liverpool = make_club("Liverpool", country="England", league="Premier League")
    napoli = make_club("Napoli", country="Italy", league="Serie A")
    ucl = make_competition("UEFA Champions League", slug="uefa-champions-league")
    match = make_match(
        liverpool, napoli, score=(1, 1), competition=ucl, round="Group E, matchday 5",
        venue="Anfield, Liverpool", kickoff=datetime.datetime(2019, 11, 27, 20, 0, tzinfo=datetime.UTC),
    )  # fmt: skip
    mertens = make_player("Dries Mertens", club=napoli)
    lovren = make_player("Dejan Lovren", club=liverpool)
    make_goal(match, mertens, club=napoli, minute=21)
    make_goal(match, lovren, club=liverpool, minute=65)
    author = make_author("Sam Reporter", slug="sam-reporter")
    article = make_article(
        headline="Napoli hold firm at Anfield",
        slug="liverpool-napoli",
        standfirst="A Lovren header cancels out Mertens’ strike.",
        body="<p>Napoli came to defend.</p><h2>A wall in blue</h2><p>The Azzurri held.</p>"
        "<h2>The Reds respond</h2><p>Lovren rose highest.</p>",
        match=match,
        published_at=datetime.datetime(2019, 11, 27, 22, 30, tzinfo=datetime.UTC),
    )
    article.authors.add(author)
    return article


def test_article_page_shows_the_match_box_scorers_and_sub_headings(client, anfield_report):
    response = client.get("/2019/11/27/liverpool-napoli/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Napoli hold firm at Anfield", "A Lovren header cancels out Mertens’ strike.",
        "UEFA Champions League", "Group E, matchday 5", "Anfield, Liverpool",
        "Dries Mertens</a> 21’", "Dejan Lovren</a> 65’",
        "<h2 id=\"a-wall-in-blue\">A wall in blue</h2>", "<h2 id=\"the-reds-respond\">The Reds respond</h2>",
        'href="/authors/sam-reporter/"', 'href="/clubs/napoli/"', 'href="/players/dries-mertens/"',
    ]:  # fmt: skip
        assert text in html, text
    assert 'aria-label="Final score 1 1"' in html


def test_times_are_on_the_newsroom_clock_and_say_which_it_is(client, anfield_report):
    html = client.get("/2019/11/27/liverpool-napoli/").content.decode()
    assert "Wed 27 Nov 2019, 20:00 GMT</time>" in html  # the kick-off, in winter
    anfield_report.match.kickoff = datetime.datetime(2019, 8, 9, 18, 45, tzinfo=datetime.UTC)
    anfield_report.match.save()
    anfield_report.published_at = datetime.datetime(2019, 8, 9, 21, 0, tzinfo=datetime.UTC)
    anfield_report.save()
    html = client.get("/2019/08/09/liverpool-napoli/").content.decode()
    # Stored in UTC, shown on London's summer clock: 19:45 BST, not 18:45 UTC.
    assert "Fri 9 Aug 2019, 19:45 BST</time>" in html
    assert ">9 August 2019, 22:00 BST</time>" in html  # the byline


def test_front_page_leads_with_the_latest_report(client, anfield_report):
    html = client.get("/").content.decode()
    assert "Napoli hold firm at Anfield" in html
    assert "Liverpool 1–1 Napoli" in strip_tags(html)  # the score is its own element, kept whole


def _lead(client):
    html = client.get("/").content.decode()
    return html.split('aria-label="Lead story"')[1].split("</section>")[0]


def test_a_featured_report_leads_for_a_week_then_the_latest_leads_again(client):
    make_article(headline="Transfer deadline day", published_at=timezone.now() - datetime.timedelta(hours=1))
    make_article(headline="Feature from three days ago", featured=True,
                 published_at=timezone.now() - datetime.timedelta(days=3))  # fmt: skip
    make_article(headline="Feature from last month", featured=True,
                 published_at=timezone.now() - datetime.timedelta(days=30))  # fmt: skip
    assert "Feature from three days ago" in _lead(client)
    Article.objects.filter(headline="Feature from three days ago").update(
        published_at=timezone.now() - datetime.timedelta(days=8)
    )
    from newsroom.delivery import purges

    purges.purge("list-front")  # a bulk update sends no signal: purge what it changed
    assert "Transfer deadline day" in _lead(client)


def test_club_page_lists_reports_results_form_and_players(client, anfield_report):
    html = client.get("/clubs/napoli/").content.decode()
    assert "Napoli hold firm at Anfield" in html
    assert "Dries Mertens" in html
    assert 'class="chip chip--d"' in html  # a draw in the form guide


def test_player_page_lists_goals_and_reports(client, anfield_report):
    html = client.get("/players/dries-mertens/").content.decode()
    assert "Dries Mertens" in html
    assert "21’" in html and "Liverpool 1–1 Napoli" in html
    assert "Napoli hold firm at Anfield" in html


def test_competition_and_author_pages_list_the_report(client, anfield_report):
    for url in ["/competitions/uefa-champions-league/", "/authors/sam-reporter/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Napoli hold firm at Anfield" in response.content.decode()


def test_indexes_list_clubs_and_competitions(client, anfield_report):
    assert "Napoli" in client.get("/clubs/").content.decode()
    assert "UEFA Champions League" in client.get("/competitions/").content.decode()


def test_tag_pages_show_only_published_reports(client, anfield_report):
    napoli = anfield_report.clubs.get(slug="napoli")
    draft = make_article(headline="Unfinished draft about Napoli", status=Article.Status.DRAFT)
    draft.clubs.add(napoli)
    for url in ["/", "/clubs/napoli/", "/authors/sam-reporter/"]:
        assert "Unfinished draft" not in client.get(url).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/clubs/no-such-club/", "/players/nobody/", "/competitions/nothing/", "/authors/ghost/",
        "/2019/11/27/no-such-report/", "/2019/02/31/liverpool-napoli/", "/2019/13/01/x/",
        "/?page=999999", "/?page=abc", "/clubs/napoli/?page=0", "/players/dries-mertens/?page=-1",
    ],
)  # fmt: skip
def test_unknown_addresses_and_bad_pages_are_404_pages(client, anfield_report, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


def test_lists_are_paginated_with_rel_links(client, settings):
    for n in range(15):
        make_article(headline=f"Paginated report {n}")
    html = client.get("/").content.decode()
    assert 'rel="next" href="?page=2"' in html
    assert 'rel="prev"' in client.get("/?page=2").content.decode()


def _staff(permission=True):
    user = User.objects.create_user("desk", password="pw-for-tests", is_staff=True)
    if permission:
        user.user_permissions.add(Permission.objects.get(codename="change_article"))
    return user


@pytest.mark.parametrize("status, offset", [("draft", -1), ("review", -1), ("published", 48)])
def test_staff_preview_drafts_and_scheduled_reports_at_the_real_url(client, status, offset):
    article = make_article(
        headline="Not yet for readers", status=status,
        published_at=timezone.now() + datetime.timedelta(hours=offset),
    )  # fmt: skip
    assert client.get(article.get_absolute_url()).status_code == 404

    client.force_login(_staff())
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_staff_without_the_change_permission_get_a_404(client):
    article = make_article(status="draft")
    client.force_login(_staff(permission=False))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_published_page_has_no_preview_banner_for_staff(client, anfield_report):
    client.force_login(_staff())
    response = client.get(anfield_report.get_absolute_url())
    assert "Preview</strong>" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


def test_markup_in_headlines_is_shown_as_text(client):
    article = make_article(
        headline='<script>alert("x")</script> Derby day', standfirst="<b onclick=x>bold</b>"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "<b onclick" not in html


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").content == b"ok"


def test_server_error_page_is_in_the_site_design(client, settings):
    from django.template.loader import render_to_string

    assert "Something went wrong on our side" in render_to_string("500.html")


def test_the_masthead_marks_the_front_page_and_keeps_the_search_words_escaped(client):
    front = client.get("/").content.decode()
    assert '<li><a href="/" aria-current="page">Latest</a></li>' in front
    clubs = client.get("/clubs/").content.decode()
    assert 'aria-current="page">Latest' not in clubs and '<li><a href="/clubs/">Clubs</a></li>' in clubs
    search = client.get("/search/", {"q": '<b>"Salah"</b>'}).content.decode()
    assert 'autocomplete="off" value="&lt;b&gt;&quot;Salah&quot;&lt;/b&gt;">' in search
    long_words = client.get("/search/", {"q": "x" * 150}).content.decode()
    assert f'value="{"x" * 99}…"' in long_words  # the box takes 100 characters
    assert '<footer class="site-footer">' in front and '<a href="/feeds/latest/">RSS</a>' in front
