"""Scale check: p50 render time and query count of the front, club, player and search pages,
uncached, measured in-process against the database the environment points at.

Run it once against a small and once against a large seed_bench database and compare:

    SQLITE_PATH=var/bench.sqlite3 .venv/bin/python bench/scale.py
    SQLITE_PATH=var/bench-100k.sqlite3 .venv/bin/python bench/scale.py

(with the production environment of bench/common.sh). The page cache is switched off. Each page
is measured twice: with rendered fragments kept (articles/fragments.py; "kept") and without them
("bare": every request renders everything from the database). Prints one line per page and mode,
and the queries the first (cold) render ran.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["NEWSROOM_PAGE_CACHE"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache, caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from articles.models import Article  # noqa: E402
from newsroom.football.models import Club, Player  # noqa: E402

RUNS = int(os.environ.get("RUNS", 30))


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def busiest(model):
    entities = model.objects.filter(slug__startswith="bench-")
    return entities.annotate(n=Count("tagged_articles")).order_by("-n")[0]


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    pages = {
        "front": "/",
        "club": busiest(Club).get_absolute_url(),
        "player": busiest(Player).get_absolute_url(),
        # A word in most reports' bodies (the worst case), then what readers type: a club, a player.
        "search": "/search/?q=header",
        "s-club": f"/search/?q={busiest(Club).name.split()[0]}",
        "s-player": f"/search/?q={busiest(Player).name.split()[-1]}",
        "article": Article.objects.filter(slug__startswith="bench-").order_by("pk")[0].get_absolute_url(),
    }
    reports = Article.objects.filter(slug__startswith="bench-").count()
    print(f"{reports} reports, {Club.objects.count()} clubs, {Player.objects.count()} players")
    print(f"{'page':8} {'mode':6} {'status':>6} {'p50 ms':>8} {'queries':>8}")
    for mode in ("kept", "bare"):
        settings.NEWSROOM_CACHE["FRAGMENTS_ENABLED"] = mode == "kept"
        for name, url in pages.items():
            cache.clear()
            caches["fragments"].clear()
            # Counted with a wrapper: the test client's request_started signal resets Django's own log.
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                response = client.get(url)
            if response.status_code != 200:
                print(f"{name:8} {mode:6} {response.status_code:>6}  skipped")
                continue
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            print(f"{name:8} {mode:6} {200:>6} {statistics.median(timings):8.1f} {queries.count:>8}")


if __name__ == "__main__":
    main()
