"""Several processes writing to one store at the same time (SQLite file and
PostgreSQL): no acknowledged write may be lost or duplicated, version checks
must serialise competing updates, and counters must not lose increments."""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engram.errors import ConflictError
from engram.model import Filters, HistoryEntry, MemoryItem, MemoryStatus, Scope, tombstone
from engram.store import Store

PROCESSES = 4
WRITES = 50  # adds per process
TEAM = Scope(user_id="team")
MODEL = "test-model"
DIM = 8
ALL = Filters(statuses=list(MemoryStatus))

pytestmark = pytest.mark.slow


def unit(seed: int) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
    return vec / np.linalg.norm(vec)


def open_store(backend: str, target: str) -> Store:
    if backend == "sqlite":
        from engram.store.sqlite import SQLiteStore

        return SQLiteStore(target)
    from engram.store.postgres import PostgresStore

    return PostgresStore(target)


def add_one(store: Store, content: str, seed: int) -> MemoryItem:
    item = MemoryItem(scope=TEAM, content=content)
    history = [HistoryEntry(memory_id=item.id, version=1, op="add", new=item.snapshot())]
    store.add([item], unit(seed)[None, :], history, model_id=MODEL)
    return item


def bump(store: Store, memory_id: str, worker: int) -> int | None:
    """Try to move the shared item one version up; the new version, or None on a lost race."""
    [current] = store.get(TEAM, [memory_id])
    new = current.model_copy(update={"version": current.version + 1,
                                     "content": f"shared, last touched by {worker}"})
    entry = HistoryEntry(memory_id=memory_id, version=new.version, op="update",
                         actor=f"w{worker}", old=current.snapshot(), new=new.snapshot())
    try:
        store.replace(new, None, entry, expected_version=current.version, model_id=MODEL)
    except ConflictError:
        return None
    return new.version


def worker(backend: str, target: str, index: int, ids: dict[str, str], start: Any,
           results: Any) -> None:
    """Runs in a spawned process; reports what the store acknowledged."""
    try:
        store = open_store(backend, target)
        start.wait(timeout=120)  # everyone writes at once
        acked: list[str] = []
        versions: list[int] = []
        for n in range(WRITES):
            acked.append(add_one(store, f"worker {index} note {n}", index * 1000 + n).id)
            if n % 5 == 0:
                version = bump(store, ids["shared"], index)
                if version is not None:
                    versions.append(version)
            if n % 5 == 2:
                store.record_access(TEAM, [ids["counter"]])
        victim = ids["victim"]
        deleted = store.delete(TEAM, [victim], [tombstone(victim, 1, f"w{index}")])
        store.close()
        results.put(("ok", index, acked, versions, deleted))
    except BaseException:  # noqa: BLE001 - the parent shows the traceback
        results.put(("error", index, traceback.format_exc(), [], 0))


def run_workers(backend: str, target: str, ids: dict[str, str]) -> list[tuple[Any, ...]]:
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(backend, target, i, ids, start, results))
             for i in range(PROCESSES)]
    for proc in procs:
        proc.start()
    reports = []
    try:
        for _ in procs:
            reports.append(results.get(timeout=300))
    except queue.Empty:
        pytest.fail(f"only {len(reports)} of {PROCESSES} writer processes reported back")
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    errors = [r[2] for r in reports if r[0] == "error"]
    assert not errors, "a writer process failed:\n" + "\n".join(errors)
    return reports


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "shared.db")
    return "postgres", str(request.getfixturevalue("pg_url"))


def test_concurrent_writers_lose_nothing(target: tuple[str, str]) -> None:
    backend, where = target
    store = open_store(backend, where)
    try:
        fixed = {name: MemoryItem(scope=TEAM, content=name)
                 for name in ("shared", "counter", "victim")}
        # no vectors yet: the writers also race to fix the embedder and dimension
        store.add(list(fixed.values()), None,
                  [HistoryEntry(memory_id=i.id, version=1, op="add") for i in fixed.values()])
        shared, counter, victim = fixed["shared"], fixed["counter"], fixed["victim"]
        reports = run_workers(backend, where, {name: i.id for name, i in fixed.items()})

        acked = [memory_id for r in reports for memory_id in r[2]]
        assert len(acked) == PROCESSES * WRITES
        stored = [item.id for item in store.iter_items(TEAM, batch=37)]
        assert len(stored) == len(set(stored)), "an item is stored twice"
        assert set(stored) == set(acked) | {shared.id, counter.id}
        assert store.count(TEAM, ALL) == PROCESSES * WRITES + 2
        assert store.stats(TEAM).vectors == PROCESSES * WRITES
        assert store.embedding_model() == MODEL

        history = store.history(TEAM, acked)
        assert Counter(h.memory_id for h in history) == Counter(acked)
        assert {(h.op, h.version) for h in history} == {("add", 1)}

        # competing updates: each successful one got its own version, no gaps
        versions = sorted(v for r in reports for v in r[3])
        assert versions == list(range(2, len(versions) + 2))
        [final] = store.get(TEAM, [shared.id])
        assert final.version == len(versions) + 1
        assert [h.version for h in store.history(TEAM, [shared.id])] == [1, *versions]
        # record_access is an atomic increment (kept apart from replace(), which
        # writes the caller's copy of the access stats)
        [counted] = store.get(TEAM, [counter.id])
        assert counted.access_count == PROCESSES * WRITES // 5 and counted.version == 1

        # everyone deleted the victim; exactly one delete happened
        assert sum(r[4] for r in reports) == 1
        assert [h.op for h in store.history(TEAM, [victim.id])] == ["add", "delete"]
        assert store.get(TEAM, [victim.id]) == []

        probe = next(r[2][7] for r in reports if r[1] == 0)
        hits = store.vector_search(TEAM, unit(7), Filters(), limit=1)  # worker 0, note 7
        assert hits[0][0] == probe
        assert store.lexical_search(TEAM, "note", Filters(), limit=500)
    finally:
        store.close()
