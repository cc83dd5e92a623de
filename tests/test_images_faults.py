"""Issue 12, item 10: a failed upload leaves no file behind and no row without its file.

Each fault is made for real where the test can (a read-only database connection) and simulated at
the storage's lowest write where it cannot (a full disk, a folder this root-run test could write)."""

import errno
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection

from newsroom.media.models import Image, Rendition

from .images import jpeg, media_files, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]




@pytest.fixture
def read_only_database():
    """The connection refuses every write from now on, as a read-only replica or a full
    database would: SQLite's query_only, PostgreSQL's read-only transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET transaction_read_only = on")
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    # PostgreSQL: the test's transaction ends, and the setting with it.


def assert_nothing_left(media_root):
    rows = list(Image.objects.values_list("file", flat=True)) + list(
        Rendition.objects.values_list("file", flat=True)
    )
    assert rows == []
    assert media_files(media_root) == []


def assert_every_row_has_its_file_and_back(media_root):
    names = {*Image.objects.values_list("file", flat=True), *Rendition.objects.values_list("file", flat=True)}
    assert names == set(media_files(media_root))


def test_a_read_only_database_is_a_message_and_leaves_no_file(desk, media_root, read_only_database):
    response = upload(desk, "goal.jpg", jpeg())
    assert response.status_code == 302, response
    # Messages live in a cookie, so the page can still say why on a read-only database.
    page = desk.get(response["Location"]).content.decode()
    assert "could not be saved" in page and "database" in page
    assert_nothing_left(media_root)


@pytest.mark.parametrize("failing", ["original", "rendition"])
def test_an_unwritable_media_folder_is_a_message_and_leaves_nothing(desk, media_root, monkeypatch, failing):
    # chmod cannot stop root (who runs CI here), so refuse the open() the storage makes.
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        folder = "images" if failing == "original" else "renditions"
        if flags & os.O_CREAT and f"{os.sep}{folder}{os.sep}" in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    response = upload(desk, "goal.jpg", jpeg())
    assert response.status_code == 302
    assert "could not be stored" in desk.get(response["Location"]).content.decode()
    monkeypatch.undo()
    assert_nothing_left(media_root)


def test_a_disk_that_fills_after_some_renditions_leaves_nothing(desk, media_root, monkeypatch):
    real_save, written = FileSystemStorage._save, []

    def fills_up(storage, name, content):
        if len(written) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(name)
        return real_save(storage, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", fills_up)
    response = upload(desk, "goal.jpg", jpeg((2000, 1500)))
    assert response.status_code == 302 and len(written) == 5
    assert_nothing_left(media_root)


def test_a_database_that_fails_on_the_renditions_leaves_no_original(desk, media_root, monkeypatch):
    from django.db import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Rendition.objects, "bulk_create", broken)
    response = upload(desk, "goal.jpg", jpeg())
    assert response.status_code == 302
    assert "could not be saved" in desk.get(response["Location"]).content.decode()
    assert_nothing_left(media_root)


def test_after_a_fault_the_next_upload_is_whole(desk, media_root, monkeypatch):
    real_save = FileSystemStorage._save
    monkeypatch.setattr(
        FileSystemStorage, "_save", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
    )
    upload(desk, "goal.jpg", jpeg())
    monkeypatch.setattr(FileSystemStorage, "_save", real_save)
    assert upload(desk, "goal.jpg", jpeg()).status_code == 302
    assert Image.objects.count() == 1
    assert_every_row_has_its_file_and_back(media_root)
