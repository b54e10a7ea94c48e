"""Neighbour lookups name their partition so the *planner* prunes
(engram/store/postgres_sql.adjacent, ``prune``).

Before: the neighbour lookups of a search, an update and a delete compared
``nb.tenant = t.tenant``, a column of the outer row, so every correlated subquery and
join was planned over every partition and pruned only while running. With 16 partitions,
planning the search's lookup took ~20 ms of PostgreSQL's CPU (running it ~1 ms). The
tests EXPLAIN (without running) the statements the store sends and count the partitions
in each plan."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from engram.model import Filters, HistoryEntry, MemoryItem, Scope, tombstone, utcnow

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")
PARTITION = re.compile(r"^memories_p\d+$")
USERS = [Scope(user_id=f"user{n}") for n in range(6)]


def _planned(plan: Any) -> set[str]:
    """Every partition of ``memories`` a (not executed) plan contains."""
    found: set[str] = set()
    if isinstance(plan, dict):
        if PARTITION.match(plan.get("Relation Name", "")):
            found.add(plan["Relation Name"])
        for value in plan.values():
            found |= _planned(value)
    elif isinstance(plan, list):
        for value in plan:
            found |= _planned(value)
    return found


@pytest.fixture
def filled(pg_url: str) -> Iterator[tuple[Any, dict[Scope, list[MemoryItem]]]]:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, partitions=8)
    now = utcnow()
    stored = {}
    for n, scope in enumerate(USERS):
        items = [MemoryItem(scope=scope.narrowed(session_id="s1"), content=f"note {k} of {n}",
                            event_time=now + timedelta(minutes=k)) for k in range(4)]
        store.add(items, np.eye(4, 8, dtype=np.float32),
                  [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items], model_id="m")
        stored[scope] = items
    yield store, stored
    store.close()


def _lookups(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """The neighbour lookups the store sends from now on (SQL and bound values)."""
    sent: list[tuple[str, Any]] = []
    original = psycopg.Cursor.execute

    def execute(self: Any, query: Any, params: Any = None, **kwargs: Any) -> Any:
        if "FROM memories nb" in str(query):
            sent.append((str(query), params))
        return original(self, query, params, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", execute)
    return sent


def _partitions_planned(pg_url: str, sent: list[tuple[str, Any]]) -> list[set[str]]:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        return [_planned(conn.execute(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchall()[0][0])
                for sql, params in sent]


def test_a_searchs_neighbour_lookup_is_planned_on_one_partition(filled: Any, pg_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store, stored = filled
    alice = USERS[2]
    sent = _lookups(monkeypatch)
    found = store.neighbors(alice, [i.id for i in stored[alice][1:3]], Filters())
    monkeypatch.undo()
    assert found[stored[alice][1].id].prev == stored[alice][0].id  # still the right answer
    assert found[stored[alice][2].id].next == stored[alice][3].id
    assert len(sent) == 1
    assert [len(p) for p in _partitions_planned(pg_url, sent)] == [1]


def test_an_updates_and_a_deletes_lookups_are_planned_on_one_partition(filled: Any, pg_url: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store, stored = filled
    alice = USERS[4]
    first, second, third, _ = stored[alice]
    sent = _lookups(monkeypatch)
    changed = second.model_copy(update={"content": "rewritten", "version": 2})
    store.replace(changed, None, HistoryEntry(memory_id=second.id, version=2, op="update"),
                  expected_version=1)
    store.delete(alice, [third.id], [tombstone(third.id, 1, "t")])
    monkeypatch.undo()
    assert len(sent) >= 3  # the update's before/after lookups, the delete's survivors
    assert all(len(p) == 1 for p in _partitions_planned(pg_url, sent)), _partitions_planned(pg_url, sent)
    [[context]] = store._read("SELECT context_text FROM memories WHERE id = %s", [first.id])
    assert "rewritten" in context  # the neighbour's new text reached its context, as before


def _index_conds(plan: Any) -> list[str]:
    """The ``Index Cond`` of every index scan in a plan."""
    if isinstance(plan, dict):
        own = [plan["Index Cond"]] if "Index Cond" in plan else []
        return own + [c for value in plan.values() for c in _index_conds(value)]
    if isinstance(plan, list):
        return [c for value in plan for c in _index_conds(value)]
    return []


def test_a_neighbour_lookup_seeks_on_tenant_and_session(filled: Any, pg_url: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Schema v6: the lookup's index leads with the tenant, so tenants of one partition that
    reuse a session id ("s1" here, for all six users) do not step through each other's rows."""
    store, stored = filled
    alice = USERS[1]
    sent = _lookups(monkeypatch)
    store.neighbors(alice, [stored[alice][1].id], Filters())
    monkeypatch.undo()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")  # tiny tables: show the plan a big one gets
        [(sql, params)] = sent
        plan = conn.execute(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchall()[0][0]
    lookups = [c for c in _index_conds(plan) if "session_id" in c]
    assert lookups and all("tenant" in c for c in lookups), lookups
