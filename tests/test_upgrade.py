"""A database made by the code from before the app split upgrades with `manage.py migrate`.

The fixture in tests/fixtures/upgrade/ is a SQLite database and its media made by commit 0c52038
(the demo, plus revisions, corrections, renames, a merge, uploads, a deleted article and the search
index), with what that code showed recorded in expected.json (see its README.md). Here the current
code migrates a copy of it, in a subprocess as a deployment would, and check_upgrade.py compares
rows, URLs, media, roles and revisions with the record.

Subprocesses, not the test database: the point is `migrate` on an existing file, with the project's
own settings (dev, on SQLite, a local cache so no Redis is needed), never the test settings' fresh
database.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "upgrade"
EXPECTED = FIXTURE / "expected.json"
CHECKER = FIXTURE / "check_upgrade.py"

_database_url = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    bool(_database_url) and not _database_url.startswith("sqlite"),
    reason="the upgrade fixture is a SQLite database; DATABASE_URL points at another database (PostgreSQL)",
)

# Whatever the shell points at (PostgreSQL, Redis, object storage) must not reach the upgrade.
_DROPPED = ["DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "MEDIA_STORAGE", "MEDIA_STORAGE_OPTIONS"]


def _run(env, *args):
    """Run the current code's Python with `args` from the repository root; fail with its output."""
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        command = " ".join(map(str, args))
        pytest.fail(f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """A copy of the old database and media, migrated once by the current code: its environment."""
    expected = json.loads(EXPECTED.read_text())
    work = tmp_path_factory.mktemp("upgrade")
    database, media = work / "db.sqlite3", work / "media"
    with gzip.open(FIXTURE / expected["database"]) as packed, open(database, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    with tarfile.open(FIXTURE / expected["media"]) as archive:
        archive.extractall(media, filter="data")

    env = {name: value for name, value in os.environ.items() if name not in _DROPPED}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings.dev",
        DJANGO_DEBUG="1",  # the dev media view answers /media/; static URLs need no manifest
        DJANGO_ALLOWED_HOSTS="testserver",
        SQLITE_PATH=str(database),
        MEDIA_ROOT=str(media),
    )
    _run(env, "manage.py", "migrate", "--noinput")
    return env


def _check(env, *checks):
    return _run(env, CHECKER, EXPECTED, "--only", ",".join(checks))


def test_database_from_before_the_app_split_upgrades_with_every_row_and_url(upgraded):
    # Rows per table (by the tables' names, which the split keeps), every image file, and every
    # public URL with its status, text and redirect.
    _check(upgraded, "rows", "media", "urls")


def test_writer_and_editor_keep_their_permissions_after_the_upgrade(upgraded):
    _check(upgraded, "groups")


def test_article_revisions_from_before_the_upgrade_still_read_back(upgraded):
    _check(upgraded, "revisions")


def test_upgraded_database_has_no_migration_left_to_apply_or_to_write(upgraded):
    again = _run(upgraded, "manage.py", "migrate", "--noinput")
    assert "No migrations to apply." in again, again
    _run(upgraded, "manage.py", "makemigrations", "--check", "--dry-run")
