"""The one publication rule: published and its time has come."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from articles.models import Article

from .conftest import make_article

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    "status, offset, visible",
    [
        (Article.Status.DRAFT, -HOUR, False),
        (Article.Status.DRAFT, HOUR, False),
        (Article.Status.REVIEW, -HOUR, False),
        (Article.Status.REVIEW, HOUR, False),
        (Article.Status.PUBLISHED, -HOUR, True),
        (Article.Status.PUBLISHED, HOUR, False),
    ],
)
def test_publication_matrix(client, status, offset, visible):
    article = make_article(status=status, published_at=timezone.now() + offset)

    assert (article in Article.objects.published()) is visible
    assert article.is_published() is visible
    assert client.get(article.get_absolute_url()).status_code == (200 if visible else 404)
    assert (article.headline in client.get("/").content.decode()) is visible


def test_scheduled_report_is_hidden_until_its_time(client):
    go_live = timezone.now() + datetime.timedelta(minutes=30)
    article = make_article(headline="Kick-off preview goes live later", published_at=go_live)
    assert article.is_scheduled()
    assert client.get(article.get_absolute_url()).status_code == 404

    # No job runs: the same row simply becomes public once the clock passes its time.
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=1)):
        assert article.is_published()
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Kick-off preview goes live later" in client.get("/").content.decode()


def test_publishing_without_a_time_uses_the_moment_of_publication():
    before = timezone.now()
    article = make_article(published_at=None)
    assert before <= article.published_at <= timezone.now()
    assert article.is_published()


def test_draft_without_a_time_stays_undated():
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    assert article.published_at is None
    assert not article.is_published()
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_url_date_is_the_publication_day_in_the_newsroom_time_zone():
    # 23:30 UTC on 27 Nov 2019 is still 27 Nov in London (GMT in winter).
    article = make_article(
        slug="late-kick-off", published_at=datetime.datetime(2019, 11, 27, 23, 30, tzinfo=datetime.UTC)
    )
    assert article.get_absolute_url() == "/2019/11/27/late-kick-off/"
    # 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
    summer = make_article(
        slug="summer-signing", published_at=datetime.datetime(2019, 7, 1, 23, 30, tzinfo=datetime.UTC)
    )
    assert summer.get_absolute_url() == "/2019/07/02/summer-signing/"


def test_every_save_bumps_the_version():
    article = make_article()
    assert article.version == 1
    article.save()
    article.save()
    assert article.version == 3
