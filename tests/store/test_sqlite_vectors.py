"""SQLite vector storage options and the large-scope search path (docs/scaling.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from engram.config import Settings
from engram.errors import InvalidInputError
from engram.model import Filters, HistoryEntry, MemoryItem, MemoryStatus, Scope
from engram.store import open_store
from engram.store.sqlite import SQLiteStore

ALICE = Scope(user_id="alice")
DIM = 32


def unit(seed: int) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
    return vec / np.linalg.norm(vec)


def put(store: SQLiteStore, seeds: list[int], scope: Scope = ALICE) -> list[MemoryItem]:
    items = [MemoryItem(scope=scope, content=f"doc {s}") for s in seeds]
    history = [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items]
    store.add(items, np.stack([unit(s) for s in seeds]), history, model_id="m")
    return items


@pytest.mark.parametrize("options", [{}, {"small_scope": 4}, {"small_scope": 4, "ann_threshold": 8}])
def test_int8_store_finds_the_same_neighbours(tmp_path: Path, options: dict[str, int]) -> None:
    f32 = SQLiteStore(tmp_path / "f.db", **options)
    i8 = SQLiteStore(tmp_path / "i.db", vector_dtype="int8", **options)
    seeds = list(range(60))
    items32, items8 = put(f32, seeds), put(i8, seeds)
    for probe in (0, 13, 59):
        a = [items32.index(next(i for i in items32 if i.id == h)) for h, _ in
             f32.vector_search(ALICE, unit(probe), Filters(), limit=5)]
        hits = i8.vector_search(ALICE, unit(probe), Filters(), limit=5)
        b = [items8.index(next(i for i in items8 if i.id == h)) for h, _ in hits]
        assert a[0] == b[0] == probe and hits[0][1] == pytest.approx(1.0, abs=0.01)
        assert len(set(a) & set(b)) >= 4
    f32.close()
    i8.close()


def test_int8_blobs_are_small_and_read_back(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "i.db", vector_dtype="int8")
    [item] = put(store, [7])
    back = store.vectors(ALICE, [item.id])[item.id]
    assert np.abs(back - unit(7)).max() < 0.01
    store.close()
    raw = sqlite3.connect(tmp_path / "i.db").execute("SELECT length(vec) FROM vectors").fetchone()[0]
    assert raw == DIM + 4


def test_mixed_formats_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.db"
    old = SQLiteStore(path)
    [a] = put(old, [1])
    old.close()
    new = SQLiteStore(path, vector_dtype="int8", small_scope=1, ann_threshold=100)
    [b] = put(new, [2])
    assert new.vector_search(ALICE, unit(1), Filters(), limit=1)[0][0] == a.id
    assert new.vector_search(ALICE, unit(2), Filters(), limit=1)[0][0] == b.id
    assert set(new.vectors(ALICE, [a.id, b.id])) == {a.id, b.id}
    new.close()


def test_bad_dtype_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="vector_dtype"):
        SQLiteStore(tmp_path / "x.db", vector_dtype="float16")


def test_settings_select_int8(tmp_path: Path) -> None:
    store = open_store(Settings(data_dir=tmp_path, vector_dtype="int8"))
    put(store, [3])  # type: ignore[arg-type]
    store.close()
    raw = sqlite3.connect(tmp_path / "engram.db").execute("SELECT length(vec) FROM vectors").fetchone()[0]
    assert raw == DIM + 4


def test_cached_scope_members_follow_status_changes(tmp_path: Path) -> None:
    """A replace without a new vector changes filters' results: the cache must notice."""
    store = SQLiteStore(tmp_path / "s.db", small_scope=2, ann_threshold=4)
    items = put(store, list(range(10)))
    active = Filters(statuses=[MemoryStatus.ACTIVE])
    assert store.vector_search(ALICE, unit(3), active, limit=1)[0][0] == items[3].id
    store.record_access(ALICE, [items[3].id])  # access stats alone keep the cache
    archived = store.get(ALICE, [items[3].id])[0].model_copy(
        update={"status": MemoryStatus.ARCHIVED, "version": 2})
    store.replace(archived, None, HistoryEntry(memory_id=items[3].id, version=2, op="update"),
                  expected_version=1)
    assert store.vector_search(ALICE, unit(3), active, limit=1)[0][0] != items[3].id
    store.close()


def test_cached_scope_members_see_other_connections(tmp_path: Path) -> None:
    first = SQLiteStore(tmp_path / "s.db", small_scope=2, ann_threshold=4)
    second = SQLiteStore(tmp_path / "s.db", small_scope=2, ann_threshold=4)
    put(first, list(range(10)))
    assert second.vector_search(ALICE, unit(1), Filters(), limit=1)
    target = second.vector_search(ALICE, unit(4), Filters(), limit=1)[0][0]
    first.delete(ALICE, [target], [])
    assert second.vector_search(ALICE, unit(4), Filters(), limit=1)[0][0] != target
    [late] = put(first, [999])
    assert second.vector_search(ALICE, unit(999), Filters(), limit=1)[0][0] == late.id
    first.close()
    second.close()


def test_own_writes_patch_cached_members(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "p.db", small_scope=2, ann_threshold=4)
    bob = Scope(user_id="bob")
    put(store, list(range(10)))
    put(store, list(range(10)), scope=bob)
    assert store.vector_search(ALICE, unit(2), Filters(), limit=1)  # caches alice's members
    [other] = put(store, [500], scope=bob)
    [mine] = put(store, [501])
    assert store.vector_search(ALICE, unit(500), Filters(), limit=3)[0][0] != other.id
    assert store.vector_search(ALICE, unit(501), Filters(), limit=1)[0][0] == mine.id
    store.delete(ALICE, [mine.id], [])
    assert mine.id not in {h for h, _ in store.vector_search(ALICE, unit(501), Filters(), limit=20)}
    from engram.errors import ConflictError
    with pytest.raises(ConflictError):  # a failed write leaves no patched cache behind
        store.add([MemoryItem(id=other.id, scope=ALICE, content="dup")], unit(1)[None, :],
                  [], model_id="m")
    assert other.id not in {h for h, _ in store.vector_search(ALICE, unit(500), Filters(), limit=20)}
    store.close()
