"""In-memory vector search over stored embeddings: exact for small candidate
sets, HNSW (faiss) for large ones.

ConvoMem and our own runs show most scopes are small, where exact search is
both faster to maintain and perfectly accurate; an approximate index only
pays off once a scope holds tens of thousands of vectors. Building that graph
is the expensive part (36 s at 100k vectors), so a built graph can be exported
(:meth:`VectorMatrix.ann_state`) and a matrix rebuilt from one
(:meth:`VectorMatrix.from_ann`): ``engram.index.ann_file`` keeps it on disk.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
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


def hnsw_candidates(index: Any, query: np.ndarray, k: int, label_of: Callable[[np.ndarray], np.ndarray],
                    allowed: KeyFilter) -> tuple[np.ndarray, np.ndarray]:
    """(keys, graph rows) of the graph's nearest rows that pass ``allowed``, over-fetching
    (x4 a round) until ``k`` pass or the whole graph was asked. ``label_of`` maps graph rows
    to keys, -1 for dead rows; each key is kept once, at its nearest row. The caller holds
    the lock that guards ``index`` (efSearch is set on it).

    The graph returns rows nearest first, so the first ``k`` that pass are the best ``k``
    that pass: ``allowed`` is asked about the nearest :func:`head_size` candidates first, and
    about the rest only if fewer than ``k`` of those pass. In a store's graph each
    ``allowed`` call reads the candidates' rows (scope and filters), which was most of a
    1M-store search when its rows were partly out of the page cache (docs/scaling.md)."""
    query = query.reshape(1, -1)
    fetch = max(8 * k, 128)
    while True:
        index.hnsw.efSearch = 2 * fetch
        with one_openmp_thread():
            _, found = index.search(query, min(fetch, index.ntotal))
        rows = found[0][found[0] >= 0]
        keys = label_of(rows)
        rows, keys = rows[keys >= 0], keys[keys >= 0]
        _, first = np.unique(keys, return_index=True)
        first.sort()
        rows, keys = rows[first], keys[first]
        mask = np.zeros(keys.size, dtype=bool)
        head = min(keys.size, head_size(k))
        if head:
            mask[:head] = allowed(keys[:head])
        if int(mask.sum()) < k and head < keys.size:
            mask[head:] = allowed(keys[head:])
        if int(mask.sum()) >= k or fetch >= index.ntotal:
            return keys[mask], rows[mask]
        fetch *= 4


@contextlib.contextmanager
def one_openmp_thread() -> Iterator[None]:
    """Run faiss on the calling thread only, for one query. Its OpenMP team adds nothing to
    a single query but a barrier: on a busy machine the helper thread waits for a time
    slice, and a 1.5 ms graph search took 50-220 ms (2 cores, load 4). Concurrent searches
    already use the cores. The setting is per thread in libgomp and is restored, so graph
    builds keep every core."""
    import faiss  # already imported: a graph exists

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def head_size(k: int) -> int:
    """Nearest candidates checked first (see :func:`hnsw_candidates`): a few more than ``k``,
    so a scope that is most of the graph is answered from them."""
    return max(2 * k, 16)


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
        self._ann_labels: list[int] = []  # faiss row -> key; -1 once removed or replaced
        self._ann_row: dict[int, int] = {}  # key -> its live faiss row
        self._ann_stale = 0  # faiss rows whose key was since removed or replaced
        self.ann_changes = 0  # graph edits since it was built or loaded (persist when > 0)
        self.ann_builds = 0  # graphs built by this matrix (not loaded)
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
                first = self._ann.ntotal
                self._ann.add(vectors)
                self._ann_labels.extend(int(k) for k in keys)
                self._ann_row.update((int(k), first + i) for i, k in enumerate(keys))
                self.ann_changes += len(keys)

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
                # HNSW cannot delete: the rows stay in the graph as zero vectors with no
                # label (so a saved graph keeps no deleted embedding), are dropped at
                # query time, and the graph is rebuilt once too many are stale.
                stored = self._ann_storage()
                for key in gone:
                    row = self._ann_row.pop(key, None)
                    if row is not None:
                        self._ann_labels[row] = -1
                        stored[row] = 0.0
                self._ann_stale += len(gone)
                self.ann_changes += len(gone)

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
            labels = np.asarray(self._ann_labels, dtype=np.int64)
            kept, _ = hnsw_candidates(index, query, k, lambda rows: labels[rows], allowed)
            scores = self._mat[[self._pos[int(key)] for key in kept]] @ query[0] \
                if kept.size else np.empty(0, dtype=np.float32)
            return [(int(kept[i]), float(scores[i])) for i in top_k(scores, k)]

    @property
    def has_ann(self) -> bool:
        return self._ann is not None

    def ensure_ann(self) -> None:
        """Build the HNSW graph now (else the first large search does)."""
        with self._lock:
            self._ensure_ann()

    def _ensure_ann(self) -> Any:
        if self._ann is not None and self._ann_stale > 0.25 * max(self._ann.ntotal, 1):
            self._ann = None  # too many stale rows: rebuild
        if self._ann is None:
            import faiss  # lazy: only large stores pay for it

            index = faiss.IndexHNSWFlat(self.dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            if self._n:
                index.add(self._mat[: self._n])
            labels = self._keys[: self._n].tolist()
            self._ann, self._ann_labels, self._ann_stale = index, labels, 0
            self._ann_row = {k: i for i, k in enumerate(labels)}
            self.ann_changes = max(self._n, 1)  # a new graph: worth saving
            self.ann_builds += 1
        return self._ann

    def _ann_storage(self) -> np.ndarray:
        """The graph's own vectors as a writable (ntotal, dim) view (no copy)."""
        import faiss

        flat: Any = faiss.downcast_index(self._ann.storage)  # IndexFlat: get_xb is not in the stubs
        size = self._ann.ntotal * self.dim
        if size == 0:
            return np.empty((0, self.dim), dtype=np.float32)
        return faiss.rev_swig_ptr(flat.get_xb(), size).reshape(self._ann.ntotal, self.dim)

    def ann_state(self) -> tuple[Any, np.ndarray] | None:
        """(the faiss graph, its row -> key labels with -1 for dead rows), or None when no
        graph is built. The graph holds the vectors too: :meth:`from_ann` needs nothing else."""
        with self._lock:
            if self._ann is None:
                return None
            return self._ann, np.asarray(self._ann_labels, dtype=np.int64)

    @classmethod
    def from_ann(cls, index: Any, labels: np.ndarray, *, ann_threshold: int = 20_000) -> VectorMatrix:
        """A matrix whose vectors and graph come from a saved HNSW index (no rebuild)."""
        matrix = cls(int(index.d), ann_threshold=ann_threshold)
        matrix._ann = index
        live = np.flatnonzero(labels >= 0)
        if live.size:
            matrix._grow(live.size)
            matrix._mat[: live.size] = matrix._ann_storage()[live]
            matrix._keys[: live.size] = labels[live]
            matrix._n = int(live.size)
        matrix._pos = dict(zip(labels[live].tolist(), range(live.size)))
        matrix._ann_labels = labels.tolist()
        matrix._ann_row = dict(zip(labels[live].tolist(), live.tolist()))
        matrix._ann_stale = int(labels.size - live.size)
        return matrix

    def keys(self) -> np.ndarray:
        """The present keys (a copy), in no particular order."""
        with self._lock:
            return self._keys[: self._n].copy()
