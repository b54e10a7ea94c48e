"""SQLite reads outside the store's lock (issue #17): a read on another thread does not
wait for a write in progress, a small scope's vector search does not take the lock,
reads inside a transaction still see its uncommitted state, and closing the store
closes its read connections. The waits below are deadlock guards, not timings."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engram.model import Filters, HistoryEntry, MemoryItem, Scope
from engram.store.sqlite import SQLiteStore

ALICE = Scope(user_id="alice")
GUARD_S = 30.0  # only reached if the read waits for the writer (the bug): then it fails
HOLD_S = 4 * GUARD_S  # a holder outlasts the guard, so a waiting read cannot finish in time


def unit(seed: int) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    return vec / np.linalg.norm(vec)


def put(store: SQLiteStore, text: str, seed: int) -> MemoryItem:
    item = MemoryItem(scope=ALICE, content=text)
    store.add([item], unit(seed)[None, :],
              [HistoryEntry(memory_id=item.id, version=1, op="add", new=item.snapshot())], model_id="m")
    return item


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "r.db")
    yield s
    s.close()


def finishes_while_held(hold: Callable[[threading.Event, threading.Event], None],
                        read: Callable[[], Any]) -> tuple[bool, Any]:
    """Run ``hold`` in a thread until ``read`` (in another) returns: whether it returned
    while ``hold`` still held what it took, and its result."""
    taken, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold, args=(taken, release))
    holder.start()
    assert taken.wait(GUARD_S)
    out: list[Any] = []
    reader = threading.Thread(target=lambda: out.append(read()))
    reader.start()
    reader.join(GUARD_S)
    done_while_held = not reader.is_alive()
    release.set()
    holder.join(GUARD_S)
    reader.join(GUARD_S)
    return done_while_held, out[0] if out else None


def test_a_read_does_not_wait_for_a_write_in_progress(store: SQLiteStore) -> None:
    item = put(store, "alice moved to lisbon", 1)

    def write(taken: threading.Event, release: threading.Event) -> None:
        with store._write() as conn:
            conn.execute("UPDATE memories SET importance = 0.9 WHERE id = ?", (item.id,))
            taken.set()
            release.wait(HOLD_S)

    done, got = finishes_while_held(write, lambda: store.get(ALICE, [item.id]))
    assert done  # it used to queue behind the write on the store's one connection
    assert [i.id for i in got] == [item.id]
    assert got[0].importance != 0.9  # the uncommitted change is not visible
    assert store.get(ALICE, [item.id])[0].importance == 0.9  # and is, once committed


def test_a_small_scope_is_searched_without_the_store_lock(store: SQLiteStore) -> None:
    items = [put(store, f"note {n}", n) for n in range(5)]
    store.vector_search(ALICE, unit(3), Filters(), limit=2)  # the first search reads the hints

    def hold(taken: threading.Event, release: threading.Event) -> None:
        with store._lock:
            taken.set()
            release.wait(HOLD_S)

    done, got = finishes_while_held(hold, lambda: store.vector_search(ALICE, unit(3), Filters(), limit=2))
    assert done
    assert got[0][0] == items[3].id


def test_reads_inside_a_transaction_see_its_own_changes(store: SQLiteStore) -> None:
    with store._write() as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('probe', 'uncommitted')")
        assert store._meta("probe") == "uncommitted"  # on the store's connection, not a reader
        conn.execute("DELETE FROM meta WHERE key = 'probe'")


def test_a_write_on_one_thread_is_read_on_another(store: SQLiteStore) -> None:
    written: list[MemoryItem] = []
    writer = threading.Thread(target=lambda: written.append(put(store, "bob plays chess", 2)))
    writer.start()
    writer.join(GUARD_S)
    assert [i.id for i in store.get(ALICE, [written[0].id])] == [written[0].id]


def test_close_closes_the_read_connections(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    put(store, "carol's note", 4)
    assert store.count(ALICE, Filters()) == 1
    pool = store._readers
    assert pool is not None and pool._idle  # the read went through a reader
    reader = pool._idle[0]
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        reader.execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError):  # as before: a closed store refuses reads
        store.count(ALICE, Filters())


def test_readers_can_be_turned_off(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "o.db", readers=0)
    put(store, "dave's note", 5)
    assert store._readers is None and store.count(ALICE, Filters()) == 1
    store.close()


def test_readers_never_write(store: SQLiteStore) -> None:
    assert store._readers is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store._readers.run("INSERT INTO meta(key, value) VALUES ('x', 'y')")
