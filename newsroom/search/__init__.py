"""Search: full-text search over published articles (SQLite FTS5, or PostgreSQL tsvector + GIN).

- `engine`: the index and the query (`search_articles()`, `reindex()`, `rebuild_index()`,
  `highlight()`, `snippet()`);
- `receivers`: keeping the index current, once per change;
- `forms`, `views`, `urls`: the reader's /search/ page.

Depends on the editorial and football apps (it indexes their words); nothing depends on it.
"""
