"""/search/?q=: ranked, highlighted, filtered and paginated."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.views.generic import TemplateView

from articles import cards, reads
from newsroom.delivery import purges

from . import engine, names
from .forms import SearchForm


class SearchView(TemplateView):
    """/search/?q=: ranked, highlighted, filtered and paginated (engine.py does the work)."""

    template_name = "search/search.html"
    paginate_by = settings.NEWSROOM["ARTICLES_PER_PAGE"]

    def get_context_data(self, **kwargs):
        # Any article's change may change any query's results; the form lists the competitions.
        purges.shows("list-search", "competitions")
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None, request=self.request)
        context["form"] = form
        # The filters stay unfolded while one is in use or wrong (on a phone they fold away).
        context["filtering"] = form.is_bound and any(
            form[name].value() for name in form.fields if name != "q"
        )  # fmt: skip
        if not form.is_bound or not form.is_valid():
            return context
        parsed = engine.parse_query(form.cleaned_data["q"])
        # Clubs and players the words name, spelt right or nearly, shown above the reports.
        context["named"] = names.match_names(self.request, parsed.text) if parsed.terms else None
        results = engine.search_articles(parsed, form.filters())
        paginator = Paginator(results.ids, self.paginate_by)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404("No such page of results.") from None
        found = reads.card_articles(page.object_list, with_body=True)  # the snippet reads the body
        articles = [found[pk] for pk in page.object_list if pk in found]
        for article in articles:
            purges.shows(*cards.card_tags(article))
            article.search_headline = engine.highlight(article.headline, parsed.terms)
            article.search_snippet = engine.snippet(article, parsed.terms)
        context.update(
            query=parsed, searched=bool(parsed.terms or form.filters()), articles=articles,
            capped=len(results.ids) >= engine.MAX_RESULTS,
            page_obj=page, paginator=paginator, is_paginated=page.has_other_pages(),
        )  # fmt: skip
        return context
