"""Row codecs, WHERE-clause builders and the safe tsquery builder for the
PostgreSQL store.

All values go through bound parameters (``%s``); identifiers come from fixed
lists. Clauses mirror ``sqlite_sql.py`` so both backends select the same rows.
"""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Sequence
from typing import Any

import numpy as np

from engram.errors import InvalidInputError
from engram.model import SCOPE_FIELDS, Filters, HistoryEntry, MemoryItem, Scope
from engram.store.postgres_tenant import scope_tenant, tenant_of

ITEM_COLUMNS = (
    "id", "user_id", "agent_id", "session_id", "app_id", "kind", "status", "content", "role",
    "keys", "entities", "tags", "event_time", "created_at", "updated_at", "valid_from",
    "valid_to", "importance", "access_count", "last_accessed_at", "provenance", "version",
    "metadata",
)
WRITE_COLUMNS = (*ITEM_COLUMNS, "key_text", "tenant")
HISTORY_COLUMNS = ("id", "memory_id", "version", "op", "actor", "at", "old", "new",
                   "user_id", "agent_id", "session_id", "app_id", "tenant")
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


def json_text(value: Any) -> str:
    """JSON text for a jsonb column: text COPY and ``%s`` parameters (sent untyped) both
    let the server parse it, so no ``Jsonb`` wrapper or dumper lookup runs per value;
    empty lists and objects, most of them, skip the encoder."""
    if value:
        return json.dumps(value)
    return "[]" if isinstance(value, list) else "{}"


def item_to_row(item: MemoryItem) -> tuple[Any, ...]:
    """Values for :data:`WRITE_COLUMNS` (the bulk write path's per-row work: attribute
    reads and JSON text, no model dump)."""
    scope = item.scope
    values: list[Any] = []
    for column in ITEM_COLUMNS:
        if column in SCOPE_FIELDS:
            values.append(getattr(scope, column))
        elif column == "provenance":
            values.append(item.provenance.model_dump_json())
        elif column in _JSON_COLUMNS:
            values.append(json_text(getattr(item, column)))
        elif column in ("kind", "status"):
            values.append(getattr(item, column).value)
        else:  # times stay aware datetimes; numbers and text as they are
            values.append(getattr(item, column))
    values += [key_text(item), tenant_of(scope)]
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
        None if entry.old is None else json_text(entry.old),
        None if entry.new is None else json_text(entry.new),
        scope.user_id, scope.agent_id, scope.session_id, scope.app_id, tenant_of(scope),
    )


def row_to_history(row: tuple[Any, ...]) -> HistoryEntry:
    hid, memory_id, version, op, actor, at, old, new = row
    return HistoryEntry(id=hid, memory_id=memory_id, version=version, op=op, actor=actor,
                        at=at, old=old, new=new)


def scope_clause(scope: Scope | None, alias: str = "m") -> tuple[str, list[Any]]:
    """Conditions confining a query to ``scope`` (every set field must match);
    ``None`` (administrative, whole store) matches everything. When the scope fixes
    the tenant, the condition on it comes first, and the planner reads one partition."""
    if scope is None:
        return "TRUE", []
    parts = [f"{alias}.{name} = %s" for name in scope.fields()]
    params: list[Any] = list(scope.fields().values())
    tenant = scope_tenant(scope)
    if tenant is not None:
        parts.insert(0, f"{alias}.tenant = %s")
        params.insert(0, tenant)
    return " AND ".join(parts), params


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
        self.values = finite(np.asarray(vector, dtype=np.float32).reshape(-1))


def finite(values: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(values)):
        raise InvalidInputError("vectors must be finite (no NaN or Infinity); check the embedder")
    return values


def vector_bytes(matrix: np.ndarray) -> list[bytes]:
    """Each row of a float32 matrix in pgvector's binary format (uint16 dim, uint16
    unused, big-endian float32s): exact, and ~10x faster than formatting text. The
    matrix is checked and converted once; a binary COPY takes these bytes as they are."""
    rows = finite(np.asarray(matrix, dtype=np.float32)).astype(">f4")
    header = struct.pack(">HH", rows.shape[1], 0)
    return [header + row.tobytes() for row in rows]


def vector_dumper(oid: int) -> type:
    """A psycopg dumper sending :class:`PgVector` as :func:`vector_bytes` does; ``oid``
    is the ``vector`` type's oid in this database."""
    from psycopg import pq
    from psycopg.adapt import Dumper

    class VectorDumper(Dumper):
        format = pq.Format.BINARY

        def dump(self, obj: Any) -> bytes:
            return vector_bytes(obj.values[None, :])[0]

    VectorDumper.oid = oid
    return VectorDumper


def parse_vector(text: str) -> np.ndarray:
    return np.array(json.loads(text), dtype=np.float32)


# -- a session's running order: the lexical context field and Store.neighbors -------
# Both must agree on which items are adjacent, so both build on these helpers; they
# mirror sqlite_sql.session_order / adjacent (``seq`` plays SQLite's rowid).

NEIGHBOR_KIND = "episodic"  # only conversation rounds have neighbours (and a context)
_NULL_TIME = "'-infinity'::timestamptz"  # an undated round sorts first, as in SQLite


def session_order(alias: str = "m", *, descending: bool = False) -> str:
    """ORDER BY terms for the running order of one session's items: ``event_time``
    (NULL first), then insertion order (``seq``, from ``memories_seq``). Spelled as
    the index ``memories_session_order_v6`` (schema v6, after the tenant and the session) is,
    so lookups can walk it."""
    way = " DESC" if descending else ""
    return f"coalesce({alias}.event_time, {_NULL_TIME}){way}, {alias}.seq{way}"


def adjacent(which: str, target: str = "t", column: str = "id", *, prune: str | None = None) -> str:
    """A correlated scalar subquery: ``column`` of the active episodic item right
    before (``which="prev"``) or after (``"next"``) row ``target`` in
    :func:`session_order`, among items with the same user, agent, app (NULL-safe)
    and session; NULL when there is none, or when ``target`` has no session or is
    not episodic. One index seek per call, whatever the session's length.

    ``prune``: SQL the neighbour's tenant must also equal, naming values the caller binds
    (``%s``, ``ANY(%s)``: the tenants of the ``target`` rows, or a superset).
    ``nb.tenant = t.tenant`` alone names no value the planner can prune partitions with,
    so each subquery was planned over every partition: with 16, planning was most of
    PostgreSQL's CPU per search, update and delete (tests/store/test_postgres_planning.py)."""
    if which not in ("prev", "next"):
        raise ValueError(f"which must be 'prev' or 'next', not {which!r}")
    before = which == "prev"
    same = " AND ".join(f"nb.{c} IS NOT DISTINCT FROM {target}.{c}"
                        for c in ("user_id", "agent_id", "app_id"))
    key = f"(coalesce(nb.event_time, {_NULL_TIME}), nb.seq)"
    mine = f"(coalesce({target}.event_time, {_NULL_TIME}), {target}.seq)"
    pruned = f" AND nb.tenant = {prune}" if prune else ""
    return (f"(SELECT nb.{column} FROM memories nb WHERE nb.tenant = {target}.tenant{pruned}"
            f" AND nb.session_id = {target}.session_id AND {same} AND nb.status = 'active' AND nb.kind = '{NEIGHBOR_KIND}'"
            f" AND {target}.kind = '{NEIGHBOR_KIND}' AND {key} {'<' if before else '>'} {mine}"
            f" ORDER BY {session_order('nb', descending=before)} LIMIT 1)")


ENGLISH = "'english'::regconfig"  # stems as FTS5's porter tokenizer does


def own_tsv(content: str, keys: str, context: str) -> str:
    """A row's ``tsv`` (schema v5 writes it): its content vector (weight A), its keys'
    text parsed (B) and its neighbours' content vectors (C), as v3's generated column."""
    return (f"setweight({content}, 'A') || setweight(to_tsvector({ENGLISH}, {keys}), 'B')"
            f" || setweight({context}, 'C')")


def content_part(alias: str) -> str:
    """A stored row's content vector: the weight-A part of its ``tsv``, no parse."""
    return f"ts_filter({alias}.tsv, '{{a}}')"


def with_context(alias: str, context: str) -> str:
    """A stored row's ``tsv`` with a new context vector: its A and B parts kept."""
    return f"ts_filter({alias}.tsv, '{{a,b}}') || setweight({context}, 'C')"


def joined_vectors(before: str, after: str) -> str:
    """Two neighbours' content vectors as one context vector (either may be NULL)."""
    return f"coalesce({before}, ''::tsvector) || coalesce({after}, ''::tsvector)"


# (id, prev id, next id, tenant) of the rows with the given tenants and ids
# (:func:`neighbors_params`; the tenants prune partitions, a superset is fine); only active
# rows have neighbours (an archived round is nobody's neighbour).
NEIGHBORS_SQL = (
    "SELECT t.id,"
    f" CASE WHEN t.status = 'active' THEN {adjacent('prev', prune='ANY(%s)')} END AS prev,"
    f" CASE WHEN t.status = 'active' THEN {adjacent('next', prune='ANY(%s)')} END AS next, t.tenant"
    " FROM memories t WHERE t.tenant = ANY(%s) AND t.id = ANY(%s)"
)

# Rewrites ``context_text`` (the neighbours' content joined by a newline) of the rows with
# the given tenants and ids (:func:`context_params`) where it changed, and their ``tsv``
# from the neighbours' stored content vectors (no text parsed: postgres_insert.py);
# returns (id, prev, next). Neighbours share their row's tenant.
CONTEXT_SQL = (
    f"WITH x AS MATERIALIZED ({NEIGHBORS_SQL}),"
    " c AS (SELECT x.tenant, x.id, x.prev, x.next,"
    " concat_ws(chr(10), p.content, n.content) AS context,"
    f" {joined_vectors(content_part('p'), content_part('n'))} AS a FROM x"
    " LEFT JOIN memories p ON p.tenant = x.tenant AND p.tenant = ANY(%s) AND p.id = x.prev"
    " LEFT JOIN memories n ON n.tenant = x.tenant AND n.tenant = ANY(%s) AND n.id = x.next),"
    f" u AS (UPDATE memories m SET context_text = c.context, tsv = {with_context('m', 'c.a')} FROM c"
    " WHERE m.tenant = ANY(%s) AND m.tenant = c.tenant AND m.id = c.id"
    " AND m.context_text <> c.context)"
    " SELECT id, prev, next FROM c"
)


def neighbors_params(tenants: Sequence[str], ids: Sequence[str]) -> list[Any]:
    """What :data:`NEIGHBORS_SQL` binds: the tenants wherever a partition is read."""
    return [list(tenants), list(tenants), list(tenants), list(ids)]


def context_params(tenants: Sequence[str], ids: Sequence[str]) -> list[Any]:
    """What :data:`CONTEXT_SQL` binds."""
    return [*neighbors_params(tenants, ids), list(tenants), list(tenants), list(tenants)]
