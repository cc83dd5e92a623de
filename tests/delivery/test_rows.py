"""The helpers of written-out reads (newsroom/delivery/rows.py) and the template tags that stand in
for slow built-ins on reader pages ({% address %}, {% asset %}, |iso, |local)."""

import datetime
import zoneinfo

import pytest
from django.template import engines
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author
from newsroom.delivery.rows import Columns, Select, attach, attached, column, in_list, join, table, values
from newsroom.football.models import Club, Match

from ..conftest import make_article, make_author, make_club, make_match

pytestmark = pytest.mark.django_db


def test_columns_follow_the_models_order_and_need_the_key():
    columns = Columns(Article, "a", ["slug", "id", "headline"])
    assert [field.name for field in columns.fields] == ["id", "headline", "slug"]  # Article's order
    with pytest.raises(ValueError, match="primary key"):
        Columns(Article, "a", ["headline"])
    with pytest.raises(ValueError, match="at least one"):
        in_list([])


def test_a_select_builds_instances_with_converted_values_and_none_for_a_missing_join():
    played = make_match(score=(2, 1))
    with_match = make_article(match=played)
    without = make_article()
    select = Select(Columns(Article, "a", ["id", "headline", "published_at", "match"]), Columns(Match, "m"))
    sql = (
        f"SELECT {select.sql()} FROM {table(Article)} a"
        + join(Match, "m", column(Article, "match", "a"))
        + f" WHERE a.id IN ({in_list([with_match.pk, without.pk])}) ORDER BY a.id"
    )
    rows = select.fetch(sql, [with_match.pk, without.pk])
    (first, match), (second, no_match) = rows
    assert (first.pk, first.headline, first.match_id) == (with_match.pk, with_match.headline, played.pk)
    # A datetime comes back aware, as the ORM gives it (SQLite stores text).
    assert first.published_at == Article.objects.get(pk=with_match.pk).published_at
    assert timezone.is_aware(first.published_at)
    stored = Match.objects.get(pk=played.pk)
    assert (match.pk, match.home_score, match.kickoff) == (played.pk, 2, stored.kickoff)
    assert second.pk == without.pk and no_match is None
    # What was not read is deferred, as with .only(): reading it is a query, not a wrong value.
    assert "body" in first.get_deferred_fields()
    assert values(f"SELECT COUNT(*) FROM {table(Club)}", []) == [(Club.objects.count(),)]


def test_shared_columns_give_one_instance_per_key_within_a_statement():
    home = make_club("Home")
    matches = [make_match(home, make_club()) for _ in range(3)]
    sql = (
        f"SELECT {{}} FROM {table(Match)} m" + join(Club, "h", column(Match, "home_club", "m"))
        + join(Club, "w", column(Match, "away_club", "m"))
        + f" WHERE m.id IN ({in_list([m.pk for m in matches])}) ORDER BY m.id"
    )  # fmt: skip
    for shared in (False, True):
        clubs = [Columns(Club, alias, shared=shared) for alias in ("h", "w")]
        select = Select(Columns(Match, "m"), *clubs)
        rows = select.fetch(sql.format(select.sql()), [m.pk for m in matches])
        homes = [home_club for _, home_club, _ in rows]
        assert [club.name for club in homes] == ["Home"] * 3
        assert len({id(club) for club in homes}) == (1 if shared else 3)
        assert len({id(away) for _, _, away in rows}) == 3  # three clubs: three instances either way


def test_attached_lists_read_like_prefetched_ones(django_assert_num_queries):
    article = make_article()
    club = make_club("Attached FC")
    writers = [make_author("B Writer"), make_author("A Writer")]
    fresh = Article.objects.get(pk=article.pk)
    attach(fresh, "authors", writers)
    attach(fresh, "clubs", [club])
    with django_assert_num_queries(0):
        assert list(fresh.authors.all()) == writers
        assert list(fresh.clubs.all()) == [club]
        assert attached(fresh, "authors") == writers
    # Nothing attached: read through the manager, as usual.
    article.authors.add(*writers)
    assert attached(Article.objects.get(pk=article.pk), "authors") == list(Author.objects.order_by("name"))


def _render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_address_and_asset_give_what_url_and_static_give():
    assert _render("{% load addresses %}{% address 'articles:front' %}") == reverse("articles:front")
    assert _render("{% load addresses %}{% address 'articles:club_feed' slug %}", slug="home-fc") == reverse(
        "articles:club_feed", kwargs={"slug": "home-fc"}
    )
    named = _render("{% load addresses %}{% address 'articles:clubs' as x %}[{{ x }}]")
    assert named == f"[{reverse('articles:clubs')}]"
    assert _render("{% load addresses %}{% asset 'css/site.css' %}") == static("css/site.css")


@pytest.mark.parametrize("zone", ["Europe/London", "America/Sao_Paulo"])
@pytest.mark.parametrize("fmt", ["j F Y, H:i T", "D j M Y, H:i", "j M Y", "Y-m-d"])
def test_the_fast_date_filters_write_what_the_date_filter_writes(zone, fmt):
    winter = datetime.datetime(2019, 11, 27, 20, 0, tzinfo=datetime.UTC)
    summer = datetime.datetime(2020, 7, 4, 18, 30, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        dates = [winter.date()] if "H" not in fmt else []  # a date has no time to format
        for value in (winter, summer, *dates):
            expected = _render(f'{{{{ value|date:"{fmt}" }}}}|{{{{ value|date:"c" }}}}', value=value)
            got = _render(f'{{% load dates %}}{{{{ value|local:"{fmt}" }}}}|{{{{ value|iso }}}}', value=value)
            if isinstance(value, datetime.datetime):
                assert got == expected
            else:  # a date: |date:"c" gives its ISO form too
                assert got.split("|")[0] == expected.split("|")[0]
                assert got.split("|")[1] == value.isoformat()
    assert _render("{% load dates %}[{{ value|local:'j M Y' }}{{ value|iso }}]", value=None) == "[]"
