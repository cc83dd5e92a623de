"""A cache server that hangs, restarts empty or restarts from an old snapshot never makes readers
see an edited page's old version as fresh, and a hung one does not make them wait.

Each test starts a real Redis of its own (Debian's redis-server, on a free port, with its own
snapshot file) and stops, freezes or restarts it. The shared Redis of the suite is not touched.
"""

import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.test import override_settings

from newsroom.delivery import purges, store

from ..conftest import forget_kept_copies, make_article, require_service

pytestmark = pytest.mark.django_db(transaction=True)


class RedisServer:
    """A redis-server process in `folder`, saving to folder/dump.rdb only when told to."""

    def __init__(self, folder):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = None

    def start(self, from_snapshot=True):
        if not from_snapshot and (self.folder / "dump.rdb").exists():
            (self.folder / "dump.rdb").unlink()
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            if self.cli("PING") == "PONG":
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def cli(self, *args):
        done = subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True)
        return done.stdout.strip()

    def snapshot(self):
        assert self.cli("SAVE") == "OK"

    def stop(self):
        self.cli("SHUTDOWN", "NOSAVE")
        self.process.wait(timeout=10)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    @property
    def caches(self):
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{self.port}/0",
                "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
            }
        }


@pytest.fixture
def redis_server(tmp_path):
    installed = shutil.which("redis-server") and shutil.which("redis-cli")
    require_service(installed, "redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    with override_settings(CACHES=server.caches):
        forget_kept_copies()
        yield server
    if server.process.poll() is None:
        server.thaw()
        server.stop()


def _edit(article, headline):
    article.headline = headline
    article.save()  # outside a transaction: purged at once, and the purge clock moves


def _page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_cache_restarted_empty_keeps_no_old_page(client, redis_server):
    article = make_article(headline="Before the restart")
    assert "Before the restart" in _page(client, article)
    redis_server.stop()
    redis_server.start(from_snapshot=False)
    _edit(article, "After the restart")
    assert "After the restart" in _page(client, article)


def test_a_cache_restored_from_an_old_snapshot_is_caught_by_the_purge_clock(client, redis_server):
    article = make_article(headline="In the snapshot")
    assert "In the snapshot" in _page(client, article)
    _page(client, article)  # kept: in Redis and in this process
    redis_server.snapshot()
    _edit(article, "Edited after the snapshot")
    assert "Edited after the snapshot" in _page(client, article)
    # The server comes back from the snapshot: the old counter, and the page as it was kept then.
    redis_server.stop()
    redis_server.start(from_snapshot=True)
    assert "Edited after the snapshot" in _page(client, article)


def test_a_restored_cache_that_no_process_saw_is_caught_at_the_periodic_look(client, redis_server):
    article = make_article(headline="In the snapshot")
    _page(client, article)
    redis_server.snapshot()
    _edit(article, "Edited after the snapshot")
    _page(client, article)
    redis_server.stop()
    redis_server.start(from_snapshot=True)
    # A process that never saw a newer counter (a new worker, say) has no reason to doubt the
    # cache until its periodic look at the clock is due.
    purges.trust_the_cache()
    forget_kept_copies_here_only()
    purges.doubt_the_cache()  # CLOCK_SECONDS have passed
    assert "Edited after the snapshot" in _page(client, article)


def forget_kept_copies_here_only():
    from newsroom.delivery import fragments, pagecache

    fragments.local_copies.clear()
    pagecache.local_pages.clear()


def test_a_hung_cache_costs_one_timeout_and_misses_no_purge(client, redis_server):
    article = make_article(headline="Before the hang")
    assert "Before the hang" in _page(client, article)
    redis_server.freeze()
    started = time.monotonic()
    assert "Before the hang" in _page(client, article)  # rendered from the database
    # Every cache call of the request after the first failure is skipped, not waited for.
    assert time.monotonic() - started < 1.5
    _edit(article, "Edited during the hang")  # its purge cannot reach the cache
    assert "Edited during the hang" in _page(client, article)
    redis_server.thaw()
    time.sleep(store.BREAK_SECONDS)
    # Back: the cache still holds the old page with the versions it had, but this process's
    # failed calls make it compare the counter with the clock first.
    assert "Edited during the hang" in _page(client, article)
    assert "Edited during the hang" in _page(client, article)


def test_the_purge_clock_moves_with_each_committed_purge():
    from newsroom.delivery.models import PurgeClock

    # A flushed database (these tests are transactional) has lost the row: a purge writes it again.
    before = PurgeClock.objects.filter(pk=1).values_list("version", flat=True).first() or 0
    make_article(headline="A purge")
    after = PurgeClock.objects.get(pk=1).version
    assert after > before
    assert abs(after - time.time_ns()) < 60 * 10**9  # a time, in nanoseconds
