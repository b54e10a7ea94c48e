"""In-memory vector search over stored embeddings: exact for small candidate
sets, HNSW (faiss) for large ones.

ConvoMem and our own runs show most scopes are small, where exact search is
both faster to maintain and perfectly accurate; an approximate index only
pays off once a scope holds tens of thousands of vectors.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

KeyFilter = Callable[[np.ndarray], np.ndarray]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest scores, best first."""
    if k <= 0 or scores.size == 0:
        return np.empty(0, dtype=np.int64)
    if k >= scores.size:
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


class VectorMatrix:
    """All vectors of a store, keyed by integer row key, with lazy HNSW.

    Thread-safe. ``ann_threshold`` is the candidate count above which the
    approximate index is used instead of a brute-force scan.
    """

    def __init__(self, dim: int, *, ann_threshold: int = 20_000) -> None:
        self.dim = dim
        self.ann_threshold = ann_threshold
        self._lock = threading.RLock()
        self._n = 0
        self._keys = np.empty(0, dtype=np.int64)
        self._mat = np.empty((0, dim), dtype=np.float32)
        self._pos: dict[int, int] = {}
        self._ann: Any = None  # faiss.IndexHNSWFlat, built on first large search
        self._ann_labels: list[int] = []  # faiss row -> key
        self._ann_stale = 0  # faiss rows whose key was since removed or replaced
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None  # (keys, positions), lazy

    def __len__(self) -> int:
        return self._n

    def _grow(self, extra: int) -> None:
        need = self._n + extra
        if need <= len(self._keys):
            return
        capacity = max(need, 2 * len(self._keys), 1024)
        keys = np.empty(capacity, dtype=np.int64)
        mat = np.empty((capacity, self.dim), dtype=np.float32)
        keys[: self._n] = self._keys[: self._n]
        mat[: self._n] = self._mat[: self._n]
        self._keys, self._mat = keys, mat

    def upsert(self, keys: Sequence[int], vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(keys), self.dim)
        with self._lock:
            self.remove([k for k in keys if int(k) in self._pos])
            self._grow(len(keys))
            for offset, key in enumerate(keys):
                self._keys[self._n] = int(key)
                self._mat[self._n] = vectors[offset]
                self._pos[int(key)] = self._n
                self._n += 1
            self._sorted = None
            if self._ann is not None:
                self._ann.add(vectors)
                self._ann_labels.extend(int(k) for k in keys)

    def remove(self, keys: Sequence[int]) -> None:
        """Swap-remove: O(1) per key, order is not preserved (nor needed)."""
        with self._lock:
            gone = [int(k) for k in keys if int(k) in self._pos]
            for key in gone:
                pos = self._pos.pop(key)
                last = self._n - 1
                if pos != last:
                    moved = int(self._keys[last])
                    self._keys[pos] = moved
                    self._mat[pos] = self._mat[last]
                    self._pos[moved] = pos
                self._n = last
            if gone:
                self._sorted = None
            if gone and self._ann is not None:
                # HNSW cannot delete: the rows stay in the graph, are dropped at query
                # time, and the graph is rebuilt once too many are stale.
                self._ann_stale += len(gone)

    def get(self, keys: Sequence[int]) -> dict[int, np.ndarray]:
        with self._lock:
            return {int(k): self._mat[self._pos[int(k)]].copy() for k in keys if int(k) in self._pos}

    def positions(self, keys: Sequence[int] | np.ndarray) -> np.ndarray:
        """Matrix rows of the keys that are present (vectorized: a sorted key index,
        rebuilt lazily after writes, instead of one dict lookup per key)."""
        with self._lock:
            wanted = np.asarray(keys, dtype=np.int64).reshape(-1)
            if wanted.size == 0 or self._n == 0:
                return np.empty(0, dtype=np.int64)
            if self._sorted is None:
                order = np.argsort(self._keys[: self._n], kind="stable")
                self._sorted = (self._keys[: self._n][order], order)
            sorted_keys, order = self._sorted
            at = np.minimum(np.searchsorted(sorted_keys, wanted), len(sorted_keys) - 1)
            found = sorted_keys[at] == wanted
            return np.asarray(order[at[found]], dtype=np.int64)

    def search_exact(self, query: np.ndarray, keys: Sequence[int] | np.ndarray,
                     k: int) -> list[tuple[int, float]]:
        """Brute force over the given candidate keys."""
        with self._lock:
            positions = self.positions(keys)
            if positions.size == 0:
                return []
            if positions.size == self._n:  # every row: no gather copy
                positions = np.arange(self._n)
                scores = self._mat[: self._n] @ query.astype(np.float32)
            else:
                scores = self._mat[positions] @ query.astype(np.float32)
            order = top_k(scores, k)
            return [(int(self._keys[positions[i]]), float(scores[i])) for i in order]

    def search_ann(self, query: np.ndarray, k: int, allowed: KeyFilter) -> list[tuple[int, float]]:
        """Approximate search, over-fetching until ``k`` results pass ``allowed``.

        ``allowed`` maps an array of keys to a boolean mask (scope and filters).
        Candidates are rescored exactly against the current vectors, so stale
        graph rows (removed or replaced keys) can never leak or mis-rank.
        """
        query = query.astype(np.float32).reshape(1, -1)
        with self._lock:
            index = self._ensure_ann()
            fetch = max(8 * k, 128)
            while True:
                index.hnsw.efSearch = 2 * fetch
                _, rows = index.search(query, min(fetch, index.ntotal))
                keys = np.fromiter(dict.fromkeys(
                    self._ann_labels[r] for r in rows[0] if r >= 0 and self._ann_labels[r] in self._pos
                ), dtype=np.int64)
                mask = allowed(keys) if keys.size else np.zeros(0, dtype=bool)
                if mask.sum() >= k or fetch >= index.ntotal:
                    kept = keys[mask]
                    scores = self._mat[[self._pos[int(key)] for key in kept]] @ query[0] \
                        if kept.size else np.empty(0, dtype=np.float32)
                    return [(int(kept[i]), float(scores[i])) for i in top_k(scores, k)]
                fetch *= 4

    def _ensure_ann(self) -> Any:
        if self._ann is not None and self._ann_stale > 0.25 * max(self._ann.ntotal, 1):
            self._ann = None  # too many stale rows: rebuild
        if self._ann is None:
            import faiss  # lazy: only large stores pay for it

            index = faiss.IndexHNSWFlat(self.dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            if self._n:
                index.add(self._mat[: self._n])
            self._ann, self._ann_labels, self._ann_stale = index, self._keys[: self._n].tolist(), 0
        return self._ann
