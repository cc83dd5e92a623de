"""Purging the edge: telling the HTTP caches in front of the site which tags changed.

Every public response names what it shows in a `Surrogate-Key` header (space-separated tags such
as `article-5 club-12 list-front`). When content changes, the project calls `purge_tags(tags)`
once per committed transaction; the configured backend then tells each cache to drop every object
that carries any of those tags.

    NEWSROOM_EDGE = {
        "BACKEND": "newsroom.delivery.edge.VarnishEdge",
        "OPTIONS": {"urls": ["http://127.0.0.1:6081/"], "timeout": 2},
    }

Without the setting the backend is `NoEdge`, which does nothing (no cache in front, or a CDN that
only honours `s-maxage`). `VarnishEdge` speaks to `newsroom/delivery/varnish.vcl`: one `BAN`
request per Varnish, the tags in a `Surrogate-Key` request header.

A purge never raises: it runs after the editor's transaction has committed, so an unreachable
cache must cost at most `timeout` seconds and a log line, never a failed save. Tags are checked
against a small charset before they are sent, because the VCL turns them into a regular
expression and they travel in a header: nothing from a tag may become regex syntax or a new
header line.
"""

import http.client
import logging
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)

# Letters, digits, "-", "_" and ":" only: none of them means anything in a PCRE pattern or in an
# HTTP header, so a tag can be pasted into both as it is. The VCL checks the same charset again.
TAG_PATTERN = re.compile(r"[A-Za-z0-9_:-]{1,128}")
# Varnish refuses request headers over http_req_hdr_len (8 KB by default); a change touching
# thousands of tags goes out as several bans rather than one that is refused.
MAX_HEADER_CHARS = 4000


def clean_tags(tags):
    """The valid tags in `tags`, sorted; invalid ones are logged and left out."""
    if isinstance(tags, str):
        # A single string would otherwise be taken apart character by character.
        tags = tags.split()
    valid = set()
    for tag in tags:
        if isinstance(tag, str) and TAG_PATTERN.fullmatch(tag):
            valid.add(tag)
        else:
            log.error("edge purge: refusing tag %r (allowed: letters, digits, '-', '_', ':')", tag)
    return sorted(valid)


def _batches(tags, limit=MAX_HEADER_CHARS):
    batch, length = [], 0
    for tag in tags:
        if batch and length + 1 + len(tag) > limit:
            yield batch
            batch, length = [], 0
        batch.append(tag)
        length += len(tag) + 1
    if batch:
        yield batch


class EdgeBackend:
    """Something in front of the site that can drop what it keeps, by tag."""

    def purge(self, tags: set[str]) -> None:
        raise NotImplementedError


class NoEdge(EdgeBackend):
    """No cache to tell: pages at the edge simply live out their `s-maxage`."""

    def purge(self, tags: set[str]) -> None:
        return None


class VarnishEdge(EdgeBackend):
    """`BAN` by tag to one or more Varnish servers running newsroom/delivery/varnish.vcl."""

    method = "BAN"
    # The VCL reads the tags to ban from the same header name the pages carry them in.
    header = "Surrogate-Key"

    def __init__(self, urls, timeout=2):
        if isinstance(urls, str):
            urls = [urls]
        self.timeout = float(timeout)
        self.targets = [self._parse(url) for url in urls]

    @staticmethod
    def _parse(url):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(f"NEWSROOM_EDGE: not an http(s) URL for Varnish: {url!r}")
        return parts.scheme, parts.hostname, parts.port, parts.path or "/", url

    def purge(self, tags: set[str]) -> None:
        batches = list(_batches(clean_tags(tags)))
        if not batches or not self.targets:
            return
        if len(self.targets) == 1:
            self._purge_one(self.targets[0], batches)
            return
        # In parallel, so several dead servers still cost one timeout, not one each.
        with ThreadPoolExecutor(max_workers=len(self.targets), thread_name_prefix="edge-purge") as pool:
            for target in self.targets:
                pool.submit(self._purge_one, target, batches)

    def _purge_one(self, target, batches):
        scheme, host, port, path, url = target
        connection_class = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        connection = connection_class(host, port, timeout=self.timeout)
        try:
            for batch in batches:
                connection.request(self.method, path, headers={self.header: " ".join(batch)})
                response = connection.getresponse()
                # Read to the end, so the next batch can reuse the connection.
                response.read()
                if response.status != 200:
                    log.warning("edge purge: %s answered %s %s to a ban of %d tags",
                                url, response.status, response.reason, len(batch))  # fmt: skip
                else:
                    log.debug("edge purge: %s banned %s", url, " ".join(batch))
        except Exception as exc:  # noqa: BLE001 — a dead or odd cache must never fail the save
            log.warning("edge purge: %s unreachable (%s); its pages live out their s-maxage", url, exc)
        finally:
            connection.close()


# ---------------------------------------------------------------------------------------------
# The configured backend, built once per process.

_backend = None
_backend_lock = threading.Lock()


def _build_backend():
    config = getattr(settings, "NEWSROOM_EDGE", None) or {}
    path = config.get("BACKEND", "newsroom.delivery.edge.NoEdge")
    try:
        backend_class = import_string(path)
    except ImportError as exc:
        raise ImproperlyConfigured(f"NEWSROOM_EDGE['BACKEND']: cannot import {path!r}") from exc
    return backend_class(**config.get("OPTIONS", {}))


def get_backend() -> EdgeBackend:
    """The backend NEWSROOM_EDGE names (NoEdge without it). Raises ImproperlyConfigured."""
    global _backend
    if _backend is None:
        with _backend_lock:
            if _backend is None:
                _backend = _build_backend()
    return _backend


@receiver(setting_changed)
def _forget_backend(setting, **kwargs):
    # Tests point NEWSROOM_EDGE at a Varnish of their own; the next purge must see it.
    global _backend
    if setting == "NEWSROOM_EDGE":
        _backend = None


def purge_tags(tags) -> None:
    """Drop every page at the edge that shows any of `tags`. Never raises."""
    try:
        valid = set(clean_tags(tags))
        if valid:
            get_backend().purge(valid)
    except Exception:  # noqa: BLE001 — the content is committed; a failed purge is only logged
        log.exception("edge purge failed")
