"""A saved HNSW graph searched in place: memory-mapped read-only, plus this process's changes.

Opening a saved graph used to mean reading the whole file (180 MB at 100k vectors, 1.7 GB at
1M), copying its vectors into a second matrix and building a dict entry per key: 2.4 s of
a fresh process's 3.2 s first search at 100k (cProfile on a loaded 2-core box; the rest was
listing the scope's members and importing faiss). benchmarks/scale_cold.py measures it now.
Here the file is mapped (faiss ``IO_FLAG_MMAP_IFC``): opening reads the header and labels,
and a search touches only the pages it visits. Key lookups use one sorted array, built on
the first write or exact search, not dicts.

The mapping is never written through (faiss aborts when a mapped vector is resized, and the
pages are read-only). Changes live in two small layers on top:

* tombstones: graph rows whose key was since removed or replaced (one bool per row);
* delta: vectors added or replaced since the graph was saved, an in-RAM
  :class:`~engram.index.vector.VectorMatrix` (exact while small, its own HNSW above).

``engram.index.ann_file`` saves both beside the graph and zeroes tombstoned rows in the
graph file itself, so a deleted embedding does not outlive its memory on disk; once the
layers outgrow :data:`MERGE_SHARE` / :data:`REBUILD_SHARE` of the graph, :meth:`merged`
folds them into a writable graph that is saved as a new generation.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram.index.vector import KeyFilter, VectorMatrix, hnsw_candidates, top_k

MERGE_SHARE = 0.10  # delta above this share of the graph (and above ann_threshold): fold it in
REBUILD_SHARE = 0.25  # tombstones above this share: rebuild the graph (VectorMatrix's own rule)


def flat_storage(index: Any) -> np.ndarray:
    """The (ntotal, dim) vectors of a faiss HNSW-Flat index as a numpy view (no copy)."""
    import faiss

    flat: Any = faiss.downcast_index(index.storage)  # IndexFlat: get_xb is not in the stubs
    size = index.ntotal * index.d
    if size == 0:
        return np.empty((0, index.d), dtype=np.float32)
    return faiss.rev_swig_ptr(flat.get_xb(), size).reshape(index.ntotal, index.d)


class MappedIndex:
    """A read-only mapped HNSW graph with tombstones and a delta; thread-safe.

    Same search and update methods as :class:`VectorMatrix`, which the store uses
    interchangeably."""

    def __init__(self, index: Any, labels: np.ndarray, *, ann_threshold: int,
                 dead_rows: np.ndarray | None = None, delta: VectorMatrix | None = None,
                 source: Path | None = None) -> None:
        self.dim = int(index.d)
        self.ann_threshold = ann_threshold
        self.source = source  # the generation folder the graph was mapped from
        self.ann_changes = 0  # edits since it was loaded (saved when > 0)
        self.ann_builds = 0  # never builds a graph itself
        self._lock = threading.RLock()
        self._index = index
        self._labels = labels  # graph row -> key, -1 for rows dead when the graph was written
        self._dead = np.asarray(labels < 0)  # a writable copy: tombstones live here
        if dead_rows is not None and dead_rows.size:
            self._dead[dead_rows] = True
        self._base_live = int(self._dead.size - self._dead.sum())
        self._delta = delta if delta is not None else VectorMatrix(self.dim, ann_threshold=ann_threshold)
        self._storage = flat_storage(index)
        self._storage.flags.writeable = False  # the mapping is read-only: a write would segfault
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None  # (keys, rows), lazy

    def prefault(self) -> None:
        """Touch one vector per 64 KiB of the mapping now, so the kernel maps its pages
        (16 a fault) at open rather than during the first searches: at 1M vectors the first
        search otherwise spent ~12 ms in page faults against ~1 ms warm
        (benchmarks/results/scale-cold-*). A file not in the page cache is read here."""
        with self._lock:
            if self._storage.size:
                step = max(1, 65536 // (self.dim * 4))
                float(self._storage[::step, 0].sum())

    def __len__(self) -> int:
        return self._base_live + len(self._delta)

    @property
    def has_ann(self) -> bool:
        return True

    @property
    def needs_merge(self) -> bool:
        """True when the layers should be folded into a new graph (see the module doc)."""
        with self._lock:
            rows = max(int(self._dead.size), 1)
            tombstoned = int(self._dead.sum()) - int((self._labels < 0).sum())
            big_delta = len(self._delta) > max(self.ann_threshold, MERGE_SHARE * rows)
            return big_delta or tombstoned > REBUILD_SHARE * rows

    def layers(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(tombstoned rows, delta keys, delta vectors) for saving; rows dead when the
        graph was written are not repeated."""
        with self._lock:
            dead = np.flatnonzero(self._dead & (self._labels >= 0)).astype(np.int64)
            keys = self._delta.keys()
            vectors = np.stack([v for _, v in sorted(self._delta.get(keys.tolist()).items())]) \
                if keys.size else np.empty((0, self.dim), dtype=np.float32)
            return dead, np.sort(keys), vectors

    def graph(self) -> Any:
        return self._index

    def keys(self) -> np.ndarray:
        with self._lock:
            return np.concatenate([self._labels[~self._dead], self._delta.keys()]).astype(np.int64)

    def _rows(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(keys, graph rows) of those keys that are live in the graph."""
        if self._sorted is None:
            order = np.argsort(self._labels, kind="stable")
            self._sorted = (np.asarray(self._labels[order]), order)
        sorted_keys, order = self._sorted
        if keys.size == 0 or sorted_keys.size == 0:
            return keys[:0], keys[:0]
        at = np.minimum(np.searchsorted(sorted_keys, keys), sorted_keys.size - 1)
        hit = sorted_keys[at] == keys
        keys, rows = keys[hit], order[at[hit]]
        alive = ~self._dead[rows]
        return keys[alive], rows[alive]

    def get(self, keys: Sequence[int]) -> dict[int, np.ndarray]:
        with self._lock:
            out = self._delta.get(keys)
            found, rows = self._rows(np.asarray([k for k in keys if int(k) not in out], dtype=np.int64))
            out.update((int(k), self._storage[r].copy()) for k, r in zip(found, rows))
            return out

    def upsert(self, keys: Sequence[int], vectors: np.ndarray) -> None:
        with self._lock:
            self._kill(keys)
            self._delta.upsert(keys, vectors)
            self.ann_changes += len(keys)

    def remove(self, keys: Sequence[int]) -> None:
        with self._lock:
            self._kill(keys)
            self._delta.remove(keys)
            self.ann_changes += len(keys)

    def _kill(self, keys: Sequence[int]) -> None:
        _, rows = self._rows(np.asarray(keys, dtype=np.int64).reshape(-1))
        self._dead[rows] = True
        self._base_live -= int(rows.size)

    def search_exact(self, query: np.ndarray, keys: Sequence[int] | np.ndarray,
                     k: int) -> list[tuple[int, float]]:
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        with self._lock:
            wanted = np.asarray(keys, dtype=np.int64).reshape(-1)
            found, rows = self._rows(wanted)
            scores = self._storage[np.sort(rows)] @ query if rows.size else np.empty(0, np.float32)
            found = found[np.argsort(rows)]
            base = [(int(found[i]), float(scores[i])) for i in top_k(scores, k)]
            return _best(base + self._delta.search_exact(query, wanted, k), k)

    def search_ann(self, query: np.ndarray, k: int, allowed: KeyFilter) -> list[tuple[int, float]]:
        """Graph search skipping tombstoned rows, plus the delta, rescored exactly."""
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        with self._lock:
            labels, dead = self._labels, self._dead
            keys, rows = hnsw_candidates(self._index, query, k,
                                         lambda r: np.where(dead[r], -1, labels[r]), allowed)
            scores = self._storage[rows] @ query if rows.size else np.empty(0, np.float32)
            base = [(int(keys[i]), float(scores[i])) for i in top_k(scores, k)]
            if len(self._delta) > self.ann_threshold:
                extra = self._delta.search_ann(query, k, allowed)
            elif len(self._delta):
                mine = self._delta.keys()
                extra = self._delta.search_exact(query, mine[allowed(mine)], k)
            else:
                extra = []
            return _best(base + extra, k)

    def merged(self) -> VectorMatrix:
        """A writable in-RAM matrix holding the graph (read again, not mapped) with the
        tombstones and the delta applied; it rebuilds its graph if too many rows are dead."""
        import faiss

        with self._lock:
            path = self.source / "hnsw.faiss" if self.source is not None else None
            if path is not None and path.exists():
                index = faiss.read_index(str(path))
            else:  # the file was removed (compact): copy the mapped graph (clone_index would share it)
                index = faiss.deserialize_index(faiss.serialize_index(self._index))
            labels = np.where(self._dead, -1, self._labels).astype(np.int64)
            flat_storage(index)[labels < 0] = 0.0
            matrix = VectorMatrix.from_ann(index, labels, ann_threshold=self.ann_threshold)
            keys = self._delta.keys()
            if keys.size:
                got = self._delta.get(keys.tolist())
                matrix.upsert(keys.tolist(), np.stack([got[int(k)] for k in keys]))
            matrix.ensure_ann()
            matrix.ann_changes = max(matrix.ann_changes, 1)
            return matrix


def _best(hits: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
    return sorted(hits, key=lambda h: -h[1])[:k]
