"""SQLite settles shared across connections (issue #17): a settle that ran after a
thread's last write — in another connection, as another process would — covers that
thread's delete, deleted text still leaves no bytes behind, and a settle that could not
truncate the WAL covers nobody."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from engram.model import HistoryEntry, MemoryItem, Scope, tombstone
from engram.store.sqlite import SQLiteStore

ALICE = Scope(user_id="alice")
CANARY = "qzxsettlecanaryvv"


def put(store: SQLiteStore, text: str) -> MemoryItem:
    item = MemoryItem(scope=ALICE, content=text)
    vec = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    store.add([item], vec, [HistoryEntry(memory_id=item.id, version=1, op="add", new=item.snapshot())],
              model_id="m")
    return item


def delete(store: SQLiteStore, item: MemoryItem) -> None:
    store.delete(ALICE, [item.id], [tombstone(item.id, item.version, None)])


def settle_statements(store: SQLiteStore) -> list[str]:
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.settle()
    store._conn.set_trace_callback(None)
    return [s for s in statements if "optimize" in s or "wal_checkpoint" in s]


def leftovers(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir()
            if p.name.startswith(path.name) and CANARY.encode() in p.read_bytes()]


def test_a_settle_after_this_threads_delete_covers_it(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    mine, other = SQLiteStore(path), SQLiteStore(path)  # two processes' connections
    for n in range(20):
        put(mine, f"an unrelated note {n}")
    secret = put(mine, f"the {CANARY} note")
    delete(mine, secret)
    assert settle_statements(other)  # it never wrote: it settles
    assert settle_statements(mine) == []  # that settle began after this delete: covered
    assert leftovers(path) == []  # and no byte of the deleted text is left
    mine.close()
    other.close()


def test_a_write_after_the_last_settle_needs_a_settle_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    mine, other = SQLiteStore(path), SQLiteStore(path)
    first, second = put(mine, "first note"), put(mine, f"the {CANARY} note")
    delete(mine, first)
    other.settle()
    delete(mine, second)
    assert any("wal_checkpoint" in s for s in settle_statements(mine))
    assert leftovers(path) == []
    mine.close()
    other.close()


def test_a_settle_that_left_the_wal_covers_nobody(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    mine = SQLiteStore(path)
    other = SQLiteStore(path, busy_timeout_s=0.05)
    put(mine, "first note")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM memories").fetchall()  # an old snapshot, held
    delete(mine, put(mine, "second note"))
    before = other._turns.settled()
    other.settle()  # cannot truncate past the reader: logged, not counted
    assert other._turns.settled() == before
    reader.execute("COMMIT")
    reader.close()
    assert any("wal_checkpoint" in s for s in settle_statements(mine))
    mine.close()
    other.close()


def test_settle_inside_the_store_lock_runs_at_once(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "h.db")
    delete(store, put(store, "a note"))
    with store._lock:  # a caller inside a transaction must not wait for a turn
        store.settle()
    assert store._turns.settled() == 0  # not counted: it ran outside the turns' order
    store.settle()
    assert store._turns.settled() == 1
    store.close()
