"""Test settings: fast hashing, throwaway media, manifest-free static files."""

import os
import tempfile
import urllib.parse

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
# Tests render templates without running collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = tempfile.mkdtemp(prefix="newsroom-test-static-")


def per_worker_redis(url):
    """The Redis URL of this test process: under parallel workers each has a database of its own.

    Every test empties the cache first (tests/conftest.py), which on Redis is FLUSHDB: with one
    database for two workers, one's clear would wipe the pages the other just kept. The first
    worker keeps the URL's database; the others count down from the last (15, 14, ...), away
    from the low numbers chosen by hand elsewhere (the benchmarks use /2).
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker.startswith("gw") or worker == "gw0":
        return url
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{16 - int(worker[2:])}"))


if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":  # noqa: F405
    CACHES["default"]["LOCATION"] = per_worker_redis(CACHES["default"]["LOCATION"])  # noqa: F405
