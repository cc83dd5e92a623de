from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        # Every change to the newsroom's content invalidates the page cache.
        from .caching import connect_receivers

        connect_receivers(self)
        # Rendered fragments follow the rows they were rendered from (articles/fragments.py).
        from .fragments import connect_receivers as connect_fragments

        connect_fragments(self)
        # The embedded SQLite keeps its query planner's statistics up to date (newsroom/sqlite.py).
        from newsroom.sqlite import connect_receivers as connect_sqlite

        connect_sqlite()
        # The search index follows every save and delete (articles/search.py).
        from .search import connect_receivers as connect_search

        connect_search()
