"""The newsroom: the admin is the editors' tool. One module per part of the desk."""

from . import articles, entities  # noqa: F401  (registers the ModelAdmins)
