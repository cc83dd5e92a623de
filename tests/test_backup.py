"""Backup and restore: a round trip into an empty instance keeps every row, URL and image."""

import io
import json

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from articles.models import Article
from newsroom.media.models import Image

from .conftest import make_article, make_author, make_goal, make_match, make_player

pytestmark = pytest.mark.django_db(transaction=True)


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 16, 46)).save(buffer, format="PNG")
    return buffer.getvalue()


def _newsroom():
    match = make_match(score=(1, 1))
    scorer = make_player("Dries Mertens", club=match.away_club)
    make_goal(match, scorer, club=match.away_club, minute=21)
    photo = Image.objects.create(file=ContentFile(_png(), "hero.png"), alt_text="Mertens celebrates")
    report = make_article(headline="Mertens silences Anfield", match=match, hero_image=photo)
    report.authors.add(make_author("Ada Byline"))
    make_article(headline="Still a draft", status=Article.Status.DRAFT)
    return report, photo


def _counts():
    models = apps.get_app_config("articles").get_models()
    return {model._meta.label_lower: model._base_manager.count() for model in models}


def test_a_backup_restores_into_an_empty_instance_with_every_row_url_and_image(client, tmp_path):
    report, photo = _newsroom()
    image_bytes = default_storage.open(photo.file.name).read()
    before = _counts()
    published_urls = [a.get_absolute_url() for a in Article.objects.published()]
    published_urls += [report.match.home_club.get_absolute_url(), "/players/dries-mertens/", "/"]

    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["rows"]["articles.article"] == 2

    # An empty instance: no rows, no media.
    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete(photo.file.name)
    assert Article.objects.count() == 0 and not default_storage.exists(photo.file.name)

    call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())

    assert _counts() == before
    for url in published_urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Mertens silences Anfield" in client.get("/").content.decode()
    restored = Image.objects.get(pk=photo.pk)
    assert default_storage.open(restored.file.name).read() == image_bytes
    assert Article.objects.get(pk=report.pk).hero_image == restored


def test_restore_refuses_to_overwrite_a_newsroom_unless_forced(tmp_path):
    make_article(headline="Already here")
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())

    make_article(headline="Written after the backup")
    call_command("restore", str(tmp_path / "backup"), "--force", stdout=io.StringIO())
    assert list(Article.objects.values_list("headline", flat=True)) == ["Already here"]


def test_backup_refuses_to_overwrite_an_earlier_backup(tmp_path):
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds a backup"):
        call_command("backup", str(tmp_path), stdout=io.StringIO())
    call_command("backup", str(tmp_path), "--overwrite", stdout=io.StringIO())
