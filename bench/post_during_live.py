"""Open a live blog on a bench match, post an entry every INTERVAL seconds for LIVE_SECONDS
(every fourth a goal, which writes the match record), and time how long each takes to show in
the poll and on the page of the server at BASE_URL. Run by bench/live.sh; writes "<page> <poll>"
to URLS_FILE once the blog exists, prints one line per entry and a summary, and removes the
blog and what it wrote once the readers have gone (bench/live.sh creates STOP_FILE when wrk ends).
Uses the same settings and database as the server.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, LiveEntry  # noqa: E402
from newsroom.delivery import purges  # noqa: E402
from newsroom.football.models import Match, Player  # noqa: E402

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8077")
DURATION = float(os.environ.get("LIVE_SECONDS", 60))
INTERVAL = float(os.environ.get("POST_EVERY", 5))
LIMIT = 5.0  # seconds an entry may take to reach readers


def fetch(path):
    with urllib.request.urlopen(f"{BASE_URL}{path}", timeout=5) as response:
        return response.read().decode()


def open_blog():
    match = Match.objects.select_related("home_club").order_by("-kickoff").first()
    if match is None:
        sys.exit("no match in the bench database")
    scorer = Player.objects.filter(club=match.home_club).first() or Player.objects.first()
    blog = Article.objects.create(
        headline=f"Live bench {int(time.time())}", slug=f"live-bench-{int(time.time())}",
        kind=Article.Kind.LIVE, match=match, body="", status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
    )  # fmt: skip
    return blog, match, scorer


def main():
    blog, match, scorer = open_blog()
    before = {name: getattr(match, name) for name in ("status", "home_score", "away_score")}
    poll = f"/live/{blog.pk}/entries/"
    # Readers arrive once the blog is on the site: until then both addresses are rightly 404s,
    # which wrk would count as errors of the run.
    for _ in range(100):
        try:
            fetch(poll), fetch(blog.get_absolute_url())
            break
        except urllib.error.HTTPError:
            time.sleep(0.1)
    Path(os.environ["URLS_FILE"]).write_text(f"{blog.get_absolute_url()} {poll}\n")
    delays, started, n = [], time.monotonic(), 0
    try:
        while time.monotonic() - started < DURATION - INTERVAL:
            n += 1
            cycle = time.monotonic()
            goal = n % 4 == 0 and scorer is not None
            entry = LiveEntry(article=blog, body=f"<p>Bench entry {n}</p>")
            if goal:
                entry.kind, entry.minute = "goal", min(90, n)
                entry.player, entry.club = scorer, match.home_club
            entry.save()
            posted = time.monotonic()
            seen = None
            while time.monotonic() - posted < 10:
                in_poll = entry.pk in json.loads(fetch(poll))["ids"]
                if in_poll and f"Bench entry {n}<" in fetch(blog.get_absolute_url()):
                    seen = time.monotonic() - posted
                    break
                time.sleep(0.05)
            delays.append(seen)
            kind = "goal" if goal else "entry"
            print(f"{kind} {n}: visible after {seen:.2f}s" if seen else f"{kind} {n}: not seen in 10s")
            time.sleep(max(0.0, INTERVAL - (time.monotonic() - cycle)))
        # The blog stays on the site until the readers have gone: removing it while wrk still
        # runs would answer its last requests with 404s that are the bench's own doing.
        stop_file = Path(os.environ.get("STOP_FILE", "var/live-stop"))
        waited = time.monotonic()
        while not stop_file.exists() and time.monotonic() - waited < 30:
            time.sleep(0.1)
    finally:
        with transaction.atomic():
            for entry in blog.entries.all():
                entry.delete()  # takes its goal off the record
            blog.delete()
            Match.objects.filter(pk=match.pk).update(**before)
            purges.purge(purges.tags_for(match))  # a bulk write purges what it wrote
    late = [d for d in delays if d is None or d > LIMIT]
    shown = [d for d in delays if d is not None]
    print(f"posted {len(delays)}, slowest {max(shown, default=0):.2f}s, over {LIMIT:.0f}s: {len(late)}")
    return 1 if late or not delays else 0


if __name__ == "__main__":
    sys.exit(main())
