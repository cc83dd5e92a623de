"""Open a live blog on a bench match, and post an entry every INTERVAL seconds for LIVE_SECONDS
through the admin's live desk over HTTP, as an editor does (every fourth a goal, which writes the
match record); time how long each takes to show in the poll and on the page of the server at
BASE_URL. Run by bench/live.sh; writes "<page> <poll>" to URLS_FILE once the blog exists, prints
one line per entry and a summary, and removes the blog, what it wrote and its editor once the
readers have gone (bench/live.sh creates STOP_FILE when wrk ends). Uses the same settings and
database as the server.
"""

import json
import os
import re
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
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


class Editor:
    """An editor's browser on the admin: a session, its CSRF token, and the request headers of a
    site behind an HTTPS proxy (the production settings' cookies are Secure, and the proxy says
    https with X-Forwarded-Proto), without following redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, username, password):
        self.cookies = {}
        self.opener = urllib.request.build_opener(self._NoRedirect)
        form = self.get("/admin/login/")
        self.post("/admin/login/", {"username": username, "password": password, "next": "/admin/",
                                    "csrfmiddlewaretoken": _token(form)}, expect=302)  # fmt: skip

    def _request(self, path, data=None):
        origin = "https://" + urllib.parse.urlsplit(BASE_URL).netloc
        headers = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": origin + path,
                   "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}  # fmt: skip
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"{BASE_URL}{path}", data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:  # a redirect (not followed) or a refusal
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.read().decode()

    def get(self, path):
        status, html = self._request(path)
        if status != 200:
            sys.exit(f"GET {path} answered {status}")
        return html

    def post(self, path, data, expect=302):
        status, html = self._request(path, data)
        if status != expect:
            errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
            sys.exit(f"POST {path} answered {status}, not {expect}: {errors or html[:300]}")
        return html


def _token(html):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not found:
        sys.exit("no CSRF token on the admin page")
    return found[1]


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
    password = secrets.token_urlsafe(16)
    editor_user = User.objects.create_superuser(f"live-bench-{blog.pk}", password=password)
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
    desk = f"/admin/articles/article/{blog.pk}/live/"
    delays, posting, started, n = [], [], time.monotonic(), 0
    try:
        editor = Editor(editor_user.username, password)
        while time.monotonic() - started < DURATION - INTERVAL:
            n += 1
            cycle = time.monotonic()
            goal = n % 4 == 0 and scorer is not None
            # As the desk does: the form (its token, the minute it offers), then the post.
            fields = {"csrfmiddlewaretoken": _token(editor.get(desk)), "body": f"<p>Bench entry {n}</p>",
                      "kind": LiveEntry.Kind.UPDATE, "added_time": 0}  # fmt: skip
            if goal:
                fields.update(kind="goal", minute=min(90, n), player=scorer.pk, club=match.home_club_id)
            editor.post(desk, fields)
            posted = time.monotonic()
            posting.append(posted - cycle)
            entry = LiveEntry.objects.filter(article=blog).order_by("-pk").first()
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
            editor_user.delete()
            Match.objects.filter(pk=match.pk).update(**before)
            purges.purge(purges.tags_for(match))  # a bulk write purges what it wrote
    late = [d for d in delays if d is None or d > LIMIT]
    shown = [d for d in delays if d is not None]
    print(f"posted {len(delays)} through the desk (form and post: slowest {max(posting, default=0):.2f}s),"
          f" slowest to readers {max(shown, default=0):.2f}s, over {LIMIT:.0f}s: {len(late)}")  # fmt: skip
    return 1 if late or not delays else 0


if __name__ == "__main__":
    sys.exit(main())
