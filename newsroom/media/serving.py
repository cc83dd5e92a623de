"""Media for `make run` (DEBUG): Django's static file view, plus cache lifetimes.

In production a web server, a media host or object storage serves MEDIA_ROOT (docs/deploy.md);
this view is only for the development server. Content-Type comes from the extension, which the
upload rules guarantee matches the content; SecurityMiddleware adds `X-Content-Type-Options: nosniff`.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Renditions are named after a digest of their bytes: the same URL never changes content.
IMMUTABLE_PREFIX = "renditions/"
YEAR = 365 * 24 * 60 * 60


def serve_media(request, path):
    """Serve MEDIA_ROOT/`path` (404 outside it, as django.views.static.serve does)."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        if path.startswith(IMMUTABLE_PREFIX):
            patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
        else:
            # Originals never change either (generated names, never overwritten), but pages show
            # renditions, so a day is plenty.
            patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
