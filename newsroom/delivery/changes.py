"""One change, one set of side effects.

An editor's save is many writes: the article row, its tag rows, its authors, a revision. Each
write may ask for the same side effects (purge these cache tags, reindex this article). Inside
`one_change()` they are collected, each under a name, and run once when the change is over;
outside one (a command, a shell, a test's ORM call) they run at once.

The admin wraps every save, delete and action in `one_change()`; bulk commands do the same.
"""

import contextvars
from contextlib import contextmanager

_unit = contextvars.ContextVar("newsroom_change_unit", default=None)


class _Unit:
    def __init__(self):
        self.pending = {}  # name -> (collected set, flush function)

    def run(self):
        # Purges go last, so a page rebuilt after them sees every other effect (the search index).
        for name in sorted(self.pending, key=lambda name: name == "purge"):
            collected, flush = self.pending[name]
            if collected:
                flush(collected)


@contextmanager
def one_change():
    """Collect the side effects of the writes inside; run each once at the end. Nests (the
    outermost one runs them). They run even if the body raised: what was written before the error
    may have been committed, and an extra purge or reindex is harmless."""
    if _unit.get() is not None:
        yield
        return
    unit = _Unit()
    token = _unit.set(unit)
    try:
        yield
    finally:
        _unit.reset(token)
        unit.run()


def pending(name, flush):
    """The set the current change collects under `name` (flushed once by `flush(the_set)` at its
    end), or None outside a change: the caller then does the work at once."""
    unit = _unit.get()
    if unit is None:
        return None
    if name not in unit.pending:
        unit.pending[name] = (set(), flush)
    return unit.pending[name][0]


class OneChangePerRequestMiddleware:
    """Every request that may write (POST, PUT, PATCH, DELETE: an admin save, delete or action)
    is one change: its purges and reindexes run once, when the view is done."""

    WRITES = {"POST", "PUT", "PATCH", "DELETE"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.WRITES:
            return self.get_response(request)
        with one_change():
            return self.get_response(request)
