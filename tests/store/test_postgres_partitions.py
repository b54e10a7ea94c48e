"""PostgreSQL hash partitioning by tenant (engram/store/postgres_tenant.py): the layout,
partition pruning of the store's own statements (EXPLAIN ANALYZE of what it sends), the
HNSW index serving a tenant's vector search, and the v3 -> v4 migration keeping rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from engram.errors import ConflictError, InvalidInputError
from engram.model import Filters, HistoryEntry, MemoryItem, Scope, tombstone, utcnow

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")
from pg_recorder import Recorder as _Recorder  # noqa: E402 - tests/store is on sys.path

PARTITION = re.compile(r"^(memories|vectors|history|links)_p(\d+)$")
USERS = [Scope(user_id=f"user{n}") for n in range(12)]


def _unit(seed: int, dim: int = 16) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def _fill(store: Any, per_user: int = 8) -> dict[Scope, list[MemoryItem]]:
    now = utcnow()
    out = {}
    for n, scope in enumerate(USERS):
        items = [MemoryItem(scope=scope.narrowed(session_id="s1"), content=f"zebra note {k} of {n}",
                            event_time=now + timedelta(minutes=k)) for k in range(per_user)]
        store.add(items, np.stack([_unit(100 * n + k) for k in range(per_user)]),
                  [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items], model_id="m")
        out[scope] = items
    return out


def _scanned(plan: Any) -> list[tuple[str, str]]:
    """(table, partition) of every partition the executed plan actually read."""
    found = []
    if isinstance(plan, dict):
        name = plan.get("Relation Name", "")
        match = PARTITION.match(name)
        if match and plan.get("Actual Loops", 0) > 0:
            found.append((match.group(1), name))
        for value in plan.values():
            found += _scanned(value)
    elif isinstance(plan, list):
        for value in plan:
            found += _scanned(value)
    return found


def _replay(store: Any, sent: list[tuple[str, Any]],
            undo: tuple[str, list[Any]] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Run the recorded statements again, in order, in one transaction that is rolled
    back, each under EXPLAIN (ANALYZE): the partitions each one read, with runtime
    pruning (correlated subqueries, ``= ANY``) applied as in the real run. ``undo`` runs
    first, in that transaction: removing rows the recorded run inserted (a delete's
    tombstones), so that inserting them again does not collide."""
    out = []
    with store._pool.connection() as conn:
        with conn.transaction(force_rollback=True):
            if undo is not None:
                conn.execute(*undo)
            for sql, params in sent:
                if not re.search(r"\b(memories|vectors|history|links)\b", sql):
                    conn.execute(sql, params)  # set_config, advisory locks: keep their effect
                    continue
                [[plan]] = conn.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params).fetchall()
                out.append((sql, _scanned(plan)))
    return out


@pytest.fixture
def partitioned(pg_url: str) -> Iterator[Any]:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, partitions=8, ann_threshold=4)
    yield store
    store.close()


def test_memory_tables_are_hash_partitioned_by_tenant(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.store.postgres import PostgresStore

    monkeypatch.delenv("ENGRAM_PG_PARTITIONS", raising=False)
    store = PostgresStore(pg_url)  # the default count
    try:
        layout = dict(store._read(
            "SELECT c.relname, pt.partstrat::text || ':' || a.attname FROM pg_partitioned_table pt"
            " JOIN pg_class c ON c.oid = pt.partrelid JOIN pg_attribute a"
            " ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]"
            " WHERE c.relnamespace = current_schema()::regnamespace"))
        assert layout == {t: "h:tenant" for t in ("memories", "vectors", "history", "links")}
        parts = store._read("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent"
                            " WHERE c.relname = 'memories' AND c.relnamespace = current_schema()::regnamespace")
        assert parts[0][0] == 16 and store._meta("partitions") == "16"
    finally:
        store.close()


def test_rows_land_in_their_tenants_partition(partitioned: Any) -> None:
    stored = _fill(partitioned, per_user=2)
    rows = partitioned._read("SELECT tableoid::regclass::text, tenant, user_id FROM memories")
    where = {}
    for part, tenant, user in rows:
        assert tenant == user
        where.setdefault(tenant, set()).add(part)
    assert all(len(parts) == 1 for parts in where.values()) and len(where) == len(stored)
    assert len({p for parts in where.values() for p in parts}) > 1  # 12 users spread over 8


def test_get_list_search_neighbors_and_delete_each_read_one_partition(partitioned: Any) -> None:
    stored = _fill(partitioned)
    with partitioned._pool.connection() as conn:
        conn.execute("ANALYZE")
    alice, items = USERS[3], stored[USERS[3]]
    recorder = _Recorder(partitioned._pool)
    partitioned._pool = recorder
    shapes = {
        "get": lambda: partitioned.get(alice, [i.id for i in items[:3]]),
        "list": lambda: partitioned.list(alice, Filters(), limit=5),
        "lexical": lambda: partitioned.lexical_search(alice, "zebra note", Filters(), limit=5),
        "vector": lambda: partitioned.vector_search(alice, _unit(305), Filters(), limit=3),
        "neighbors": lambda: partitioned.neighbors(alice, [i.id for i in items[1:3]]),
        "delete": lambda: partitioned.delete(alice, [items[4].id], [tombstone(items[4].id, 1, "t")]),
    }
    try:
        for name, call in shapes.items():
            recorder.sent.clear()
            assert call(), name  # each finds (or deletes) something in alice's scope
            undo = ("DELETE FROM history WHERE memory_id = %s AND op = 'delete'", [items[4].id])
            replayed = _replay(partitioned, list(recorder.sent), undo if name == "delete" else None)
            assert replayed, name
            for sql, scanned in replayed:
                per_table: dict[str, set[str]] = {}
                for table, part in scanned:
                    per_table.setdefault(table, set()).add(part)
                assert all(len(parts) == 1 for parts in per_table.values()), (name, sql, scanned)
            assert any(scanned for _, scanned in replayed), name
    finally:
        partitioned._pool = recorder.pool


def test_a_scope_without_a_user_reads_every_partition_and_still_finds_its_rows(partitioned: Any) -> None:
    agent = Scope(agent_id="helper")
    items = [MemoryItem(scope=agent.narrowed(user_id=u.user_id), content="shared zebra") for u in USERS]
    partitioned.add(items, None, [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items])
    found = partitioned.list(agent, Filters(), limit=50)
    assert {i.id for i in found} == {i.id for i in items}


def test_hnsw_index_of_the_tenants_partition_serves_its_vector_search(pg_url: str) -> None:
    """At test sizes the planner prefers an exact scan; with scans and sorts priced out,
    the store's own ANN statement must walk the HNSW index of one partition."""
    from engram.store.postgres import PostgresStore

    options = psycopg.conninfo.conninfo_to_dict(pg_url).get("options", "")
    forced = psycopg.conninfo.make_conninfo(
        pg_url, options=f"{options} -c enable_seqscan=off -c enable_bitmapscan=off -c enable_sort=off")
    store = PostgresStore(forced, partitions=8, ann_threshold=4)
    try:
        stored = _fill(store)
        hnsw = {r[0] for r in store._read(
            "SELECT c.relname FROM pg_class c JOIN pg_am a ON a.oid = c.relam"
            " WHERE a.amname = 'hnsw' AND c.relnamespace = current_schema()::regnamespace")}
        assert len(hnsw) == 9  # the partitioned index and one per partition
        recorder = _Recorder(store._pool)
        store._pool = recorder
        try:
            hits = store.vector_search(USERS[5], _unit(503), Filters(), limit=3)
        finally:
            store._pool = recorder.pool
        assert hits[0][0] == stored[USERS[5]][3].id
        sql, params = next((s, p) for s, p in recorder.sent if "ORDER BY v.embedding" in s)
        with store._pool.connection() as conn, conn.transaction():
            plan = "\n".join(r[0] for r in conn.execute(f"EXPLAIN {sql}", params))
        used = {name for name in hnsw if f" {name} " in plan}
        assert len(used) == 1 and PARTITION.match(used.pop().split("_embedding")[0]), plan
    finally:
        store.close()


def test_ids_stay_unique_across_tenants(partitioned: Any) -> None:
    [mine] = _fill(partitioned, per_user=1)[USERS[0]]
    twin = MemoryItem(id=mine.id, scope=USERS[1], content="same id, other tenant")
    with pytest.raises(ConflictError):
        partitioned.add([twin], None, [HistoryEntry(memory_id=twin.id, version=1, op="add")])
    assert partitioned.get(USERS[1], [mine.id]) == []


def test_an_update_cannot_move_a_memory_to_another_tenant(partitioned: Any) -> None:
    shared = Scope(user_id="u1", agent_id="a1")
    item = MemoryItem(scope=shared, content="mine")
    partitioned.add([item], None, [HistoryEntry(memory_id=item.id, version=1, op="add")])
    moved = item.model_copy(update={"scope": Scope(agent_id="a1"), "version": 2})
    with pytest.raises(InvalidInputError, match="another one"):
        partitioned.replace(moved, None, HistoryEntry(memory_id=item.id, version=2, op="update"),
                            expected_version=1)
    assert partitioned.get(shared, [item.id])[0].content == "mine"


def test_a_v3_database_is_partitioned_on_open_with_every_row_kept(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore
    from engram.store.postgres_schema import MIGRATIONS

    with psycopg.connect(pg_url, autocommit=True) as conn, conn.transaction():
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for version, statements in enumerate(MIGRATIONS[:3], start=1):
            for statement in statements:  # type: ignore[union-attr]
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))
        now = utcnow()
        for n, (mid, user, agent) in enumerate([("m1", "ann", None), ("m2", "ann", "bot"),
                                                ("m3", None, "bot")]):
            conn.execute("INSERT INTO memories (id, user_id, agent_id, kind, status, content,"
                         " created_at, updated_at, importance, version)"
                         " VALUES (%s, %s, %s, 'fact', 'active', %s, %s, %s, 0.5, 1)",
                         (mid, user, agent, f"zebra {n}", now, now))
            conn.execute("INSERT INTO history (id, memory_id, version, op, at, user_id, agent_id)"
                         " VALUES (%s, %s, 1, 'add', %s, %s, %s)", (f"h{n}", mid, now, user, agent))
        conn.execute("ALTER TABLE vectors ALTER COLUMN embedding TYPE vector(16)")
        conn.execute("INSERT INTO meta VALUES ('embed_model', 'm'), ('vector_dim', '16'),"
                     " ('vector_index', 'vector')")
        conn.execute("INSERT INTO vectors VALUES ('m1', %s::vector), ('m3', %s::vector)",
                     (str(_unit(1).tolist()), str(_unit(3).tolist())))
        conn.execute("INSERT INTO links VALUES ('m1', 'm2', 'same topic', 0.5, %s)", (now,))
    store = PostgresStore(pg_url, partitions=4)
    try:
        assert store._meta("partitions") == "4"
        assert dict(store._read("SELECT id, tenant FROM memories")) == {"m1": "ann", "m2": "ann",
                                                                       "m3": "bot"}
        ann = Scope(user_id="ann")
        assert [i.id for i in store.list(ann, Filters(), limit=10, descending=False)] == ["m1", "m2"]
        assert store.vector_search(Scope(agent_id="bot"), _unit(3), Filters(), limit=1)[0][0] == "m3"
        assert store.lexical_search(ann, "zebra", Filters(), limit=5)
        assert [lk.dst for lk in store.links(ann, ["m1"])] == ["m2"]
        assert [h.memory_id for h in store.history(ann, ["m1", "m2"])] == ["m1", "m2"]
        new = MemoryItem(scope=ann, content="after the migration")
        store.add([new], np.stack([_unit(9)]), [HistoryEntry(memory_id=new.id, version=1, op="add")],
                  model_id="m")
        assert store.count(ann, Filters()) == 3
        hnsw = store._read("SELECT count(*) FROM pg_class c JOIN pg_am a ON a.oid = c.relam"
                           " WHERE a.amname = 'hnsw' AND c.relnamespace = current_schema()::regnamespace")
        assert hnsw[0][0] == 5  # rebuilt: the partitioned index and one per partition
    finally:
        store.close()


def test_partition_count_is_checked(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    with pytest.raises(InvalidInputError, match="partitions must be between"):
        PostgresStore(pg_url, partitions=0)


def test_deleting_a_memory_deletes_its_vector(partitioned: Any) -> None:
    """vectors has no foreign key to memories (too slow to check on partitions):
    the delete path removes them itself, and integrity_check would see a leftover."""
    items = _fill(partitioned, per_user=3)[USERS[2]]
    assert partitioned.delete(USERS[2], [items[0].id], [tombstone(items[0].id, 1, "t")]) == 1
    assert partitioned.delete_scope(USERS[2].narrowed(session_id="s1"), actor="t") == 2
    assert partitioned._read("SELECT count(*) FROM vectors WHERE tenant = %s", [USERS[2].user_id]) == [(0,)]
    assert partitioned.integrity_check() == []
    with partitioned._pool.connection() as conn:  # an orphan is reported
        conn.execute("INSERT INTO vectors SELECT 'nobody', 'x', embedding FROM vectors LIMIT 1")
    assert "1 vectors belong to no memory" in partitioned.integrity_check()[0]
