"""Reads that both SQL backends phrase the same way, apart from the placeholder
style and the vector join; each store passes those in."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from engram.model import MemoryItem, Stats
from engram.store.base import Neighbors

Read = Callable[[str, Sequence[Any]], list[Any]]


def iter_rows(read: Read, select: str, where_sql: str, params: Sequence[Any], *,
              mark: str, batch: int, decode: Callable[[Any], MemoryItem]) -> Iterator[MemoryItem]:
    """Keyset pagination by id (first column of ``select``), so a long export never
    holds a cursor open or skips rows that later pages would shift."""
    last = ""
    while True:
        rows = read(f"{select} WHERE {where_sql} AND m.id > {mark} ORDER BY m.id LIMIT {mark}",
                    [*params, last, batch])
        if not rows:
            return
        for row in rows:
            yield decode(row)
        last = rows[-1][0]


def collect_stats(read: Read, scope_sql: str, params: Sequence[Any], history_sql: str,
                  history_params: Sequence[Any], *, vector_join: str,
                  db_bytes: int | None) -> Stats:
    """Counts by kind and status, history rows, vectors and distinct scopes."""
    by_kind = dict(read(f"SELECT kind, count(*) FROM memories m WHERE {scope_sql} GROUP BY kind",
                        params))
    by_status = dict(read(
        f"SELECT status, count(*) FROM memories m WHERE {scope_sql} GROUP BY status", params))
    return Stats(
        memories=sum(by_kind.values()), by_kind=by_kind, by_status=by_status,
        history_rows=read(f"SELECT count(*) FROM history h WHERE {history_sql}", history_params)[0][0],
        vectors=read(f"SELECT count(*) FROM vectors v JOIN memories m ON {vector_join} "
                     f"WHERE {scope_sql}", params)[0][0],
        scopes=read("SELECT count(*) FROM (SELECT DISTINCT user_id, agent_id, session_id, app_id"
                    f" FROM memories m WHERE {scope_sql}) s", params)[0][0],
        db_bytes=db_bytes,
    )


def neighbors(read: Read, ids: Sequence[str], scope_sql: str, params: Sequence[Any], *,
              mark: str, adjacent: Callable[[str], str],
              filter_on: Callable[[str], tuple[str, list[Any]]],
              key: str | None = None, pinned: Any = None) -> dict[str, Neighbors]:
    """Session id and prev/next active episodic items of each id (alias ``t`` in ``scope_sql``) in
    its session. ``adjacent("prev"|"next")`` is the dialect's lookup (the same one
    that maintains the lexical context field, so both agree on the order); it only
    matches items of the same user, agent, app and session, never another tenant's
    even when two tenants reuse a session id. ``filter_on(alias)`` is the caller's
    filters as SQL: a neighbour they exclude is reported as ``None``. ``key`` names a
    column a neighbour shares with its item (PostgreSQL's partition key), so that the
    neighbour lookups read the item's partition only; ``pinned`` is the value of ``key``
    every item has when the scope fixes it: then it is bound (``adjacent`` binds it once per
    call) instead of read from each row, so the planner reads that one partition."""
    if not ids:
        return {}
    prev_sql, prev_params = filter_on("p")
    next_sql, next_params = filter_on("n")
    pin = pinned is not None and key is not None
    side = mark if pin else "x.k"
    same = ("", "", "") if key is None else (
        f", t.{key} AS k", f" AND p.{key} = {side}", f" AND n.{key} = {side}")
    own = [pinned] if pin else []
    rows = read(
        f"WITH x AS MATERIALIZED (SELECT t.id, {adjacent('prev')} AS prev, {adjacent('next')} AS nxt,"
        f" t.session_id AS session{same[0]}"
        f" FROM memories t WHERE t.id IN ({','.join([mark] * len(ids))}) AND {scope_sql})"
        f" SELECT x.id, p.id, n.id, x.session FROM x LEFT JOIN memories p ON p.id = x.prev{same[1]}"
        f" AND {prev_sql} LEFT JOIN memories n ON n.id = x.nxt{same[2]} AND {next_sql}",
        [*own, *own, *ids, *params, *own, *prev_params, *own, *next_params])
    return {r[0]: Neighbors(r[1], r[2], r[3]) for r in rows}


def recent_texts(read: Read, where_sql: str, params: Sequence[Any], *, mark: str,
                 limit: int) -> list[str]:
    """Content of the newest matching items (ids are time-ordered UUIDv7)."""
    rows = read(f"SELECT m.content FROM memories m WHERE {where_sql} ORDER BY m.id DESC LIMIT {mark}",
                [*params, limit])
    return [r[0] for r in rows]


def checkpoint(conn: Any, lock: Any, path: Any) -> bool:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` on a SQLite connection: copy the WAL into the
    file and truncate it, so no old page image (deleted text) stays in the WAL. Returns
    False, and logs, when a reader in another process kept it from finishing (the next
    checkpoint finishes the job)."""
    with lock:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        logging.getLogger("engram").warning(
            "could not truncate the WAL of %s: another process is reading it; deleted text "
            "stays in the WAL until the next delete or `engram purge`", path)
    return not busy
