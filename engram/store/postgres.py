"""The server store: PostgreSQL with a generated ``tsvector`` (GIN) for lexical
search and pgvector (HNSW, cosine) for vectors. Same contract as the SQLite
store; select it with ``ENGRAM_STORE=postgres`` and ``ENGRAM_DATABASE_URL``."""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from engram.errors import EngramError, InvalidInputError, MissingDependencyError, StoreError
from engram.model import Filters, HistoryEntry, MemoryItem, Scope, Stats
from engram.store.base import Link, Neighbors, ScoredIds
from engram.store.postgres_erase import PartitionEraser
from engram.store.postgres_pool import open_pool
from engram.store.postgres_schema import (
    describe,
    has_schema,
    migrate,
    translate_error,
    version_tuple,
)
from engram.store.postgres_side import VAULT_SCHEMA, ensure_tables
from engram.store.postgres_sql import (
    ITEM_COLUMNS,
    PgVector,
    adjacent,
    filter_clause,
    row_to_history,
    row_to_item,
    scope_clause,
    tsquery,
    vector_dumper,
    where,
)
from engram.store.postgres_tenant import DEFAULT_PARTITIONS, check_partitions, scope_tenant
from engram.store.postgres_writes import PostgresWrites
from engram.store.sql_common import collect_stats, iter_rows
from engram.store.sql_common import neighbors as session_neighbors
from engram.store.sql_common import recent_texts as newest_texts

_SELECT_ITEM = f"SELECT {', '.join('m.' + c for c in ITEM_COLUMNS)} FROM memories m"
# ts_rank_cd weights for D, C, B, A: PostgreSQL's defaults (content A 1.0, keys B 0.4)
# with C, the neighbour context, raised from 0.2 to 0.5 when asked for, else 0
_RANK_WEIGHTS = {True: "'{0.1, 0.5, 0.4, 1.0}'::float4[]", False: "'{0.1, 0.0, 0.4, 1.0}'::float4[]"}


def _driver() -> tuple[Any, Any]:
    try:
        import psycopg
        import psycopg_pool
    except ImportError:
        raise MissingDependencyError("the PostgreSQL store", "postgres") from None
    return psycopg, psycopg_pool


class PostgresStore(PostgresWrites):
    """A :class:`~engram.store.base.Store` in a PostgreSQL database.

    A connection pool serves all threads of a process; any number of processes
    and hosts may share the database. Every write is one transaction; version
    checks lock the row (``SELECT ... FOR UPDATE``), so concurrent writers see
    :class:`ConflictError` rather than lost updates.

    ``dsn`` is the connection URL (default: ``ENGRAM_DATABASE_URL``); ``create=False``
    refuses a database without an Engram schema. Vector search is exact up to
    ``ann_threshold`` candidate rows, HNSW above. The memory tables are hash-partitioned
    by tenant into ``partitions`` parts (default: ``ENGRAM_PG_PARTITIONS``, else 16)
    when the store is created (postgres_tenant.py). A write of at least ``defer_index_min``
    vectors (0: never) into a store holding no more than that builds the HNSW index after
    copying them instead of inserting each (postgres_bulk.py).
    """

    def __init__(
        self,
        dsn: str | None = None,
        *,
        create: bool = True,
        ann_threshold: int = 20_000,
        pool_size: int = 8,
        connect_timeout_s: float = 10.0,
        ef_search: int = 100,
        vector_dtype: str = "float32",
        partitions: int | None = None,
        erase: str = "rewrite",
        defer_index_min: int = 1000,
    ) -> None:
        if vector_dtype not in ("float32", "halfvec"):
            raise InvalidInputError(f"PostgreSQL vector_dtype must be 'float32' or 'halfvec' (a "
                                    f"float16 HNSW index over float32 vectors), not {vector_dtype!r}")
        # Used when the first vector is written; the store keeps its first choice after that.
        self._index = "halfvec" if vector_dtype == "halfvec" else "vector"
        self._stored_index: str | None = None  # the index kind in the database, once known
        # meta's embed_model / vector_dim once read: written once, never changed
        # (postgres_schema.check_embedder), so writes skip re-reading them
        self._embedder: dict[str, str] | None = None
        self._dim: str | None = None
        self._pg, pool_module = _driver()
        url = dsn or os.environ.get("ENGRAM_DATABASE_URL")
        if not url:
            raise StoreError(
                "the PostgreSQL store needs a database: set "
                "ENGRAM_DATABASE_URL=postgresql://user:password@host:5432/dbname"
            )
        self._server = describe(url)
        self._eraser = PartitionEraser(erase)  # what deletes touched, rewritten by settle()
        self._ann_threshold = ann_threshold
        self._defer_index_min = max(0, defer_index_min)
        self._ef_search = ef_search
        self._pool_timeout = pool_module.PoolTimeout
        try:
            with self._pg.connect(url, autocommit=True,
                                  connect_timeout=max(1, int(connect_timeout_s))) as conn:
                conn.execute("SET TIME ZONE 'UTC'")
                if not create and not has_schema(conn):
                    raise StoreError(
                        f"no Engram store in {self._server}; add a memory first (with create "
                        "enabled) or point ENGRAM_DATABASE_URL at the right database"
                    )
                migrate(conn, partitions=check_partitions(partitions if partitions is not None else
                        os.environ.get("ENGRAM_PG_PARTITIONS") or DEFAULT_PARTITIONS))
                ensure_tables(conn, VAULT_SCHEMA)  # the PII vault's rows (postgres_side)
                version, oid = conn.execute(
                    "SELECT extversion, 'vector'::regtype::oid FROM pg_extension"
                    " WHERE extname = 'vector'").fetchone()
        except EngramError:
            raise
        except self._pg.Error as exc:
            raise translate_error(exc, self._server) from None
        self._vector_dumper = vector_dumper(int(oid))
        # pgvector >= 0.8 can keep scanning HNSW until enough rows pass the filter
        self._iterative_scan = version_tuple(version) >= (0, 8)
        # connections idle for a while are probed on check-out, not every one (postgres_pool)
        self._pool, self.idle_check = open_pool(pool_module, url, size=pool_size,
                                                timeout_s=connect_timeout_s, configure=self._configure)

    # -- plumbing -----------------------------------------------------------
    def _configure(self, conn: Any) -> None:
        conn.execute("SET TIME ZONE 'UTC'")
        conn.adapters.register_dumper(PgVector, self._vector_dumper)

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except EngramError:
            raise
        except self._pg.errors.TransactionRollback:
            raise  # deadlock / serialization failure: _write (postgres_writes) retries
        except (self._pg.Error, self._pool_timeout) as exc:
            raise translate_error(exc, self._server) from None

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._guard(), self._pool.connection() as conn:
            return conn.execute(sql, params).fetchall()  # type: ignore[no-any-return]

    def _meta(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM meta WHERE key = %s", (key,))
        return rows[0][0] if rows else None

    # -- reads --------------------------------------------------------------
    def get(self, scope: Scope | None, ids: Sequence[str]) -> list[MemoryItem]:
        if not ids:
            return []
        sql, params = scope_clause(scope)
        rows = self._read(f"{_SELECT_ITEM} WHERE m.id = ANY(%s) AND {sql}", [list(ids), *params])
        found = {row[0]: row_to_item(row) for row in rows}
        return [found[i] for i in ids if i in found]

    def list(self, scope: Scope, filters: Filters, *, limit: int, after_id: str | None = None,
             descending: bool = True) -> list[MemoryItem]:
        sql, params = where(scope, filters)
        if after_id is not None:
            sql += " AND m.id < %s" if descending else " AND m.id > %s"
            params.append(after_id)
        order = "DESC" if descending else "ASC"
        rows = self._read(f"{_SELECT_ITEM} WHERE {sql} ORDER BY m.id {order} LIMIT %s",
                          [*params, limit])
        return [row_to_item(r) for r in rows]

    def count(self, scope: Scope, filters: Filters) -> int:
        sql, params = where(scope, filters)
        return int(self._read(f"SELECT count(*) FROM memories m WHERE {sql}", params)[0][0])

    def iter_items(self, scope: Scope | None, *, batch: int = 500) -> Iterator[MemoryItem]:
        sql, params = scope_clause(scope)
        return iter_rows(self._read, _SELECT_ITEM, sql, params, mark="%s", batch=batch,
                         decode=row_to_item)

    def history(self, scope: Scope, memory_ids: Sequence[str]) -> builtins.list[HistoryEntry]:
        if not memory_ids:
            return []
        sql, params = scope_clause(scope, "h")
        rows = self._read(
            "SELECT h.id, h.memory_id, h.version, h.op, h.actor, h.at, h.old, h.new FROM history h"
            f" WHERE h.memory_id = ANY(%s) AND {sql} ORDER BY h.memory_id, h.version, h.at, h.id",
            [list(memory_ids), *params])
        return [row_to_history(r) for r in rows]

    def scope_history(self, scope: Scope, *, since: datetime | None = None,
                      limit: int = 100) -> builtins.list[HistoryEntry]:
        """History rows of every memory in ``scope`` (deleted ones too), newest first."""
        sql, params = scope_clause(scope, "h")
        if since is not None:
            sql += " AND h.at >= %s"
            params.append(since)
        rows = self._read(
            "SELECT h.id, h.memory_id, h.version, h.op, h.actor, h.at, h.old, h.new FROM history h"
            f" WHERE {sql} ORDER BY h.at DESC, h.id DESC LIMIT %s", [*params, limit])
        return [row_to_history(r) for r in rows]

    def lexical_search(self, scope: Scope, query: str, filters: Filters, *, limit: int,
                       context: bool = False) -> ScoredIds:
        built = tsquery(query)
        if built is None:
            return []
        qsql, words = built
        sql, params = where(scope, filters)
        rows = self._read(  # a row matched only in its context ranks 0 without context: drop it
            f"WITH q AS (SELECT {qsql} AS q) SELECT * FROM (SELECT m.id,"
            f" ts_rank_cd({_RANK_WEIGHTS[context]}, m.tsv, q.q) AS rank"
            f" FROM memories m CROSS JOIN q WHERE m.tsv @@ q.q AND {sql}) hit WHERE rank > 0"
            " ORDER BY rank DESC, id LIMIT %s", [*words, *params, limit])
        return [(r[0], float(r[1])) for r in rows]

    def neighbors(self, scope: Scope, ids: Sequence[str],
                  filters: Filters | None = None) -> dict[str, Neighbors]:
        sql, params = scope_clause(scope, "t")
        tenant = scope_tenant(scope)  # pinned: the planner reads one partition (adjacent())
        return session_neighbors(self._read, list(ids), sql, params, mark="%s",
                                 adjacent=lambda which: adjacent(which, prune="%s" if tenant else None),
                                 filter_on=lambda a: filter_clause(filters or Filters(), a),
                                 key="tenant", pinned=tenant)

    def recent_texts(self, scope: Scope, filters: Filters, *, limit: int) -> builtins.list[str]:
        sql, params = where(scope, filters)
        return newest_texts(self._read, sql, params, mark="%s", limit=limit)

    def stats(self, scope: Scope | None) -> Stats:
        sql, params = scope_clause(scope)
        hsql, hparams = scope_clause(scope, "h")
        return collect_stats(self._read, sql, params, hsql, hparams, vector_join="v.tenant = m.tenant AND v.id = m.id",
                             db_bytes=self._read("SELECT pg_database_size(current_database())")[0][0])

    # -- links --------------------------------------------------------------
    def links(self, scope: Scope, ids: Sequence[str]) -> builtins.list[Link]:
        if not ids:
            return []
        a_sql, a_params = scope_clause(scope, "a")
        b_sql, b_params = scope_clause(scope, "b")
        rows = self._read(
            "SELECT l.src, l.dst, l.reason, l.score, l.created_at FROM links l"
            " JOIN memories a ON a.tenant = l.tenant AND a.id = l.src"
            " JOIN memories b ON b.tenant = l.dst_tenant AND b.id = l.dst"
            f" WHERE (l.src = ANY(%s) OR l.dst = ANY(%s)) AND {a_sql} AND {b_sql}"
            " ORDER BY l.score DESC, l.src, l.dst", [list(ids), list(ids), *a_params, *b_params])
        return [Link(r[0], r[1], r[2], float(r[3]), r[4]) for r in rows]

    def embedding_model(self) -> str | None:
        return self._meta("embed_model")

    # -- the PII vault's rows (SecretRows; tables in postgres_side) ----------
    def secrets(self, memory_id: str) -> dict[str, bytes]:
        rows = self._read("SELECT token, secret FROM vault WHERE memory_id = %s", (memory_id,))
        return {tok: bytes(secret) for tok, secret in rows}

    def secret_count(self) -> int:
        return int(self._read("SELECT count(*) FROM vault")[0][0])

    def settle(self) -> None:
        """After a delete: rewrite the partitions it touched (``pg_erase``; see
        :mod:`engram.store.postgres_erase` for what that does and does not reach)."""
        with self._guard(), self._pool.connection() as conn:
            self._eraser.settle(conn)

    def compact(self) -> None:
        """Rewrite the tables (VACUUM FULL) so deleted text leaves no dead tuples
        behind; it locks them meanwhile. WAL segments age out on their own."""
        pending = self._eraser.pending()  # rewritten below; later deletes' marks stay
        with self._guard(), self._pool.connection() as conn:
            for table in ("memories", "vectors", "history", "vault"):
                conn.execute(f"VACUUM (FULL, ANALYZE) {table}")
        self._eraser.discard(pending)

    def integrity_check(self) -> builtins.list[str]:
        """Cross-table checks PostgreSQL's own constraints do not cover."""
        problems: builtins.list[str] = []
        orphans = self._read(
            "SELECT count(*) FROM history h WHERE NOT EXISTS (SELECT 1 FROM memories m WHERE"
            " m.id = h.memory_id) AND NOT EXISTS (SELECT 1 FROM history t WHERE"
            " t.memory_id = h.memory_id AND t.op = 'delete')")[0][0]
        if orphans:
            problems.append(f"{orphans} history rows belong to memories that neither exist "
                            "nor have a delete tombstone")
        loose = self._read("SELECT count(*) FROM vectors v WHERE NOT EXISTS (SELECT 1 FROM"
                           " memories m WHERE m.tenant = v.tenant AND m.id = v.id)")[0][0]
        if loose:
            problems.append(f"{loose} vectors belong to no memory; delete them with `DELETE FROM "
                            "vectors v WHERE NOT EXISTS (SELECT 1 FROM memories m WHERE "
                            "m.tenant = v.tenant AND m.id = v.id)`")
        return problems

    def close(self) -> None:
        self._pool.close()
