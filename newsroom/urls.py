from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles.admin.shortcut import view_on_site

from . import health
from .api.views import api

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "The newsroom"

urlpatterns = [
    # Before the admin's own: its "View on site" shortcut, checked like the admin's pages.
    path("admin/r/<str:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", include("articles.urls")),
    path("", include("newsroom.search.urls")),
    path("api/v1/", api.urls),
]

# A database lost outside a view (in a middleware) still answers the 503 page, not a 500.
handler500 = "newsroom.middleware.server_error"

if settings.DEBUG:
    # `make run` serves uploaded images itself (renditions cached for a year: their names are
    # content hashes); production uses a web server, a media host or object storage.
    from newsroom.media.serving import serve_media

    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media)]
