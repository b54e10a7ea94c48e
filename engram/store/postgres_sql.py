"""Row codecs, WHERE-clause builders and the safe tsquery builder for the
PostgreSQL store.

All values go through bound parameters (``%s``); identifiers come from fixed
lists. Clauses mirror ``sqlite_sql.py`` so both backends select the same rows.
"""

from __future__ import annotations

import json
import re
import struct
from typing import Any

import numpy as np

from engram.errors import InvalidInputError
from engram.model import SCOPE_FIELDS, Filters, HistoryEntry, MemoryItem, Scope

ITEM_COLUMNS = (
    "id", "user_id", "agent_id", "session_id", "app_id", "kind", "status", "content", "role",
    "keys", "entities", "tags", "event_time", "created_at", "updated_at", "valid_from",
    "valid_to", "importance", "access_count", "last_accessed_at", "provenance", "version",
    "metadata",
)
WRITE_COLUMNS = (*ITEM_COLUMNS, "key_text")
HISTORY_COLUMNS = ("id", "memory_id", "version", "op", "actor", "at", "old", "new",
                   "user_id", "agent_id", "session_id", "app_id")
_JSON_COLUMNS = ("keys", "entities", "tags", "provenance", "metadata")
_METADATA_KEY = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 64


def jsonb(value: Any) -> Any:
    from psycopg.types.json import Jsonb

    return Jsonb(value)


def key_text(item: MemoryItem) -> str:
    """The expansion text indexed beside the content (weight B)."""
    return " ".join([*item.keys, *item.entities, *item.tags])


def item_to_row(item: MemoryItem) -> tuple[Any, ...]:
    """Values for :data:`WRITE_COLUMNS`."""
    data = item.snapshot()
    values: list[Any] = []
    for column in ITEM_COLUMNS:
        if column in SCOPE_FIELDS:
            values.append(getattr(item.scope, column))
        elif column in _JSON_COLUMNS:
            values.append(jsonb(data[column]))
        elif column in ("kind", "status"):
            values.append(data[column])
        else:  # times stay aware datetimes; numbers and text as they are
            values.append(getattr(item, column))
    values.append(key_text(item))
    return tuple(values)


def row_to_item(row: tuple[Any, ...]) -> MemoryItem:
    """``row`` holds :data:`ITEM_COLUMNS`; psycopg already decoded jsonb and
    timestamptz (the session runs in UTC; the model normalises anyway)."""
    data = dict(zip(ITEM_COLUMNS, row, strict=True))
    scope = Scope(**{f: data.pop(f) for f in SCOPE_FIELDS})
    return MemoryItem(scope=scope, **data)


def history_to_row(entry: HistoryEntry, scope: Scope) -> tuple[Any, ...]:
    return (
        entry.id, entry.memory_id, entry.version, entry.op, entry.actor, entry.at,
        None if entry.old is None else jsonb(entry.old),
        None if entry.new is None else jsonb(entry.new),
        scope.user_id, scope.agent_id, scope.session_id, scope.app_id,
    )


def row_to_history(row: tuple[Any, ...]) -> HistoryEntry:
    hid, memory_id, version, op, actor, at, old, new = row
    return HistoryEntry(id=hid, memory_id=memory_id, version=version, op=op, actor=actor,
                        at=at, old=old, new=new)


def scope_clause(scope: Scope | None, alias: str = "m") -> tuple[str, list[Any]]:
    """Conditions confining a query to ``scope`` (every set field must match);
    ``None`` (administrative, whole store) matches everything."""
    if scope is None:
        return "TRUE", []
    parts = [f"{alias}.{name} = %s" for name in scope.fields()]
    return " AND ".join(parts), list(scope.fields().values())


def filter_clause(filters: Filters, alias: str = "m") -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if filters.kinds:
        parts.append(f"{alias}.kind = ANY(%s)")
        params.append([k.value for k in filters.kinds])
    if filters.statuses:
        parts.append(f"{alias}.status = ANY(%s)")
        params.append([s.value for s in filters.statuses])
    for tag in filters.tags or []:
        parts.append(f"{alias}.tags @> %s")  # jsonb containment: the tag is an element
        params.append(jsonb([tag]))
    if filters.since:
        parts.append(f"{alias}.event_time >= %s")
        params.append(filters.since)
    if filters.until:
        parts.append(f"{alias}.event_time < %s")
        params.append(filters.until)
    for key, value in (filters.metadata or {}).items():
        if not _METADATA_KEY.match(key):
            raise InvalidInputError(
                f"metadata filter key {key!r} is not allowed; use letters, digits, '_' or '-'"
            )
        parts.append(f"{alias}.metadata -> %s = %s")
        params += [key, jsonb(value)]
    return " AND ".join(parts) or "TRUE", params


def where(scope: Scope, filters: Filters, alias: str = "m") -> tuple[str, list[Any]]:
    scope_sql, scope_params = scope_clause(scope, alias)
    filter_sql, filter_params = filter_clause(filters, alias)
    return f"({scope_sql}) AND ({filter_sql})", scope_params + filter_params


def tsquery(text: str) -> tuple[str, list[str]] | None:
    """Plain text → SQL for a tsquery OR-ing every word, with its parameters.

    Each word goes through its own ``plainto_tsquery``, which treats its input
    as plain text: tsquery operators (``& | ! <-> :* ()``) in user text are
    never parsed as syntax. Stop words yield empty queries, which ``||`` skips.
    """
    words = list(dict.fromkeys(_TOKEN.findall(text.lower())))[:MAX_QUERY_TERMS]
    if not words:
        return None
    sql = " || ".join(["plainto_tsquery('english'::regconfig, %s)"] * len(words))
    return f"({sql})", words


class PgVector:
    """A float32 vector bound as a query parameter (see :func:`vector_dumper`)."""

    __slots__ = ("values",)

    def __init__(self, vector: np.ndarray) -> None:
        values = np.asarray(vector, dtype=np.float32).reshape(-1)
        if not np.all(np.isfinite(values)):
            raise InvalidInputError("vectors must be finite (no NaN or Infinity); check the embedder")
        self.values = values


def vector_dumper(oid: int) -> type:
    """A psycopg dumper sending :class:`PgVector` in pgvector's binary format
    (uint16 dim, uint16 unused, big-endian float32s): exact, and ~10x faster than
    formatting text. ``oid`` is the ``vector`` type's oid in this database."""
    from psycopg import pq
    from psycopg.adapt import Dumper

    class VectorDumper(Dumper):
        format = pq.Format.BINARY

        def dump(self, obj: Any) -> bytes:
            values: np.ndarray = obj.values
            return struct.pack(">HH", values.shape[0], 0) + values.astype(">f4").tobytes()

    VectorDumper.oid = oid
    return VectorDumper


def parse_vector(text: str) -> np.ndarray:
    return np.array(json.loads(text), dtype=np.float32)
