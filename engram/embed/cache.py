"""A persistent embedding cache, kept by the configured backend.

Re-embedding is the dominant cost of re-indexing and of repeated queries, and
vectors are a pure function of (model, role, text). So we key each vector by
``sha256(model_id, role, sha256(text))``: changing the model (and hence its
``model_id``) never returns stale vectors, and the cache holds no readable text.

:class:`CachedEmbedder` does the keying; a :class:`VectorCache` keeps the rows. Under
PostgreSQL that is a table in the shared database
(:class:`engram.store.postgres_side.PostgresVectorCache`), so every host reuses every
vector. Under SQLite it is a small file of its own in the data dir
(:class:`SQLiteVectorCache`), not a table in ``engram.db``, because a cache is shared
by every store of the data dir (benchmarks open a fresh store per question and reuse
one cache), holds only derived vectors that may be dropped at any time, and its
writes, made while embedding, must not wait on the store's single writer lock.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from engram.embed.base import Embedder, TextRole, WrappedEmbedder
from engram.errors import EmbedderError
from engram.protocols import Compactable, Settleable
from engram.store.sql_common import checkpoint

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    key BLOB PRIMARY KEY,
    model_id TEXT NOT NULL,
    vector BLOB NOT NULL
) WITHOUT ROWID
"""
_CHUNK = 500  # stay well under SQLite's bound-parameter limit


def cache_key(model_id: str, role: str, text: str) -> bytes:
    """The 32-byte cache key; exposed so tests and tools agree on it."""
    text_digest = hashlib.sha256(text.encode("utf-8")).digest()
    return hashlib.sha256(f"{model_id}\x00{role}\x00".encode() + text_digest).digest()


@runtime_checkable
class VectorCache(Protocol):
    """Rows of cached vectors by 32-byte key (see :func:`cache_key`), on some backend.
    Writers racing on one key must agree (insert-or-ignore); a failed write only costs
    speed later, so :meth:`put` logs instead of raising."""

    where: str  # for messages: the file or database

    def lookup(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The vectors found for these keys (rows of another size are skipped)."""
        ...

    def put(self, model_id: str, keys: Sequence[bytes], vectors: np.ndarray) -> None: ...

    def delete(self, keys: Sequence[bytes]) -> int:
        """Drop these keys' rows; returns how many went."""
        ...

    def count(self) -> int: ...

    def close(self) -> None: ...


class CachedEmbedder(WrappedEmbedder):
    """Wraps an :class:`Embedder`; only cache misses reach it.

    ``cache`` is a :class:`VectorCache`, or a path for a :class:`SQLiteVectorCache`.
    ``hits`` counts inputs served from the cache; ``misses`` counts distinct texts
    sent to the inner embedder (duplicates in one call are embedded once).
    """

    def __init__(self, inner: Embedder, cache: VectorCache | str | Path) -> None:
        super().__init__(inner)
        self.cache = cache if isinstance(cache, VectorCache) else SQLiteVectorCache(cache)
        self._counter_lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def path(self) -> Path | None:
        """The cache file, for a file cache (None for a database table)."""
        return self.cache.path if isinstance(self.cache, SQLiteVectorCache) else None

    def close(self) -> None:
        self.cache.close()

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        """Return ``(len(texts), dim)`` float32 unit rows, embedding only what is not cached."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not a single string")
        dim = self.inner.dim
        out = np.zeros((len(texts), dim), dtype=np.float32)
        if len(texts) == 0:
            return out
        model_id = self.inner.model_id
        keys = [cache_key(model_id, role, t) for t in texts]
        found = self.cache.lookup(list(dict.fromkeys(keys)), dim)
        missing: dict[bytes, list[int]] = {}
        hits = 0
        for i, k in enumerate(keys):
            vec = found.get(k)
            if vec is None:
                missing.setdefault(k, []).append(i)
            else:
                out[i] = vec
                hits += 1
        if missing:
            miss_keys = list(missing)
            vecs = np.asarray(
                self.inner.embed([texts[missing[k][0]] for k in miss_keys], role=role),
                dtype=np.float32,
            )
            for k, vec in zip(miss_keys, vecs):
                out[missing[k]] = vec
            self.cache.put(model_id, miss_keys, vecs)
        with self._counter_lock:
            self.hits += hits
            self.misses += len(missing)
        logger.debug("embedding cache: %d hits, %d misses", hits, len(missing))
        return out

    def forget(self, texts: Sequence[str], roles: Sequence[str] = ("passage", "query")) -> int:
        """Drop the cached vectors of these texts (verifiable deletion); returns rows removed."""
        return self.cache.delete(sorted({cache_key(self.inner.model_id, r, t)
                                         for t in texts for r in roles}))

    def settle(self) -> None:
        """Make :meth:`forget` physical now, where the cache can (a file's WAL)."""
        if isinstance(self.cache, Settleable):
            self.cache.settle()

    def compact(self) -> None:
        """Reclaim the space of forgotten rows (VACUUM)."""
        if isinstance(self.cache, Compactable):
            self.cache.compact()

    def __len__(self) -> int:
        return self.cache.count()


class SQLiteVectorCache:
    """A :class:`VectorCache` in its own SQLite file.

    Safe across threads (one connection per thread) and processes (WAL,
    ``busy_timeout``, short transactions, ``INSERT OR IGNORE`` so racing writers
    of the same vector agree).
    """

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 10_000) -> None:
        self.path = Path(path)
        self.where = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list[sqlite3.Connection] = []
        self._connect()  # fail fast on an unwritable path and create the schema

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = self._local.__dict__.get("conn")
        if conn is not None:
            return conn
        try:
            conn = sqlite3.connect(self.path, timeout=self._busy_timeout_ms / 1000,
                                   isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={int(self._busy_timeout_ms)}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise EmbedderError(
                f"cannot open the embedding cache at {self.path}: {exc}; check the path is "
                "writable, or delete the file (it is only a cache)."
            ) from exc
        self._local.conn = conn
        with self._lock:
            self._conns.append(conn)
        return conn

    def close(self) -> None:
        """Close every connection this object opened (from any thread)."""
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    def lookup(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        conn = self._connect()
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", chunk)
            for key, blob in rows:
                if len(blob) == dim * 4:  # ignore rows of a different size rather than crash
                    found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put(self, model_id: str, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        conn = self._connect()
        rows = [(k, model_id, np.ascontiguousarray(v, dtype=np.float32).tobytes())
                for k, v in zip(keys, vectors)]
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT OR IGNORE INTO embeddings (key, model_id, vector) VALUES (?, ?, ?)", rows
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            # The vectors are already computed; a failed cache write only costs speed later.
            logger.warning("could not write %d vectors to the embedding cache %s: %s",
                           len(rows), self.path, exc)

    def delete(self, keys: Sequence[bytes]) -> int:
        conn = self._connect()
        conn.execute("PRAGMA secure_delete=ON")
        removed = 0
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            cur = conn.execute(f"DELETE FROM embeddings WHERE key IN ({','.join('?' * len(chunk))})",
                               chunk)
            removed += cur.rowcount
        return removed

    def settle(self) -> None:
        """Checkpoint and truncate the WAL after :meth:`delete`, so no page image of a
        forgotten vector stays in it. (The cache holds vectors keyed by hashes, never text.)"""
        checkpoint(self._connect(), self._lock, self.path)

    def compact(self) -> None:
        """Checkpoint and VACUUM, so forgotten rows leave no bytes in the file or its WAL."""
        conn = self._connect()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def count(self) -> int:
        return int(self._connect().execute("SELECT count(*) FROM embeddings").fetchone()[0])


__all__ = ["CachedEmbedder", "SQLiteVectorCache", "VectorCache", "cache_key"]
