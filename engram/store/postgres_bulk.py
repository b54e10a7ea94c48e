"""The PostgreSQL store's write path for new memories, in the caller's transaction:
one statement per table, whatever the batch's size.

``memories`` rows go in one ``INSERT ... SELECT FROM unnest(arrays)`` that also places
the rounds in their sessions and computes each row's tsvector, parsing its text once
(postgres_insert.py, schema v5); history and vectors go by ``COPY ... FROM STDIN``, which
streams every row in one statement where ``executemany`` (even pipelined) sends, binds
and executes one per row; vectors travel in pgvector's binary format, so no float is
ever formatted as text. ``Store.add`` and therefore ``Memory.add_many`` and ``import``
use this path for every batch, one item or thousands: a single path to test.
``benchmarks/pg_ingest.py`` measures it.

Inserting into pgvector's HNSW graph one vector at a time costs ~6x building the graph
over the same rows in one pass (1.6 vs 0.25 ms of server CPU per 384-d vector, measured
in ``benchmarks/pg_ingest.py``), so a batch at least as large as the vectors already
stored (an import into a new or small store) drops the index, copies its vectors and
builds the index again, in the same transaction: the vectors table is locked meanwhile
(searches of other scopes wait for the commit), and a failed batch rolls back to the old
index. Smaller batches keep the index and insert into it. The build, and the batch
statement's sorts, get the memory they need (postgres_build.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from engram.errors import ConflictError
from engram.model import HistoryEntry, MemoryItem
from engram.store.base import Link
from engram.store.postgres_build import size_hnsw_build, size_sorts
from engram.store.postgres_context import lock_sessions, session_of
from engram.store.postgres_insert import (
    INSERT_PINNED_SQL,
    INSERT_PLAIN_SQL,
    INSERT_SPREAD_SQL,
    batch_params,
)
from engram.store.postgres_schema import check_embedder, vector_index_statements
from engram.store.postgres_sql import (
    HISTORY_COLUMNS,
    NEIGHBOR_KIND,
    history_to_row,
    item_to_row,
    vector_bytes,
)
from engram.store.postgres_tenant import tenant_of

UPSERT_LINK = ("INSERT INTO links (tenant, src, dst_tenant, dst, reason, score, created_at)"
               " VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (tenant, src, dst)"
               " DO UPDATE SET reason = EXCLUDED.reason, score = EXCLUDED.score")


def link_row(link: Link, tenants: Mapping[str, str]) -> tuple[Any, ...]:
    """Values for UPSERT_LINK; ``tenants`` maps both ends' ids to their tenants."""
    return (tenants[link.src], link.src, tenants[link.dst], link.dst, link.reason,
            float(link.score), link.created_at)


def copy_rows(conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
              *, binary: bool = False) -> None:
    """``COPY table (columns) FROM STDIN`` with ``rows``; ``binary`` for tables whose
    every value has a binary dumper (ids and vectors)."""
    form = " (FORMAT BINARY)" if binary else ""
    with conn.cursor() as cur, cur.copy(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN{form}") as copy:
        for row in rows:
            copy.write_row(row)


# Below this many items planning the batch statement costs more than running it, so it
# is planned once per connection (a generic plan); from here on the generic plan, blind
# to the arrays' sizes, probes every partition per row and a plan for the actual values
# is far cheaper (measured on its placement part, then PLACE_SQL, 3,000 rows stored: 21
# vs 54 ms for 1 item, 112 vs 86 ms for 50, 1.48 s vs 0.25 s for 1,000).
GENERIC_PLAN_MAX = 32


def place(conn: Any, params: dict[str, Any]) -> None:
    """Run the batch statement (postgres_insert) with the plan its size calls for: a batch
    in one tenant below GENERIC_PLAN_MAX items reuses one generic plan per connection,
    pruned to the tenant's partition as it starts; others are planned for their values."""
    if params["tenant"] is None or len(params["live"]) >= GENERIC_PLAN_MAX:
        sql = INSERT_PINNED_SQL if params["tenant"] is not None else INSERT_SPREAD_SQL
        conn.execute(sql, params, prepare=False)
        return
    conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
    conn.execute(INSERT_PINNED_SQL, params, prepare=True)
    conn.execute("SET LOCAL plan_cache_mode = DEFAULT")


def check_new_ids(conn: Any, ids: Sequence[str]) -> None:
    """Refuse ids already used in any tenant (or twice in this batch). The primary key
    ``(tenant, id)`` catches a duplicate within one tenant, and this lookup one across
    tenants (two concurrent writers of one id into two tenants could both pass it: ids
    are UUIDv7, so only a caller reusing ids on purpose can meet that)."""
    if len(set(ids)) != len(ids) or conn.execute(
            "SELECT 1 FROM memories WHERE id = ANY(%b) LIMIT 1", [list(ids)]).fetchone():
        raise ConflictError("a memory with one of these ids already exists; use update() to change it")


def insert_new(conn: Any, items: Sequence[MemoryItem], matrix: np.ndarray | None,
               history: Sequence[HistoryEntry], links: Sequence[Link], *,
               model_id: str | None, index: str, defer_index_min: int = 1000,
               embedder: dict[str, str] | None = None) -> dict[str, str] | None:
    """Write new ``items`` (with their vectors, history rows and links among them)
    inside the caller's transaction. The rows, their ``seq``, neighbour contexts and
    tsvectors, and the new contexts of existing rounds they join, are one statement
    (``postgres_insert.insert_sql``), so each row is written once. A batch of at least
    ``defer_index_min`` vectors (0: never) may rebuild the HNSW index (module docs).
    ``embedder`` and the result: the stored embedder, as ``check_embedder`` takes and
    returns it."""
    scopes = {item.id: item.scope for item in items}
    tenants = {item.id: tenant_of(item.scope) for item in items}
    rows = [item_to_row(item) for item in items]
    vectors = ([] if matrix is None else  # checked (finite) before anything is written
               [(tenants[item.id], item.id, raw)
                for item, raw in zip(items, vector_bytes(matrix), strict=True)])
    live = [i.kind.value == NEIGHBOR_KIND and i.status.value == "active"
            and i.scope.session_id is not None for i in items]  # rounds with neighbours
    check_new_ids(conn, list(scopes) if len(scopes) == len(items) else [i.id for i in items])
    params = batch_params(live, rows)
    if defer_index_min and len(items) >= defer_index_min:  # a bulk batch: sorts in memory
        size_sorts(conn, [i.content for i in items])
    if any(live):
        lock_sessions(conn, [session_of(i.scope) for i in items])  # before reading neighbours
        place(conn, params)
    else:
        conn.execute(INSERT_PLAIN_SQL, params)
    copy_rows(conn, "history", HISTORY_COLUMNS,
              (history_to_row(h, scopes[h.memory_id]) for h in history))
    if links:
        with conn.cursor() as cur:
            cur.executemany(UPSERT_LINK, [link_row(link, tenants) for link in links])
    if matrix is None:
        return embedder
    stored = check_embedder(conn, model_id, matrix.shape[1], index, embedder)
    # new ids: no vector row can exist for them (deletes remove vectors with memories)
    copy_vectors(conn, vectors, defer_index_min)
    return stored


def copy_vectors(conn: Any, vectors: Sequence[tuple[str, str, bytes]], defer_index_min: int) -> None:
    """COPY the vector rows; when there are at least ``defer_index_min`` of them and no
    more already stored, without the HNSW index, built again afterwards (module docs)."""
    index = None
    if defer_index_min and len(vectors) >= defer_index_min:
        stored = conn.execute("SELECT count(*) FROM (SELECT 1 FROM vectors LIMIT %s) s",
                              [len(vectors) + 1]).fetchone()[0]  # reads at most the batch's size
        index = vector_index_statements(conn) if stored <= len(vectors) else None
    if index is not None:
        conn.execute(index.drop)
    copy_rows(conn, "vectors", ("tenant", "id", "embedding"), vectors, binary=True)
    if index is not None:
        size_hnsw_build(conn, index.dim, index.kind)  # in memory, not on disk
        conn.execute(index.create)
