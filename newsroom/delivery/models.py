"""The one row the delivery app keeps in the database: the purge clock."""

from django.db import models


class PurgeClock(models.Model):
    """The version of the newest purge (nanoseconds since the epoch), in one row.

    The shared cache holds the purge counter and the tags' versions, and a cache can lose them:
    restarted from an old snapshot, or unreachable while a purge was sent. This row cannot; each
    process compares the cache's counter with it when it has reason to doubt the cache
    (newsroom/delivery/purges.py, "The purge clock")."""

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "purge clock"

    def __str__(self):
        return f"purge clock at {self.version}"
