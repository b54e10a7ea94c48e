"""Vector reads of :class:`~engram.store.sqlite.SQLiteStore`: exact scoring straight
from SQL rows for small scopes, a process-wide matrix (exact or faiss HNSW) for large
ones, and the cache of large scopes' member rowids that keeps those searches fast.

The HNSW graph is saved beside the store once built and on close, and a fresh process
maps it back (and catches it up) instead of rebuilding it: ``engram.store.sqlite_ann``.

Scopes above ``ann_threshold`` are searched on the graph without listing their members:
each candidate is checked against the store (``rowid IN (...) AND <scope and filters>``),
which also fetches its id, so the graph can never return another scope's memory and a
fresh process's first search needs no O(scope) query. Which scopes are that large is
remembered, and saved beside the graph (``ann_file`` hints), so the first search of a
fresh process goes straight to the graph.

A mixin, not a separate object, because it shares the store's connection, lock and
write bookkeeping (``_writes``/``_touched``, patched inside each write transaction).
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram.embed.quantize import decode_blobs
from engram.index import ann_file
from engram.index.ann_file import ids_checksum
from engram.index.mapped import MappedIndex
from engram.index.vector import VectorMatrix, top_k
from engram.model import Filters, Scope
from engram.store.base import ScoredIds
from engram.store.sqlite_ann import SavedGraph
from engram.store.sqlite_sql import chunks, scope_clause, where


class VectorReads(SavedGraph):
    _lock: threading.RLock
    _conn: sqlite3.Connection
    _ann_threshold: int
    _small_scope: int
    _matrix: VectorMatrix | MappedIndex | None
    _large: dict[str, bool]
    _hints_read: bool
    graphs_built: int
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
            if self._matrix is None:
                return
            if self._seen_epoch == epoch - 1:
                if remove:
                    self._matrix.remove(remove)
                if upsert:
                    self._matrix.upsert([r for r, _ in upsert], np.stack([v for _, v in upsert]))
                self._seen_epoch = epoch
            else:  # another process wrote in between: replay the log (this write included)
                self._refresh_matrix()

    def _refresh_matrix(self) -> None:
        assert self._matrix is not None and self._seen_epoch is not None
        reached = self._catch_up(self._matrix, self._seen_epoch)
        if reached is None:
            self._matrix = None
        else:
            self._seen_epoch = reached

    def vector_search(self, scope: Scope, vector: np.ndarray, filters: Filters, *,
                      limit: int) -> ScoredIds:
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        sql, params = where(scope, filters)
        key = _key(sql, params)
        tried = not self._maybe_large(sql, params, key)
        if tried:  # most searches: scored from the scope's rows without the lock
            small = self._small_search(query, sql, params, limit)
            if small is not None:
                return small
        with self._lock:
            if not self._hints_read:  # scopes an earlier process found large (ann_file hints)
                self._hints_read = True
                folder = self._ann_folder()
                for hint in ann_file.read_hints(folder) if folder is not None else ():
                    self._large.setdefault(hint, False)
            if key is not None and key in self._large:
                hits = self._search_graph(query, sql, params, limit, confirm=not self._large[key])
                if hits is not None:
                    return hits
                del self._large[key]  # a stale hint: the scope is no longer that large
            members, known_large = self._cached_members(sql, params)
            if members is not None or known_large or tried:
                return self._search_matrix(query, sql, params, key, members, limit)
        small = self._small_search(query, sql, params, limit)
        if small is not None:
            return small
        with self._lock:
            return self._search_matrix(query, sql, params, key, self._cached_members(sql, params)[0], limit)

    def _maybe_large(self, sql: str, params: builtins.list[Any], key: str | None) -> bool:
        """Whether this process may know the scope as large (hinted, or with members cached):
        read without the lock, a racing write can only make a small scope's search take
        the locked path, whose answer is the same."""
        try:
            cached = (sql, *params) in self._members
        except TypeError:  # an unhashable filter value: never cached
            cached = False
        return not self._hints_read or cached or (key is not None and key in self._large)

    def _small_search(self, query: np.ndarray, sql: str, params: builtins.list[Any],
                      limit: int) -> ScoredIds | None:
        """Exact scores straight from the rows of a scope of at most ``small_scope``, read
        outside the lock (sqlite_readers); None if the scope is larger."""
        rows = self._read(
            f"SELECT m.id, v.vec FROM memories m JOIN vectors v ON v.rowid = m.rowid WHERE {sql}"
            " LIMIT ?", [*params, self._small_scope + 1],
        )
        if len(rows) > self._small_scope:
            return None
        if not rows:
            return []
        mat = decode_blobs([r[1] for r in rows], query.shape[0])
        scores = mat @ query
        return [(rows[i][0], float(scores[i])) for i in top_k(scores, limit)]

    def _search_matrix(self, query: np.ndarray, sql: str, params: builtins.list[Any], key: str | None,
                       members: np.ndarray | None, limit: int) -> ScoredIds:
        """A scope above ``small_scope`` (under the lock): on the graph if it is large, else
        exactly over its cached or freshly listed members."""
        if members is None:
            if self._is_large(sql, params):
                if key is not None:
                    self._large[key] = True
                    folder = self._ann_folder()
                    if folder is not None and folder.exists():
                        ann_file.write_hints(folder, set(self._large))
                return self._search_graph(query, sql, params, limit) or []
            members = self._scope_members(sql, params)
        return self._with_ids(self._load_matrix().search_exact(query, members, limit), sql, params)

    def _is_large(self, sql: str, params: builtins.list[Any]) -> bool:
        """More than ``ann_threshold`` rows pass (counted no further than that)."""
        return int(self._read(f"SELECT count(*) FROM (SELECT 1 FROM memories m WHERE {sql} LIMIT ?)",
                              [*params, self._ann_threshold + 1])[0][0]) > self._ann_threshold

    def _search_graph(self, query: np.ndarray, sql: str, params: builtins.list[Any], limit: int, *,
                      confirm: bool = False) -> ScoredIds | None:
        """HNSW search of a large scope; every candidate is checked against the store.
        ``confirm`` (a hint from an earlier process): if the nearest candidates checked first
        are not enough, count the scope once; None if it is no longer large, rather than
        over-fetching through the whole graph for a small scope."""
        matrix = self._load_matrix()
        ids: dict[int, str] = {}
        rounds = [0]

        def allowed(candidates: np.ndarray) -> np.ndarray:
            rounds[0] += 1
            if confirm and rounds[0] == 2:
                if not self._is_large(sql, params):
                    raise _StaleHint
            found = self._ids_in(candidates.tolist(), sql, params)
            ids.update(found)
            return np.fromiter((int(c) in found for c in candidates), dtype=bool, count=candidates.size)

        builds = matrix.ann_builds
        try:
            hits = matrix.search_ann(query, limit, allowed)
        except _StaleHint:
            return None
        if confirm:
            key = _key(sql, params)
            if not self._hints_read:  # scopes an earlier process found large (ann_file hints)
                self._hints_read = True
                folder = self._ann_folder()
                for hint in ann_file.read_hints(folder) if folder is not None else ():
                    self._large.setdefault(hint, False)
            if key is not None and key in self._large:
                self._large[key] = True
        if matrix.ann_builds != builds:
            self.graphs_built += 1
            self.save_ann()  # a graph was just built: the next process maps it back
        return [(ids[k], s) for k, s in hits if k in ids]

    def _ids_in(self, rowids: builtins.list[int], sql: str, params: builtins.list[Any]) -> dict[int, str]:
        """rowid -> id of those rowids that are in the scope and pass the filters."""
        out: dict[int, str] = {}
        for chunk in chunks(rowids, 500):
            out.update(self._read(
                f"SELECT m.rowid, m.id FROM memories m WHERE m.rowid IN ({','.join('?' * len(chunk))})"
                f" AND {sql}", [*chunk, *params]))
        return out

    def _with_ids(self, hits: builtins.list[tuple[int, float]], sql: str, params: builtins.list[Any]) -> ScoredIds:
        ids = self._ids_in([k for k, _ in hits], sql, params) if hits else {}
        return [(ids[k], s) for k, s in hits if k in ids]

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

    def preload_vectors(self) -> bool:
        """Load the vector matrix (and the saved HNSW graph when it is current) now rather
        than at the first large search; True if the saved graph was used. For servers that
        want their first query to cost what later ones do."""
        with self._lock:
            self._load_matrix()
            assert self._matrix is not None
            return isinstance(self._matrix, MappedIndex)

    def _load_matrix(self) -> VectorMatrix | MappedIndex:
        with self._lock:
            epoch = int(self._meta("vector_epoch") or 0)
            if self._matrix is not None and self._seen_epoch != epoch:
                self._refresh_matrix()
            if self._matrix is None:
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


def _key(sql: str, params: Sequence[Any]) -> str | None:
    """A scope-and-filters clause as a hashed key (None if a parameter is not JSON): saved
    beside the graph, it must not name a user."""
    try:
        return hashlib.sha256(json.dumps([sql, *params]).encode()).hexdigest()
    except (TypeError, ValueError):
        return None


class _StaleHint(Exception):
    """Raised inside a graph search whose scope turned out not to be large any more."""
