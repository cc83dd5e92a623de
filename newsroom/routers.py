"""Reads to the replica, writes and editors to the primary.

Only when DATABASE_REPLICA_URL configures a "replica" alias. A replica lags its primary, so
anything that must read its own writes (the admin, any logged-in user, any POST, a page rebuilt
just after a change) runs with `use_primary()` in force (newsroom/middleware.py, articles/caching.py).
"""

import contextlib
import contextvars

from django.db import connections

_primary_only = contextvars.ContextVar("newsroom_primary_only", default=False)


@contextlib.contextmanager
def use_primary():
    """Send every read inside the block to the primary."""
    token = _primary_only.set(True)
    try:
        yield
    finally:
        _primary_only.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" in connections.settings and not _primary_only.get():
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
