"""The lexical index's `tenant` field (schema v5): a scoped MATCH narrows to the
tenant's rows inside FTS5, and every write path keeps the field equal to the row's
scope. The SQL scope clause stays the authority; these tests pin the narrowing."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram.model import Filters, HistoryEntry, MemoryItem, Scope, utcnow
from engram.store.sqlite import SQLiteStore
from engram.store.sqlite_schema import SCHEMA_VERSION
from engram.store.sqlite_sql import tenant_match, tenant_tokens
from tests.store.legacy_sqlite import legacy_file

ALICE = Scope(user_id="alice", agent_id="helper")
BOB = Scope(user_id="bob", session_id="s1")


def tenant_fields(store: SQLiteStore) -> dict[str, str]:
    return dict(store._read("SELECT m.id, f.tenant FROM memories_fts f"
                            " JOIN memories m ON m.rowid = f.rowid"))


def expected(items: list[MemoryItem]) -> dict[str, str]:
    return {i.id: tenant_tokens(i.scope.user_id, i.scope.agent_id, i.scope.session_id,
                                i.scope.app_id) for i in items}


def test_tokens_are_one_per_set_field_and_differ_between_values() -> None:
    assert len(tenant_tokens("alice", "helper", None, None).split()) == 2
    assert tenant_tokens("alice", None, None, None) != tenant_tokens("alicf", None, None, None)
    assert tenant_tokens("x", None, None, None) != tenant_tokens(None, "x", None, None)
    assert tenant_match(ALICE) == " AND ".join(
        f'tenant : "{t}"' for t in tenant_tokens("alice", "helper", None, None).split())


def test_writes_keep_the_field_equal_to_the_rows_scope(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "m.db")
    try:
        items = [MemoryItem(scope=ALICE, content="alice walks the dog"),
                 MemoryItem(scope=BOB, content="bob walks the dog")]
        store.add(items, None, [])
        assert tenant_fields(store) == expected(items)
        changed = items[0].model_copy(update={"content": "alice walks the cat", "version": 2,
                                              "updated_at": utcnow()})
        store.replace(changed, None, HistoryEntry(memory_id=changed.id, version=2, op="update"),
                      expected_version=1)
        assert tenant_fields(store) == expected(items)
    finally:
        store.close()


@pytest.mark.parametrize("scope, owner", [(ALICE, 0), (Scope(user_id="alice"), 0),
                                          (Scope(agent_id="helper"), 0), (BOB, 1),
                                          (Scope(session_id="s1"), 1)])
def test_a_scoped_search_sees_only_its_tenants_rows(tmp_path: Path, scope: Scope,
                                                     owner: int) -> None:
    store = SQLiteStore(tmp_path / "m.db")
    try:
        items = [MemoryItem(scope=ALICE, content="the shared word marmalade"),
                 MemoryItem(scope=BOB, content="the shared word marmalade")]
        store.add(items, None, [])
        hits = store.lexical_search(scope, "marmalade", Filters(), limit=10)
        assert [i for i, _ in hits] == [items[owner].id]
    finally:
        store.close()


def test_a_v4_file_gains_the_tenant_field_on_open(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    items = [MemoryItem(scope=ALICE, content="alice likes quince"),
             MemoryItem(scope=BOB, content="bob likes quince")]
    legacy_file(path, 4, items, "text, keys, context")  # as the v4 store wrote them

    store = SQLiteStore(path)
    try:
        assert store._read("SELECT max(version) FROM schema_version")[0][0] == SCHEMA_VERSION
        assert tenant_fields(store) == expected(items)
        assert [i for i, _ in store.lexical_search(BOB, "quince", Filters(), limit=10)] == [
            items[1].id]
        assert store.integrity_check() == []
    finally:
        store.close()
