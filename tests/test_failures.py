"""Failing well: a lost database, a lost cache, health checks and request logs."""

import logging
import time

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, override_settings

from .conftest import make_article
from .test_caching import DEAD_REDIS

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as it does when PostgreSQL goes away mid-flight."""

    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    def lose_the_database():
        monkeypatch.setattr(CursorWrapper, "execute", refuse)
        monkeypatch.setattr(CursorWrapper, "executemany", refuse)

    return lose_the_database


def test_a_lost_database_answers_a_quick_503_page_in_the_sites_design(database_down):
    article = make_article()
    database_down()
    client = Client(raise_request_exception=False)
    for url in ("/", article.get_absolute_url(), "/clubs/", "/admin/login/"):
        started = time.monotonic()
        response = client.get(url)
        assert response.status_code == 503, url
        assert time.monotonic() - started < 2
        page = response.content.decode()
        assert "Back in a moment" in page
        assert 'class="masthead' in page  # the site's own header, from base.html
        assert response.headers["Retry-After"]
        assert "no-store" in response.headers["Cache-Control"]


def test_a_lost_database_still_serves_pages_already_in_the_cache(database_down):
    make_article(headline="Cached before the outage")
    client = Client(raise_request_exception=False)
    assert client.get("/").status_code == 200
    database_down()
    response = client.get("/")
    assert response.status_code == 200
    assert "Cached before the outage" in response.content.decode()


def test_healthz_and_readyz_answer_when_all_is_well(client):
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["database:default"] == "ok" and ready.json()["cache"] == "ok"


def test_readyz_is_503_without_the_database_but_healthz_is_alive(database_down):
    database_down()
    client = Client(raise_request_exception=False)
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database:default"] == "unavailable"


@override_settings(CACHES=DEAD_REDIS)
def test_readyz_is_503_without_the_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"


def test_each_request_is_one_log_line_with_its_timing(client, caplog):
    logger = logging.getLogger("newsroom.request")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="newsroom.request"):
            client.get("/clubs/")
            client.get("/no-such-page/")
    finally:
        logger.removeHandler(caplog.handler)
    lines = [r.getMessage() for r in caplog.records if r.name == "newsroom.request"]
    assert len(lines) == 2
    assert lines[0].startswith("GET /clubs/ 200 ") and "ms" in lines[0]
    assert lines[1].startswith("GET /no-such-page/ 404 ")


# A reader's request, in a fresh process with the production settings and a database that never
# answers: what a PostgreSQL server that hangs (or a black-holed network) looks like.
_REQUEST_A_PAGE = """
import io, sys, time
from django.conf import settings
# About the database, not the collected static files: a checkout that never ran collectstatic has
# no manifest for the production storage to read the page's stylesheet address from.
settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
from newsroom.wsgi import application
env = {"REQUEST_METHOD": "GET", "PATH_INFO": sys.argv[1], "SERVER_NAME": "127.0.0.1",
       "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "wsgi.url_scheme": "http",
       "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr}
status = []
start = time.monotonic()
body = b"".join(application(env, lambda s, h, e=None: status.append(s)))
print(status[0].split()[0], round(time.monotonic() - start, 2), b"Newsroom" in body)
"""


@pytest.fixture
def hanging_database():
    """A TCP server that accepts connections and never says a word: ("host", port)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()
    server.close()
    for conn in held:
        conn.close()


@pytest.mark.parametrize("path", ["/", "/clubs/home-fc/", "/readyz"])
def test_a_database_that_hangs_answers_503_within_its_connect_timeout(hanging_database, tmp_path, path):
    import os
    import subprocess
    import sys

    pytest.importorskip("psycopg")
    host, port = hanging_database
    timeout = 2
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.production",
        "DJANGO_SECRET_KEY": "test-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz-0123",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"postgres://postgres@{host}:{port}/test",
        "DATABASE_CONNECT_TIMEOUT": str(timeout),
        "DJANGO_FILE_CACHE_DIR": str(tmp_path / "cache"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "NEWSROOM_PAGE_CACHE": "1",
    }
    env.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", _REQUEST_A_PAGE, path], env=env, capture_output=True, text=True, timeout=60,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    status, seconds, designed = done.stdout.strip().splitlines()[-1].split()
    assert status == "503"
    # One connect timeout, not one per connection attempt (the page, the session, the 503 page).
    took = f"{path} took {seconds} s with a {timeout} s connect timeout\n{done.stderr[-3000:]}"
    assert float(seconds) < timeout * 1.5, took
    if path != "/readyz":
        assert designed == "True"  # the site's own 503 page, not a bare error
