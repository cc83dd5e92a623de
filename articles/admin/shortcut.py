"""The admin's "View on site" shortcut (/admin/r/<content type>/<id>/), held to the admin's rules.

Django's shortcut redirects any staff member to any object's address, so staff who may not see
an article learned a draft's or a scheduled report's address from it. This one answers only for
an object its model's admin lets the person view or change, and 404 otherwise, so it tells
nothing about what exists.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404

from newsroom.admin_keys import is_key


def view_on_site(request, content_type_id, object_id):
    try:
        content_type = ContentType.objects.get_for_id(int(content_type_id))
    except (ContentType.DoesNotExist, ValueError, OverflowError):
        raise Http404("No such object.") from None
    model = content_type.model_class()
    model_admin = admin.site._registry.get(model)
    if model_admin is None or not is_key(model, object_id):
        raise Http404("No such object.")
    obj = model_admin.get_object(request, object_id)
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404("No such object.")
    return shortcut(request, content_type_id, object_id)
