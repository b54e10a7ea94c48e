"""Vector reads of :class:`~engram.store.sqlite.SQLiteStore`: exact scoring straight
from SQL rows for small scopes, a process-wide matrix (exact or faiss HNSW) for large
ones, and the cache of large scopes' member rowids that keeps those searches fast.

The HNSW graph is saved beside the store (``engram.index.ann_file``) once built and on
close, and a fresh process reads it back instead of rebuilding it when its stamp matches
the store: the ``meta`` table keeps a ledger (count and checksum of the vector rowids),
updated inside every vector write, next to the vector epoch, the model id and a store id.

A mixin, not a separate object, because it shares the store's connection, lock and
write bookkeeping (``_writes``/``_touched``, patched inside each write transaction).
"""

from __future__ import annotations

import builtins
import contextlib
import sqlite3
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram.embed.quantize import decode_blobs
from engram.index import ann_file
from engram.index.ann_file import Stamp, ids_checksum, rowid_sums
from engram.index.vector import VectorMatrix, top_k
from engram.model import Filters, Scope
from engram.store.base import ScoredIds
from engram.store.sqlite_sql import chunks, scope_clause, where


class VectorReads:
    _lock: threading.RLock
    _conn: sqlite3.Connection
    _ann_threshold: int
    _small_scope: int
    _matrix: VectorMatrix | None
    _seen_epoch: int | None
    _members: dict[tuple[Any, ...], tuple[tuple[int, int], np.ndarray]]
    _writes: int
    _touched: builtins.list[int]
    _persist_ann: bool
    path: Path

    def _read(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        raise NotImplementedError

    def _meta(self, key: str) -> str | None:
        raise NotImplementedError

    def _after_vector_write(self, epoch: int, *, upsert: Sequence[tuple[int, np.ndarray]] = (),
                            remove: Sequence[int] = ()) -> None:
        with self._lock:
            if self._matrix is not None and self._seen_epoch == epoch - 1:
                if remove:
                    self._matrix.remove(remove)
                if upsert:
                    self._matrix.upsert([r for r, _ in upsert], np.stack([v for _, v in upsert]))
                self._seen_epoch = epoch
            else:
                self._matrix = None

    def vector_search(self, scope: Scope, vector: np.ndarray, filters: Filters, *,
                      limit: int) -> ScoredIds:
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        sql, params = where(scope, filters)
        with self._lock:
            members, known_large = self._cached_members(sql, params)
            if members is None and known_large:  # stale after a write, but was large: refetch ids only
                members = self._scope_members(sql, params)
            if members is None:
                rows = self._read(
                    f"SELECT m.id, v.vec FROM memories m JOIN vectors v ON v.rowid = m.rowid WHERE {sql}"
                    " LIMIT ?", [*params, self._small_scope + 1],
                )
                if len(rows) <= self._small_scope:
                    if not rows:
                        return []
                    mat = decode_blobs([r[1] for r in rows], query.shape[0])
                    scores = mat @ query
                    return [(rows[i][0], float(scores[i])) for i in top_k(scores, limit)]
                members = self._scope_members(sql, params)
            return self._vector_search_large(query, members, limit)

    def _token(self) -> tuple[int, int]:
        return self._writes, int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _cached_members(self, sql: str, params: builtins.list[Any]) -> tuple[np.ndarray | None, bool]:
        """(the cached rowids if still valid, whether this scope was large when last seen)."""
        try:
            hit = self._members.get((sql, *params))
        except TypeError:  # an unhashable filter value: not cached
            return None, False
        if hit is None:
            return None, False
        return (hit[1] if hit[0] == self._token() else None), True

    def _scope_members(self, sql: str, params: builtins.list[Any]) -> np.ndarray:
        token = self._token()
        # No join with `vectors`: rowids without a vector are simply absent from the matrix,
        # and the scope's index alone answers this (SQLite indexes carry the rowid).
        rows = self._conn.execute(f"SELECT m.rowid FROM memories m WHERE {sql}", params).fetchall()
        members = np.sort(np.array(rows, dtype=np.int64).reshape(-1))
        if len(self._members) >= 32:
            self._members.clear()
        with contextlib.suppress(TypeError):
            self._members[(sql, *params)] = (token, members)
        return members

    def _patch_members(self, base: tuple[int, int]) -> None:
        """Inside a write, before COMMIT: bring cached scope members that were current at
        its start up to date by re-testing only the touched rowids (O(scope) copy, no
        O(scope) query), so a search right after an add stays fast."""
        touched = np.unique(np.asarray(self._touched, dtype=np.int64))
        now = (self._writes, base[1])
        for key, (token, members) in list(self._members.items()):
            if token != base:
                continue  # already stale: refetched on next use
            sql, params = key[0], list(key[1:])
            inside: builtins.list[int] = []
            for chunk in chunks(touched.tolist(), 500):
                inside += [r[0] for r in self._conn.execute(
                    f"SELECT m.rowid FROM memories m WHERE m.rowid IN ({','.join('?' * len(chunk))})"
                    f" AND {sql}", [*chunk, *params])]
            at = np.minimum(np.searchsorted(members, touched), max(len(members) - 1, 0))
            present = at[members[at] == touched] if len(members) else at[:0]
            kept = np.delete(members, present)
            new = np.sort(np.asarray(inside, dtype=np.int64))
            self._members[key] = (now, np.insert(kept, np.searchsorted(kept, new), new))

    def _vector_search_large(self, query: np.ndarray, members: np.ndarray, limit: int) -> ScoredIds:
        matrix = self._load_matrix()
        if len(members) <= self._ann_threshold:
            hits = matrix.search_exact(query, members, limit)
        else:
            def allowed(candidates: np.ndarray) -> np.ndarray:
                at = np.minimum(np.searchsorted(members, candidates), len(members) - 1)
                return np.asarray(members[at] == candidates, dtype=bool)
            builds = matrix.ann_builds
            hits = matrix.search_ann(query, limit, allowed)
            if matrix.ann_builds != builds:
                self.save_ann()  # a graph was just built: the next process reads it back
        ids = dict(self._read(
            f"SELECT rowid, id FROM memories WHERE rowid IN ({','.join('?' * len(hits))})",
            [k for k, _ in hits])) if hits else {}
        return [(ids[k], s) for k, s in hits if k in ids]

    def preload_vectors(self) -> bool:
        """Load the vector matrix (and the saved HNSW graph when it is current) now rather
        than at the first large search; True if the saved graph was used. For servers that
        want their first query to cost what later ones do."""
        with self._lock:
            self._load_matrix()
            assert self._matrix is not None
            return self._matrix.has_ann and self._matrix.ann_builds == 0

    def _load_matrix(self) -> VectorMatrix:
        with self._lock:
            epoch = int(self._meta("vector_epoch") or 0)
            if self._matrix is None or self._seen_epoch != epoch:
                saved = self._open_saved_ann()
                if saved is not None:
                    self._matrix, self._seen_epoch = saved
                else:
                    self._matrix, self._seen_epoch = self._matrix_from_rows()
            return self._matrix

    def _matrix_from_rows(self) -> tuple[VectorMatrix, int]:
        """Every vector, read in one transaction; records the ledger if it is missing or off."""
        own = not self._conn.in_transaction
        if own:
            self._conn.execute("BEGIN")
        try:
            epoch = int(self._meta("vector_epoch") or 0)
            dim = int(self._meta("vector_dim") or 0)
            rows = self._conn.execute("SELECT rowid, vec FROM vectors").fetchall()
        finally:
            if own:
                self._conn.execute("COMMIT")
        matrix = VectorMatrix(dim, ann_threshold=self._ann_threshold)
        if rows:
            matrix.upsert([r[0] for r in rows], decode_blobs([r[1] for r in rows], dim))
        count, checksum = ids_checksum(matrix.keys())
        with contextlib.suppress(sqlite3.Error):  # a read-only file: no ledger, no saved graph
            self._conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) SELECT 'vector_ledger', ?"
                " WHERE (SELECT value FROM meta WHERE key = 'vector_epoch') = ?",
                (f"{count}:{checksum}", str(epoch)))
        return matrix, epoch

    # -- the saved HNSW graph (engram.index.ann_file) ------------------------
    def _ann_folder(self) -> Path | None:
        if not self._persist_ann or str(self.path) in ("", ":memory:"):
            return None
        return ann_file.ann_dir(self.path)

    def _ann_stamp(self) -> Stamp | None:
        """The store's current stamp, or None while it has no ledger or id yet."""
        meta = dict(self._read(
            "SELECT key, value FROM meta WHERE key IN"
            " ('store_id', 'embed_model', 'vector_dim', 'vector_epoch', 'vector_ledger')"))
        if not {"store_id", "embed_model", "vector_ledger"} <= meta.keys():
            return None
        count, checksum = meta["vector_ledger"].split(":", 1)
        return Stamp(store_id=meta["store_id"], model_id=meta["embed_model"],
                     dim=int(meta.get("vector_dim") or 0), epoch=int(meta.get("vector_epoch") or 0),
                     count=int(count), checksum=checksum)

    def _open_saved_ann(self) -> tuple[VectorMatrix, int] | None:
        folder = self._ann_folder()
        if folder is None or not folder.exists():
            return None
        stamp = self._ann_stamp()
        if stamp is None:
            return None
        matrix = ann_file.load(folder, stamp, ann_threshold=self._ann_threshold,
                               read_vectors=self._vectors_by_rowid)
        return None if matrix is None else (matrix, stamp.epoch)

    def _vectors_by_rowid(self, rowids: builtins.list[int]) -> dict[int, np.ndarray]:
        if not rowids:
            return {}
        rows = self._read(f"SELECT rowid, vec FROM vectors WHERE rowid IN ({','.join('?' * len(rowids))})",
                          rowids)
        mat = decode_blobs([r[1] for r in rows], int(self._meta("vector_dim") or 0) or None)
        return {int(r[0]): mat[i] for i, r in enumerate(rows)}

    def save_ann(self) -> bool:
        """Save the in-memory HNSW graph beside the store if it changed since it was built
        or loaded and is still current (no other process wrote since); True if written."""
        folder = self._ann_folder()
        with self._lock:
            matrix = self._matrix
            if folder is None or matrix is None or not matrix.has_ann or matrix.ann_changes == 0:
                return False
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', ?)",
                                   (uuid.uuid4().hex,))
            stamp = self._ann_stamp()
            if stamp is None or stamp.epoch != self._seen_epoch:
                return False
            if not ann_file.save(folder, matrix, stamp):
                return False
            matrix.ann_changes = 0
            return True

    def _update_ledger(self, conn: sqlite3.Connection, added: Sequence[int], removed: Sequence[int]) -> None:
        """Inside a vector write: keep the ledger's count and checksum of vector rowids exact."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'vector_ledger'").fetchone()
        if row is None:
            return  # no ledger yet: the next full load of the vectors records one
        count, plain, hashed = (int(x) for x in row[0].split(":"))
        add_plain, add_hashed = rowid_sums(np.asarray(added, dtype=np.int64))
        rem_plain, rem_hashed = rowid_sums(np.asarray(removed, dtype=np.int64))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'vector_ledger'",
                     (f"{count + len(added) - len(removed)}:{plain + add_plain - rem_plain}:"
                      f"{hashed + add_hashed - rem_hashed}",))

    def vectors(self, scope: Scope, ids: Sequence[str]) -> dict[str, np.ndarray]:
        sql, params = scope_clause(scope)
        out: dict[str, np.ndarray] = {}
        for chunk in chunks(list(ids), 500):
            rows = self._read(
                "SELECT m.id, v.vec FROM memories m JOIN vectors v ON v.rowid = m.rowid"
                f" WHERE m.id IN ({','.join('?' * len(chunk))}) AND {sql}", [*chunk, *params])
            if rows:
                dim = int(self._meta("vector_dim") or 0) or None
                mat = decode_blobs([r[1] for r in rows], dim)
                out.update({r[0]: mat[i].copy() for i, r in enumerate(rows)})
        return out
