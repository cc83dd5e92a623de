"""Search finds the report a reader remembers, on SQLite (FTS5) and on PostgreSQL (tsvector + GIN).

Run on PostgreSQL too:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python -m pytest -q tests/test_search.py
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from newsroom.search import engine
from newsroom.search.engine import parse_query, search_articles

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


def _at(year, month, day, hour=21):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=datetime.UTC)


@pytest.fixture
def season():
    """A season of reports in the project's own words: nicknames, accents, two Mertens games."""
    clubs = {
        "liverpool": make_club("Liverpool", country="England", league="Premier League",
                               aliases="the Reds\nLFC"),
        "napoli": make_club("Napoli", country="Italy", league="Serie A", aliases="Partenopei\nthe Azzurri"),
        "united": make_club("Manchester United", short_name="Man Utd", country="England",
                            league="Premier League", aliases="the Red Devils"),
        "atletico": make_club("Atlético Madrid", country="Spain", league="La Liga", aliases="Atleti"),
        "spurs": make_club("Tottenham Hotspur", short_name="Spurs", country="England",
                           league="Premier League", aliases="Lilywhites"),
        "besiktas": make_club("Beşiktaş", country="Turkey", league="Süper Lig", aliases="the Black Eagles"),
        "arsenal": make_club("Arsenal", country="England", league="Premier League", aliases="the Gunners"),
        "villa": make_club("Aston Villa", country="England", league="Premier League", aliases="the Villans"),
    }  # fmt: skip
    c = clubs
    players = {
        "mane": make_player("Sadio Mané", club=c["liverpool"]),
        "salah": make_player("Mohamed Salah", club=c["liverpool"], aliases="Mo Salah"),
        "lovren": make_player("Dejan Lovren", club=c["liverpool"]),
        "mertens": make_player("Dries Mertens", club=c["napoli"]),
        "koulibaly": make_player("Kalidou Koulibaly", club=c["napoli"]),
        "rashford": make_player("Marcus Rashford", club=c["united"]),
        "saul": make_player("Saúl Ñíguez", club=c["atletico"], aliases="Saúl"),
        "son": make_player("Son Heung-min", club=c["spurs"], aliases="Sonny"),
        "yilmaz": make_player("Burak Yılmaz", club=c["besiktas"]),
        "odegaard": make_player("Martin Ødegaard", club=c["arsenal"]),
    }
    p = players
    ucl = make_competition("UEFA Champions League", slug="ucl")
    epl = make_competition("Premier League", slug="premier-league")
    writer = make_author("Sam Reporter", slug="sam-reporter")

    def report(slug, headline, standfirst, body, when, match=None, goals=(), **extra):
        if match:
            home, away, score, comp, venue = match
            match = make_match(c[home], c[away], score=score, competition=ucl if comp == "ucl" else epl,
                               venue=venue, kickoff=when - datetime.timedelta(hours=2))  # fmt: skip
            for player, club, minute in goals:
                make_goal(match, p[player], club=c[club], minute=minute)
        article = make_article(slug=slug, headline=headline, standfirst=standfirst, body=f"<p>{body}</p>",
                               match=match, published_at=when, **extra)  # fmt: skip
        article.authors.add(writer)
        return article

    articles = {
        "anfield": report(
            "liverpool-napoli", "Napoli hold firm at Anfield",
            "A Lovren header cancels out Mertens’ early strike.",
            "Napoli came to defend and Koulibaly was immense. The Reds pressed but could not find a winner.",
            _at(2019, 11, 27), ("liverpool", "napoli", (1, 1), "ucl", "Anfield, Liverpool"),
            [("mertens", "napoli", 21), ("lovren", "liverpool", 65)],
        ),
        "naples": report(
            "napoli-liverpool", "Mertens penalty stuns the champions",
            "The holders fall in Naples at the first hurdle.",
            "Robertson's trip gave the hosts a late penalty, and the Partenopei made it two in added time.",
            _at(2019, 9, 17), ("napoli", "liverpool", (2, 0), "ucl", "Stadio San Paolo, Naples"),
            [("mertens", "napoli", 82)],
        ),
        "united": report(
            "liverpool-manchester-united", "Salah seals it as Liverpool go sixteen points clear",
            "Van Dijk headed the opener before Salah ran clear in stoppage time.",
            "Alisson's long throw released the Egyptian for the second.",
            _at(2020, 1, 19), ("liverpool", "united", (2, 0), "epl", "Anfield, Liverpool"),
            [("salah", "liverpool", 90)],
        ),
        "old-trafford": report(
            "manchester-united-liverpool", "Rashford strikes but Lallana rescues a point",
            "Solskjær's side ended the leaders' winning run.",
            "United sat deep and broke quickly through the forward.",
            _at(2019, 10, 20), ("united", "liverpool", (1, 1), "epl", "Old Trafford, Manchester"),
            [("rashford", "united", 36)],
        ),
        "spurs": report(
            "manchester-united-tottenham", "Rashford double downs Mourinho on his return",
            "Two goals from the academy graduate settle a tense evening.",
            "Sonny had briefly equalised for the visitors before the break.",
            _at(2019, 12, 4), ("united", "spurs", (2, 1), "epl", "Old Trafford, Manchester"),
            [("rashford", "united", 6), ("son", "spurs", 39), ("rashford", "united", 49)],
        ),
        "madrid": report(
            "atletico-madrid-liverpool", "Saúl silences the champions in Madrid",
            "A fourth-minute goal and a wall of red and white shirts.",
            "Simeone's men defended their lead for eighty-six minutes.",
            _at(2020, 2, 18), ("atletico", "liverpool", (1, 0), "ucl", "Wanda Metropolitano, Madrid"),
            [("saul", "atletico", 4)],
        ),
        "villa": report(
            "aston-villa-liverpool", "Mané’s late winner keeps the run alive",
            "The leaders came from behind in the last minutes at Villa Park.",
            "Robertson equalised before the Senegalese forward headed in from a corner.",
            _at(2019, 11, 2), ("villa", "liverpool", (1, 2), "epl", "Villa Park, Birmingham"),
            [("mane", "liverpool", 94)],
        ),
        "istanbul": report(
            "yilmaz-returns", "Yılmaz returns home for one more season",
            "The veteran striker signs a one-year deal.",
            "Beşiktaş fans greeted the forward at the airport.",
            _at(2020, 1, 8), kind=Article.Kind.NEWS,
        ),
        "odegaard": report(
            "odegaard-feature", "Ødegaard’s long road to the Emirates",
            "From a teenage prodigy in Madrid to the captain of the Gunners.",
            "A loan spell in the Netherlands changed everything for the Norwegian playmaker.",
            _at(2021, 8, 20), kind=Article.Kind.FEATURE,
        ),
    }
    articles["istanbul"].clubs.add(c["besiktas"])
    articles["istanbul"].players.add(p["yilmaz"])
    articles["odegaard"].clubs.add(c["arsenal"])
    articles["odegaard"].players.add(p["odegaard"])
    articles["united"].players.add(p["mane"])  # tagged, but only the Villa report is about him

    # Never found: a draft and a scheduled report that say everything.
    draft = make_article(slug="draft", headline="Mertens Mané Salah Rashford draft",
                         status=Article.Status.DRAFT)  # fmt: skip
    draft.clubs.add(c["liverpool"])
    make_article(slug="scheduled", headline="Mertens Mané Salah Rashford scheduled",
                 published_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1))  # fmt: skip
    return {"clubs": clubs, "players": players, "articles": articles, "ucl": ucl}


def _slugs(query, **filters):
    ids = search_articles(query, filters).ids
    by_id = {a.pk: a.slug for a in Article.objects.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids]


# What a reader types, and the report they are after: it must be the first result.
REMEMBERED = [
    ("Mane", "aston-villa-liverpool"),  # accent-blind
    ("mané late winner", "aston-villa-liverpool"),
    ("Odegaard", "odegaard-feature"),  # ø is not an accent to Unicode; folded anyway
    ("Yilmaz", "yilmaz-returns"),  # dotless ı
    ("besiktas", "yilmaz-returns"),  # ş in a club tag
    ("Atletico", "atletico-madrid-liverpool"),
    ("Atleti", "atletico-madrid-liverpool"),  # a club alias
    ("Saul", "atletico-madrid-liverpool"),
    ("Mertens November", "liverpool-napoli"),  # a scorer's name plus a month
    ("mertens september", "napoli-liverpool"),
    ("Rashford December", "manchester-united-tottenham"),
    ("Salah January", "liverpool-manchester-united"),
    ("Mo Salah", "liverpool-manchester-united"),  # a player alias
    ("Sonny", "manchester-united-tottenham"),
    ("Koulibaly", "liverpool-napoli"),  # named only in the body
    ("the Black Eagles", "yilmaz-returns"),
    ("Mertens penalty", "napoli-liverpool"),
    ("Lallana", "manchester-united-liverpool"),
    ("San Paolo", "napoli-liverpool"),  # the venue
    ("Gunners Norwegian", "odegaard-feature"),
]


@pytest.mark.parametrize("query,slug", REMEMBERED)
def test_search_finds_the_report_a_reader_remembers(season, query, slug):
    found = _slugs(query)
    assert found and found[0] == slug, f"{query!r} gave {found}"


@pytest.mark.parametrize("query", ["the Reds", "LFC", "Liverpool"])
def test_a_club_nickname_finds_every_report_about_the_club(season, query):
    liverpool = season["clubs"]["liverpool"]
    expected = set(Article.objects.published().filter(clubs=liverpool).values_list("slug", flat=True))
    assert set(_slugs(query)) == expected and len(expected) == 6


@pytest.mark.parametrize("query", ["Partenopei", "Man Utd", "the Red Devils", "Spurs", "Lilywhites"])
def test_other_nicknames_and_short_names(season, query):
    assert _slugs(query)


def test_headline_matches_rank_above_body_and_tag_matches_then_newest_first(season):
    # "Mertens" is in one headline (September), in a standfirst (November) and a tag on both.
    assert _slugs("Mertens") == ["napoli-liverpool", "liverpool-napoli"]
    # "Rashford" in two headlines: the newer first; the tagged-only report after them.
    assert _slugs("Rashford")[:2] == ["manchester-united-tottenham", "manchester-united-liverpool"]
    # Mané: the headline first, then the report that only tags him.
    assert _slugs("Mane") == ["aston-villa-liverpool", "liverpool-manchester-united"]


def test_drafts_and_scheduled_reports_are_never_found(season):
    for query in ["draft", "scheduled", "Mertens Mane Salah Rashford"]:
        assert not {"draft", "scheduled"} & set(_slugs(query)), query


def test_filters_by_club_competition_and_date(season):
    ucl, napoli = season["ucl"], season["clubs"]["napoli"]
    assert set(_slugs("Liverpool", match__competition=ucl)) == {
        "liverpool-napoli", "napoli-liverpool", "atletico-madrid-liverpool",
    }  # fmt: skip
    assert set(_slugs("the Reds", clubs=napoli)) == {"liverpool-napoli", "napoli-liverpool"}
    since_february = _slugs("Liverpool", published_at__date__gte=datetime.date(2020, 2, 1))
    assert since_february == ["atletico-madrid-liverpool"]


def test_the_index_follows_saves_tag_changes_aliases_and_deletes(season):
    article = season["articles"]["istanbul"]
    article.headline = "Yılmaz back at Vodafone Park"
    article.save()
    assert _slugs("Vodafone") == ["yilmaz-returns"]
    assert _slugs("season Yilmaz") == []  # the old headline is gone

    article.clubs.add(season["clubs"]["arsenal"])
    assert "yilmaz-returns" in _slugs("Gunners")
    article.clubs.remove(season["clubs"]["arsenal"])
    assert "yilmaz-returns" not in _slugs("Gunners")

    besiktas = season["clubs"]["besiktas"]
    besiktas.aliases += "\nKara Kartallar"
    besiktas.save()
    assert _slugs("Kara Kartallar") == ["yilmaz-returns"]

    article.delete()
    assert _slugs("Vodafone") == []


def test_publishing_a_draft_makes_it_findable(season):
    draft = Article.objects.get(slug="draft")
    assert "draft" not in _slugs("draft")
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert _slugs("draft") == ["draft"]


def test_search_page_shows_ranked_highlighted_and_escaped_results(client, season):
    response = client.get("/search/", {"q": "Koulibaly"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 report for “Koulibaly”" in html
    assert "<mark>Koulibaly</mark> was immense" in html
    assert 'href="/2019/11/27/liverpool-napoli/"' in html


def test_reader_input_and_stored_text_are_escaped_in_results(client, season):
    make_article(slug="xss", headline="<script>alert(1)</script> Mertens", body="<p>Mertens &lt;b&gt;</p>")
    html = client.get("/search/", {"q": "alert Mertens"}).content.decode()
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; <mark>Mertens</mark>" in html
    assert "<mark>Mertens</mark> &lt;b&gt;" in html
    html = client.get("/search/", {"q": '<script>alert("q")</script>'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "query",
    ['"', "'", "Mertens AND", "OR", "NEAR(Mertens", "*", "-Mertens", "Mertens:", "{headline}:x", "a\x00b",
     "((((", "^Mertens", "😀⚽", "!!!", "   ", "'; DROP TABLE articles_article; --", "ＭＥＲＴＥＮＳ"],
)  # fmt: skip
def test_query_syntax_from_readers_never_breaks_the_page(client, season, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_full_width_letters_fold_like_any_others(season):
    assert _slugs("ＭＥＲＴＥＮＳ") == _slugs("mertens") != []


def test_empty_and_junk_queries_get_a_helpful_page(client, season):
    for params in [{}, {"q": ""}, {"q": "!!! ??"}]:
        html = client.get("/search/", params).content.decode()
        assert "Search every report by club or player" in html or "has no words we can search for" in html
        assert "report for" not in html
    html = client.get("/search/", {"q": "zzzyxx"}).content.decode()
    assert "No reports found" in html and "try fewer words" in html


def test_long_queries_are_cut_and_bad_filters_are_form_errors(client, season):
    html = client.get("/search/", {"q": "Mertens " + "x" * 1500}).content.decode()
    assert "Only the first 100 characters" in html
    # Past what any browser sends, the address itself is refused (tests/test_addresses.py).
    assert client.get("/search/", {"q": "Mertens " + "x" * 5000}).status_code == 414
    response = client.get("/search/", {"q": "Mertens", "club": "no-such-club", "since": "2019-13-45"})
    assert response.status_code == 200
    assert "No club is called “no-such-club”" in response.content.decode()
    assert "Enter a valid date" in response.content.decode()
    assert len(parse_query("a " * 500).terms) <= 8


def test_search_page_filters_and_paginates_keeping_the_query(client, season, settings):
    settings.NEWSROOM = {**settings.NEWSROOM, "ARTICLES_PER_PAGE": 12}
    html = client.get("/search/", {"q": "Liverpool", "competition": "ucl"}).content.decode()
    assert "3 reports for “Liverpool”" in html
    assert client.get("/search/", {"q": "Liverpool", "page": "99"}).status_code == 404
    assert client.get("/search/", {"q": "Liverpool", "page": "abc"}).status_code == 404


def _result_urls(client, params):
    html = client.get("/search/", params).content.decode()
    assert "No club is called" not in html
    return {a.get_absolute_url() for a in Article.objects.all() if f'href="{a.get_absolute_url()}"' in html}


@pytest.mark.parametrize("club", ["liverpool", "Liverpool", "  LIVERPOOL "])
def test_the_club_filter_takes_the_name_or_the_address_slug(client, season, club):
    tagged = Article.objects.published().filter(clubs=season["clubs"]["liverpool"])
    assert 0 < tagged.count() < Article.objects.published().count()
    assert _result_urls(client, {"club": club}) == {a.get_absolute_url() for a in tagged}


def test_the_club_filter_folds_accents_like_the_rest_of_search(client, season):
    assert _result_urls(client, {"q": "Yilmaz", "club": "Besiktas"}) == {
        season["articles"]["istanbul"].get_absolute_url()
    }


def test_search_pages_are_paginated_with_rel_next_and_prev(client, season, monkeypatch):
    from newsroom.search.views import SearchView

    monkeypatch.setattr(SearchView, "paginate_by", 2)
    html = client.get("/search/", {"q": "the Reds", "page": "2"}).content.decode()
    assert '<link rel="prev" href="?q=the+Reds">' in html
    assert '<link rel="next" href="?q=the+Reds&amp;page=3">' in html
    assert 'rel="next" href="?q=the+Reds&amp;page=3"' in html


def test_search_runs_a_fixed_number_of_queries(client, season):
    def count(params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", params).status_code == 200
        return len(queries)

    count({"q": "warm"})  # the page cache looks up the next scheduled report once per generation
    few = count({"q": "Mane"})
    many = count({"q": "the Reds", "club": "liverpool", "competition": "ucl", "since": "2019-01-01"})
    assert few <= 12 and many <= 12
    assert count({"q": "Liverpool"}) == few


def test_related_reports_put_the_same_match_first_then_shared_clubs_and_players(client, season):
    from articles.related import related_pks

    anfield = season["articles"]["anfield"]
    make_article(slug="ratings", headline="Player ratings", match=anfield.match,
                 published_at=anfield.published_at - datetime.timedelta(days=400))  # fmt: skip
    make_article(slug="hidden-ratings", headline="Draft ratings", match=anfield.match,
                 status=Article.Status.DRAFT)  # fmt: skip
    slugs = dict(Article.objects.values_list("pk", "slug"))
    related = [slugs[pk] for pk in related_pks(anfield)]
    # Same match (even when old), then Naples (both clubs and Mertens), then other Liverpool reports.
    assert related[:2] == ["ratings", "napoli-liverpool"]
    assert "hidden-ratings" not in related and "liverpool-napoli" not in related and len(related) == 4
    html = client.get(anfield.get_absolute_url()).content.decode()
    assert "Related reports" in html and 'href="/2019/09/17/napoli-liverpool/"' in html


def test_deleting_a_club_or_player_takes_its_names_out_of_the_index(season):
    article = season["articles"]["istanbul"]
    assert _slugs("Black Eagles") == ["yilmaz-returns"]
    season["clubs"]["besiktas"].delete()
    assert _slugs("Black Eagles") == []
    season["players"]["yilmaz"].delete()
    assert _slugs("Burak") == []
    assert _slugs("Yilmaz") == [article.slug]  # still in the headline


def test_a_capped_result_list_says_so(client, season, monkeypatch):

    monkeypatch.setattr(engine, "MAX_RESULTS", 2)
    html = client.get("/search/", {"q": "the Reds"}).content.decode()
    assert "The best 2 reports for “the Reds”" in html


def test_a_report_moved_to_a_new_time_moves_in_the_results_and_is_indexed_once():
    old = make_article(headline="Koulibaly header decides it",
                       published_at=timezone.now() - datetime.timedelta(days=30))  # fmt: skip
    new = make_article(headline="Another Koulibaly header",
                       published_at=timezone.now() - datetime.timedelta(days=1))  # fmt: skip
    assert search_articles("koulibaly header").ids == [new.pk, old.pk]
    old.published_at = timezone.now() - datetime.timedelta(hours=1)
    old.save()
    assert search_articles("koulibaly header").ids == [old.pk, new.pk]
    from newsroom.search.engine import index_engine

    assert index_engine().count() == Article.objects.count()


def test_reindexing_an_article_replaces_its_rows_in_few_statements_whether_its_time_moved_or_not():
    article = make_article(headline="Koulibaly header decides it")
    article.clubs.add(make_club("Napoli", aliases="the Partenopei"))
    article.authors.add(make_author("Ada Byline"))
    for headline, moved in (("Koulibaly volley decides it", False), ("Koulibaly volley, late", True)):
        Article.objects.filter(pk=article.pk).update(
            headline=headline, published_at=article.published_at - datetime.timedelta(hours=moved)
        )
        with CaptureQueriesContext(connection) as queries:
            engine.reindex([article.pk])
        # Two reads (the article, every name it carries) and one upsert, or on SQLite two
        # INSERT OR REPLACE, plus two deletes and the new mapping when the rowid moved.
        assert len(queries) <= (7 if moved and connection.vendor == "sqlite" else 4)
        assert search_articles("partenopei").ids == search_articles("ada byline volley").ids == [article.pk]
        assert search_articles("header").ids == []
        assert engine.index_engine().count() == 1
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT search_rowid FROM {engine.ROWS}")
            (rowid,) = cursor.fetchone()
            cursor.execute(f"SELECT rowid FROM {engine.TITLES}")
            assert cursor.fetchall() == [(rowid,)]
            assert rowid == engine.order_key(article.pk, Article.objects.get(pk=article.pk).published_at)
            cursor.execute(f"INSERT INTO {engine.TABLE} ({engine.TABLE}) VALUES ('integrity-check')")
            cursor.execute(f"INSERT INTO {engine.TITLES} ({engine.TITLES}) VALUES ('integrity-check')")


def test_the_sqlite_order_key_sorts_by_publication_and_keeps_the_id():
    from newsroom.search.engine import ID_MASK, order_key

    moments = [datetime.datetime(1966, 7, 30, 15, tzinfo=datetime.UTC), None,
               datetime.datetime(2019, 11, 27, 20, tzinfo=datetime.UTC),
               datetime.datetime(2019, 11, 27, 20, 0, 0, 900, tzinfo=datetime.UTC),
               datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)]  # fmt: skip
    pks = [7, 2**31 - 1, 3, 4, 1]
    keys = [order_key(pk, moment) for pk, moment in zip(pks, moments, strict=True)]
    assert [key & ID_MASK for key in keys] == pks
    assert keys[0] < keys[1] < keys[2] < keys[3] < keys[4]  # within a second, the higher id later
    assert all(-(2**63) <= key < 2**63 for key in keys)  # fits SQLite's 64-bit rowid


# ---------------------------------------------------------------------------------------------
# Search forgives: misspelt names, clubs and players above the reports, readable snippets


@pytest.fixture
def named_world():
    liverpool = make_club("Liverpool", aliases="the Reds")
    napoli = make_club("Napoli")
    mertens = make_player("Dries Mertens", club=napoli)
    match = make_match(liverpool, napoli, score=(1, 1))
    make_goal(match, mertens, club=napoli, minute=21)
    report = make_article(
        headline="Napoli hold firm at Anfield", match=match,
        body="<p>Napoli came to defend.</p><h2>A wall in blue</h2><p>The Azzurri held.</p>",
    )  # fmt: skip
    return {"liverpool": liverpool, "mertens": mertens, "report": report}


def _named(html):
    """The names in the "Clubs and players" part of a search page, or None if there is none."""
    if 'id="named-heading"' not in html:
        return None
    part = html.split('id="named-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', part)


@pytest.mark.parametrize(("typed", "meant", "page"), [
    ("Mertnes", "Mertens", "/players/dries-mertens/"),
    ("Liverpol", "Liverpool", "/clubs/liverpool/"),
    ("mertnes Liverpol", "Mertens Liverpool", "/players/dries-mertens/"),
])  # fmt: skip
def test_a_misspelt_name_finds_its_club_or_player_and_offers_the_right_spelling(
    client, named_world, typed, meant, page
):
    html = client.get("/search/", {"q": typed}).content.decode()
    assert page in dict(_named(html) or [])
    suggestion = re.search(r'Did you mean <a href="([^"]+)">([^<]+)</a>\?', html)
    assert suggestion and suggestion.group(2) == meant
    # The suggestion is a search that finds the report.
    corrected = client.get("/search/" + suggestion.group(1).replace("&amp;", "&")).content.decode()
    assert "Napoli hold firm at Anfield" in corrected and "Did you mean" not in corrected


def test_names_spelt_right_or_by_alias_are_shown_above_the_reports_without_a_correction(client, named_world):
    html = client.get("/search/", {"q": "Mertens"}).content.decode()
    assert _named(html) == [("/players/dries-mertens/", "Dries Mertens")]
    assert "Did you mean" not in html
    assert html.index('id="named-heading"') < html.index('id="results-heading"')
    by_alias = client.get("/search/", {"q": "the Reds"}).content.decode()
    assert ("/clubs/liverpool/", "Liverpool") in _named(by_alias)
    # A club by its place alone, and misspelt.
    brighton = make_club("Brighton & Hove Albion")
    for typed in ["Brighton", "Brigthon"]:
        assert (brighton.get_absolute_url(), "Brighton &amp; Hove Albion") in _named(
            client.get("/search/", {"q": typed}).content.decode()
        ), typed


@pytest.mark.parametrize("typed", ["header", "Anfield", "Meretnsz", "zz"])
def test_words_that_name_no_one_get_no_names_and_no_correction(client, named_world, typed):
    html = client.get("/search/", {"q": typed}).content.decode()
    assert _named(html) is None and "Did you mean" not in html


def test_names_follow_a_rename(client, named_world):
    assert _named(client.get("/search/", {"q": "Mertens"}).content.decode())
    player = named_world["mertens"]
    player.name = "Ciro Mertens"
    player.save()
    assert _named(client.get("/search/", {"q": "Mertens"}).content.decode())[0][1] == "Ciro Mertens"


def test_a_snippet_never_runs_a_sub_heading_into_the_next_sentence(client, named_world):
    html = client.get("/search/", {"q": "Azzurri"}).content.decode()
    snippet = re.search(r'<p class="result__snippet">(.*?)</p>', html, re.S).group(1)
    assert "A wall in blue — The <mark>Azzurri</mark> held." in snippet, snippet
