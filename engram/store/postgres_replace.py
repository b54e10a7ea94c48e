"""``PostgresStore.replace``: one memory's new version, in four statements.

Why: an update sent eight (the row lock, the neighbour lookup, a second session lock,
the UPDATE, the context rebuild, the history INSERT, the embedder check, the vector
upsert), each a round trip. The neighbour lookup now rides on the row lock when the
caller's scope already names the row's session (its lock is held, so nobody can move the
neighbours), the history row and the vector go in the UPDATE's statement as
data-modifying CTEs (other tables: no ordering between them matters), and the embedder
record is known after the first write (postgres_schema.check_embedder). The context
rebuild must see the new row, so it stays a statement of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from engram.errors import ConflictError, InvalidInputError, NotFoundError
from engram.model import HistoryEntry, MemoryItem
from engram.store.base import SecretRow, keep_access_stats
from engram.store.postgres_context import adjacent_ids, lock_key, lock_sessions, recontext, session_of
from engram.store.postgres_schema import check_embedder
from engram.store.postgres_side import put_secrets
from engram.store.postgres_sql import (
    CONTEXT_SQL,
    ENGLISH,
    HISTORY_COLUMNS,
    NEIGHBORS_SQL,
    WRITE_COLUMNS,
    PgVector,
    adjacent,
    context_params,
    history_to_row,
    item_to_row,
    key_text,
    neighbors_params,
    own_tsv,
    scope_clause,
)
from engram.store.postgres_tenant import tenant_of

# tsv (schema v5: written, not generated) from the new content and keys (bound again
# after the row) and the row's context text, parsed as the v4 generated column did
_UPDATE_ITEM = (f"UPDATE memories SET {', '.join(c + ' = %s' for c in WRITE_COLUMNS)}, tsv = "
                + own_tsv(f"to_tsvector({ENGLISH}, %s)", "%s", f"to_tsvector({ENGLISH}, context_text)")
                + " WHERE tenant = %s AND id = %s")
_INSERT_HISTORY = (f"INSERT INTO history ({', '.join(HISTORY_COLUMNS)}) "
                   f"VALUES ({', '.join(['%s'] * len(HISTORY_COLUMNS))})")
_UPSERT_VECTOR = ("INSERT INTO vectors (tenant, id, embedding) VALUES (%s, %s, %b) "
                  "ON CONFLICT (tenant, id) DO UPDATE SET embedding = EXCLUDED.embedding")
# binds: the history row, then the item's row, its tenant and id (then the vector's row)
_REWRITE = f"WITH h AS ({_INSERT_HISTORY}) {_UPDATE_ITEM}"
_REWRITE_WITH_VECTOR = f"WITH h AS ({_INSERT_HISTORY}), u AS ({_UPDATE_ITEM}) {_UPSERT_VECTOR}"
# the stored row, locked, and its neighbours (as NEIGHBORS_SQL gives them); the tenant the
# caller's scope implies prunes the neighbour lookups (binds it twice, then id, scope)
_LOCK_ROW = (
    "SELECT m.version, m.access_count, m.last_accessed_at, m.user_id, m.agent_id, m.app_id,"
    " m.session_id, m.tenant,"
    f" CASE WHEN m.status = 'active' THEN {adjacent('prev', 'm', prune='%s')} END,"
    f" CASE WHEN m.status = 'active' THEN {adjacent('next', 'm', prune='%s')} END"
    " FROM memories m WHERE m.id = %s AND {scope} FOR UPDATE")


def replace_row(conn: Any, item: MemoryItem, vec: np.ndarray | None, history: HistoryEntry, *,
                expected_version: int, model_id: str | None, index: str,
                secrets: Sequence[SecretRow], embedder: dict[str, str] | None) -> dict[str, str] | None:
    """Write ``item``'s new version inside the caller's transaction; returns what
    ``check_embedder`` returns (None without a vector)."""
    sql, params = scope_clause(item.scope)
    tenant = tenant_of(item.scope)
    held = lock_sessions(conn, [session_of(item.scope)])
    row = conn.execute(_LOCK_ROW.format(scope=sql), [tenant, tenant, item.id, *params]).fetchone()
    if row is None:
        raise NotFoundError(f"no memory {item.id} in scope {item.scope}")
    if row[0] != expected_version:
        raise ConflictError(f"memory {item.id} is at version {row[0]}, not {expected_version}; "
                            "reload it and apply your change again")
    if row[7] != tenant:
        raise InvalidInputError(
            f"memory {item.id} is stored under tenant {row[7]!r}; an update cannot move it "
            "to another one: keep its user_id (or add a new memory and delete this one)")
    fresh = keep_access_stats(item, row[1], row[2])
    before: list[Sequence[Any]] = [(item.id, row[8], row[9])]
    if row[6] is not None and lock_key(row[3:7]) not in held:  # stored in a session the
        lock_sessions(conn, [row[3:7]], held=held)  # caller's scope did not name: lock, re-read
        before = conn.execute(NEIGHBORS_SQL, neighbors_params([tenant], [item.id])).fetchall()
    stored = None if vec is None else check_embedder(conn, model_id, vec.shape[0], index, embedder)
    written = [*history_to_row(history, item.scope), *item_to_row(fresh), fresh.content,
               key_text(fresh), tenant, item.id]
    if vec is None:
        conn.execute(_REWRITE, written)
    else:
        conn.execute(_REWRITE_WITH_VECTOR, [*written, tenant, item.id, PgVector(vec)])
    # its text, status or time may have changed: it, its old and its new neighbours
    after = conn.execute(CONTEXT_SQL, context_params([tenant], [item.id])).fetchall()
    recontext(conn, (adjacent_ids(before) | adjacent_ids(after)) - {item.id}, [tenant])
    with conn.cursor() as cur:
        put_secrets(cur, [s for s in secrets if s.memory_id == item.id])
    return stored
