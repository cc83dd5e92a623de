"""Reader pages. Each starts from Article.objects.published() and runs a fixed number of queries.

Lists are paginated (a bad or out-of-range ?page= is a 404, never a 500); a tag page looks its
club, player, competition or author up or 404s, then narrows the published articles.
"""

import datetime

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView, TemplateView

from . import fragments, search
from .models import Article, Author, Club, Competition, Match, Player

RECENT_RESULTS = 10
LEAD_DAYS = 7
FORM_GUIDE_LENGTH = 5


def _results_for(matches):
    return matches.filter(home_score__isnull=False).select_related("competition", "home_club", "away_club")


class PublishedArticlesMixin:
    """A paginated list of published articles, each with its rendered card (`article.card`)."""

    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]
    context_object_name = "articles"

    def get_queryset(self):
        # Only what finds each card: articles/fragments.py renders (or reuses) the cards.
        return self.narrow(Article.objects.published().for_card_keys())

    def narrow(self, articles):
        return articles

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        # Counting a club's thousands of reports costs more than showing twelve of them: the count
        # is kept until anything changes (articles/fragments.py).
        paginator.count = fragments.kept_until_change(
            self.request, f"count:{self.request.path}", queryset.count
        )
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = fragments.attach_cards(self.request, context["articles"])
        return context


class FrontPageView(PublishedArticlesMixin, ListView):
    template_name = "articles/front.html"

    def get(self, request, *args, **kwargs):
        # The lead is chosen before the list so the list can leave it out: the newest report
        # featured in the last LEAD_DAYS, else the newest. The window keeps an old feature from
        # leading for ever, and keeps the lookup to recent rows of the (status, published_at) index.
        published = Article.objects.published().for_card_keys()
        since = timezone.now() - datetime.timedelta(days=LEAD_DAYS)
        self.lead = published.filter(featured=True, published_at__gte=since).first() or published.first()
        return super().get(request, *args, **kwargs)

    def narrow(self, articles):
        return articles.exclude(pk=self.lead.pk) if self.lead else articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        leads = fragments.attach_cards(self.request, [self.lead] if self.lead else [], "lead")
        context["lead"] = leads[0].card if leads else ""
        context["competitions"] = Competition.objects.all()
        if not context["page_obj"].has_previous():
            exclude = [self.lead.pk] if self.lead else []
            context["sections"] = fragments.kept_until_change(
                self.request, f"front-sections:{exclude}", lambda: self.render_sections(exclude)
            )
        return context

    def render_sections(self, exclude):
        sections = latest_by_competition(exclude=exclude)
        sections = fragments.render_card_groups(self.request, sections, "compact")
        return render_to_string("articles/includes/front_sections.html", {"sections": sections})


SECTION_LENGTH = 3
# The front page's bands are drawn from this many of the newest match reports: a competition
# with nothing among them has no band (and ranking the whole archive cost seconds at 100,000).
SECTION_CANDIDATES = 500


def latest_by_competition(per_section=SECTION_LENGTH, exclude=()):
    """[(competition, [(pk, updated_at) of its latest published reports])] by competition name:
    two queries, whatever the size of the archive."""
    candidates = (
        Article.objects.published().filter(match__isnull=False).exclude(pk__in=exclude)
        .order_by("-published_at", "-pk").values_list("pk", "updated_at", "match__competition")
        [:SECTION_CANDIDATES]
    )  # fmt: skip
    sections = {}
    for pk, updated_at, competition in candidates:
        latest = sections.setdefault(competition, [])
        if len(latest) < per_section:
            latest.append((pk, updated_at))
    competitions = Competition.objects.in_bulk(sections)
    return sorted(
        ((competitions[pk], latest) for pk, latest in sections.items() if pk in competitions),
        key=lambda section: section[0].name,
    )


class ArticleDetailView(DetailView):
    """A report: its row, then the rendered report and related cards (articles/fragments.py)."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        try:
            day = datetime.date(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
        except ValueError:
            raise Http404("No such date.") from None
        article = get_object_or_404(
            Article.objects.defer("body"), publication_date=day, slug=self.kwargs["slug"]
        )
        self.is_preview = not article.is_published()
        if self.is_preview and not self.request.user.has_perm("articles.change_article"):
            # A draft or scheduled report does not exist for readers: 404, not 403.
            raise Http404("No such article.")
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = context["article"]
        context["is_preview"] = self.is_preview
        context["parts"] = fragments.article_parts(self.request, article, preview=self.is_preview)
        context["related"] = fragments.related_cards(self.request, article)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            # Never let a cache or CDN keep an editor's preview.
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


def pinned_cards(request, entity):
    """A club's or player's pinned reports ("Essential reading"), with their cards. The short list
    is kept until anything changes, like every list drawn from the archive (articles/fragments.py)."""
    pinned = fragments.kept_until_change(
        request, f"pinned:{request.path}", lambda: list(entity.pinned_articles.published().for_card_keys())
    )
    return fragments.attach_cards(request, pinned)


class ClubIndexView(ListView):
    template_name = "articles/club_list.html"
    context_object_name = "clubs"
    paginate_by = 100

    def get_queryset(self):
        return Club.objects.order_by("country", "league", "name")


class ClubDetailView(PublishedArticlesMixin, ListView):
    template_name = "articles/club_detail.html"

    def get(self, request, *args, **kwargs):
        self.club = get_object_or_404(Club.objects.select_related("crest"), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def narrow(self, articles):
        return articles.filter(clubs=self.club)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            club=self.club,
            record=ClubRecord(self.club),
            pinned=pinned_cards(self.request, self.club),
        )
        return context


class ClubRecord:
    """A club's results, form and squad, loaded only if the page renders them: a kept
    {% fragment %} (articles/templatetags/fragments.py) needs none of them."""

    def __init__(self, club):
        self.club = club

    @cached_property
    def results(self):
        matches = Match.objects.filter(Q(home_club=self.club) | Q(away_club=self.club))
        return list(_results_for(matches)[:RECENT_RESULTS])

    @cached_property
    def form_guide(self):
        return [match.result_for(self.club) for match in self.results[:FORM_GUIDE_LENGTH]]

    @cached_property
    def squad(self):
        return list(self.club.players.all())


class PlayerDetailView(PublishedArticlesMixin, ListView):
    template_name = "articles/player_detail.html"

    def get(self, request, *args, **kwargs):
        self.player = get_object_or_404(Player.objects.select_related("club", "photo"), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def narrow(self, articles):
        return articles.filter(players=self.player)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            player=self.player,
            pinned=pinned_cards(self.request, self.player),
            goals=self.player.goals.select_related(
                "match__competition", "match__home_club", "match__away_club"
            ).order_by("-match__kickoff", "minute"),
        )
        return context


class CompetitionIndexView(ListView):
    template_name = "articles/competition_list.html"
    context_object_name = "competitions"
    paginate_by = 100
    model = Competition


class CompetitionDetailView(PublishedArticlesMixin, ListView):
    template_name = "articles/competition_detail.html"

    def get(self, request, *args, **kwargs):
        self.competition = get_object_or_404(Competition, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def narrow(self, articles):
        return articles.filter(match__competition=self.competition)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            competition=self.competition,
            results=_results_for(self.competition.matches.all())[:RECENT_RESULTS],
        )
        return context


class AuthorDetailView(PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get(self, request, *args, **kwargs):
        self.author = get_object_or_404(Author.objects.select_related("photo"), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def narrow(self, articles):
        return articles.filter(authors=self.author)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["author"] = self.author
        return context


class SearchView(TemplateView):
    """/search/?q=: ranked, highlighted, filtered and paginated (articles/search.py does the work)."""

    template_name = "articles/search.html"
    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = search.SearchForm(self.request.GET or None)
        context["form"] = form
        if not form.is_bound or not form.is_valid():
            return context
        parsed = search.parse_query(form.cleaned_data["q"])
        results = search.search_articles(parsed, form.filters())
        paginator = Paginator(results.ids, self.paginate_by)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404("No such page of results.") from None
        found = Article.objects.for_cards().in_bulk(page.object_list)
        articles = [found[pk] for pk in page.object_list if pk in found]
        for article in articles:
            article.search_headline = search.highlight(article.headline, parsed.terms)
            article.search_snippet = search.snippet(article, parsed.terms)
        context.update(
            query=parsed, searched=bool(parsed.terms or form.filters()), articles=articles,
            capped=len(results.ids) >= search.MAX_RESULTS,
            page_obj=page, paginator=paginator, is_paginated=page.has_other_pages(),
        )  # fmt: skip
        return context
