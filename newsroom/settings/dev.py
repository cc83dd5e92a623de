"""Local development: works with no environment at all (`make run`)."""

from .base import *  # noqa: F403
from .base import os

DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
# A fixed, obviously unsafe key: dev only; production refuses to start without its own.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
