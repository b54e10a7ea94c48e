"""Row codecs and WHERE-clause builders for the SQLite store.

All values go through bound parameters; identifiers come from fixed lists.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from typing import Any

from engram.model import SCOPE_FIELDS, Filters, HistoryEntry, MemoryItem, Scope, utcnow

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
    utc = value.astimezone(timezone.utc)
    return f"{utc.year:04d}-" + utc.strftime("%m-%dT%H:%M:%S.%fZ")  # %Y is not zero-padded


def parse_ts(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


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
    data = dict(zip(ITEM_COLUMNS, row))
    scope = Scope(**{f: data.pop(f) for f in SCOPE_FIELDS})
    for column in _JSON_COLUMNS:
        data[column] = json.loads(data[column])
    for column in _TIME_COLUMNS:
        data[column] = parse_ts(data[column])
    return MemoryItem(scope=scope, **data)


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
