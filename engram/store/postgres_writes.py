"""Writes of :class:`~engram.store.postgres.PostgresStore`: the retried write
transaction, add, replace, delete (locks, then postgres_purge), access stats, links
and the vault's rows.

A mixin, like :class:`~engram.store.postgres_vectors.VectorReads` which it extends,
because every write shares the store's pool, its error guard and the cached
embedder metadata and index kind that a committed transaction updates.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from engram.errors import ConflictError
from engram.model import HistoryEntry, MemoryItem, Scope, tombstone, utcnow
from engram.store.base import Link, SecretRow, links_among
from engram.store.postgres_bulk import UPSERT_LINK, insert_new, link_row
from engram.store.postgres_context import lock_sessions
from engram.store.postgres_erase import PartitionEraser
from engram.store.postgres_purge import purge
from engram.store.postgres_replace import replace_row
from engram.store.postgres_side import put_secrets
from engram.store.postgres_sql import scope_clause
from engram.store.postgres_vectors import VectorReads

T = TypeVar("T")

# what a delete locks and postgres_purge.purge takes: the row's scope and its partition
_LOCKED = "m.id, m.user_id, m.agent_id, m.session_id, m.app_id, m.tableoid::regclass::text"
_RETRIES = 5  # deadlock / serialization failures are retried, then reported


class PostgresWrites(VectorReads):
    _pg: Any  # the psycopg module (imported lazily: the `postgres` extra)
    _index: str
    _embedder: dict[str, str] | None
    _defer_index_min: int
    _eraser: PartitionEraser

    # -- the write transaction ------------------------------------------------
    def _write(self, work: Callable[[Any], T]) -> T:
        """Run ``work(conn)`` in one transaction, retrying deadlocks and
        serialization failures (the transaction rolled back, so nothing applied)."""
        for attempt in range(_RETRIES):
            try:
                with self._guard(), self._pool.connection() as conn, conn.transaction():
                    return work(conn)
            except self._pg.errors.TransactionRollback:
                if attempt == _RETRIES - 1:
                    raise ConflictError("a write kept colliding with concurrent writes and was "
                                        "rolled back; retry it") from None
                time.sleep(0.005 * 2 ** attempt)
        raise AssertionError("unreachable")

    # -- writes ---------------------------------------------------------------
    def add(self, items: Sequence[MemoryItem], vectors: np.ndarray | None,
            history: Sequence[HistoryEntry], *, model_id: str | None = None,
            links: Sequence[Link] = (), secrets: Sequence[SecretRow] = ()) -> None:
        if not items:
            return
        scopes = {item.id: item.scope for item in items}
        kept = links_among(links, scopes)
        matrix = None if vectors is None else np.asarray(vectors, dtype=np.float32)
        vaulted = [s for s in secrets if s.memory_id in scopes]

        def work(conn: Any) -> dict[str, str] | None:
            stored = insert_new(conn, items, matrix, history, kept, model_id=model_id,
                                index=self._index, defer_index_min=self._defer_index_min,
                                embedder=self._embedder)
            with conn.cursor() as cur:  # the vault rows commit (or roll back) with the items
                put_secrets(cur, vaulted)
            return stored

        self._embedder = self._write(work) or self._embedder  # committed: safe to keep

    def replace(self, item: MemoryItem, vector: np.ndarray | None, history: HistoryEntry, *,
                expected_version: int, model_id: str | None = None,
                secrets: Sequence[SecretRow] = ()) -> None:
        vec = None if vector is None else np.asarray(vector, dtype=np.float32).reshape(-1)

        def work(conn: Any) -> dict[str, str] | None:
            return replace_row(conn, item, vec, history, expected_version=expected_version,
                               model_id=model_id, index=self._index, secrets=secrets,
                               embedder=self._embedder)

        self._embedder = self._write(work) or self._embedder

    def delete(self, scope: Scope, ids: Sequence[str], tombstones: Sequence[HistoryEntry]) -> int:
        if not ids:
            return 0
        sql, params = scope_clause(scope)
        by_id = {t.memory_id: t for t in tombstones}

        def work(conn: Any) -> int:
            held = lock_sessions(conn, conn.execute(  # before the rows, as add() and replace() do
                "SELECT DISTINCT m.user_id, m.agent_id, m.app_id, m.session_id FROM memories m"
                f" WHERE m.id = ANY(%s) AND {sql}", [list(ids), *params]).fetchall())
            rows = conn.execute(  # lock in id order: concurrent deletes cannot deadlock
                f"SELECT {_LOCKED} FROM memories m"
                f" WHERE m.id = ANY(%s) AND {sql} ORDER BY m.id FOR UPDATE",
                [list(ids), *params]).fetchall()
            return purge(conn, rows, [by_id[r[0]] for r in rows if r[0] in by_id],
                         self._eraser, held)

        return self._write(work)

    def delete_scope(self, scope: Scope, *, actor: str | None) -> int:
        sql, params = scope_clause(scope)

        def work(conn: Any) -> int:
            held = lock_sessions(conn, conn.execute(
                "SELECT DISTINCT m.user_id, m.agent_id, m.app_id, m.session_id FROM memories m"
                f" WHERE {sql}", params).fetchall())
            rows = conn.execute(f"SELECT {_LOCKED}, m.version FROM memories m"
                                f" WHERE {sql} ORDER BY m.id FOR UPDATE", params).fetchall()
            return purge(conn, rows, [tombstone(r[0], r[6], actor) for r in rows],
                         self._eraser, held)

        return self._write(work)

    def record_access(self, scope: Scope, ids: Sequence[str]) -> None:
        if not ids:
            return
        sql, params = scope_clause(scope)
        outer, outer_params = scope_clause(scope, "u")  # the tenant prunes the updated side too

        def work(conn: Any) -> None:
            conn.execute(
                "UPDATE memories u SET access_count = u.access_count + 1, last_accessed_at = %s"
                " FROM (SELECT m.tenant, m.id FROM memories m"
                f" WHERE m.id = ANY(%s) AND {sql} ORDER BY m.id FOR UPDATE) s"
                f" WHERE u.tenant = s.tenant AND u.id = s.id AND {outer}",
                [utcnow(), list(ids), *params, *outer_params])

        self._write(work)

    # -- links and the PII vault's rows (tables in postgres_side) --------------
    def add_links(self, scope: Scope, links: Sequence[Link]) -> int:
        if not links:
            return 0
        sql, params = scope_clause(scope)
        ends = sorted({i for link in links for i in (link.src, link.dst)})

        def work(conn: Any) -> int:
            inside = dict(conn.execute(f"SELECT m.id, m.tenant FROM memories m"
                                       f" WHERE m.id = ANY(%s) AND {sql}", [ends, *params]).fetchall())
            rows = [link_row(l, inside) for l in links
                    if l.src in inside and l.dst in inside and l.src != l.dst]
            with conn.cursor() as cur:
                cur.executemany(UPSERT_LINK, rows)
            return len(rows)

        return self._write(work)

    def add_secrets(self, secrets: Sequence[SecretRow]) -> None:
        def work(conn: Any) -> None:
            with conn.cursor() as cur:
                put_secrets(cur, secrets)

        self._write(work)
