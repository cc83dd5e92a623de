"""The reader pages' reads of pictures, written out (newsroom/delivery/rows.py says why)."""

from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, connections

from newsroom.delivery.rows import Columns, Select, attach, column, in_list, table

from .models import Rendition

RENDITION = Select(Columns(Rendition, "r"))


def attach_renditions(images, using=DEFAULT_DB_ALIAS):
    """Give each image its renditions, as prefetch_related("renditions") would
    (`image.renditions.all()`, in Rendition's order, no query): one statement for all of them."""
    by_pk = defaultdict(list)  # one picture may lead several reports: each row has its instance
    for image in images:
        by_pk[image.pk].append(image)
    if not by_pk:
        return
    connection = connections[using]
    order = ", ".join(column(Rendition, name, "r", connection) for name in ("crop", "format", "width"))
    sql = (
        f"SELECT {RENDITION.sql(connection)} FROM {table(Rendition, connection)} r"
        f" WHERE {column(Rendition, 'image', 'r', connection)} IN ({in_list(list(by_pk))}) ORDER BY {order}"
    )
    by_image = defaultdict(list)
    for (rendition,) in RENDITION.fetch(sql, list(by_pk), using):
        by_image[rendition.image_id].append(rendition)
    for pk, instances in by_pk.items():
        for image in instances:
            attach(image, "renditions", by_image.get(pk, []))
