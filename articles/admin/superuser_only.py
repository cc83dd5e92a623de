"""Sections of the admin only superusers see: the login lockouts (django-axes), Sites and Redirects.

They are the site operator's tools. An editor given broad permissions (or a future group that
grants "all permissions of an app") must still not unlock logins, re-point the site's address
or redirect a report's URL by hand: addresses.py keeps redirects in step with renames.
"""

from django.apps import apps
from django.contrib import admin

OPERATOR_MODELS = [
    ("sites", "Site"),
    ("redirects", "Redirect"),
    ("axes", "AccessAttempt"),
    ("axes", "AccessLog"),
    ("axes", "AccessFailureLog"),
]


class SuperuserOnly:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, *args):
        return self.has_module_permission(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_delete_permission(request, obj)


def restrict(site=admin.site):
    """Re-register each operator model's ModelAdmin as a superuser-only subclass of itself."""
    for app_label, model_name in OPERATOR_MODELS:
        if not apps.is_installed(f"django.contrib.{app_label}") and not apps.is_installed(app_label):
            continue
        model = apps.get_model(app_label, model_name)
        current = site._registry.get(model)
        if current is None or isinstance(current, SuperuserOnly):
            continue
        restricted = type(f"SuperuserOnly{type(current).__name__}", (SuperuserOnly, type(current)), {})
        site.unregister(model)
        site.register(model, restricted)
