"""Addresses readers type or paste: far too long ones get the site's own page, capitals find the
lower-case page."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .test_pages import anfield_report  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def test_a_five_thousand_character_query_gets_the_sites_414_page(client):
    response = client.get("/search/", {"q": "mertens " * 625})
    assert response.status_code == 414
    html = response.content.decode()
    assert "That address is too long" in html and 'class="masthead"' in html
    assert client.get("/search/", {"q": "mertens " * 200}).status_code == 200  # 1,600: still fine


def test_a_long_address_anywhere_gets_it_too_and_it_is_never_kept(client):
    long = "/clubs/" + "x" * 3000 + "/"
    assert client.get(long).status_code == 414
    assert client.get(long).status_code == 414  # not a kept copy of anything


@pytest.mark.parametrize(("typed", "page"), [
    ("/clubs/Napoli/", "/clubs/napoli/"),
    ("/PLAYERS/Dries-Mertens/", "/players/dries-mertens/"),
    ("/2019/11/27/Liverpool-Napoli/", "/2019/11/27/liverpool-napoli/"),
    ("/Competitions/UEFA-Champions-League/?page=1", "/competitions/uefa-champions-league/?page=1"),
])  # fmt: skip
def test_capitals_in_an_address_redirect_to_the_lower_case_page(client, anfield_report, typed, page):  # noqa: F811
    path, _, query = typed.partition("?")
    response = client.get(path, dict([query.split("=")]) if query else {})
    assert response.status_code == 301 and response["Location"] == page
    assert client.get(page).status_code == 200


def test_capitals_on_an_address_that_exists_or_a_post_are_left_alone(client, anfield_report):  # noqa: F811
    assert client.get("/clubs/napoli/").status_code == 200
    assert client.post("/clubs/Napoli/").status_code in (403, 404, 405)  # never redirected
    assert client.get("/No-Such-Place/").status_code == 404  # no route in lower case either


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_hands_a_five_thousand_character_address_to_the_site(tmp_path):
    """`make serve` runs gunicorn, whose own limit (4,094) would answer a bare 400 page."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        pytest.skip("gunicorn is not installed")
    port = _free_port()
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1",
           "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}  # fmt: skip
    server = subprocess.Popen([str(gunicorn), "-c", "newsroom/gunicorn.conf.py"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with connection:
            target = "/search/?q=" + "a" * 5000
            request = f"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            connection.sendall(request.encode())
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 414"), answer[:200]
        assert b"That address is too long" in answer
    finally:
        server.terminate()
        server.wait(timeout=10)
