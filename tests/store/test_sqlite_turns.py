"""Write turns (issue #17): threads get the lock in the order they asked, and writers of
different connections to one file queue on the ``flock`` beside it. Waits are deadlock
guards, not timings."""

from __future__ import annotations

import threading
from pathlib import Path

from engram.model import HistoryEntry, MemoryItem, Scope
from engram.store.sqlite import SQLiteStore
from engram.store.sqlite_turns import FifoLock, WriteTurns

GUARD_S = 30.0


def _queued(lock: FifoLock, n: int) -> None:
    for _ in range(30_000):
        with lock._mutex:
            if len(lock._waiting) >= n:
                return
        threading.Event().wait(0.001)
    raise AssertionError("the thread never queued")


def test_the_lock_is_granted_in_the_order_it_was_asked_for() -> None:
    lock = FifoLock()
    lock.acquire()
    order: list[int] = []

    def take(n: int) -> None:
        lock.acquire()
        order.append(n)
        lock.release()

    threads = []
    for n in range(5):
        t = threading.Thread(target=take, args=(n,))
        t.start()
        _queued(lock, n + 1)  # each asks only after the previous one is waiting
        threads.append(t)
    lock.release()
    for t in threads:
        t.join(GUARD_S)
    assert order == [0, 1, 2, 3, 4]
    lock.acquire()  # free again once everyone is through
    lock.release()


def test_first_callers_go_ahead_of_earlier_ones_in_their_own_order() -> None:
    lock = FifoLock()
    lock.acquire()
    order: list[str] = []

    def take(name: str, first: bool) -> None:
        lock.acquire(first=first)
        order.append(name)
        lock.release()

    threads = []
    for n, (name, first) in enumerate((("w1", False), ("w2", False), ("s1", True), ("s2", True))):
        t = threading.Thread(target=take, args=(name, first))
        t.start()
        for _ in range(30_000):  # until it is queued
            with lock._mutex:
                if len(lock._waiting) + len(lock._first) > n:
                    break
            threading.Event().wait(0.001)
        threads.append(t)
    lock.release()
    for t in threads:
        t.join(GUARD_S)
    assert order == ["s1", "s2", "w1", "w2"]


def test_a_writer_waits_for_another_connections_turn(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "t.db")
    assert (tmp_path / "t.db-writer.lock").exists()
    other = WriteTurns(store.path)  # another process's turns: its own open file
    taken, release, wrote = threading.Event(), threading.Event(), threading.Event()

    def hold() -> None:
        with other.take():
            taken.set()
            release.wait(4 * GUARD_S)

    def write() -> None:
        item = MemoryItem(scope=Scope(user_id="u"), content="a note")
        store.add([item], None, [HistoryEntry(memory_id=item.id, version=1, op="add", new=item.snapshot())])
        wrote.set()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(GUARD_S)
    writer = threading.Thread(target=write)
    writer.start()
    assert not wrote.wait(0.5)  # queued behind the other turn, not in SQLite's busy loop
    release.set()
    assert wrote.wait(GUARD_S)
    holder.join(GUARD_S)
    writer.join(GUARD_S)
    other.close()
    store.close()


def test_a_turn_inside_a_turn_is_the_same_turn(tmp_path: Path) -> None:
    turns = WriteTurns(tmp_path / "n.db")
    with turns.take():
        with turns.take():  # would wait for itself if it queued again
            pass
        with turns.take():
            pass
    with turns.take():  # and it was given back
        pass
    turns.close()


def test_without_a_writable_folder_writers_use_sqlite_alone(tmp_path: Path) -> None:
    turns = WriteTurns(tmp_path / "missing" / "x.db")  # cannot create the lock file
    assert turns._fd is None
    with turns.take():
        pass
    turns.close()
