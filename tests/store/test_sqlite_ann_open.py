"""A store with a saved HNSW graph maps it in a background thread when it opens, so a
fresh process's first large search does not pay for opening it; whatever comes first
(a search, a write, close) stays correct."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram.index.mapped import MappedIndex
from engram.model import Filters, MemoryItem
from engram.store.sqlite import SQLiteStore
from tests.store.saved_graph import ALICE, LARGE, put, saved_store, unit


@pytest.fixture()
def saved(tmp_path: Path) -> tuple[Path, list[MemoryItem]]:
    return saved_store(tmp_path)


def top(store: SQLiteStore, seed: int, limit: int = 5) -> list[str]:
    return [h for h, _ in store.vector_search(ALICE, unit(seed), Filters(), limit=limit)]


def test_the_saved_graph_is_mapped_before_any_search(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    store = SQLiteStore(path, **LARGE)
    assert store._opener is not None
    store._opener.join()
    assert isinstance(store._matrix, MappedIndex)  # opened without a search asking for it
    assert top(store, 17)[0] == items[17].id
    assert store.graphs_built == 0
    store.close()


def test_no_background_open_without_a_saved_graph(tmp_path: Path, saved: tuple[Path, list[MemoryItem]]) -> None:
    path, _ = saved
    fresh = SQLiteStore(tmp_path / "new.db", **LARGE)
    unsaved = SQLiteStore(path, persist_ann=False, **LARGE)
    assert fresh._opener is None and unsaved._opener is None
    assert fresh._matrix is None and unsaved._matrix is None  # nothing loaded for them
    fresh.close()
    unsaved.close()


def test_writes_right_after_open_reach_the_graph(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    store = SQLiteStore(path, **LARGE)
    [late] = put(store, [5001])  # before or after the background open: either way applied
    store.delete(ALICE, [items[3].id], [])
    assert top(store, 5001)[0] == late.id
    assert items[3].id not in top(store, 3, limit=20)
    assert store.graphs_built == 0
    store.close()
    again = SQLiteStore(path, **LARGE)
    assert top(again, 5001)[0] == late.id
    assert items[3].id not in top(again, 3, limit=20)
    assert again.graphs_built == 0
    again.close()


def test_close_right_after_open_waits_for_the_background_open(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    for _ in range(5):
        store = SQLiteStore(path, **LARGE)
        store.close()
        assert store._opener is not None and not store._opener.is_alive()
    store = SQLiteStore(path, **LARGE)
    assert top(store, 40)[0] == items[40].id
    assert store.graphs_built == 0  # the saved graph survived the quick open/close cycles
    store.close()
