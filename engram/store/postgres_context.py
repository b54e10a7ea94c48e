"""Upkeep of PostgreSQL's neighbour-context lexical field (``postgres_sql.CONTEXT_SQL``),
inside the store's write transactions: per-session advisory locks, and rewriting the
context of exactly the rows a write made neighbours of something new or gone."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from engram.model import Scope
from engram.store.postgres_sql import CONTEXT_SQL, context_params

# pg_advisory_xact_lock(class, key) namespace of per-session context upkeep ("ctxt")
CONTEXT_LOCK = 0x63747874


def session_of(scope: Scope) -> tuple[str | None, ...]:
    return (scope.user_id, scope.agent_id, scope.app_id, scope.session_id)


def lock_sessions(conn: Any, sessions: Iterable[Sequence[str | None]], *,
                  held: frozenset[int] = frozenset()) -> frozenset[int]:
    """Serialise context upkeep per session (user, agent, app, session), in key order;
    returns the keys this transaction now holds. ``held``: keys it already holds (a
    previous call's result), which are not sent again.

    Under READ COMMITTED, two writers adding rounds to one session would not see each
    other's rows and could leave a neighbour's context stale: holding the text of a
    round that is not its neighbour, which a later delete of that round would miss."""
    keys = {lock_key(s) for s in set(map(tuple, sessions)) if s[3] is not None} - held
    if keys:
        conn.execute("SELECT pg_advisory_xact_lock(%s::int, k) FROM unnest(%b::int[]) AS k",
                     [CONTEXT_LOCK, sorted(keys)])
    return held | keys


def lock_key(session: Sequence[str | None]) -> int:
    raw = json.dumps(list(session), ensure_ascii=False).encode()
    return int.from_bytes(hashlib.blake2b(raw, digest_size=4).digest(), "big", signed=True)


def adjacent_ids(rows: Iterable[Sequence[Any]]) -> set[str]:
    """The ids right before or after any row of NEIGHBORS_SQL / CONTEXT_SQL."""
    return {i for row in rows for i in row[1:3] if i is not None}


def recontext(conn: Any, ids: set[str], tenants: Iterable[str]) -> None:
    """Rewrite the context of these rows where it changed: only the rows a write
    affected, never whole sessions. ``tenants`` holds (at least) theirs."""
    if ids:
        keys = sorted(set(tenants))
        conn.execute(CONTEXT_SQL, context_params(keys, sorted(ids)))
