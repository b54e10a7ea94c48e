"""Turns at a SQLite file's write lock, in arrival order, for the threads of a process
and for the processes sharing the file.

Why (issue #17, 4 server workers on one file under 50 clients): the write lock was the
bottleneck, and who got it next was a lottery. Across processes SQLite's busy handler
polls, sleeping 1, 2, 5 ... then 100 ms between tries: the longer a writer has waited,
the less often it tries, so a write could wait for over a second while later ones went
first, and the lock sat free while every waiter slept. Inside a process the threads
competed for the store's lock, which a newly arrived thread can take before one that has
been waiting. Here a thread waits in a first-come-first-served queue of its process, then
for an ``flock`` on a file beside the store (``<db>-writer.lock``, empty): the kernel wakes
a blocked waiter the moment the holder lets go. A settle (after a delete's own write) queues
ahead of the process's waiting writers, so a delete does not wait for the queue twice. SQLite's own locking is unchanged, so
correctness never depends on this file; without ``fcntl`` (Windows) or a writable folder,
writers fall back to the busy handler alone.
"""

from __future__ import annotations

import collections
import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; SQLite's busy handler alone orders writers
    fcntl = None  # type: ignore[assignment]


class FifoLock:
    """A non-reentrant lock granted in the order it was asked for (a hand-off on release),
    ``first`` callers ahead of the others."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiting: collections.deque[threading.Lock] = collections.deque()
        self._first: collections.deque[threading.Lock] = collections.deque()
        self._held = False

    def acquire(self, *, first: bool = False) -> None:
        with self._mutex:
            if not self._held:
                self._held = True
                return
            gate = threading.Lock()
            gate.acquire()
            (self._first if first else self._waiting).append(gate)
        gate.acquire()  # released by the holder: the lock is handed over, still held

    def release(self) -> None:
        with self._mutex:
            if self._first:
                self._first.popleft().release()
            elif self._waiting:
                self._waiting.popleft().release()
            else:
                self._held = False


class _Depth(threading.local):
    """How many turns this thread is inside (0: none)."""

    depth = 0


class SettleMark(threading.local):
    """The settle count a thread read after its last write commit (None: settle anyway)."""

    count: int | None = None


class WriteTurns:
    """``with turns.take():`` around anything that takes the write lock. Re-entrant per
    thread (a turn inside a turn is the same turn).

    The lock file also counts the settles completed on the store (8 bytes, read and
    written only inside a turn; in memory when there is no lock file): a delete whose
    thread sees the count grow past what it read after its commit was settled by a run
    that began after it, in whichever process, and need not settle again."""

    def __init__(self, path: Path) -> None:
        self._queue = FifoLock()
        self._local = _Depth()
        self._fd: int | None = None
        self._settles = 0  # the count without a lock file (this process's settles only)
        if fcntl is not None and str(path) not in ("", ":memory:"):
            with contextlib.suppress(OSError):  # read-only folder: no cross-process queue
                self._fd = os.open(f"{path}-writer.lock", os.O_RDWR | os.O_CREAT, 0o600)

    @contextlib.contextmanager
    def take(self, *, first: bool = False) -> Iterator[None]:
        """``first``: ahead of this process's queued writers (a settle, which a delete
        call waits for after its own write's turn: otherwise it would queue twice)."""
        depth = self._local.depth
        if depth:
            self._local.depth = depth + 1
            try:
                yield
            finally:
                self._local.depth = depth
            return
        self._queue.acquire(first=first)
        try:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_EX)  # blocks without the GIL
            self._local.depth = 1
            try:
                yield
            finally:
                self._local.depth = 0
                if self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._queue.release()

    def settled(self) -> int:
        """Settles completed on the store so far (call inside a turn, or after a commit)."""
        if self._fd is None:
            return self._settles
        raw = os.pread(self._fd, 8, 0)
        return int.from_bytes(raw, "little") if len(raw) == 8 else 0

    def count_settle(self) -> None:
        """One more settle completed (call inside the turn that ran it)."""
        count = self.settled() + 1
        if self._fd is None:
            self._settles = count
        else:
            os.pwrite(self._fd, count.to_bytes(8, "little"), 0)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


__all__ = ["FifoLock", "SettleMark", "WriteTurns"]
