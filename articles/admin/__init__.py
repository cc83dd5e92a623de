"""The newsroom: the admin is the editors' tool. One module per part of the desk."""

from . import articles, entities  # noqa: F401  (registers the ModelAdmins)
from .superuser_only import restrict

# The project's apps come after axes, sites and redirects in INSTALLED_APPS, so theirs are
# registered by now.
restrict()
