"""Overlapping calls of an idempotent job share one run (group commit).

Why (issue #17, the 50-client profile): every delete on SQLite settles the store before
it returns — merges the whole FTS index (O(index) on SQLite < 3.42) and truncates the WAL,
both holding the file's write lock. Under 50 clients, 4 workers spent more wall time in
settles than the run lasted, and every write of the process queued behind each one. A
settle covers every deletion committed before it began, so callers that arrive while one
runs need only the *next* run, which one of them makes for all of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Coalesced:
    """``job()`` for each caller, returning only after a run of ``job`` that began after
    the call did; callers that overlap share that run (and its exception, if it raises)."""

    def __init__(self, job: Callable[[], object]) -> None:
        self._job = job
        self._turn = threading.Condition(threading.Lock())
        self._started = 0  # runs begun
        self._finished = 0  # the number of the last run that ended
        self._running = False
        self._failed: tuple[int, BaseException] | None = None  # (run, what it raised)
        self.runs = 0  # runs made (observability, tests)

    def __call__(self) -> None:
        with self._turn:
            ticket = self._started + 1  # the first run to begin from now on serves this call
            while self._finished < ticket:
                if not self._running:
                    self._running = True
                    self._started = ticket
                    break
                self._turn.wait()
            else:
                if self._failed is not None and self._failed[0] == ticket:
                    raise self._failed[1]
                return
        failed: BaseException | None = None
        try:
            self._job()
        except BaseException as exc:
            failed = exc
            raise
        finally:
            with self._turn:
                self.runs += 1
                self._running = False
                self._finished = ticket
                self._failed = None if failed is None else (ticket, failed)
                self._turn.notify_all()


__all__ = ["Coalesced"]
