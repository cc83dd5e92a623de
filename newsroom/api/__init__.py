"""The read API, /api/v1/: published articles, clubs, players, competitions, matches and tables.

Built on django-ninja (docs/decisions.md says why). It sits above the editorial and football apps
and is imported by nothing but the URLconf. Read-only and public: every article goes through
`Article.objects.published()`, so drafts and scheduled reports never appear. Responses go through
the page cache like pages (the `api` URL namespace is in NEWSROOM_CACHE["NAMESPACES"]): each
operation says what it shows with `purges.shows()`, so a change purges exactly the responses,
here and at the edge (`Surrogate-Key`), that showed it.

- `schemas.py`: the shapes, which are also the OpenAPI document (/api/v1/openapi.json);
- `shapes.py`: model instances into those shapes, no query;
- `views.py`: the operations, their filters and their query budget (tests/test_api.py).
"""
