"""Row codecs and WHERE-clause builders for the SQLite store.

All values go through bound parameters; identifiers come from fixed lists.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from engram.model import (
    SCOPE_FIELDS,
    Filters,
    HistoryEntry,
    MemoryItem,
    MemoryKind,
    MemoryStatus,
    Provenance,
    Scope,
    utcnow,
)

ITEM_COLUMNS = (
    "id", "user_id", "agent_id", "session_id", "app_id", "kind", "status", "content", "role",
    "keys", "entities", "tags", "event_time", "created_at", "updated_at", "valid_from",
    "valid_to", "importance", "access_count", "last_accessed_at", "provenance", "version",
    "metadata",
)
_JSON_COLUMNS = ("keys", "entities", "tags", "provenance", "metadata")
_TIME_COLUMNS = ("event_time", "created_at", "updated_at", "valid_from", "valid_to",
                 "last_accessed_at")
_METADATA_KEY = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def ts(value: datetime | None) -> str | None:
    """Fixed-width UTC text, so string order equals time order."""
    if value is None:
        return None
    utc = value.astimezone(UTC)
    return f"{utc.year:04d}-" + utc.strftime("%m-%dT%H:%M:%S.%fZ")  # %Y is not zero-padded


def parse_ts(value: str | None) -> datetime | None:
    """The inverse of :func:`ts`. ``fromisoformat`` (C) first: ``strptime`` took 74 % of a
    search's CPU time, reading ~6 timestamps of each of ~30 candidate rows (issue #17)."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:
            return parsed.astimezone(UTC)
    except ValueError:
        pass
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def item_to_row(item: MemoryItem) -> tuple[Any, ...]:
    data = item.snapshot()
    values: list[Any] = []
    for column in ITEM_COLUMNS:
        if column in SCOPE_FIELDS:
            values.append(getattr(item.scope, column))
        elif column in _JSON_COLUMNS:
            values.append(json.dumps(data[column], ensure_ascii=False, sort_keys=True))
        elif column in _TIME_COLUMNS:
            values.append(ts(getattr(item, column)))
        elif column in ("kind", "status"):
            values.append(data[column])
        else:
            values.append(getattr(item, column))
    return tuple(values)


def row_to_item(row: sqlite3.Row | tuple[Any, ...]) -> MemoryItem:
    """A stored row as an item, without re-validating it: every row was validated when it
    was written (``item_to_row`` takes a ``MemoryItem``), and pydantic's checks of long
    contents cost ~0.3 ms per row, a quarter of a search on LongMemEval haystacks."""
    data = dict(zip(ITEM_COLUMNS, row))
    scope = Scope.model_construct(**{f: data.pop(f) for f in SCOPE_FIELDS})
    for column in _JSON_COLUMNS:
        data[column] = json.loads(data[column])
    for column in _TIME_COLUMNS:
        data[column] = parse_ts(data[column])
    data["provenance"] = Provenance.model_construct(**data["provenance"])
    data["kind"] = MemoryKind(data["kind"])
    data["status"] = MemoryStatus(data["status"])
    return MemoryItem.model_construct(scope=scope, **data)


def history_to_row(entry: HistoryEntry, scope: Scope) -> tuple[Any, ...]:
    return (
        entry.id, entry.memory_id, entry.version, entry.op, entry.actor, ts(entry.at),
        None if entry.old is None else json.dumps(entry.old, ensure_ascii=False),
        None if entry.new is None else json.dumps(entry.new, ensure_ascii=False),
        scope.user_id, scope.agent_id, scope.session_id, scope.app_id,
    )


def row_to_history(row: tuple[Any, ...]) -> HistoryEntry:
    hid, memory_id, version, op, actor, at, old, new = row
    return HistoryEntry(
        id=hid, memory_id=memory_id, version=version, op=op, actor=actor, at=parse_ts(at) or utcnow(),
        old=None if old is None else json.loads(old), new=None if new is None else json.loads(new),
    )


def scope_clause(scope: Scope, alias: str = "m") -> tuple[str, list[Any]]:
    """Conditions confining a query to ``scope`` (every set field must match)."""
    parts = [f"{alias}.{name} = ?" for name in scope.fields()]
    return " AND ".join(parts), list(scope.fields().values())


# -- the lexical index's tenant field -------------------------------------------
# FTS5 cannot join a filter into its MATCH, so a scoped search used to score every
# tenant's matching rows and drop the others afterwards: its cost grew with the whole
# file, not the tenant (16 of 17 ms on a 60-tenant LongMemEval store). Each row's
# `tenant` field holds one token per set scope field, and a scoped MATCH ANDs them, so
# FTS5 intersects doclists before it scores. The SQL scope clause still decides; the
# tokens only narrow the candidates. Tokens end in a digit, so porter leaves them alone.

_TENANT_PREFIX = {"user_id": "u", "agent_id": "a", "session_id": "s", "app_id": "p"}


def scope_token(field: str, value: str) -> str:
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest()
    return f"{_TENANT_PREFIX[field]}{int.from_bytes(digest, 'big')}"


def tenant_tokens(user_id: str | None, agent_id: str | None, session_id: str | None,
                  app_id: str | None) -> str:
    """The `tenant` field of a row in this scope (also the v5 migration's SQL function)."""
    values = dict(zip(SCOPE_FIELDS, (user_id, agent_id, session_id, app_id), strict=True))
    return " ".join(scope_token(f, v) for f, v in values.items() if v)


def tenant_match(scope: Scope) -> str:
    """The MATCH term that confines an FTS5 query to ``scope``'s rows (a scope always
    sets at least one field)."""
    return " AND ".join(f'tenant : "{scope_token(f, v)}"' for f, v in scope.fields().items())


def filter_clause(filters: Filters, alias: str = "m") -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if filters.kinds:
        parts.append(f"{alias}.kind IN ({','.join('?' * len(filters.kinds))})")
        params += [k.value for k in filters.kinds]
    if filters.statuses:
        parts.append(f"{alias}.status IN ({','.join('?' * len(filters.statuses))})")
        params += [s.value for s in filters.statuses]
    for tag in filters.tags or []:
        parts.append(f"EXISTS (SELECT 1 FROM json_each({alias}.tags) WHERE value = ?)")
        params.append(tag)
    if filters.since:
        parts.append(f"{alias}.event_time >= ?")
        params.append(ts(filters.since))
    if filters.until:
        parts.append(f"{alias}.event_time < ?")
        params.append(ts(filters.until))
    for key, value in (filters.metadata or {}).items():
        if not _METADATA_KEY.match(key):
            from engram.errors import InvalidInputError

            raise InvalidInputError(
                f"metadata filter key {key!r} is not allowed; use letters, digits, '_' or '-'"
            )
        parts.append(f"json_extract({alias}.metadata, '$.\"{key}\"') = ?")
        params.append(value)
    return " AND ".join(parts) or "1", params


def where(scope: Scope, filters: Filters, alias: str = "m") -> tuple[str, list[Any]]:
    scope_sql, scope_params = scope_clause(scope, alias)
    filter_sql, filter_params = filter_clause(filters, alias)
    return f"({scope_sql}) AND ({filter_sql})", scope_params + filter_params


def fts_query(text: str) -> str | None:
    """Plain text → an FTS5 query of quoted terms OR-ed together.

    Quoting every token means FTS5 operators, column filters and syntax in
    user text are matched as words, never executed.
    """
    tokens = _FTS_TOKEN.findall(text.lower())
    unique = list(dict.fromkeys(t for t in tokens if t))
    if not unique:
        return None
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in unique[:64])


# -- a session's running order: the lexical context field and Store.neighbors -------
# Both must agree on which items are adjacent, so both build on these helpers.

NEIGHBOR_KIND = "episodic"  # only conversation rounds have neighbours (and a context)


def session_order(alias: str = "m", *, descending: bool = False) -> str:
    """ORDER BY terms for the running order of one session's items: ``event_time``
    (NULL, an undated round, first), then insertion order (``rowid``).

    The NULL-first key is spelled ``coalesce(event_time, '')`` (stored times are
    fixed-width text, so ``''`` sorts before all of them) because the index
    ``memories_session_order_v6`` is on that expression."""
    way = " DESC" if descending else ""
    return f"coalesce({alias}.event_time, ''){way}, {alias}.rowid{way}"


def adjacent(which: str, target: str = "t", column: str = "id") -> str:
    """A correlated scalar subquery: ``column`` of the active episodic item right
    before (``which="prev"``) or after (``"next"``) row ``target`` in
    :func:`session_order`, among items with the same user, agent, app (NULL-safe)
    and session; NULL when there is none, or when ``target`` has no session or is
    not episodic. One index seek (``memories_session_order_v6``, keyed on the session and
    the tenant, so tenants that reuse a session id do not slow each other) per call, so the
    cost does not grow with the session's length."""
    if which not in ("prev", "next"):
        raise ValueError(f"which must be 'prev' or 'next', not {which!r}")
    before = which == "prev"
    loose, strict = ("<=", "<") if before else (">=", ">")
    key, mine = "coalesce(nb.event_time, '')", f"coalesce({target}.event_time, '')"
    same = " AND ".join(f"nb.{c} IS {target}.{c}" for c in ("user_id", "agent_id", "app_id"))
    # `key <= mine AND (key < mine OR rowid < ...)`, not a row-value comparison:
    # SQLite turns only the first form into an index range.
    return (f"(SELECT nb.{column} FROM memories nb WHERE nb.session_id = {target}.session_id"
            f" AND {same} AND nb.status = 'active' AND nb.kind = '{NEIGHBOR_KIND}'"
            f" AND {target}.kind = '{NEIGHBOR_KIND}'"
            f" AND {key} {loose} {mine} AND ({key} {strict} {mine}"
            f" OR nb.rowid {strict} {target}.rowid)"
            f" ORDER BY {session_order('nb', descending=before)} LIMIT 1)")


@functools.lru_cache(maxsize=64)
def context_sql(count: int) -> str:
    """(rowid, prev rowid, next rowid, context) of ``count`` rowids bound as
    parameters. The context is the neighbours' content joined by a newline; only
    active rows have neighbours (an archived round is nobody's neighbour, and gets
    an empty context itself)."""
    marks = ",".join("?" * count)
    return (  # MATERIALIZED: else SQLite inlines x and runs each lookup twice
        "WITH x AS MATERIALIZED (SELECT t.rowid AS rid,"
        f" CASE WHEN t.status = 'active' THEN {adjacent('prev', 't', 'rowid')} END AS prev,"
        f" CASE WHEN t.status = 'active' THEN {adjacent('next', 't', 'rowid')} END AS next"
        f" FROM memories t WHERE t.rowid IN ({marks}))"
        " SELECT x.rid, x.prev, x.next,"
        " coalesce(p.content || char(10) || n.content, p.content, n.content, '')"
        " FROM x LEFT JOIN memories p ON p.rowid = x.prev LEFT JOIN memories n ON n.rowid = x.next"
    )


def chunks(values: Sequence[str] | Sequence[int], size: int) -> Iterator[list[Any]]:
    """``values`` in lists of at most ``size`` (SQLite caps bound parameters per query)."""
    items: list[Any] = list(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]
