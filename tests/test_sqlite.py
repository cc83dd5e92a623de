"""SQLite as the embedded default: two editors writing at once never see "database is locked".

Runs on a SQLite file of its own (not the test database), whatever engine the suite runs on, with
exactly the connection settings `make run` uses.
"""

import threading
import time

import pytest
from django.db import connections, transaction

from newsroom.settings.base import database_from_environment


@pytest.fixture
def sqlite_file(tmp_path, monkeypatch, django_db_blocker):
    """A connection alias to a fresh SQLite *file* with the settings `make run` uses."""
    monkeypatch.setenv("SQLITE_PATH", str(tmp_path / "newsroom.sqlite3"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_environment()
    alias = "embedded_sqlite"
    configured = connections.configure_settings({"default": config})["default"]
    connections.settings[alias] = configured
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE saves (editor TEXT, seen INTEGER)")
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_two_editors_saving_at_once_on_sqlite_never_see_database_is_locked(sqlite_file):
    errors = []
    start = threading.Barrier(2)

    def editor(name):
        try:
            start.wait()
            for _ in range(5):
                # Read then write in one transaction: the pattern that deadlocks under SQLite's
                # default deferred transactions and queues under IMMEDIATE ones.
                with transaction.atomic(using=sqlite_file):
                    with connections[sqlite_file].cursor() as cursor:
                        cursor.execute("SELECT COUNT(*) FROM saves")
                        seen = cursor.fetchone()[0]
                        time.sleep(0.02)
                        cursor.execute("INSERT INTO saves VALUES (%s, %s)", [name, seen])
        except Exception as exc:  # noqa: BLE001 — the test reports whatever went wrong
            errors.append(exc)
        finally:
            connections[sqlite_file].close()

    threads = [threading.Thread(target=editor, args=(name,)) for name in ("ada", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM saves")
        assert cursor.fetchone() == (10, 10)  # every save kept, each saw the one before it
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_each_connection_keeps_the_query_planners_statistics_up_to_date(sqlite_file):
    """Without ANALYZE statistics SQLite picked a whole-archive scan for a club's report count."""
    from newsroom import sqlite

    connection = connections[sqlite_file]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE reports (club INTEGER, day INTEGER)")
        cursor.execute("CREATE INDEX reports_club ON reports (club)")
        cursor.executemany("INSERT INTO reports VALUES (%s, %s)", [(n % 40, n) for n in range(2000)])
        cursor.execute("SELECT count(*) FROM reports WHERE club = 7 AND day > 10")
    sqlite.optimize_now_and_then()  # what every request's end does
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        assert ("reports",) in cursor.fetchall()
    analysed_at = connection.newsroom_optimized_at
    sqlite.optimize_now_and_then()
    assert connection.newsroom_optimized_at == analysed_at  # not again within the hour
