"""The page cache: anonymous pages come from the cache, and the cache never shows what is not so."""

import datetime
import os
import threading
import time

import pytest
from django.contrib.auth.models import Permission, User
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils import timezone

from articles.models import Article
from newsroom.delivery import fragments, pagecache

from .conftest import make_article, make_author, make_club, make_match, make_player, require_service

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.content.decode()


def test_second_anonymous_visit_is_served_without_touching_the_database(client, django_assert_num_queries):
    article = make_article(headline="Salah settles it late")
    first, _ = _get(client, "/")
    assert first.status_code == 200
    assert _get(client, article.get_absolute_url())[0].status_code == 200
    with django_assert_num_queries(0):
        again, page = _get(client, "/")
        article_again, _ = _get(client, article.get_absolute_url())
    assert "Salah settles it late" in page
    assert article_again.status_code == 200


def test_publishing_shows_on_the_front_club_player_and_author_pages_at_once(client):
    club, player, author = make_club("Napoli"), make_player("Dries Mertens"), make_author("Ada Byline")
    pages = ["/", club.get_absolute_url(), player.get_absolute_url(), author.get_absolute_url()]
    for url in pages:
        assert client.get(url).status_code == 200  # now cached, without the new report

    article = make_article(headline="Mertens breaks the record", status=Article.Status.DRAFT)
    article.clubs.add(club)
    article.players.add(player)
    article.authors.add(author)
    for url in pages:
        assert "Mertens breaks the record" not in client.get(url).content.decode(), url

    article.status = Article.Status.PUBLISHED
    article.save()
    for url in pages:
        assert "Mertens breaks the record" in client.get(url).content.decode(), url


def test_editing_unpublishing_and_deleting_are_seen_at_once(client):
    article = make_article(headline="A draw at Anfield")
    url = article.get_absolute_url()
    assert "A draw at Anfield" in _get(client, url)[1]
    assert "A draw at Anfield" in _get(client, "/")[1]

    article.headline = "A late draw at Anfield"
    article.save()
    assert "A late draw at Anfield" in _get(client, url)[1]
    assert "A late draw at Anfield" in _get(client, "/")[1]

    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(url).status_code in (404, 410)
    assert "A late draw at Anfield" not in _get(client, "/")[1]

    article.status = Article.Status.PUBLISHED
    article.save()
    assert client.get(url).status_code == 200
    article.delete()
    assert client.get(url).status_code in (404, 410)  # gone, whichever way the site says it
    assert "A late draw at Anfield" not in _get(client, "/")[1]


def test_tagging_a_player_shows_the_report_on_the_players_page(client):
    player = make_player("Kalidou Koulibaly")
    article = make_article(headline="Koulibaly stands tall")
    assert "Koulibaly stands tall" not in _get(client, player.get_absolute_url())[1]
    article.players.add(player)
    assert "Koulibaly stands tall" in _get(client, player.get_absolute_url())[1]


def test_a_match_result_change_is_seen_on_the_club_page(client):
    match = make_match(score=(1, 0))
    club_url = match.home_club.get_absolute_url()
    assert "1–0" in _get(client, club_url)[1]
    match.home_score, match.away_score = 2, 0
    match.save()
    assert "2–0" in _get(client, club_url)[1]


def test_a_scheduled_report_appears_at_its_time_without_any_job(client):
    make_article(headline="Old news")
    due = timezone.now() + datetime.timedelta(seconds=2)
    make_article(headline="Team news at the stroke of the hour", published_at=due)

    response, page = _get(client, "/")
    assert "Team news at the stroke of the hour" not in page
    # Neither our copy nor a CDN's may outlive the scheduled time.
    assert response.headers["Cache-Control"].count("s-maxage=") == 1
    s_maxage = int(response.headers["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert s_maxage <= 2

    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.1)
    assert "Team news at the stroke of the hour" in _get(client, "/")[1]


def test_pages_carry_cdn_headers_and_answer_conditional_requests_with_304(client):
    article = make_article()
    for attempt in ("miss", "hit"):
        response = client.get(article.get_absolute_url())
        cache_control = response.headers["Cache-Control"]
        assert "public" in cache_control, attempt
        assert "s-maxage=" in cache_control and "stale-while-revalidate=" in cache_control
        assert "max-age=" in cache_control
        assert response.headers["ETag"] and response.headers["Last-Modified"]
        assert "Set-Cookie" not in response.headers

    not_modified = client.get(article.get_absolute_url(), headers={"if-none-match": response.headers["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    since = client.get(
        article.get_absolute_url(), headers={"if-modified-since": response.headers["Last-Modified"]}
    )
    assert since.status_code == 304


def _editor():
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    return user


def test_an_editors_preview_is_never_stored_and_readers_never_see_it(client):
    draft = make_article(headline="Embargoed line-up", status=Article.Status.DRAFT)
    url = draft.get_absolute_url()

    client.force_login(_editor())
    preview = client.get(url)
    assert preview.status_code == 200 and "Embargoed line-up" in preview.content.decode()
    assert "no-store" in preview.headers["Cache-Control"]
    assert "public" not in preview.headers["Cache-Control"]

    client.logout()
    client.cookies.clear()
    assert client.get(url).status_code == 404
    assert "Embargoed line-up" not in _get(client, "/")[1]


def test_logged_in_readers_bypass_the_cache_and_get_private_pages(client):
    make_article(headline="First version")
    _get(client, "/")  # cached for anonymous readers
    client.force_login(_editor())
    Article.objects.update(headline="Changed behind the cache")  # no signal: the cache is stale
    response, page = _get(client, "/")
    assert "Changed behind the cache" in page
    assert "private" in response.headers["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_never_stored():
    calls = []

    def view_setting_a_cookie(request):
        calls.append(request)
        response = HttpResponse("<p>front</p>")
        response.set_cookie("sessionid", "abc")
        return response

    middleware = pagecache.PageCacheMiddleware(view_setting_a_cookie)
    for _ in range(2):
        middleware(RequestFactory().get("/"))
    assert len(calls) == 2


def test_an_expired_hot_page_is_rebuilt_once_while_others_wait(monkeypatch):
    monkeypatch.setattr(fragments, "next_change", lambda request: None)
    renders = []

    def slow_front_page(request):
        renders.append(request)
        time.sleep(0.3)
        return HttpResponse(f"<p>front page, render {len(renders)}</p>")

    middleware = pagecache.PageCacheMiddleware(slow_front_page)
    results = []

    def reader():
        results.append(middleware(RequestFactory().get("/")))

    threads = [threading.Thread(target=reader) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 1
    assert [r.status_code for r in results] == [200] * 12
    assert {r.content for r in results} == {b"<p>front page, render 1</p>"}

    # Expired by time only: one reader rebuilds, the others get the old copy meanwhile.
    monkeypatch.setattr(pagecache.time, "time", lambda: time.monotonic() + 10_000_000_000)
    results.clear()
    threads = [threading.Thread(target=reader) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 2
    assert len(results) == 12 and all(r.status_code == 200 for r in results)


@override_settings(CACHES=DEAD_REDIS)
def test_pages_render_from_the_database_when_redis_is_down(client):
    article = make_article(headline="Still here without Redis")  # saving bumps a cache that is gone
    for url in ("/", article.get_absolute_url(), "/clubs/", "/competitions/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Still here without Redis" in client.get("/").content.decode()
    article.headline = "Edited without Redis"
    article.save()
    assert "Edited without Redis" in client.get("/").content.decode()


def _redis_url():
    from newsroom.settings.test import per_worker_redis

    # This worker's database: another worker's cache clear (FLUSHDB) must not empty it mid-test.
    url = per_worker_redis(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"))
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except Exception:  # noqa: BLE001 — any failure means "no Redis here"
        return None
    return url


def test_the_cache_works_through_a_real_redis(client, django_assert_num_queries):
    url = _redis_url()
    require_service(url, "no Redis at REDIS_URL or 127.0.0.1:6379")
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"newsroom-test-{os.getpid()}",
        }
    }
    with override_settings(CACHES=redis_cache):
        article = make_article(headline="Through Redis")
        assert "Through Redis" in client.get("/").content.decode()
        with django_assert_num_queries(0):
            assert "Through Redis" in client.get("/").content.decode()
        article.headline = "Through Redis, edited"
        article.save()
        assert "Through Redis, edited" in client.get("/").content.decode()


def test_a_cached_page_never_skips_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    make_article(headline="Only over https")
    assert "Only over https" in client.get("/", secure=True).content.decode()
    assert client.get("/", secure=True).wsgi_request.page_cache == "hit"
    plain = client.get("/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")


def test_a_match_result_change_is_seen_on_its_report_even_with_the_report_kept(client):
    # The report's row is kept with its match (read in the same statement): the score must not
    # come from a kept row after the match changed.
    match = make_match(score=(1, 1))
    article = make_article(match=match, headline="Level at the break")
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())  # kept: the page, the row and the report's parts
    match.home_score = 3
    match.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'aria-label="Final score 3 1"' in html
