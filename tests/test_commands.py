"""Management commands: safe to run twice, clear about what they did."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _run(*args, **kwargs):
    out = io.StringIO()
    call_command(*args, stdout=out, **kwargs)
    return out.getvalue()


def test_ensure_admin_creates_the_account_once_and_prints_the_same_password(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_ADMIN_PASSWORD", raising=False)
    password_file = tmp_path / "admin-password.txt"
    first = _run("ensure_admin", password_file=str(password_file))
    password = password_file.read_text().strip()
    assert f"admin / {password}" in first
    assert oct(password_file.stat().st_mode & 0o777) == "0o600"

    second = _run("ensure_admin", password_file=str(password_file))
    assert f"admin / {password}" in second
    user = User.objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.check_password(password)
    assert User.objects.count() == 1


def test_ensure_admin_takes_the_password_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "chosen-by-the-operator")
    _run("ensure_admin", password_file=str(tmp_path / "pw.txt"))
    assert User.objects.get(username="admin").check_password("chosen-by-the-operator")
    assert not (tmp_path / "pw.txt").exists()


def test_ensure_admin_does_not_print_a_stale_password(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_ADMIN_PASSWORD", raising=False)
    password_file = tmp_path / "pw.txt"
    _run("ensure_admin", password_file=str(password_file))
    user = User.objects.get(username="admin")
    user.set_password("changed-in-the-admin")
    user.save()
    out = _run("ensure_admin", password_file=str(password_file))
    assert "was changed" in out
    assert User.objects.get(username="admin").check_password("changed-in-the-admin")
