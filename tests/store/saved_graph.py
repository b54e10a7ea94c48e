"""Helpers shared by the tests of the HNSW graph saved beside a SQLite store: unit vectors
by seed, one scope above the graph threshold, and a closed store whose graph is saved."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from engram.model import Filters, HistoryEntry, MemoryItem, Scope
from engram.store.sqlite import SQLiteStore

ALICE = Scope(user_id="alice")
DIM = 32
N = 120
LARGE = {"small_scope": 2, "ann_threshold": 8}  # scopes above 8 vectors use the graph


def unit(seed: int) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
    return vec / np.linalg.norm(vec)


def put(store: SQLiteStore, seeds: list[int], scope: Scope = ALICE, model: str = "m") -> list[MemoryItem]:
    items = [MemoryItem(scope=scope, content=f"doc {s}") for s in seeds]
    history = [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items]
    store.add(items, np.stack([unit(s) for s in seeds]), history, model_id=model)
    return items


def search(store: SQLiteStore, seed: int, limit: int = 5) -> list[tuple[str, float]]:
    return store.vector_search(ALICE, unit(seed), Filters(), limit=limit)


def saved_store(tmp_path: Path) -> tuple[Path, list[MemoryItem]]:
    """A closed store whose graph was built by a search and saved."""
    path = tmp_path / "s.db"
    store = SQLiteStore(path, **LARGE)
    items = put(store, list(range(N)))
    search(store, 3)
    assert store.graphs_built == 1
    store.close()
    return path, items
