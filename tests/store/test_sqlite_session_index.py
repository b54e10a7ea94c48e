"""The neighbour lookups' index (schema v6) keys on the tenant as well as the session, so
tenants that reuse a session id ("s1", "default") do not step through each other's rows.
The plan is pinned here; the neighbours' values are the contract suite's."""

from __future__ import annotations

from pathlib import Path

from engram.model import MemoryItem, Scope
from engram.store.base import Neighbors
from engram.store.sqlite import SQLiteStore
from engram.store.sqlite_schema import SCHEMA_VERSION
from engram.store.sqlite_sql import adjacent
from tests.store.legacy_sqlite import legacy_file

ALICE = Scope(user_id="alice", session_id="s1")
BOB = Scope(user_id="bob", session_id="s1")


def lookup_plan(store: SQLiteStore) -> str:
    rows = store._read(f"EXPLAIN QUERY PLAN SELECT t.id, {adjacent('prev')}, {adjacent('next')}"
                       " FROM memories t WHERE t.id IN (?, ?)", ["x", "y"])
    return "\n".join(str(row[-1]) for row in rows)


def test_a_neighbour_lookup_seeks_on_session_and_tenant(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "m.db")
    try:
        plan = lookup_plan(store)
        assert "memories_session_order_v6" in plan
        assert "session_id=? AND user_id=? AND agent_id=? AND app_id=?" in plan
    finally:
        store.close()


def test_a_v5_file_gets_the_tenant_keyed_index_on_open(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    mine = [MemoryItem(scope=ALICE, content=f"alice round {n}") for n in range(3)]
    theirs = [MemoryItem(scope=BOB, content=f"bob round {n}") for n in range(2)]
    legacy_file(path, 5, [*mine, *theirs], "text, keys, context, tenant")

    store = SQLiteStore(path)
    try:
        assert store._read("SELECT max(version) FROM schema_version")[0][0] == SCHEMA_VERSION
        names = {r[0] for r in store._read("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "memories_session_order_v6" in names and "memories_session_order" not in names
        found = store.neighbors(Scope(user_id="alice"), [m.id for m in mine])
        assert found[mine[1].id] == Neighbors(mine[0].id, mine[2].id, "s1")
        assert found[mine[2].id] == Neighbors(mine[1].id, None, "s1")
        assert store.integrity_check() == []
    finally:
        store.close()
