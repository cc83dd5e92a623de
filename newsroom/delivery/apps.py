from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "newsroom.delivery"
    label = "delivery"
    verbose_name = "Delivery"
