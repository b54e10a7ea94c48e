"""Deleting memories on PostgreSQL in one statement: rows, vectors, vault rows, history
content and tombstones (``PURGE_SQL``), inside the store's delete transaction.

Why one statement: a delete used to send one per table (the neighbour lookup, three
DELETEs, the history UPDATE, the tombstone INSERTs, a partition lookup and a vault probe
for the eraser), each a round trip; data-modifying CTEs run them together. They all see
the snapshot from before the statement, which is what the neighbour lookup needs (the
rows right around the deleted ones, whose context is rebuilt afterwards by
``recontext``, which must see the rows gone and so stays a statement of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram.model import HistoryEntry, Scope
from engram.store.postgres_context import lock_sessions, recontext
from engram.store.postgres_erase import PartitionEraser
from engram.store.postgres_sql import HISTORY_COLUMNS, NEIGHBORS_SQL, history_to_row, neighbors_params
from engram.store.postgres_tenant import tenant_of

_HISTORY_TYPES = ("text", "text", "int", "text", "text", "timestamptz", "text", "text",
                  "text", "text", "text", "text", "text")  # HISTORY_COLUMNS; old/new as JSON text
_TOMBSTONES = ", ".join(f"u.{c}::jsonb" if c in ("old", "new") else f"u.{c}" for c in HISTORY_COLUMNS)

# Binds: NEIGHBORS_SQL's params, then (tenants, ids) twice, ids, (tenants, ids), and one
# array per history column. Returns one row: vault rows deleted, the deleted rows'
# previous and next neighbours (arrays, NULL where none).
PURGE_SQL = (
    f"WITH x AS MATERIALIZED ({NEIGHBORS_SQL}),"
    " dm AS (DELETE FROM memories WHERE tenant = ANY(%s) AND id = ANY(%s)),"
    " dv AS (DELETE FROM vectors WHERE tenant = ANY(%s) AND id = ANY(%s)),"
    " ds AS (DELETE FROM vault WHERE memory_id = ANY(%s) RETURNING 1),"
    " dh AS (UPDATE history SET old = NULL, new = NULL"
    " WHERE tenant = ANY(%s) AND memory_id = ANY(%s)),"
    f" ih AS (INSERT INTO history ({', '.join(HISTORY_COLUMNS)}) SELECT {_TOMBSTONES}"
    f" FROM unnest({', '.join(f'%b::{t}[]' for t in _HISTORY_TYPES)})"
    f" AS u({', '.join(HISTORY_COLUMNS)}))"
    " SELECT (SELECT count(*) FROM ds), array_agg(x.prev), array_agg(x.next) FROM x"
)


def purge(conn: Any, rows: Sequence[Sequence[Any]], tombstones: Sequence[HistoryEntry],
          eraser: PartitionEraser, held: frozenset[int] = frozenset()) -> int:
    """Remove locked rows everywhere (links cascade; the tsvector lives in the row), blank
    their history and write their tombstones; then rebuild their surviving neighbours'
    contexts without them: no surviving row's tsvector may keep a deleted memory's text.

    ``rows``: the locked ``id, user_id, agent_id, session_id, app_id, partition`` rows;
    ``held``: the session locks the caller took (lock_sessions)."""
    if not rows:
        return 0
    ids = [r[0] for r in rows]
    scopes = {r[0]: Scope(user_id=r[1], agent_id=r[2], session_id=r[3], app_id=r[4])
              for r in rows}
    lock_sessions(conn, [(r[1], r[2], r[4], r[3]) for r in rows], held=held)  # a session
    # that gained a row between the caller's lock and its row lock (delete_scope)
    tenants = sorted({tenant_of(scope) for scope in scopes.values()})
    history = [history_to_row(t, scopes[t.memory_id]) for t in tombstones]
    columns = [[h[k] for h in history] for k in range(len(HISTORY_COLUMNS))]
    vaulted, before, after = conn.execute(PURGE_SQL, [
        *neighbors_params(tenants, ids), tenants, ids, tenants, ids, ids, tenants, ids,
        *columns]).fetchone()
    eraser.note([r[5] for r in rows], vault=bool(vaulted))
    survivors = {i for i in (*before, *after) if i is not None} - set(ids)
    recontext(conn, survivors, tenants)
    return len(ids)
