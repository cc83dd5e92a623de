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

    def get_actions(self, request):
        # Django offers an action that names no permission to everyone (axes' "clean up expired
        # attempts"); the list is refused to others anyway, but the offer should say the same.
        return super().get_actions(request) if self.has_module_permission(request) else {}


class AxesRequest:
    """axes' "Clean up expired attempts" reads the time of the request from attributes that only
    its login backend sets (request.axes_attempt_time), so on any later admin request the action
    was an AttributeError, a 500. Set them as axes' own middleware does for a login."""

    def changelist_view(self, request, extra_context=None):
        from axes.handlers.proxy import AxesProxyHandler  # only where axes is installed

        AxesProxyHandler.update_request(request)
        return super().changelist_view(request, extra_context)


def restrict(site=admin.site):
    """Re-register each operator model's ModelAdmin as a superuser-only subclass of itself."""
    for app_label, model_name in OPERATOR_MODELS:
        if not apps.is_installed(f"django.contrib.{app_label}") and not apps.is_installed(app_label):
            continue
        model = apps.get_model(app_label, model_name)
        current = site._registry.get(model)
        if current is None or isinstance(current, SuperuserOnly):
            continue
        restricted = type(
            f"SuperuserOnly{type(current).__name__}",
            (SuperuserOnly, *([AxesRequest] if app_label == "axes" else []), type(current)),
            {"__module__": __name__},  # else type() names whichever module happens to be running
        )
        site.unregister(model)
        site.register(model, restricted)
