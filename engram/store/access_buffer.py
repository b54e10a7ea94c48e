"""Access statistics written in batches instead of one write transaction per search.

Why: every search records which memories it returned (``access_count``,
``last_accessed_at``: decay and reinforcement read them). Immediately, that is a write
transaction per search — on SQLite the file's single write lock, taken by readers; on
PostgreSQL a row-locking UPDATE and a commit. Under 50 server clients, searches (40 % of
the mix) became writes that queued behind the real ones (issue #17). The buffer counts
accesses per scope and writes them every ``interval_s`` from a timer thread, and on
:meth:`flush`/:meth:`close` (``Memory.close``, which a server's graceful shutdown runs).

What deferral changes: ``last_accessed_at`` is the flush time (at most ``interval_s``
late), and a hard kill loses at most ``interval_s`` of statistics — never memories or
history. With ``interval_s == 0`` (the library's default) every access is written at once.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from engram.model import Scope

logger = logging.getLogger("engram")


@runtime_checkable
class RecordsAccesses(Protocol):
    """A store that writes many scopes' access statistics in one transaction (SQLite:
    one turn of the file's write lock per flush, not one per scope and depth)."""

    def record_accesses(self, batch: Sequence[tuple[Scope, Sequence[str]]]) -> None: ...


class AccessBuffer:
    """``record(scope, ids)`` like ``Store.record_access``, batched per scope."""

    def __init__(self, store: Any, interval_s: float = 0.0) -> None:
        self.store = store
        self.interval_s = interval_s
        self._lock = threading.Lock()
        self._flushing = threading.Lock()  # one flush at a time keeps counts in order
        self._pending: dict[Scope, Counter[str]] = {}
        self._timer: threading.Timer | None = None
        self._closed = False

    def record(self, scope: Scope, ids: Sequence[str]) -> None:
        if not ids:
            return
        if self.interval_s <= 0 or self._closed:
            self.store.record_access(scope, ids)
            return
        with self._lock:
            self._pending.setdefault(scope, Counter()).update(dict.fromkeys(ids, 1))
            if self._timer is None:
                self._timer = threading.Timer(self.interval_s, self._tick)
                self._timer.daemon = True
                self._timer.start()

    def _tick(self) -> None:
        try:
            self.flush()
        except Exception:  # a timer thread has nobody to raise to; close() retries
            logger.exception("could not write buffered access statistics; retrying at close")

    def flush(self) -> None:
        """Write everything buffered so far: one transaction if the store batches
        (:class:`RecordsAccesses`), else one store call per scope and access depth. Either
        way an id searched k times gets k increments, as if written one by one."""
        with self._flushing:
            with self._lock:
                pending, self._pending = self._pending, {}
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
            if isinstance(self.store, RecordsAccesses):
                self._write_at_once(pending)
                return
            items = list(pending.items())
            for k, (scope, counts) in enumerate(items):
                for depth in range(1, max(counts.values()) + 1):
                    try:
                        self.store.record_access(scope, [i for i, n in counts.items() if n >= depth])
                    except BaseException:  # keep what was not written, for close() to retry
                        self._keep([(scope, Counter({i: n - depth + 1 for i, n in counts.items()
                                                     if n >= depth})), *items[k + 1:]])
                        raise

    def _write_at_once(self, pending: dict[Scope, Counter[str]]) -> None:
        """Every scope and depth in one store call (one transaction: all or nothing)."""
        batch = [(scope, [i for i, n in counts.items() if n >= depth])
                 for scope, counts in pending.items() for depth in range(1, max(counts.values()) + 1)]
        if not batch:
            return
        try:
            self.store.record_accesses(batch)
        except BaseException:  # nothing was written: keep it all for close() to retry
            self._keep(list(pending.items()))
            raise

    def _keep(self, left: Sequence[tuple[Scope, Counter[str]]]) -> None:
        with self._lock:
            for scope, counts in left:
                self._pending.setdefault(scope, Counter()).update(counts)

    def close(self) -> None:
        """Flush and write every later access at once (the store is about to close)."""
        self._closed = True
        self.flush()


__all__ = ["AccessBuffer", "RecordsAccesses"]
