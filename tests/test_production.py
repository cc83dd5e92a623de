"""Production settings and the security of every response: headers, CSP, CSRF, login throttling."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client

from newsroom.routers import PrimaryReplicaRouter, use_primary

from .browser import chromium, page_at, screenshot  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings.production",
    "DJANGO_SECRET_KEY": "test-only-production-key-" + "q8Zr#v2Lm!pW5tYk" * 3,
    "DJANGO_ALLOWED_HOSTS": "news.example.com",
}


def _run(code_or_args, env):
    args = code_or_args if isinstance(code_or_args, list) else [sys.executable, "-c", code_or_args]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(args, cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=60)


def test_production_settings_pass_the_deploy_check_with_no_warning():
    deploy_check = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = _run(deploy_check, PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _run([sys.executable, "manage.py", "check"], env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_sends_hsts_and_redirects_to_https():
    code = """
import django, json
django.setup()
from django.test import Client
client = Client(HTTP_HOST="news.example.com")
plain = client.get("/healthz")
secure = client.get("/healthz", secure=True)
print(json.dumps({"plain": plain.status_code, "location": plain.get("Location"),
                  "hsts": secure.get("Strict-Transport-Security")}))
"""
    result = _run(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["plain"] == 301 and answer["location"].startswith("https://")
    assert "max-age=31536000" in answer["hsts"] and "includeSubDomains" in answer["hsts"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/clubs/", "/admin/login/"])
def test_every_page_sends_the_security_headers(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_the_article_form_allows_exactly_its_import_map_by_hash(client):
    client.force_login(User.objects.create_superuser("chief", password="pw"))
    response = client.get("/admin/articles/article/add/")
    assert response.status_code == 200
    assert b'<script type="importmap"' in response.content
    script_src = response.headers["Content-Security-Policy"].split("script-src", 1)[1].split(";")[0]
    assert "'sha256-" in script_src and "'unsafe-inline'" not in script_src


@pytest.mark.django_db
def test_cross_site_posts_without_a_token_are_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "chief", "password": "pw"})
    assert response.status_code == 403


def _fail_login(client, username, address):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": "wrong"}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_repeated_wrong_passwords_are_throttled_alike_for_known_and_unknown_users(settings):
    User.objects.create_superuser("chief", password="right-password")
    answers = {}
    for username, address in (("chief", "203.0.113.7"), ("nobody-by-this-name", "203.0.113.8")):
        client = Client()
        for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            response = _fail_login(client, username, address)
            assert response.status_code == 200, attempt  # the login form again, with its error
        locked = _fail_login(client, username, address)
        assert locked.status_code == 429
        answers[username] = locked.content
        # Locked out means locked out: even the right password is refused from that address.
        right = client.post(
            "/admin/login/", {"username": "chief", "password": "right-password"}, REMOTE_ADDR=address
        )
        assert right.status_code == 429
    assert answers["chief"] == answers["nobody-by-this-name"]
    assert b"Too many sign-in attempts" in answers["chief"]

    # Another address is not affected.
    elsewhere = Client().post(
        "/admin/login/", {"username": "chief", "password": "right-password"}, REMOTE_ADDR="198.51.100.1"
    )
    assert elsewhere.status_code == 302


def test_reads_go_to_the_replica_and_writes_and_editors_to_the_primary():
    router = PrimaryReplicaRouter()
    assert router.db_for_read(User) == "default"  # no replica configured: everything on the primary
    connections.settings["replica"] = connections.settings["default"]
    try:
        assert router.db_for_read(User) == "replica"
        assert router.db_for_write(User) == "default"
        with use_primary():
            assert router.db_for_read(User) == "default"
        assert router.allow_migrate("replica", "articles") is False
    finally:
        del connections.settings["replica"]
    assert router.db_for_read(User) == "default"


@pytest.mark.django_db(transaction=True)
def test_the_admin_article_form_and_its_editor_work_under_the_csp(page_at):  # noqa: F811
    User.objects.create_superuser("chief", password="right-password")
    page = page_at(1280)
    errors, failed = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The admin links no favicon, so the browser's own /favicon.ico guess is the one allowed 404.
    page.on("response", lambda r: r.status >= 400 and "favicon" not in r.url and failed.append(r.url))
    page.goto("/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "right-password")
    page.click("input[type=submit]")
    page.goto("/admin/articles/article/add/")
    page.wait_for_selector(".prose-menubar", timeout=10_000)
    assert page.locator(".prose-menubar__button").count() > 3
    screenshot(page, "admin-article-form-under-csp")
    editor = page.locator(".ProseMirror:visible").first
    editor.click()
    page.keyboard.type("Mertens scores")
    assert "Mertens scores" in editor.inner_text()
    assert failed == []
    assert [e for e in errors if "Failed to load resource" not in e] == []  # CSP violations, JS errors
