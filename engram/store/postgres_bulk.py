"""The PostgreSQL store's write path for new memories: ``COPY`` into each table, in
the caller's transaction.

``COPY ... FROM STDIN`` streams every row of a table in one statement, where
``executemany`` (even pipelined) sends, binds and executes one statement per row; and
vectors travel in pgvector's binary format, so no float is ever formatted as text.
``Store.add`` and therefore ``Memory.add_many`` and ``import`` use it for every batch,
one item or thousands: a single path to test. ``benchmarks/pg_ingest.py`` measures it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from engram.model import HistoryEntry, MemoryItem
from engram.store.base import Link
from engram.store.postgres_context import lock_sessions, session_of
from engram.store.postgres_schema import check_embedder
from engram.store.postgres_sql import (
    HISTORY_COLUMNS,
    NEIGHBOR_KIND,
    PLACE_SQL,
    SET_CONTEXTS_SQL,
    WRITE_COLUMNS,
    PgVector,
    history_to_row,
    item_to_row,
)

UPSERT_LINK = ("INSERT INTO links (src, dst, reason, score, created_at) VALUES (%s,%s,%s,%s,%s)"
               " ON CONFLICT (src, dst) DO UPDATE SET reason = EXCLUDED.reason,"
               " score = EXCLUDED.score")


def copy_rows(conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
              *, binary: bool = False) -> None:
    """``COPY table (columns) FROM STDIN`` with ``rows``; ``binary`` for tables whose
    every value has a binary dumper (ids and vectors)."""
    form = " (FORMAT BINARY)" if binary else ""
    with conn.cursor() as cur, cur.copy(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN{form}") as copy:
        for row in rows:
            copy.write_row(row)


def insert_new(conn: Any, items: Sequence[MemoryItem], matrix: np.ndarray | None,
               history: Sequence[HistoryEntry], links: Sequence[Link], *,
               model_id: str | None, index: str) -> None:
    """Write new ``items`` (with their vectors, history rows and links among them)
    inside the caller's transaction. Rounds that join a session get their ``seq`` and
    neighbour context from ``PLACE_SQL`` first, so each row is written once; existing
    rounds that gain a new neighbour are rewritten by one UPDATE."""
    scopes = {item.id: item.scope for item in items}
    rows = [item_to_row(item) for item in items]
    vectors = ([] if matrix is None else  # checked (finite) before anything is written
               [(item.id, PgVector(vec)) for item, vec in zip(items, matrix, strict=True)])
    live = [i.kind.value == NEIGHBOR_KIND and i.status.value == "active"
            and i.scope.session_id is not None for i in items]  # rounds with neighbours
    columns: tuple[str, ...] = WRITE_COLUMNS
    if any(live):
        lock_sessions(conn, [session_of(i.scope) for i in items])  # before reading neighbours
        batch = [live, *([session_of(i.scope)[k] for i in items] for k in range(4)),
                 [i.event_time for i in items], [i.content for i in items]]
        # planning PLACE_SQL costs more than running it: plan it once per connection
        conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        placed = conn.execute(PLACE_SQL, batch, prepare=True).fetchall()
        conn.execute("SET LOCAL plan_cache_mode = DEFAULT")
        at = {r[0]: (r[1], r[2]) for r in placed if r[0] is not None}
        joined = [(r[3], r[2]) for r in placed if r[3] is not None]
        columns = (*WRITE_COLUMNS, "seq", "context_text")
        rows = [(*row, *at[n]) for n, row in enumerate(rows, start=1)]
        if joined:
            conn.execute(SET_CONTEXTS_SQL, [[j[0] for j in joined], [j[1] for j in joined]])
    copy_rows(conn, "memories", columns, rows)
    copy_rows(conn, "history", HISTORY_COLUMNS,
              (history_to_row(h, scopes[h.memory_id]) for h in history))
    if links:
        with conn.cursor() as cur:
            cur.executemany(UPSERT_LINK, [(l.src, l.dst, l.reason, float(l.score), l.created_at)
                                          for l in links])
    if matrix is not None:
        check_embedder(conn, model_id, matrix.shape[1], index)
        # new ids: no vector row can exist for them (it would cascade from its memory)
        copy_rows(conn, "vectors", ("id", "embedding"), vectors, binary=True)
