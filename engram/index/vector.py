"""In-memory vector search over stored embeddings: exact for small candidate
sets, HNSW (usearch) for large ones.

ConvoMem and our own runs show most scopes are small, where exact search is
both faster to maintain and perfectly accurate; an approximate index only
pays off once a scope holds tens of thousands of vectors.
"""

from __future__ import annotations

import threading
from typing import Callable, Sequence

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
        self._ann: object | None = None

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
            if self._ann is not None:
                self._ann.add(np.asarray(keys, dtype=np.uint64), vectors)  # type: ignore[attr-defined]

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
            if gone and self._ann is not None:
                self._ann.remove(np.asarray(gone, dtype=np.uint64))  # type: ignore[attr-defined]

    def get(self, keys: Sequence[int]) -> dict[int, np.ndarray]:
        with self._lock:
            return {int(k): self._mat[self._pos[int(k)]].copy() for k in keys if int(k) in self._pos}

    def search_exact(self, query: np.ndarray, keys: Sequence[int], k: int) -> list[tuple[int, float]]:
        """Brute force over the given candidate keys."""
        with self._lock:
            positions = np.fromiter(
                (self._pos[int(key)] for key in keys if int(key) in self._pos), dtype=np.int64
            )
            if positions.size == 0:
                return []
            scores = self._mat[positions] @ query.astype(np.float32)
            order = top_k(scores, k)
            return [(int(self._keys[positions[i]]), float(scores[i])) for i in order]

    def search_ann(self, query: np.ndarray, k: int, allowed: KeyFilter) -> list[tuple[int, float]]:
        """Approximate search, over-fetching until ``k`` results pass ``allowed``.

        ``allowed`` maps an array of keys to a boolean mask (scope and filters).
        """
        with self._lock:
            index = self._ensure_ann()
            fetch = max(4 * k, 64)
            while True:
                found = index.search(query.astype(np.float32), min(fetch, len(self)))
                keys = np.asarray(found.keys, dtype=np.int64)
                scores = 1.0 - np.asarray(found.distances, dtype=np.float32)
                mask = allowed(keys) if keys.size else np.zeros(0, dtype=bool)
                if mask.sum() >= k or fetch >= len(self):
                    return [(int(a), float(b)) for a, b in zip(keys[mask][:k], scores[mask][:k])]
                fetch *= 4

    def _ensure_ann(self) -> object:
        if self._ann is None:
            from usearch.index import Index  # lazy: only large stores pay for it

            index = Index(ndim=self.dim, metric="ip", dtype="f32", connectivity=32,
                          expansion_add=128, expansion_search=96)
            if self._n:
                index.add(self._keys[: self._n].astype(np.uint64), self._mat[: self._n])
            self._ann = index
        return self._ann
