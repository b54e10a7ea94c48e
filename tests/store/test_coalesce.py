"""Coalesced: callers that arrive while a run is in progress share the next run, each
returns only after a run that began after its call, and a failed run's error reaches
every caller that relied on it. SQLite's settle goes through it (issue #17)."""

from __future__ import annotations

import threading
from pathlib import Path

from engram.store.coalesce import Coalesced
from engram.store.sqlite import SQLiteStore

GUARD_S = 30.0  # deadlock guard only


class Gate:
    """A job whose first run blocks until released, counting its runs."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.runs = 0
        self.fail_on = fail_on

    def __call__(self) -> None:
        self.runs += 1
        if self.runs == 1:
            self.started.set()
            assert self.release.wait(GUARD_S)
        if self.runs == self.fail_on:
            raise OSError("disk I/O error")


def callers(job: Coalesced, n: int) -> tuple[list[threading.Thread], list[BaseException | None]]:
    outcomes: list[BaseException | None] = []

    def call() -> None:
        try:
            job()
            outcomes.append(None)
        except OSError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=call) for _ in range(n)]
    return threads, outcomes


def _waiting(job: Coalesced, n: int) -> None:
    """Until n callers are parked on the job's condition."""
    for _ in range(10_000):
        with job._turn:
            if len(job._turn._waiters) >= n:  # type: ignore[attr-defined]
                return
        threading.Event().wait(0.001)
    raise AssertionError("callers never queued")


def test_callers_during_a_run_share_the_next_one() -> None:
    gate = Gate()
    job = Coalesced(gate)
    first, _ = callers(job, 1)
    first[0].start()
    assert gate.started.wait(GUARD_S)
    later, outcomes = callers(job, 3)
    for t in later:
        t.start()
    _waiting(job, 3)
    assert gate.runs == 1  # nobody ran while the first run was in progress
    gate.release.set()
    for t in [*first, *later]:
        t.join(GUARD_S)
    assert outcomes == [None, None, None]
    assert gate.runs == job.runs == 2  # the first run began before they called: one more, shared


def test_a_failed_run_fails_every_caller_that_shared_it() -> None:
    gate = Gate(fail_on=2)
    job = Coalesced(gate)
    first, _ = callers(job, 1)
    first[0].start()
    assert gate.started.wait(GUARD_S)
    later, outcomes = callers(job, 2)
    for t in later:
        t.start()
    _waiting(job, 2)
    gate.release.set()
    for t in [*first, *later]:
        t.join(GUARD_S)
    assert [type(o) for o in outcomes] == [OSError, OSError]
    job()  # the next caller gets a run of its own, which succeeds
    assert gate.runs == 3


def test_sqlite_settle_still_merges_and_truncates(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.settle()
    store._conn.set_trace_callback(None)
    assert "PRAGMA wal_checkpoint(TRUNCATE)" in statements
    assert any("'optimize'" in s for s in statements) != store._fts_secure
    store.close()


def test_settle_inside_the_store_lock_runs_at_once(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "h.db")
    with store._lock:  # a caller inside a transaction must not wait for another thread
        store.settle()
    assert store._settling.runs == 0
    store.settle()
    assert store._settling.runs == 1
    store.close()
