from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "newsroom.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        # The index follows every save and delete of what it indexes (receivers.py).
        from .receivers import connect_receivers

        connect_receivers()
