"""Management commands: safe to run twice, clear about what they did."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

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


def test_seed_bench_is_deterministic_realistic_and_searchable():
    from articles.body import html_to_text
    from articles.models import Article
    from newsroom.football.models import Goal
    from newsroom.search.engine import search_articles

    def seed(*extra):
        call_command("seed_bench", "--reports", "30", "--clubs", "6", "--players", "24", *extra,
                     stdout=io.StringIO())  # fmt: skip
        reports = Article.objects.filter(slug__startswith="bench-").order_by("slug")
        return reports, [(a.slug, a.headline, a.body) for a in reports]

    reports, first = seed()
    assert reports.count() == 30 and all(a.is_published() for a in reports)
    for article in reports.prefetch_related("clubs", "players"):
        words = len(html_to_text(article.body).split())
        assert 500 <= words <= 800 and article.body.count("<h2>") == 4
        assert 3 <= len(article.clubs.all()) + len(article.players.all()) <= 15
        assert article.match.home_score is not None
    assert Goal.objects.filter(match__articles__in=reports).exists()
    assert search_articles(reports[0].headline).ids  # indexed without a separate step

    with pytest.raises(CommandError):
        seed()  # never on top of an earlier run without --replace
    assert seed("--replace")[1] == first  # the same arguments give the same reports
