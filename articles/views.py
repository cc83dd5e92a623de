"""Reader pages. Each reads published reports (reads.py) in a fixed number of queries.

Lists are paginated (a bad or out-of-range ?page= is a 404, never a 500); a tag page looks its
club, player, competition or author up or 404s, then narrows the published articles.
"""

import copy
import datetime
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, OuterRef, Subquery, When
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from newsroom.delivery import fragments, purges
from newsroom.delivery.addresses import dated_url
from newsroom.football import lineups, standings
from newsroom.football import reads as football_reads
from newsroom.football.models import Club, Competition, Player

from . import cards, live, reads, seo
from .models import Article, Author

RECENT_RESULTS = 10
NEXT_FIXTURES = 5
LEAD_DAYS = 7
FORM_GUIDE_LENGTH = 5
# ?season=2019-20: anything else is a 404, like a bad ?page=.
SEASON = re.compile(r"^\d{4}-\d{2}$")


class PublishedArticlesMixin:
    """A paginated list of published articles, each with its rendered card (`article.card`).

    `list_tag` names the list ("list-front", "list-club-12"): the page shows it, so publishing a
    report that belongs on the list purges the page (newsroom/delivery/purges.py)."""

    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]
    context_object_name = "articles"
    list_tag = "list-front"

    def get_queryset(self):
        # Only the ids, newest first (reads.PublishedList): cards.py renders (or reuses) the cards.
        articles = self.published_list()
        page = self.request.GET.get(self.page_kwarg) or "1"
        if page.isdigit():  # anything else is Paginator's to refuse (a 404)
            articles.expect_page(int(page), self.paginate_by)
        return articles

    def published_list(self):
        return reads.PublishedList()

    def get_list_tag(self):
        return self.list_tag

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        # Which reports the page lists is kept until the list changes (the cards are kept apart):
        # a page assembled from kept fragments then reads no list at all.
        pks = fragments.kept_list(
            self.request, f"page:{self.request.path}:{page.number}",
            lambda: list(page.object_list), tags={self.get_list_tag()},
        )  # fmt: skip
        page.object_list = [cards.Listed(pk) for pk in pks]
        return paginator, page, page.object_list, is_paginated

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        purges.shows(self.get_list_tag())
        # Counting a club's thousands of reports costs more than showing twelve of them: the count
        # is kept until the list changes.
        paginator.count = fragments.kept_list(
            self.request, f"count:{self.request.path}", queryset.count, tags={self.get_list_tag()}
        )
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every card the page shows, rendered (or found kept) in one batch.
        cards.prepare_cards(self.request, self.cards_shown(context))
        context["articles"] = cards.attach_cards(self.request, context["articles"])
        return context

    def cards_shown(self, context):
        """[(pk, variant)] of the cards the page shows."""
        return [(article.pk, "list") for article in context["articles"]]


class FrontPageView(PublishedArticlesMixin, ListView):
    template_name = "articles/front.html"
    # Six latest reports under the lead, then the competitions' bands of older ones: each story
    # once, and a phone page of about six screens. Every page of the list holds six.
    paginate_by = 6

    def get(self, request, *args, **kwargs):
        # The lead is chosen before the list so the list can leave it out: the newest report
        # featured in the last LEAD_DAYS, else the newest. The window keeps an old feature from
        # leading for ever, and keeps the lookup to recent rows of the (status, published_at) index.
        def choose():
            return reads.front_lead(since=timezone.now() - datetime.timedelta(days=LEAD_DAYS))

        # Kept until the front page's list changes, and at most an hour: a feature stops leading
        # LEAD_DAYS after it was published by the clock alone.
        if fragments.request_counter(request) is None:
            lead = choose()  # nothing is kept
        else:
            lead = fragments.kept(
                request, "front-lead", choose, tags={"list-front"},
                fresh_until=min(filter(None, [fragments.next_change(request), time.time() + 3600])),
            )  # fmt: skip
        self.lead = cards.Listed(lead) if lead else None
        return super().get(request, *args, **kwargs)

    def published_list(self):
        return reads.PublishedList(exclude=[self.lead.pk] if self.lead else [])

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        # The bands (which reports, per competition) leave out the lead and the latest list: a
        # story appears once on the page. Chosen here, once the list's reports are known, so their
        # cards are rendered with the page's other cards, in one batch; kept until the front
        # page's list changes.
        self.sections = []
        if page.number == 1:
            shown = [self.lead.pk] if self.lead else []
            shown += [listed.pk for listed in page.object_list]
            self.sections = fragments.kept_list(
                self.request, f"front-sections:{self.lead.pk if self.lead else 0}",
                lambda: latest_by_competition(self.competitions, exclude=shown),
                tags={"list-front", "competitions"},
            )  # fmt: skip
        return paginator, page, object_list, is_paginated

    def get_context_data(self, **kwargs):
        # Every competition, by name: the page lists them all, and the bands are drawn from them.
        self.competitions = football_reads.competitions()
        context = super().get_context_data(**kwargs)
        leads = cards.attach_cards(self.request, [self.lead] if self.lead else [], "lead")
        context["lead"] = leads[0].card if leads else ""
        context["competitions"] = self.competitions
        context["share"] = seo.share_card(self.request)
        context["structured_data"] = seo.website(self.request)
        if not context["page_obj"].has_previous():
            sections = cards.render_card_groups(self.request, self.sections, "compact")
            context["sections"] = render_to_string(
                "articles/includes/front_sections.html", {"sections": sections}
            )
        return context

    def cards_shown(self, context):
        shown = super().cards_shown(context)
        if self.lead:
            shown.append((self.lead.pk, "lead"))
        return shown + [(pk, "compact") for _, pks in self.sections for pk in pks]


SECTION_LENGTH = 3
# The front page's bands are drawn from this many of the newest reports: a competition with
# nothing among them has no band (ranking the whole archive cost seconds at 100,000).
SECTION_CANDIDATES = 200


def latest_by_competition(competitions, per_section=SECTION_LENGTH, exclude=()):
    """[(competition, [pks of its latest published reports])], the fullest bands first (so the
    page's rows pack, static/css/site.css), then in the order of `competitions` (all of them, by
    name): one query, whatever the size of the archive."""
    sections = {}
    for pk, competition in reads.latest_match_reports(exclude, SECTION_CANDIDATES):
        latest = sections.setdefault(competition, [])
        if len(latest) < per_section:
            latest.append(pk)
    bands = [(c, sections[c.pk]) for c in competitions if c.pk in sections]
    return sorted(bands, key=lambda band: -len(band[1]))


class ArticleDetailView(DetailView):
    """A report: its row, then the rendered report and related cards (cards.py)."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        try:
            day = datetime.date(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
        except ValueError:
            raise Http404("No such date.") from None
        # One read of the row with what its card joins; the report's other rows are prefetched
        # onto it only if the report is rendered (cards.article_parts), so it is never read twice.
        # The row is kept until the article changes (a new slug or date is a new name).
        def load():
            article = reads.page_article(day, self.kwargs["slug"])
            if article is None:
                raise Http404("No such article.")
            # The row carries its match, clubs and picture: kept until any of them changes.
            purges.shows(*cards.row_tags(article))
            return article

        # A copy: a kept row is shared by every request of this process, and rendering writes to it.
        name = f"article-row:{day.isoformat()}:{self.kwargs['slug']}"
        article = copy.copy(fragments.kept(self.request, name, load))
        self.is_preview = not article.is_published()
        if self.is_preview and not self.request.user.has_perm("articles.change_article"):
            # A draft or scheduled report does not exist for readers: 404, not 403.
            raise Http404("No such article.")
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = context["article"]
        context["is_preview"] = self.is_preview
        context["parts"] = cards.article_parts(self.request, article, preview=self.is_preview)
        # A live blog's page is about its match as it happens: its entries take the place (and
        # the queries) of related reports.
        live_blog = article.kind == Article.Kind.LIVE
        context["related"] = [] if live_blog else cards.related_cards(self.request, article)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            # Never let a cache or CDN keep an editor's preview.
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class HubMixin(PublishedArticlesMixin):
    """A club's or player's page: its pinned reports ("Essential reading") first, their cards
    rendered with the list's. The pins are read with the page of the list (reads.PublishedList.
    with_pins()), and kept until the hub's list changes (pins and publications purge it)."""

    def get_context_data(self, **kwargs):
        list_tag = self.get_list_tag()
        self.pinned = fragments.kept_list(
            self.request, f"pinned:{list_tag}", self.object_list.pinned, tags={list_tag}
        )
        context = super().get_context_data(**kwargs)
        context["pinned"] = cards.render_cards(self.request, self.pinned)
        return context

    def cards_shown(self, context):
        return super().cards_shown(context) + [(pk, "list") for pk in self.pinned]


class ClubIndexView(ListView):
    template_name = "articles/club_list.html"
    context_object_name = "clubs"
    paginate_by = 100

    def get_queryset(self):
        purges.shows("clubs")  # any club's change purges the index
        return Club.objects.order_by("country", "league", "name")


class ClubDetailView(HubMixin, ListView):
    template_name = "articles/club_detail.html"

    def get(self, request, *args, **kwargs):
        def load():
            club = football_reads.club_by_slug(kwargs["slug"])
            if club is None:
                raise Http404("No such club.")
            purges.shows(purges.tag("club", club.pk))
            return club

        # Kept until the club changes; a copy per request, as the page writes to it.
        self.club = self.hub = copy.copy(fragments.kept(request, f"club-row:{kwargs['slug']}", load))
        return super().get(request, *args, **kwargs)

    def published_list(self):
        return reads.PublishedList.for_club(self.club).with_pins("pinned_on_clubs", self.club.pk)

    def get_list_tag(self):
        return purges.tag("list-club", self.club.pk)

    def get_context_data(self, **kwargs):
        purges.shows(purges.tag("club", self.club.pk))
        context = super().get_context_data(**kwargs)
        share = seo.share_card(self.request, self.club.crest, crop="1:1")
        context.update(club=self.club, record=ClubRecord(self.club), share=share,
                       structured_data=seo.club_graph(self.request, self.club, share))  # fmt: skip
        return context


def _match_tags(matches):
    # A results list shows each match and both clubs' names; a match in play, a live score.
    return {
        tag
        for match in matches
        for tag in (
            purges.tag("match", match.pk),
            purges.tag("club", match.home_club_id),
            purges.tag("club", match.away_club_id),
            purges.tag("competition", match.competition_id),
            *([purges.LIVE] if match.in_play() else []),
        )
    }


class _Shown:
    """A value loaded once, whose tags are shown on every read: two fragments that read it each
    record what it shows."""

    def __init__(self, load):
        self.load = load

    def __set_name__(self, owner, name):
        self.name = "_shown_" + name

    def __get__(self, record, owner=None):
        if record is None:
            return self
        if self.name not in record.__dict__:
            record.__dict__[self.name] = self.load(record)
        value, tags = record.__dict__[self.name]
        purges.shows(*tags)
        return value


class ClubRecord:
    """A club's results, form and squad, loaded only if the page renders them: a kept
    {% fragment %} (newsroom/delivery/templatetags/fragments.py) needs none of them. Each says
    what it shows when read, so the fragment that read it is kept with those tags."""

    def __init__(self, club):
        self.club = club

    @cached_property
    def profile_tags(self):
        return {purges.tag("club", self.club.pk), *purges.tags("image", [self.club.crest_id])}

    @_Shown
    def season(self):
        season = club_season(self.club)
        return season, season.tags

    @property
    def results(self):
        return self.season.results

    @property
    def fixtures(self):
        return self.season.fixtures

    @property
    def positions(self):
        return self.season.positions

    @property
    def form_guide(self):
        return [match.result_for(self.club) for match in self.results[:FORM_GUIDE_LENGTH]]

    @_Shown
    def squad(self):
        squad = football_reads.squad(self.club)
        return squad, {purges.tag("squad", self.club.pk), *purges.tags("player", [p.pk for p in squad])}


@dataclass
class ClubSeason:
    """A club's latest results, its next fixtures and where it stands in each competition of its
    latest season ([(table, its row)]), from one read; `tags` is what they show."""

    results: list
    fixtures: list
    positions: list
    tags: set


def club_season(club):
    matches = football_reads.club_matches(club, RECENT_RESULTS)
    own = [match for match in matches if club.pk in (match.home_club_id, match.away_club_id)]
    results = sorted((m for m in own if m.is_played()), key=lambda m: (m.kickoff, m.pk), reverse=True)
    results = results[:RECENT_RESULTS]
    fixtures = [m for m in own if not m.is_played() and m.status not in ("abandoned", "full_time")]
    fixtures = fixtures[:NEXT_FIXTURES]
    latest = max((match.season for match in own), default="")
    current = {}
    for match in matches:
        if match.season == latest:
            current.setdefault(match.competition_id, []).append(match)
    positions = []
    for competition_matches in current.values():
        competition = competition_matches[0].competition
        for table in standings.tables(competition_matches, competition, latest):
            row = table.row_for(club.pk)
            if row is not None:
                positions.append((table, row))
    positions.sort(key=lambda found: found[0].competition.name)
    tags = {
        purges.tag("results", club.pk),
        *_match_tags(results + fixtures),
        *purges.tags("results-competition", list(current)),
        *purges.tags("competition", list(current)),
    }
    return ClubSeason(results, fixtures, positions, tags)


class PlayerRecord:
    """A player's goals, loaded only if the page renders them (a kept fragment needs none)."""

    def __init__(self, player):
        self.player = player

    @_Shown
    def goals(self):
        # Each goal links to the report of its match: its first public match report (later ones
        # are reactions), else the first public article on it. Read in the goals' own query (two
        # subqueries), so it costs no query.
        report = (
            Article.objects.published().filter(match=OuterRef("match"))
            .order_by(Case(When(kind=Article.Kind.REPORT, then=0), default=1), "published_at", "pk")
        )  # fmt: skip
        goals = list(
            self.player.goals.select_related("match__competition", "match__home_club", "match__away_club")
            .annotate(report_slug=Subquery(report.values("slug")[:1]),
                      report_day=Subquery(report.values("publication_date")[:1]))
            .order_by("-match__kickoff", "minute")
        )  # fmt: skip
        for goal in goals:
            goal.report_url = (
                dated_url("articles:article", goal.report_day, goal.report_slug) if goal.report_slug else ""
            )
        # A report on the match tags its scorers, so publishing, moving or withdrawing it purges
        # the player's list; a scheduled one is covered by the fragment's name (the template).
        return goals, {
            purges.tag("player", self.player.pk), purges.tag("list-player", self.player.pk),
            *_match_tags([goal.match for goal in goals]),
        }  # fmt: skip

    @_Shown
    def seasons(self):
        seasons = football_reads.player_seasons(self.player)
        competitions = [season["competition"].pk for season in seasons]
        return seasons, {purges.tag("player", self.player.pk), *purges.tags("competition", competitions)}


class PlayerDetailView(HubMixin, ListView):
    template_name = "articles/player_detail.html"

    def get(self, request, *args, **kwargs):
        def load():
            # The photo's renditions are prefetched: the picture and the share card both read them.
            player = (
                Player.objects.select_related("club", "photo").prefetch_related("photo__renditions")
                .filter(slug=kwargs["slug"]).first()
            )  # fmt: skip
            if player is None:
                raise Http404("No such player.")
            purges.shows(purges.tag("player", player.pk), *purges.tags("club", [player.club_id]),
                         *purges.tags("image", [player.photo_id]))  # fmt: skip
            return player

        # Kept until the player, their club or photo changes (as a club's row is); a copy per
        # request, as the page writes to it.
        self.player = self.hub = copy.copy(fragments.kept(request, f"player-row:{kwargs['slug']}", load))
        return super().get(request, *args, **kwargs)

    def published_list(self):
        return reads.PublishedList.for_player(self.player).with_pins("pinned_on_players", self.player.pk)

    def get_list_tag(self):
        return purges.tag("list-player", self.player.pk)

    def get_context_data(self, **kwargs):
        purges.shows(
            purges.tag("player", self.player.pk),
            *purges.tags("club", [self.player.club_id]),
            *purges.tags("image", [self.player.photo_id]),
        )
        context = super().get_context_data(**kwargs)
        share = seo.share_card(self.request, self.player.photo, crop="1:1")
        context.update(player=self.player, record=PlayerRecord(self.player),
                       lists_change=fragments.next_change(self.request) or 0, share=share,
                       structured_data=seo.player_graph(self.request, self.player, share))  # fmt: skip
        return context


class CompetitionIndexView(ListView):
    template_name = "articles/competition_list.html"
    context_object_name = "competitions"
    paginate_by = 100

    def get_queryset(self):
        purges.shows("competitions")
        return Competition.objects.all()


@dataclass
class CompetitionSeason:
    """What a competition's page shows of one season: its tables and latest results, rendered,
    and the other seasons to switch to. Kept as one fragment until a match of the competition
    changes: as HTML, because rendering a 20-club table and its results cost a kept page 3 ms
    (twenty rows of eleven localised numbers), four fifths of it."""

    season: str
    seasons: list
    table_count: int
    tables_html: str
    results_html: str


def competition_season(competition, season=""):
    """The season asked for (the latest when ""); a 404 if the competition has no such season,
    raised rather than kept, so the page appears once the season is imported."""
    seasons = football_reads.seasons_of(competition)
    season = season or (seasons[0] if seasons else "")
    if season not in seasons:
        if season:
            raise Http404("No matches of this competition in that season.")
        return CompetitionSeason("", [], 0, "", _results_html([]))
    matches = football_reads.season_matches(competition, season)
    tables = standings.tables(matches, competition, season)
    results = [match for match in reversed(matches) if match.is_played()][:RECENT_RESULTS]
    purges.shows(
        purges.tag("results-competition", competition.pk),
        *purges.tags("club", [row.club.pk for table in tables for row in table.rows]),
        *_match_tags(results),
    )
    tables_html = "".join(
        render_to_string("articles/includes/standings_table.html", {"table": table}) for table in tables
    )
    return CompetitionSeason(season, seasons, len(tables), mark_safe(tables_html), _results_html(results))


def _results_html(results):
    context = {"results": results, "caption": "Latest results"}
    return mark_safe(render_to_string("articles/includes/results_table.html", context))


class CompetitionDetailView(PublishedArticlesMixin, ListView):
    template_name = "articles/competition_detail.html"

    def get(self, request, *args, **kwargs):
        self.competition = get_object_or_404(Competition, slug=kwargs["slug"])
        season = request.GET.get("season", "")
        if season and not SEASON.match(season):
            raise Http404("Write the season as 2019-20.")
        self.season = fragments.kept(
            request,
            f"competition-season:{self.competition.pk}:{season}",
            lambda: competition_season(self.competition, season),
            tags={purges.tag("competition", self.competition.pk)},
        )
        return super().get(request, *args, **kwargs)

    def published_list(self):
        return reads.PublishedList.for_competition(self.competition)

    def get_list_tag(self):
        return purges.tag("list-competition", self.competition.pk)

    def get_context_data(self, **kwargs):
        purges.shows(
            purges.tag("competition", self.competition.pk),
            purges.tag("results-competition", self.competition.pk),
        )
        context = super().get_context_data(**kwargs)
        share = seo.share_card(self.request)
        context.update(
            competition=self.competition,
            season=self.season,
            share=share,
            structured_data=seo.competition_graph(self.request, self.competition, share),
        )
        return context


class AuthorDetailView(PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get(self, request, *args, **kwargs):
        self.author = get_object_or_404(
            Author.objects.select_related("photo").prefetch_related("photo__renditions"), slug=kwargs["slug"]
        )
        return super().get(request, *args, **kwargs)

    def published_list(self):
        return reads.PublishedList.for_author(self.author)

    def get_list_tag(self):
        return purges.tag("list-author", self.author.pk)

    def get_context_data(self, **kwargs):
        purges.shows(purges.tag("author", self.author.pk), *purges.tags("image", [self.author.photo_id]))
        context = super().get_context_data(**kwargs)
        share = seo.share_card(self.request, self.author.photo, crop="1:1")
        context.update(author=self.author, share=share,
                       structured_data=seo.author_graph(self.request, self.author, share))  # fmt: skip
        return context


@dataclass
class MatchSheet:
    """What a match's page shows of the match itself: the record, and its timeline and both
    line-ups rendered (a kept page spent 2 ms of its 2.8 drawing them from kept data). Kept
    until the match, its goals, events, line-ups or anyone named change."""

    match: object
    html: str


def match_sheet(competition, season, pair):
    match = football_reads.match_by_address(competition, season, pair)
    if match is None:
        raise Http404("No such match.")  # raised, not kept: the address may be filled in later
    timeline = football_reads.timeline(match)
    home, away = lineups.sides(match, football_reads.lineups(match))
    players = [entry.player.pk for entry in timeline if entry.player] + [
        entry.player_off.pk for entry in timeline if entry.player_off
    ]
    players += [a.player_id for side in (home, away) for a in side.starting + side.bench]
    purges.shows(*_match_tags([match]), *purges.tags("player", players))
    context = {"match": match, "timeline": timeline, "home": home, "away": away}
    return MatchSheet(match, render_to_string("articles/includes/match_sheet.html", context))


class MatchDetailView(TemplateView):
    """/matches/<competition>/<season>/<home>-v-<away>/: the match's hub. Its score, timeline and
    line-ups on a pitch, and the published articles about it (previews, reports, the rest)."""

    template_name = "articles/match_detail.html"
    ARTICLES = 30

    def get(self, request, *args, **kwargs):
        key = f"match-page:{kwargs['competition']}:{kwargs['season']}:{kwargs['pair']}"
        try:
            self.sheet = fragments.kept(
                request, key, lambda: match_sheet(kwargs["competition"], kwargs["season"], kwargs["pair"])
            )
        except Http404:
            # An address from before a club's slug changed, or before it was merged: where it went.
            moved = football_reads.moved_match(kwargs["competition"], kwargs["season"], kwargs["pair"])
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        match = self.sheet.match
        purges.shows(*_match_tags([match]))

        def about():
            rows = Article.objects.published().filter(match_id=match.pk).order_by("-published_at")
            return list(rows.values_list("pk", "kind")[: self.ARTICLES])

        # An article about the match carries its clubs, so its publication purges their lists.
        list_tag = purges.tag("list-club", match.home_club_id)
        found = fragments.kept_list(self.request, f"match-articles:{match.pk}", about, tags={list_tag})
        kinds = [("Preview", Article.Kind.PREVIEW), ("Report", Article.Kind.REPORT)]
        groups = [(label, [pk for pk, k in found if k == kind]) for label, kind in kinds]
        groups.append(("More on this match", [pk for pk, k in found if k not in dict(kinds).values()]))
        context = super().get_context_data(**kwargs)
        context.update(
            match=match,
            sheet=self.sheet,
            article_groups=[group for group in cards.render_card_groups(self.request, groups) if group[1]],
            structured_data=seo.match_graph(self.request, match),
        )
        return context


# ---------------------------------------------------------------------------------------------
# What a live page's script polls


def live_entries(request, pk):
    """/live/<id>/entries/?since=<epoch seconds>: a live blog's score and status, the ids of its
    entries in page order, and the HTML of those posted or changed since `since` (all without it).

    In the page cache like any page: kept, here and at the edge (by Surrogate-Key), until an
    entry, the match or a name it shows changes, so a reader sees an entry as soon as it is posted
    and thousands of readers cost one render per change. The script asks for `since` in steps of
    10 s, so readers share a few addresses."""
    since = request.GET.get("since", "")
    if since and not since.isdigit() or len(since) > 12:
        return JsonResponse({"error": "since must be a time in whole seconds since 1970."}, status=400)

    def load():
        article = (
            Article.objects.published().filter(pk=pk, kind=Article.Kind.LIVE, match__isnull=False)
            .select_related("match__competition", "match__home_club", "match__away_club").first()
        )  # fmt: skip
        if article is None:
            raise Http404("No such live blog.")
        purges.shows(*cards.card_tags(article))
        entries = live.page_entries(article)
        clubs, players = list(article.clubs.all()), list(article.players.all())
        purges.shows(*live.entries_shown(entries), *purges.tags("club", [c.pk for c in clubs]),
                     *purges.tags("player", [p.pk for p in players]))  # fmt: skip
        match = article.match
        score = f"{match.home_score or 0}–{match.away_score or 0}"
        # The page's match box too (score and timeline): drawn with the page, it went stale.
        timeline = football_reads.timeline(match)
        purges.shows(*purges.tags("player", [e.player.pk for e in timeline if e.player]),
                     *purges.tags("player", [e.player_off.pk for e in timeline if e.player_off]))  # fmt: skip
        box_context = {"match": match, "timeline": timeline}
        match_box = render_to_string("articles/includes/match_box.html", box_context)
        return {
            "match_box": match_box,
            "open": article.is_live(),
            "status": match.get_status_display(),
            "state": match.status,  # the page's data-status: the live marker in site.css
            "score": f"{match.home_club.name} {score} {match.away_club.name} · {match.get_status_display()}",
            "key_events": [live.key_event_text(entry) for entry in live.key_events(entries)],
            "ids": [entry.pk for entry in entries],
            "entries": [
                {"id": entry.pk, "changed": int(live.changed_at(entry).timestamp()), "html": str(html)}
                for entry, html in live.render_entries(entries, clubs, players)
            ],
        }

    state = fragments.kept(request, f"live-entries:{pk}", load)
    newer = int(since) if since else None
    answer = {**state, "now": int(time.time())}
    if newer is not None:
        answer["entries"] = [entry for entry in state["entries"] if entry["changed"] >= newer]
    return JsonResponse(answer)
