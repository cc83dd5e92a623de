from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "newsroom.media"
    label = "media"
    verbose_name = "Media library"
