"""Read connections of :class:`~engram.store.sqlite.SQLiteStore`: a read need not queue
behind a write.

Why (issue #17, the 50-client profile): one connection behind one lock served every thread
of a server process, so each search and get waited for the write in progress in its
process — and, with several worker processes, for a write that was itself waiting (busy
timeout) for another process's write lock. In py-spy samples of 4 workers under 50
clients, ~45 % of the request threads' time was spent waiting for that lock. In WAL mode
readers block neither the writer nor each other, and a statement on any connection sees
every transaction committed before it began, so a read after a write (in any thread of
any process) still sees it.

Reads made while the thread holds the store's lock (inside a write transaction or a
multi-statement read transaction) stay on the store's own connection, which alone sees
that transaction's state: see :meth:`ReadPool.serves`.
"""

from __future__ import annotations

import builtins
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import Any

READERS = 4  # connections per store; reads hold one per statement, and 2-4 cores run them


def holds(lock: Any) -> bool:
    """Whether the calling thread holds ``lock`` (an RLock)."""
    return bool(lock._is_owned())


class ReadPool:
    """Up to ``size`` read-only connections, opened when first needed, reused newest first."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], size: int = READERS) -> None:
        self._connect = connect
        self._size = size
        self._idle: builtins.list[sqlite3.Connection] = []
        self._slots = threading.Condition(threading.Lock())
        self._claimed = 0  # connections opened or being opened
        self.closed = False

    def run(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        """One statement on an idle read connection; every row fetched (the statement, and
        with it the read transaction, ends here: no snapshot stays open)."""
        conn = self._take()
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            with self._slots:
                if self.closed:  # the store closed meanwhile: this one was still in use
                    conn.close()
                else:
                    self._idle.append(conn)
                    self._slots.notify()

    def _take(self) -> sqlite3.Connection:
        with self._slots:
            while not self._idle and self._claimed >= self._size:
                self._slots.wait()
            if self._idle:
                return self._idle.pop()
            self._claimed += 1
        try:
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")  # nothing is ever written through a reader
        except BaseException:
            with self._slots:
                self._claimed -= 1
                self._slots.notify()
            raise
        return conn

    def close(self) -> None:
        """Close the idle connections now and those in use when their statement ends; later
        reads fall back to the store's own connection."""
        with self._slots:
            self.closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


__all__ = ["READERS", "ReadPool", "holds"]
