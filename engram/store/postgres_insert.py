"""The one statement that writes a batch of new memories on PostgreSQL (:func:`insert_sql`):
their rows, each parsed once for lexical search, and the neighbour contexts of the
rounds they join (schema v5: ``tsv`` is written by the store, not generated).

Why one parse: the generated ``tsv`` of schema v3/v4 parsed a round's text three times,
as its content and as the context of both its neighbours (``context_text``): three
quarters of the ``memories`` COPY's server CPU in an import (docs/scaling.md). Here each
new item's content is parsed once (``to_tsvector``, the ``a`` column of ``v``); its own
tsvector is that, weight A, its keys (B) and its neighbours' content vectors (C)
concatenated with ``||``; an existing neighbour contributes the weight-A part of its
stored ``tsv`` (``ts_filter``), never its text again. ``||`` numbers the right side's
positions after the left side's last one, so a context's positions can differ from a
parse of the joined text by the stop words that end the earlier round: ``ts_rank_cd``
of the store's OR-queries counts occurrences, and the lexical tests rank as before.

The statement also places the rounds (it was PLACE_SQL, run before a COPY): candidates
are the new rounds plus the existing rounds right around each of them (``adjacent``: one
seek each), merged in session_order; an existing round's far side, where no new round
lands, keeps its current neighbour. Every part reads the snapshot from before the
statement, so existing rows are seen without the new ones, as the placement needs. The
caller must hold the session locks (postgres_context.lock_sessions), so that nobody else
moves these rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram.store.postgres_sql import (
    ENGLISH,
    WRITE_COLUMNS,
    adjacent,
    content_part,
    joined_vectors,
    own_tsv,
    session_order,
    with_context,
)

_JSON = ("keys", "entities", "tags", "provenance", "metadata")  # bound as JSON text
_TIMES = ("event_time", "created_at", "updated_at", "valid_from", "valid_to", "last_accessed_at")
_TYPES = {**{c: "text" for c in WRITE_COLUMNS}, **{c: "timestamptz" for c in _TIMES},
          "importance": "float8", "access_count": "int", "version": "int"}


def _stored(which: str, column: str, prune: str | None) -> str:
    """The content (text or vector) of existing row ``e``'s current neighbour."""
    value = "p.content" if column == "content" else content_part("p")
    return (f"(SELECT {value} FROM memories p WHERE p.tenant = e.tenant{_also('p', prune)}"
            f" AND p.id = {adjacent(which, 'e', prune=prune)})")


def _also(alias: str, prune: str | None) -> str:
    return f" AND {alias}.tenant = {prune}" if prune else ""


_COLUMNS = ", ".join(WRITE_COLUMNS)
_VALUES = ", ".join(f"v.{c}::jsonb" if c in _JSON else f"v.{c}" for c in WRITE_COLUMNS)
_SCOPE = ("tenant", "user_id", "agent_id", "app_id", "session_id", "event_time", "seq", "content")
# named parameters (psycopg binds a repeated name once): one array per column
_ARRAYS = ", ".join(f"%(c_{c})b::{_TYPES[c]}[]" for c in WRITE_COLUMNS)
PINNED = "%(tenant)s"  # the batch's one tenant: pruned when a generic plan starts
SPREAD = "ANY(%(tenants)b::text[])"  # several: the rows to update lie in these


def batch_params(live: Sequence[bool], rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """What the statements below bind: ``rows`` hold WRITE_COLUMNS values."""
    params: dict[str, Any] = {f"c_{c}": list(values) for c, values in
                              zip(WRITE_COLUMNS, zip(*rows, strict=True), strict=True)}
    tenants = sorted(set(params["c_tenant"]))
    return {**params, "live": list(live), "tenants": tenants,
            "tenant": tenants[0] if len(tenants) == 1 else None}


# A batch without rounds (no item has neighbours): the rows alone, each parsed once; the
# placement below, even with nothing to place, cost ~30 ms of server CPU per single add.
INSERT_PLAIN_SQL = (
    f"INSERT INTO memories ({_COLUMNS}, tsv)"
    f" SELECT {_VALUES}, {own_tsv(f'to_tsvector({ENGLISH}, v.content)', 'v.key_text', chr(39) * 2 + '::tsvector')}"
    f" FROM unnest({_ARRAYS}) AS v({_COLUMNS})"
)


def insert_sql(prune: str | None) -> str:
    """The batch statement (module docs). ``prune=PINNED`` restricts every read of
    ``memories`` to the batch's one tenant, so that a generic plan starts one partition's
    scans, not all 16 (for a single add, 50 % more server CPU than the statements it
    replaces otherwise); ``None``, for batches over many tenants, leaves the pruning to
    each lookup's correlated tenant. Binds :func:`batch_params`; returns how many existing
    rows' contexts it rewrote."""
    prev, nxt = adjacent("prev", "v", prune=prune), adjacent("next", "v", prune=prune)
    return (
        "WITH v AS MATERIALIZED (SELECT u.*, nextval('memories_seq') AS seq,"
        f" to_tsvector({ENGLISH}, u.content) AS a"
        f" FROM unnest(%(live)b::bool[], {_ARRAYS})"
        f" WITH ORDINALITY AS u(live, {_COLUMNS}, ord) ORDER BY u.ord),"
        f" near AS (SELECT DISTINCT v.tenant, nb.id FROM v CROSS JOIN LATERAL (VALUES ({prev}),"
        f" ({nxt})) AS nb(id) WHERE v.live AND nb.id IS NOT NULL),"
        f" cand AS (SELECT NULL::text AS id, v.ord, {', '.join('v.' + c for c in _SCOPE)}, v.a"
        f" FROM v WHERE v.live UNION ALL SELECT m.id, NULL::bigint, {', '.join('m.' + c for c in _SCOPE)},"
        f" {content_part('m')} FROM near JOIN memories m ON m.tenant = near.tenant"
        f"{_also('m', prune)} AND m.id = near.id),"
        " w AS (SELECT cand.id, cand.tenant, cand.ord, lag(cand.ord) OVER s AS prev_ord,"
        " lead(cand.ord) OVER s AS next_ord, lag(cand.content) OVER s AS before,"
        " lead(cand.content) OVER s AS after, lag(cand.a) OVER s AS a_before,"
        " lead(cand.a) OVER s AS a_after"
        " FROM cand WINDOW s AS (PARTITION BY cand.user_id, cand.agent_id, cand.app_id,"
        f" cand.session_id ORDER BY {session_order('cand')})),"
        f" ins AS (INSERT INTO memories ({_COLUMNS}, seq, context_text, tsv)"
        f" SELECT {_VALUES}, v.seq, concat_ws(chr(10), w.before, w.after),"
        f" {own_tsv('v.a', 'v.key_text', joined_vectors('w.a_before', 'w.a_after'))}"
        " FROM v LEFT JOIN w ON w.ord = v.ord),"
        " ex AS (SELECT w.id, w.tenant, concat_ws(chr(10),"
        f" CASE WHEN w.prev_ord IS NOT NULL THEN w.before ELSE {_stored('prev', 'content', prune)} END,"
        f" CASE WHEN w.next_ord IS NOT NULL THEN w.after ELSE {_stored('next', 'content', prune)} END)"
        " AS context, " + joined_vectors(
            f"CASE WHEN w.prev_ord IS NOT NULL THEN w.a_before ELSE {_stored('prev', 'a', prune)} END",
            f"CASE WHEN w.next_ord IS NOT NULL THEN w.a_after ELSE {_stored('next', 'a', prune)} END")
        + f" AS a FROM w JOIN memories e ON e.tenant = w.tenant{_also('e', prune)}"
        " AND e.id = w.id WHERE w.id IS NOT NULL AND (w.prev_ord IS NOT NULL OR w.next_ord IS NOT NULL)),"
        f" upd AS (UPDATE memories m SET context_text = ex.context, tsv = {with_context('m', 'ex.a')}"
        f" FROM ex WHERE m.tenant = {prune or SPREAD} AND m.tenant = ex.tenant AND m.id = ex.id"
        " AND m.context_text <> ex.context RETURNING 1)"
        " SELECT count(*) FROM upd")


INSERT_PINNED_SQL = insert_sql(PINNED)
INSERT_SPREAD_SQL = insert_sql(None)
