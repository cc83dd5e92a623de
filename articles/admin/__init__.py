"""The newsroom: the admin is the editors' tool. One module per part of the desk."""

from django.contrib import admin

from newsroom.admin_keys import guard_every_admin

from . import articles, entities  # noqa: F401  (registers the ModelAdmins)
from .superuser_only import restrict

# The project's apps come after axes, sites and redirects in INSTALLED_APPS, so theirs are
# registered by now.
restrict()
# Every admin checks its key fields before a query, Django's and other packages' included (the
# apps after this one in INSTALLED_APPS register none).
guard_every_admin(admin.site)
