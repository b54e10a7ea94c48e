"""Crash safety: SIGKILL an ingesting process at >= 100 random points; after each kill
the store must open, pass integrity checks, hold every acknowledged write exactly once,
no half-written batch, and no orphaned index, vector, history or link rows."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from engram.store.sqlite import SQLiteStore

from .conftest import ROOT, record

KILLS = int(os.environ.get("ENGRAM_CRASH_KILLS", "110"))
TIME_BUDGET_S = 150.0  # stop early (still >= MIN_KILLS) on a very slow machine
MIN_KILLS = 100
WORKER = Path(__file__).with_name("crash_worker.py")


@dataclass
class Model:
    """What must be in the store, replayed from the acknowledgement log."""

    present: dict[str, str] = field(default_factory=dict)  # id -> session
    versions: dict[str, int] = field(default_factory=dict)  # id -> last acknowledged version
    gone: set[str] = field(default_factory=set)
    batches: dict[str, int] = field(default_factory=dict)  # batch -> rounds
    acked: int = 0
    ambiguous: int = 0
    interrupted: dict[str, int] = field(default_factory=dict)  # op -> kills that landed in it


class Zygote:
    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1, env=env, cwd=ROOT)
        assert self.readline().startswith("ZYGOTE")

    def readline(self) -> str:
        out: IO[str] = self.proc.stdout  # type: ignore[assignment]
        line = out.readline()
        if not line:
            raise RuntimeError("the crash worker died")
        return line.rstrip("\n")

    def run(self, db: Path, data: Path, seed: int, lifecycle: bool) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"run {db} {data} {seed} {int(lifecycle)}\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def check_structure(db: Path) -> dict[str, dict]:
    """Invariants that must hold whatever happened; returns the live items by id."""
    store = SQLiteStore(db)  # opens (runs migrations/recovery) ...
    try:
        assert store.integrity_check() == []  # ... and passes PRAGMA + FTS5 integrity checks
    finally:
        store.close()
    conn = sqlite3.connect(db)
    try:
        assert rows(conn, "PRAGMA foreign_key_check") == []
        mem = {r[0]: r for r in rows(conn, "SELECT rowid, id, content, version, kind, metadata, "
                                           "provenance, session_id FROM memories")}
        fts = dict(rows(conn, "SELECT rowid, text FROM memories_fts"))
        vec = {r[0] for r in rows(conn, "SELECT rowid FROM vectors")}
        assert set(fts) == set(mem), "FTS rows and memories differ (orphaned or missing index rows)"
        assert vec == set(mem), "vector rows and memories differ"
        assert all(fts[r] == mem[r][2] for r in mem), "an FTS row holds stale text"
        items = {r[1]: {"content": r[2], "version": r[3], "kind": r[4], "meta": json.loads(r[5]),
                        "prov": json.loads(r[6]), "session": r[7]} for r in mem.values()}
        history: dict[str, list[tuple]] = {}
        for mid, version, op, old, new in rows(conn, "SELECT memory_id, version, op, old, new "
                                                     "FROM history ORDER BY id"):
            history.setdefault(mid, []).append((version, op, old, new))
        for mid, item in items.items():
            versions = [v for v, op, _, new in history.get(mid, []) if op != "delete"]
            assert sorted(versions) == list(range(1, item["version"] + 1)), (mid, versions)
            assert all(op != "delete" for _, op, _, _ in history[mid])
        for mid, entries in history.items():
            if mid not in items:  # deleted: tombstone present, content blanked
                assert any(op == "delete" for _, op, _, _ in entries), mid
                assert all(old is None and new is None for _, _, old, new in entries), mid
        for mid, item in items.items():
            if item["kind"] != "episodic":  # derived items never outlive their sources
                missing = [s for s in item["prov"].get("source_ids", []) if s not in items]
                assert not missing, f"derived {item['kind']} {mid} points at deleted {missing}"
        tables = {r[0] for r in rows(conn, "SELECT name FROM sqlite_master WHERE type='table'")}
        if "links" in tables:
            a, b = [r[1] for r in rows(conn, "PRAGMA table_info(links)")][:2]
            ends = {v for pair in rows(conn, f"SELECT {a}, {b} FROM links") for v in pair}
            assert ends <= set(items), "a link outlives one of its ends"
        return items
    finally:
        conn.close()


def replay(model: Model, log: list[list[str]], items: dict[str, dict]) -> None:
    """Apply acknowledged ops; resolve the one unacknowledged op from what is stored."""
    begun: dict[str, list[str]] = {}
    for parts in log:
        kind, n, op, *args = parts
        if kind == "B":
            begun[n] = [op, *args]
            if op == "add":
                model.batches[args[0]] = int(args[1])
            continue
        begun.pop(n, None)
        model.acked += 1
        if op == "add":
            for mid in args[1].split(","):
                model.present[mid] = args[2]
                model.versions[mid] = 1
        elif op == "update":
            model.versions[args[0]] = int(args[1])
        elif op == "delete":
            model.present.pop(args[0], None)
            model.gone.add(args[0])
        elif op == "delall":
            for mid, session in list(model.present.items()):
                if session == args[0]:
                    del model.present[mid]
                    model.gone.add(mid)
    for op, *args in begun.values():  # at most one: the op the kill interrupted
        model.ambiguous += 1
        model.interrupted[op] = model.interrupted.get(op, 0) + 1
        if op == "add":
            found = [m for m, it in items.items() if it["meta"].get("batch") == args[0]]
            assert len(found) in (0, int(args[1])), f"half-written batch {args[0]}: {len(found)}"
            for mid in found:
                model.present[mid] = items[mid]["session"]
                model.versions[mid] = 1
        elif op == "delete" and args[0] not in items:
            model.present.pop(args[0], None)
            model.gone.add(args[0])
        elif op == "delall":
            inside = [m for m, s in model.present.items() if s == args[0]]
            left = [m for m in inside if m in items]
            assert len(left) in (0, len(inside)), "delete_all applied partially"
            for mid in set(inside) - set(left):
                del model.present[mid]
                model.gone.add(mid)


def check_model(model: Model, items: dict[str, dict]) -> None:
    for mid in model.present:
        assert mid in items, f"acknowledged write {mid} is missing"
        assert items[mid]["version"] >= model.versions[mid], f"acknowledged update of {mid} lost"
    assert not model.gone & set(items), "an acknowledged delete came back"
    episodic = {m for m, it in items.items() if it["kind"] == "episodic"}
    assert episodic == set(model.present), "stored episodes differ from acknowledged writes"
    per_batch: dict[str, int] = {}
    for mid in episodic:
        batch = items[mid]["meta"]["batch"]
        per_batch[batch] = per_batch.get(batch, 0) + 1
    assert all(count <= model.batches[b] for b, count in per_batch.items()), "duplicated write"


@pytest.mark.slow
@pytest.mark.parametrize("lifecycle", [False, True], ids=["plain", "lifecycle"])
def test_sigkill_at_random_points(tmp_path: Path, lifecycle: bool) -> None:
    kills = KILLS // 2 if lifecycle else KILLS
    rng = random.Random(20240 + lifecycle)
    db, data = tmp_path / "crash.db", tmp_path / "data"
    model = Model()
    zygote = Zygote()
    started = time.monotonic()
    killed = finished = killed_in_open = 0
    ops_started = 0
    try:
        for k in range(kills):
            if k >= MIN_KILLS // (2 if lifecycle else 1) and time.monotonic() - started > TIME_BUDGET_S:
                break
            zygote.run(db, data, seed=k, lifecycle=lifecycle)
            forked = zygote.readline()
            pid = int(forked.split()[1])
            early = rng.random() < 0.05  # sometimes kill while the store is being opened
            if not early:
                line = zygote.readline()
                assert line.startswith(("READY", "ERROR", "DONE")), line
                log_head = [] if line.startswith("READY") else [line]
            else:
                log_head = []
            delay = rng.choice([rng.uniform(0, 0.03), rng.uniform(0.02, 0.4), rng.uniform(0.3, 1.2)])
            time.sleep(0 if early else delay)
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
                killed_in_open += early
            except ProcessLookupError:
                finished += 1
            log = log_head
            while not log or not log[-1].startswith("DONE"):
                log.append(zygote.readline())
            errors = [line for line in log if line.startswith("ERROR")]
            assert not errors, errors
            entries = [line.split() for line in log if line[:2] in ("B ", "A ")]
            ops_started += sum(e[0] == "B" for e in entries)
            items = check_structure(db)
            replay(model, entries, items)
            check_model(model, items)
    finally:
        zygote.close()
    elapsed = time.monotonic() - started
    record(f"crash-{'lifecycle' if lifecycle else 'plain'}", {
        "kills": killed, "killed_while_opening": killed_in_open, "ran_to_completion": finished,
        "ops_started": ops_started, "ops_acknowledged": model.acked,
        "interrupted_ops_resolved": model.ambiguous, "interrupted_by_op": model.interrupted,
        "items_at_end": len(items),
        "seconds": round(elapsed, 1)})
    assert killed >= min(kills, MIN_KILLS // (2 if lifecycle else 1)) * 0.9
