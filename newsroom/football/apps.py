from django.apps import AppConfig


class FootballConfig(AppConfig):
    name = "newsroom.football"
    label = "football"
    verbose_name = "Football data"
