"""Reader pages. Each starts from Article.objects.published() and runs a fixed number of queries.

Lists are paginated (a bad or out-of-range ?page= is a 404, never a 500); a tag page looks its
club, player, competition or author up or 404s, then narrows the published articles.
"""

import datetime

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from . import search, seo
from .body import render_body
from .models import Article, Author, Club, Competition, Goal, Match, Player

RECENT_RESULTS = 10
FORM_GUIDE_LENGTH = 5


def _results_for(matches):
    return matches.filter(home_score__isnull=False).select_related("competition", "home_club", "away_club")


class PublishedArticlesMixin:
    """A paginated list of published articles, with what each card shows."""

    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]
    context_object_name = "articles"

    def get_queryset(self):
        return self.narrow(Article.objects.published().for_cards())

    def narrow(self, articles):
        return articles


class FrontPageView(PublishedArticlesMixin, ListView):
    template_name = "articles/front.html"

    def get(self, request, *args, **kwargs):
        # The lead is chosen before the list so the list can leave it out (one query).
        self.lead = Article.objects.published().for_cards().order_by("-featured", "-published_at").first()
        return super().get(request, *args, **kwargs)

    def narrow(self, articles):
        return articles.exclude(pk=self.lead.pk) if self.lead else articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lead"] = self.lead
        context["competitions"] = Competition.objects.all()
        if not context["page_obj"].has_previous():
            context["sections"] = latest_by_competition(exclude=[self.lead.pk] if self.lead else [])
        return context


SECTION_LENGTH = 3


def latest_by_competition(per_section=SECTION_LENGTH, exclude=()):
    """[(competition, its latest published reports)], one query whatever the number of sections."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    # Number narrow rows (ids only), then fetch the few cards: windowing whole rows, bodies
    # included, costs several times more on a large archive.
    ranked = (
        Article.objects.published().filter(match__isnull=False).exclude(pk__in=exclude)
        .annotate(row=Window(RowNumber(), partition_by=[F("match__competition")],
                             order_by=[F("published_at").desc(), F("pk").desc()]))
        .filter(row__lte=per_section).values_list("pk", flat=True)
    )  # fmt: skip
    cards = (
        Article.objects.for_cards().defer("body").filter(pk__in=list(ranked))
        .order_by("match__competition__name", "-published_at", "-pk")
    )  # fmt: skip
    sections = {}
    for article in cards:
        sections.setdefault(article.match.competition, []).append(article)
    return list(sections.items())


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        try:
            day = datetime.date(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
        except ValueError:
            raise Http404("No such date.") from None
        article = get_object_or_404(
            Article.objects.select_related(
                "match__competition", "match__home_club", "match__away_club", "hero_image"
            ).prefetch_related(
                "authors",
                "hero_image__renditions",
                "clubs",
                "players",
                "corrections",
                Prefetch("match__goals", queryset=Goal.objects.select_related("scorer", "club")),
            ),
            publication_date=day,
            slug=self.kwargs["slug"],
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
        context["body"] = render_body(article.body, article.clubs.all(), article.players.all())
        # Issue 6: what readers and search engines see around the report (articles/seo.py).
        context["related"] = search.related_articles(article)
        context["reading_minutes"] = seo.reading_minutes(article.body)
        context["share_image"] = seo.share_image(article.hero_image)
        context["structured_data"] = seo.article_graph(self.request, article)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            # Never let a cache or CDN keep an editor's preview.
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


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
        results = list(
            _results_for(Match.objects.filter(Q(home_club=self.club) | Q(away_club=self.club)))[
                :RECENT_RESULTS
            ]
        )
        context.update(
            club=self.club,
            pinned=self.club.pinned_articles.published().for_cards(),
            results=results,
            form_guide=[m.result_for(self.club) for m in results[:FORM_GUIDE_LENGTH]],
            squad=self.club.players.all(),
        )
        return context


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
            pinned=self.player.pinned_articles.published().for_cards(),
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
