"""The operations of /api/v1/. Each runs a fixed number of queries whatever the page or archive
(tests/test_api.py), says what it shows (purges.shows) so the page cache keeps and purges its
answer like a page's, and answers a bad parameter with 400 and a sentence, never a 500."""

import datetime
import re

from django.db.models import Q
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from articles.models import Article
from newsroom.delivery import purges
from newsroom.football import lineups, reads, standings
from newsroom.football.models import Club, Competition, Match, Player

from . import schemas, shapes

api = NinjaAPI(
    title="Newsroom read API",
    version="1",
    description="Published articles, clubs, players, competitions, matches and tables. Read-only, public.",
    urls_namespace="api",
)

SEASON = re.compile(r"^\d{4}-\d{2}$")
PAGE_SIZE, MAX_PAGE_SIZE = 20, 100


@api.exception_handler(ValidationError)
def bad_parameters(request, error):
    """400 with what is wrong ("page: Input should be greater than or equal to 1"), not 422."""
    problems = []
    for problem in error.errors:
        where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


def _page(queryset, page, page_size):
    """(the page's rows, the count): a page past the end is empty, not an error."""
    start = (page - 1) * page_size
    return list(queryset[start : start + page_size]), queryset.count()


def _one(model, slug, what):
    """The `model` at `slug` for a filter; a 400 naming it when there is none."""
    if slug is None:
        return None
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise HttpError(400, f"No {what} with the slug {slug!r}.")
    return found


def _at(queryset, slug, what):
    """The one object of `queryset` at `slug`; a 404 naming it when there is none."""
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise HttpError(404, f"No {what} with the slug {slug!r}.")
    return found


def _season(season):
    if season is not None and not SEASON.match(season):
        raise HttpError(400, f"season must be written as 2019-20, not {season!r}.")
    return season


def _listed(page, page_size, count, items):
    return {"count": count, "page": page, "page_size": page_size, "items": items}


# --- articles ----------------------------------------------------------------------------------


@api.get("/articles/", response=schemas.ArticlePage, summary="Published articles, newest first")
def list_articles(
    request,
    club: str | None = None,
    player: str | None = None,
    competition: str | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Filter by a club's, player's or competition's slug, and by publication date (inclusive)."""
    articles = Article.objects.published()
    club, player, competition = (
        _one(Club, club, "club"),
        _one(Player, player, "player"),
        _one(Competition, competition, "competition"),
    )
    tags = {"list-front"}
    if club:
        articles = articles.filter(clubs=club)
        tags.add(purges.tag("list-club", club.pk))
    if player:
        articles = articles.filter(players=player)
        tags.add(purges.tag("list-player", player.pk))
    if competition:
        articles = articles.filter(match__competition=competition)
        tags.add(purges.tag("list-competition", competition.pk))
    if since and until and since > until:
        raise HttpError(400, "since must not be after until.")
    if since:
        articles = articles.filter(publication_date__gte=since)
    if until:
        articles = articles.filter(publication_date__lte=until)
    articles = articles.select_related("match__competition").prefetch_related("clubs", "players")
    rows, count = _page(articles.order_by("-published_at", "-pk"), page, page_size)
    purges.shows(*tags, *_article_tags(rows))
    return _listed(page, page_size, count, [shapes.article(a, request) for a in rows])


def _article_tags(articles):
    shown = set()
    for article in articles:
        shown.add(purges.tag("article", article.pk))
        shown.update(purges.tags("club", [c.pk for c in article.clubs.all()]))
        shown.update(purges.tags("player", [p.pk for p in article.players.all()]))
        if article.match_id:
            shown.add(purges.tag("competition", article.match.competition_id))
    return shown


@api.get("/articles/{int:article_id}/", response=schemas.ArticleDetail, summary="One published article")
def get_article(request, article_id: int):
    articles = Article.objects.published().select_related("match__competition")
    article = articles.prefetch_related("clubs", "players", "authors").filter(pk=article_id).first()
    if article is None:
        raise HttpError(404, "No published article with that id.")  # a draft is not there either
    purges.shows(*_article_tags([article]), *purges.tags("author", [a.pk for a in article.authors.all()]))
    return shapes.article_detail(article, request)


# --- clubs, players, competitions --------------------------------------------------------------


@api.get("/clubs/", response=schemas.ClubPage, summary="Clubs by name")
def list_clubs(
    request, page: int = Query(1, ge=1), page_size: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
):
    rows, count = _page(Club.objects.order_by("name", "pk"), page, page_size)
    purges.shows("clubs")
    return _listed(page, page_size, count, [shapes.club(c, request) for c in rows])


@api.get("/clubs/{slug}/", response=schemas.Club, summary="One club")
def get_club(request, slug: str):
    club = _at(Club.objects, slug, "club")
    purges.shows(purges.tag("club", club.pk))
    return shapes.club(club, request)


@api.get("/players/", response=schemas.PlayerPage, summary="Players by name")
def list_players(
    request,
    club: str | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """`club` narrows the list to a club's current squad."""
    players = Player.objects.select_related("club").order_by("name", "pk")
    club = _one(Club, club, "club")
    if club:
        players = players.filter(club=club)
    rows, count = _page(players, page, page_size)
    purges.shows("players", *purges.tags("club", {p.club_id for p in rows}))
    return _listed(page, page_size, count, [shapes.player(p, request) for p in rows])


@api.get("/players/{slug}/", response=schemas.Player, summary="One player")
def get_player(request, slug: str):
    player = _at(Player.objects.select_related("club"), slug, "player")
    purges.shows(purges.tag("player", player.pk), *purges.tags("club", [player.club_id]))
    return shapes.player(player, request)


@api.get("/competitions/", response=schemas.CompetitionPage, summary="Competitions by name")
def list_competitions(
    request, page: int = Query(1, ge=1), page_size: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
):
    rows, count = _page(Competition.objects.order_by("name", "pk"), page, page_size)
    purges.shows("competitions")
    return _listed(page, page_size, count, [shapes.competition(c, request) for c in rows])


@api.get("/competitions/{slug}/", response=schemas.Competition, summary="One competition")
def get_competition(request, slug: str):
    competition = _at(Competition.objects, slug, "competition")
    purges.shows(purges.tag("competition", competition.pk))
    return shapes.competition(competition, request)


@api.get(
    "/competitions/{slug}/standings/",
    response=schemas.Standings,
    summary="A league table, or one group's, worked out from the results",
)
def get_standings(request, slug: str, season: str | None = None, group: str | None = None):
    """`season` defaults to the latest; a cup's season needs `group` (e.g. E)."""
    competition = _at(Competition.objects, slug, "competition")
    seasons = reads.seasons_of(competition)
    season = _season(season) or (seasons[0] if seasons else None)
    if season not in seasons:
        raise HttpError(404, f"{competition.name} has no matches in {season or 'any season'}.")
    tables = {
        table.group: table
        for table in standings.tables(reads.season_matches(competition, season), competition, season)
    }
    wanted = (group or "").strip().upper()
    if wanted not in tables:
        if not tables:
            raise HttpError(404, f"{competition.name} {season} has no table (no league or group rounds).")
        groups = ", ".join(sorted(g for g in tables if g))
        if not group:
            raise HttpError(400, f"{competition.name} {season} is played in groups ({groups}): pass ?group=.")
        raise HttpError(
            400, f"{competition.name} {season} has no group {group!r}; its groups: {groups or 'none'}."
        )
    table = tables[wanted]
    purges.shows(
        purges.tag("competition", competition.pk),
        purges.tag("results-competition", competition.pk),
        *purges.tags("club", [row.club.pk for row in table.rows]),
    )
    return shapes.standings(table, wanted)


# --- matches -----------------------------------------------------------------------------------


@api.get("/matches/", response=schemas.MatchPage, summary="Matches by kick-off, latest first")
def list_matches(
    request,
    club: str | None = None,
    competition: str | None = None,
    season: str | None = None,
    status: str | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    matches = Match.objects.select_related("competition", "home_club", "away_club")
    club, competition = _one(Club, club, "club"), _one(Competition, competition, "competition")
    if status is not None and status not in Match.Status.values:
        raise HttpError(400, f"status must be one of {', '.join(Match.Status.values)}.")
    tags = set()
    if club:
        matches = matches.filter(Q(home_club=club) | Q(away_club=club))
        tags.add(purges.tag("results", club.pk))
    if competition:
        matches = matches.filter(competition=competition)
        tags.add(purges.tag("results-competition", competition.pk))
    if not club and not competition:
        # Any match anywhere may join the list: it shows every competition's results.
        tags.update(purges.tags("results-competition", Competition.objects.values_list("pk", flat=True)))
        tags.add("competitions")
    if _season(season):
        matches = matches.filter(season=season)
    if status:
        matches = matches.filter(status=status)
    rows, count = _page(matches.order_by("-kickoff", "-pk"), page, page_size)
    purges.shows(*tags, *(tag for m in rows for tag in _match_tags(m)))
    return _listed(page, page_size, count, [shapes.match(m, request) for m in rows])


def _match_tags(match):
    return {
        purges.tag("match", match.pk),
        purges.tag("club", match.home_club_id),
        purges.tag("club", match.away_club_id),
        purges.tag("competition", match.competition_id),
    }


@api.get(
    "/matches/{int:match_id}/", response=schemas.MatchDetail, summary="One match with line-ups and events"
)
def get_match(request, match_id: int):
    match = Match.objects.select_related("competition", "home_club", "away_club").filter(pk=match_id).first()
    if match is None:
        raise HttpError(404, "No match with that id.")
    timeline = reads.timeline(match)
    sides = lineups.sides(match, reads.lineups(match))
    players = [e.player.pk for e in timeline if e.player] + [
        e.player_off.pk for e in timeline if e.player_off
    ]
    players += [a.player_id for side in sides for a in side.starting + side.bench]
    purges.shows(*_match_tags(match), *purges.tags("player", players))
    return shapes.match_detail(match, request, timeline, sides)
