"""Vector reads of :class:`~engram.store.postgres.PostgresStore` (pgvector): exact
scoring up to ``ann_threshold`` candidate rows, HNSW with iterative scan above, and
halfvec indexes walked in float16 but ranked by the exact float32 score.

A mixin because it shares the store's pool, error guard and cached metadata."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from engram.errors import StoreError
from engram.model import Filters, Scope
from engram.store.base import ScoredIds
from engram.store.postgres_sql import PgVector, parse_vector, scope_clause, where


def exact_sql(joined: str) -> str:
    """How many rows the scope holds (up to the threshold + 1), and, only when that is at
    most the threshold (a one-time filter: the distances are never computed otherwise),
    its exact top ``limit`` by cosine distance: one round trip for a small scope instead of
    a count and then a ranking. The MATERIALIZED CTE keeps the planner off the HNSW index.
    Binds: the scope's params, threshold + 1, the probe, the params again, the threshold,
    the limit. Always returns a row (with a NULL id when nothing matched)."""
    return (f"WITH n AS (SELECT count(*) AS n FROM (SELECT 1 {joined} LIMIT %s) s),"
            f" c AS MATERIALIZED (SELECT m.id, v.embedding <=> %b AS d {joined}"
            " AND (SELECT n.n FROM n) <= %s)"
            " SELECT n.n, h.id, 1 - h.d FROM n LEFT JOIN LATERAL"
            " (SELECT c.id, c.d FROM c ORDER BY c.d, c.id LIMIT %s) h ON TRUE")


class VectorReads:
    _dim: str | None
    _stored_index: str | None
    _ann_threshold: int
    _ef_search: int
    _iterative_scan: bool
    _pool: Any

    def _guard(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    def _meta(self, key: str) -> str | None:
        raise NotImplementedError

    def vector_search(self, scope: Scope, vector: np.ndarray, filters: Filters, *,
                      limit: int) -> ScoredIds:
        if self._dim is None:  # fixed by the first vector write, so read once
            self._dim = self._meta("vector_dim")
        dim = self._dim
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        if dim is None or limit <= 0:
            return []
        if int(dim) != query.shape[0]:
            raise StoreError(f"the query vector has {query.shape[0]} dimensions, the store's "
                             f"vectors {dim}; embed queries with the store's embedder")
        probe = PgVector(query)
        sql, params = where(scope, filters)
        # the join on the tenant carries the scope's tenant over to vectors: one partition each
        joined = f"FROM memories m JOIN vectors v ON v.tenant = m.tenant AND v.id = m.id WHERE {sql}"
        with self._guard(), self._pool.connection() as conn:
            # one statement: the candidate count, and the exact ranking when it is small
            rows = conn.execute(exact_sql(joined), [*params, self._ann_threshold + 1, probe,
                                                    *params, self._ann_threshold, limit]).fetchall()
            if rows[0][0] <= self._ann_threshold:
                hits = [(r[1], float(r[2])) for r in rows if r[1] is not None]
                hits.sort(key=lambda h: (-h[1], h[0]))
                return hits
            with conn.transaction():  # SET LOCAL: the HNSW settings end with it
                rows = self._ann(conn, dim, joined, probe, params, limit)
        hits = [(r[0], float(r[1])) for r in rows]
        hits.sort(key=lambda h: (-h[1], h[0]))  # relaxed_order may return near-sorted rows
        return hits[:limit]

    def _ann(self, conn: Any, dim: str, joined: str, probe: PgVector, params: list[Any],
             limit: int) -> list[Any]:
        """The HNSW query, in the caller's transaction; iterative scan keeps walking the
        graph until ``limit`` rows pass the filter."""
        conn.execute("SELECT set_config('hnsw.ef_search', %s, true)"
                     + (", set_config('hnsw.iterative_scan', 'relaxed_order', true)"
                        if self._iterative_scan else ""), [str(max(self._ef_search, limit))])
        if self._index_kind(conn) == "halfvec":
            # walk the float16 index (over-fetching 2x), rank by the exact float32 score
            half = f"halfvec({int(dim)})"
            order, fetch = f"v.embedding::{half} <=> %b::{half}", 2 * limit
        else:
            order, fetch = "v.embedding <=> %b", limit
        return conn.execute(  # type: ignore[no-any-return]
            f"SELECT m.id, 1 - (v.embedding <=> %b) {joined} ORDER BY {order} LIMIT %s",
            [probe, *params, probe, fetch]).fetchall()

    def _index_kind(self, conn: Any) -> str:
        if self._stored_index is None:
            row = conn.execute("SELECT value FROM meta WHERE key = 'vector_index'").fetchone()
            self._stored_index = row[0] if row else "vector"  # stores made before the option
        return self._stored_index

    def vectors(self, scope: Scope, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        sql, params = scope_clause(scope)
        rows = self._read(
            "SELECT m.id, v.embedding::text FROM memories m"
            " JOIN vectors v ON v.tenant = m.tenant AND v.id = m.id"
            f" WHERE m.id = ANY(%s) AND {sql}", [list(ids), *params])
        return {r[0]: parse_vector(r[1]) for r in rows}
