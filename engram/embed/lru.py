"""An in-process LRU of query embeddings in front of any embedder.

Agents repeat questions (retries, the same lookup every turn, several tools asking alike),
and each repeat re-ran the model (~5-10 ms on CPU) or at best a SQLite cache lookup.
Only ``role="query"`` texts are kept; passages go straight through (they are embedded
once and stored). Entries are dropped by :meth:`forget` like the disk cache's.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from engram.embed.base import Embedder, TextRole, WrappedEmbedder
from engram.protocols import Closeable, Compactable, ForgetsTexts, Settleable

QUERY_CACHE_SIZE = 1024  # ~1.5 MB of 384-d float32 vectors


class QueryLRU(WrappedEmbedder):
    """Wraps ``inner``; the same vectors, minus repeated model runs for repeated queries."""

    def __init__(self, inner: Embedder, size: int = QUERY_CACHE_SIZE) -> None:
        super().__init__(inner)
        self.size = size
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.query_hits = 0

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        if role != "query" or self.size <= 0 or isinstance(texts, str):
            return self.inner.embed(texts, role=role)
        with self._lock:
            found = {t: self._cache[t] for t in texts if t in self._cache}
            for text in found:
                self._cache.move_to_end(text)
            self.query_hits += sum(1 for t in texts if t in found)
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            vectors = np.asarray(self.inner.embed(missing, role=role), dtype=np.float32)
            fresh = {t: vectors[i].copy() for i, t in enumerate(missing)}
            with self._lock:
                for text, vec in fresh.items():
                    vec.setflags(write=False)
                    self._cache[text] = vec
                while len(self._cache) > self.size:
                    self._cache.popitem(last=False)
            found.update(fresh)
        if not texts:
            return np.empty((0, self.inner.dim), dtype=np.float32)
        return np.stack([found[t] for t in texts])

    def forget(self, texts: Sequence[str], roles: Sequence[str] = ("passage", "query")) -> int:
        """Drop these texts here and in the inner embedder's cache (if it has one)."""
        if "query" in roles:
            with self._lock:
                for text in texts:
                    self._cache.pop(text, None)
        return self.inner.forget(texts, roles) if isinstance(self.inner, ForgetsTexts) else 0

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def settle(self) -> None:
        if isinstance(self.inner, Settleable):
            self.inner.settle()

    def compact(self) -> None:
        self.clear()
        if isinstance(self.inner, Compactable):
            self.inner.compact()

    def close(self) -> None:
        self.clear()
        if isinstance(self.inner, Closeable):
            self.inner.close()
