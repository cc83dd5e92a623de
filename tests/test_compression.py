"""HTML, feeds and sitemaps leave the app gzipped for clients that accept it, and the page cache
keeps one copy for everyone."""

import gzip
import time

import pytest

from .conftest import forget_kept_copies
from .test_pages import anfield_report  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

URLS = ["/", "/2019/11/27/liverpool-napoli/", "/clubs/napoli/", "/feeds/latest/", "/sitemap-articles.xml",
        "/search/?q=mertens", "/no-such-page/"]  # fmt: skip


@pytest.mark.parametrize("url", URLS)
def test_pages_are_gzipped_for_clients_that_accept_it_and_plain_for_the_rest(client, anfield_report, url):  # noqa: F811
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    # The second request is a page-cache hit for public pages: compressed on the way out.
    zipped = client.get(url, headers={"accept-encoding": "br, gzip, deflate"})
    assert zipped.status_code == plain.status_code
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content)
    if "html" in plain["Content-Type"]:
        assert len(zipped.content) < len(plain.content) / 2, (len(zipped.content), len(plain.content))
    assert gzip.decompress(zipped.content) == plain.content


def test_a_cached_page_is_compressed_once_per_version_and_revalidates(client, anfield_report):  # noqa: F811
    accept = {"accept-encoding": "gzip"}
    first = client.get("/", headers=accept)
    assert first["ETag"].startswith('W/"')  # another representation of the page: a weak validator
    assert client.get("/", headers={**accept, "if-none-match": first["ETag"]}).status_code == 304
    assert client.get("/", headers=accept).content == first.content  # the kept copy
    anfield_report.headline = "Napoli hold out at Anfield"
    anfield_report.save()
    changed = client.get("/", headers=accept)
    assert "Napoli hold out at Anfield" in gzip.decompress(changed.content).decode()


def test_pictures_and_small_answers_are_not_compressed(client):
    response = client.get("/healthz", headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in response


def test_compression_can_be_left_to_the_proxy(client, settings, anfield_report):  # noqa: F811
    settings.NEWSROOM_COMPRESSION = False
    forget_kept_copies()
    assert "Content-Encoding" not in client.get("/", headers={"accept-encoding": "gzip"})


def test_a_reader_who_asks_for_no_compression_pays_almost_nothing_for_it(rf, anfield_report):  # noqa: F811
    from django.http import HttpResponse

    from newsroom.middleware import CompressionMiddleware

    page = b"<p>" + b"A long page of football. " * 2000 + b"</p>"

    def view(request):
        response = HttpResponse(page)
        response["ETag"], response["Cache-Control"] = '"v1"', "public, s-maxage=60"
        return response

    middleware, request = CompressionMiddleware(view), rf.get("/")
    started = time.perf_counter()
    for _ in range(2000):
        middleware(request)
    per_request = (time.perf_counter() - started) / 2000
    assert per_request < 100e-6, f"{per_request * 1e6:.0f} µs a request"  # a view alone is ~10 µs
