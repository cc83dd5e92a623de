"""Varnish in front of the site, for real: newsroom/delivery/varnish.vcl and edge.py.

Two levels:

- *mechanics*: the VCL and VarnishEdge against a tiny backend of our own, so a failure here is the
  edge's and nothing else's;
- *end to end*: the app under pytest-django's live server behind Varnish, NEWSROOM_EDGE pointing
  at it: an editor's save reaches readers through Varnish within two seconds, and pages the save
  did not touch stay cached. This needs the app's Surrogate-Key headers and its purge_tags() calls.
"""

import datetime
import itertools
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from articles.models import Article
from newsroom.delivery import edge

from ..conftest import make_article, make_club
from .varnish import free_port, poll, start_varnish

_unique = itertools.count(1)


def unique(prefix):
    """A tag or path of this test's own: the mechanics share one Varnish, and bans are global."""
    return f"{prefix}-{next(_unique)}"


# ---------------------------------------------------------------------------------------------
# A backend of our own: every answer counts how often its path was fetched.


class CountingBackend(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), CountingHandler)
        self.counts = {}
        self.lock = threading.Lock()

    def count(self, path):
        with self.lock:
            self.counts[path] = self.counts.get(path, 0) + 1
            return self.counts[path]


class CountingHandler(BaseHTTPRequestHandler):
    """GET /any/path?tags=a+b[&cc=...][&cookie=1]: the tags in Surrogate-Key, the fetch count in the body."""

    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        n = self.server.count(self.path)
        body = f"{self.path} fetch {n}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", query.get("cc", ["public, s-maxage=300"])[0])
        if "tags" in query:
            self.send_header("Surrogate-Key", query["tags"][0])
        if "cookie" in query:
            self.send_header("Set-Cookie", "sessionid=abc; HttpOnly; Path=/")
        # What the request's cookies were, so the cookie rules can be seen from outside.
        self.send_header("X-Seen-Cookie", self.headers.get("Cookie", "-"))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.do_GET()

    def log_message(self, *args):
        pass  # keep pytest's output to failures


@pytest.fixture(scope="module")
def backend():
    server = CountingBackend()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def varnish(backend):
    host, port = backend.server_address[:2]
    with start_varnish(host, port) as running:
        yield running


def page(*tags, **params):
    """A path of its own on the backend, answering with these tags."""
    if tags:
        params = {"tags": " ".join(tags), **params}
    return f"/{unique('page')}/?{urllib.parse.urlencode(params)}"


def warm(varnish, path):
    """Fetch twice: the first a MISS, the second a HIT of the same body."""
    first, second = varnish.get(path), varnish.get(path)
    assert (first.status, first.cache) == (200, "MISS"), (first, varnish.log_text())
    assert (second.cache, second.body) == ("HIT", first.body)
    return first


# ---------------------------------------------------------------------------------------------
# Mechanics


def test_mechanics_second_get_is_a_hit(varnish):
    path = page(unique("club"))
    first = warm(varnish, path)
    assert first.body.endswith("fetch 1\n")


def test_mechanics_ban_drops_pages_with_the_tag_and_keeps_the_rest(varnish):
    club, other, article = unique("club"), unique("club"), unique("article")
    tagged = page(club, "list-front")
    # A tag that merely starts with the banned one is another tag and must survive.
    prefixed = page(f"{club}0", other)
    untagged = page(article)
    before = warm(varnish, tagged)
    warm(varnish, prefixed)
    warm(varnish, untagged)

    answer = varnish.ban(f"{club} unused-tag")
    assert answer.status == 200, answer

    after = poll(lambda: varnish.get(tagged), lambda r: r.cache == "MISS")
    assert after.cache == "MISS" and after.body != before.body, after
    assert after.body.endswith("fetch 2\n")
    assert varnish.get(prefixed).cache == "HIT"
    assert varnish.get(untagged).cache == "HIT"
    # Cached again straight away.
    assert varnish.get(tagged).cache == "HIT"


def test_mechanics_ban_matches_a_tag_anywhere_in_the_header(varnish):
    first, middle, last = unique("player"), unique("match:round"), unique("list")
    for tag in (first, middle, last):
        # A page of its own each time: a ban only touches objects stored before it.
        path = page(first, middle, last)
        warm(varnish, path)
        assert varnish.ban(tag).status == 200
        assert poll(lambda p=path: varnish.get(p), lambda r: r.cache == "MISS").cache == "MISS", tag


def test_mechanics_ban_from_outside_the_purger_acl_is_refused(varnish):
    club = unique("club")
    path = page(club)
    warm(varnish, path)
    # 127.0.0.2 is this machine too, but not in the VCL's `purgers` ACL (127.0.0.1, ::1).
    refused = varnish.ban(club, source="127.0.0.2")
    assert refused.status == 403, refused
    # From an allowed address, but relayed by a proxy (a TLS proxy on this machine): refused too.
    relayed = varnish.request("BAN", "/", headers={"Surrogate-Key": club, "X-Forwarded-For": "203.0.113.9"})
    assert relayed.status == 403, relayed
    assert varnish.get(path).cache == "HIT"


@pytest.mark.parametrize(
    "tags",
    [".*", "club-1|.*", "(^|x)", "club-1\\s", "", " ", "club-1,club-2", "club/1", "clüb-1", "club-1 +"],
)
def test_mechanics_ban_with_bad_tags_is_refused(varnish, tags):
    path = page(unique("club"))
    warm(varnish, path)
    refused = varnish.ban(tags)
    assert refused.status == 400, refused
    assert varnish.get(path).cache == "HIT"


def test_mechanics_ban_without_tags_is_refused(varnish):
    assert varnish.request("BAN", "/").status == 400


def test_mechanics_other_purge_methods_are_refused(varnish):
    assert varnish.request("PURGE", "/").status == 405


@pytest.mark.parametrize(
    "params",
    [{"cookie": "1"}, {"cc": "private, max-age=60"}, {"cc": "no-store"}, {"cc": "private, no-cache"},
     {"cc": "public, max-age=0, s-maxage=0"}],
    ids=["set-cookie", "private", "no-store", "no-cache", "no-lifetime"],
)  # fmt: skip
def test_mechanics_personal_or_unstorable_answers_are_never_cached(varnish, params):
    path = page(unique("club"), **params)
    bodies = [varnish.get(path) for _ in range(3)]
    assert [r.cache for r in bodies] == ["MISS"] * 3
    assert [r.body.rsplit(" ", 1)[1] for r in bodies] == ["1\n", "2\n", "3\n"]


def test_mechanics_editors_and_the_admin_pass(varnish):
    path = page(unique("club"))
    warm(varnish, path)
    for cookie in ("sessionid=abc", "csrftoken=x; messages=y"):
        passed = varnish.get(path, {"Cookie": cookie})
        assert passed.cache == "PASS", cookie
        # A pass keeps its cookies: the app must see who the editor is.
        assert passed.headers["X-Seen-Cookie"] == cookie
    admin = f"/admin/{unique('x')}/?tags=admin"
    assert [varnish.get(admin).cache for _ in range(2)] == ["PASS", "PASS"]
    assert varnish.request("POST", path).cache == "PASS"


def test_mechanics_other_cookies_are_dropped_and_the_page_shared(varnish):
    path = page(unique("club"))
    warm(varnish, path)
    hit = varnish.get(path, {"Cookie": "csrftoken=abc; consent=yes"})
    assert hit.cache == "HIT"
    assert hit.headers["X-Seen-Cookie"] == "-"


def test_mechanics_tags_are_hidden_unless_asked_for(varnish):
    club = unique("club")
    path = page(club)
    assert varnish.get(path).headers["Surrogate-Key"] == club
    assert "Surrogate-Key" not in varnish.request("GET", path).headers


def test_mechanics_clients_cannot_set_tags(varnish):
    path = f"/{unique('page')}/"  # the backend sends no Surrogate-Key here
    response = varnish.get(path, {"Surrogate-Key": "forged"})
    assert "Surrogate-Key" not in response.headers


def test_mechanics_varnish_edge_bans_by_tag(varnish):
    club, kept = unique("club"), unique("club")
    path, other = page(club), page(kept)
    warm(varnish, path)
    warm(varnish, other)
    edge.VarnishEdge([varnish.url]).purge({club})
    assert poll(lambda: varnish.get(path), lambda r: r.cache == "MISS").cache == "MISS"
    assert varnish.get(other).cache == "HIT"


def test_mechanics_a_purge_of_thousands_of_tags_goes_out_in_several_bans(varnish):
    # Sorted first and last, so the first and the last ban both have to arrive.
    first, last = unique("aa"), unique("zz")
    paths = [page(first), page(last)]
    for path in paths:
        warm(varnish, path)
    many = {f"player-{n:06d}-{first}" for n in range(1500)} | {first, last}
    assert len(list(edge._batches(sorted(many)))) > 2
    edge.VarnishEdge([varnish.url]).purge(many)
    for path in paths:
        assert poll(lambda p=path: varnish.get(p), lambda r: r.cache == "MISS").cache == "MISS", path


def test_mechanics_purge_tags_uses_the_setting(varnish, settings):
    club = unique("club")
    path = page(club)
    warm(varnish, path)
    settings.NEWSROOM_EDGE = {
        "BACKEND": "newsroom.delivery.edge.VarnishEdge",
        "OPTIONS": {"urls": [varnish.url]},
    }
    assert isinstance(edge.get_backend(), edge.VarnishEdge)
    edge.purge_tags({club})
    assert poll(lambda: varnish.get(path), lambda r: r.cache == "MISS").cache == "MISS"


def test_mechanics_bad_tags_never_leave_the_app(varnish, caplog):
    club, kept = unique("club"), unique("club")
    path, other = page(club), page(kept)
    warm(varnish, path)
    warm(varnish, other)
    # Injection attempts are dropped before anything is sent, so the VCL (which refuses a ban with
    # any bad tag in it) still receives, and applies, the good one.
    edge.VarnishEdge([varnish.url]).purge({".*", "a\r\nX-Evil: 1", f"{kept}|x", "", None, club})
    assert poll(lambda: varnish.get(path), lambda r: r.cache == "MISS").cache == "MISS"
    assert varnish.get(other).cache == "HIT"
    assert "refusing tag" in caplog.text
    cleaned = edge.clean_tags({".*", "a\r\nX-Evil: 1", "x|y", "match:7", "list_front"})
    assert cleaned == ["list_front", "match:7"]


def test_mechanics_without_the_setting_nothing_is_sent(settings):
    settings.NEWSROOM_EDGE = None
    assert isinstance(edge.get_backend(), edge.NoEdge)
    edge.purge_tags({"club-1"})


def test_mechanics_a_dead_varnish_never_fails_or_holds_up_a_save(caplog):
    dead = f"http://127.0.0.1:{free_port()}/"
    # Accepts connections and never answers: the slow kind of dead.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        hung = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        started = time.monotonic()
        edge.VarnishEdge([dead], timeout=0.5).purge({"club-1"})
        assert time.monotonic() - started < 0.5
        started = time.monotonic()
        # In parallel: two hung servers cost one timeout, not two.
        edge.VarnishEdge([hung, hung, dead], timeout=0.5).purge({"club-1", "list-front"})
        assert time.monotonic() - started < 0.9
    finally:
        silent.close()
    assert "unreachable" in caplog.text


def test_mechanics_a_misconfigured_backend_never_fails_a_save(settings, caplog):
    settings.NEWSROOM_EDGE = {"BACKEND": "newsroom.delivery.edge.NoSuchEdge"}
    edge.purge_tags({"club-1"})
    assert "edge purge failed" in caplog.text


# ---------------------------------------------------------------------------------------------
# End to end: the app behind Varnish. The acceptance test of the delivery work.


@pytest.fixture
def app_varnish(live_server, settings):
    with start_varnish(live_server.thread.host, live_server.thread.port) as running:
        settings.NEWSROOM_EDGE = {
            "BACKEND": "newsroom.delivery.edge.VarnishEdge",
            "OPTIONS": {"urls": [running.url]},
        }
        yield running


def test_end_to_end_a_save_reaches_readers_through_varnish_and_spares_the_rest(app_varnish):
    varnish = app_varnish
    club_a = make_club("Alderley Rovers")
    club_b = make_club("Bramhall United")
    make_article(headline="Rovers edge a tight one").clubs.add(club_a)
    make_article(headline="United hold firm").clubs.add(club_b)
    page_a, page_b = club_a.get_absolute_url(), club_b.get_absolute_url()

    for path, name in ((page_a, "Alderley Rovers"), (page_b, "Bramhall United"), ("/", "Rovers edge")):
        first, second = varnish.get(path), varnish.get(path)
        assert first.status == 200 and name in first.body, (path, first.status)
        assert second.cache == "HIT", (path, second.headers)
        assert second.headers.get("Surrogate-Key"), f"{path} carries no Surrogate-Key header"
    b_before = varnish.get(page_b)

    club_a.name = "Alderley Rovers Reborn"
    club_a.save()

    renamed = poll(lambda: varnish.get(page_a), lambda r: "Alderley Rovers Reborn" in r.body)
    assert "Alderley Rovers Reborn" in renamed.body, (
        f"club page still old through Varnish after 2 s (X-Cache {renamed.cache}, "
        f"Surrogate-Key {renamed.headers.get('Surrogate-Key')!r})"
    )
    b_after = varnish.get(page_b)
    assert b_after.cache == "HIT" and b_after.body == b_before.body, (
        "club B's page was purged by a change to club A "
        f"(X-Cache {b_after.cache}, Surrogate-Key {b_after.headers.get('Surrogate-Key')!r})"
    )

    # An editor's draft, tagged, then published: the publish is the change readers must see.
    report = make_article(
        headline="Reborn Rovers win the derby", status=Article.Status.DRAFT, published_at=None
    )
    report.clubs.add(club_a)
    report.status = Article.Status.PUBLISHED
    report.published_at = timezone.now() - datetime.timedelta(minutes=1)
    report.save()

    front = poll(lambda: varnish.get("/"), lambda r: "Reborn Rovers win the derby" in r.body)
    assert "Reborn Rovers win the derby" in front.body, (
        f"new report not on the front page through Varnish after 2 s (X-Cache {front.cache}, "
        f"Surrogate-Key {front.headers.get('Surrogate-Key')!r})"
    )
