"""Publish a report every INTERVAL seconds for DURATION seconds and time how long each takes to
reach the front page of the server at BASE_URL. Run by bench/spike.sh; prints one line per report
and a summary. Uses the same settings and database as the server under test.
"""

import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8077")
DURATION = float(os.environ.get("SPIKE_SECONDS", 60))
INTERVAL = float(os.environ.get("PUBLISH_EVERY", 5))
LIMIT = 2.0  # seconds a new report may take to reach the front page


def front_page():
    with urllib.request.urlopen(f"{BASE_URL}/", timeout=5) as response:
        return response.read().decode()


def main():
    delays = []
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < DURATION - INTERVAL:
        n += 1
        headline = f"Breaking: spike report {n} at {timezone.now():%H%M%S}"
        cycle = time.monotonic()
        Article.objects.create(
            headline=headline, slug=f"spike-{int(time.time())}-{n}", standfirst="Published under load.",
            body="<p>Published while readers pile in.</p>", status=Article.Status.PUBLISHED,
        )  # fmt: skip
        published = time.monotonic()
        seen = None
        while time.monotonic() - published < 10:
            if headline in front_page():
                seen = time.monotonic() - published
                break
            time.sleep(0.05)
        delays.append(seen)
        print(f"report {n}: on the front page after {seen:.2f}s" if seen else f"report {n}: not seen in 10s")
        time.sleep(max(0.0, INTERVAL - (time.monotonic() - cycle)))
    late = [d for d in delays if d is None or d > LIMIT]
    shown = [d for d in delays if d is not None]
    print(f"published {len(delays)}, slowest {max(shown):.2f}s, over {LIMIT:.0f}s: {len(late)}")
    Article.objects.filter(slug__startswith="spike-").delete()
    return 1 if late else 0


if __name__ == "__main__":
    sys.exit(main())
