"""PostgreSQL's bulk write path (postgres_bulk.py): a batch at least as large as the
vectors already stored builds the HNSW index after copying instead of inserting each
vector; smaller batches keep the index; a failed bulk batch leaves the old index."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from engram.errors import StoreError
from engram.model import Filters, HistoryEntry, MemoryItem, Scope

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")

ALICE = Scope(user_id="alice", session_id="s1")


def _vectors(n: int, seed: int, dim: int = 16) -> np.ndarray:
    vecs = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def _add(store: Any, vectors: np.ndarray, scope: Scope = ALICE) -> list[MemoryItem]:
    items = [MemoryItem(scope=scope, content=f"round number {n}") for n in range(len(vectors))]
    store.add(items, vectors, [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items],
              model_id="m")
    return items


def _index_oids(url: str) -> list[int]:
    """The oids of the HNSW indexes (the partitioned one and each partition's)."""
    with psycopg.connect(url, autocommit=True) as conn:
        return sorted(r[0] for r in conn.execute(
            "SELECT c.oid FROM pg_class c JOIN pg_am a ON a.oid = c.relam"
            " WHERE a.amname = 'hnsw' AND c.relnamespace = current_schema()::regnamespace"))


def _with_options(url: str, extra: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(url)
    return psycopg.conninfo.make_conninfo(url, options=f"{info.get('options', '')} {extra}".strip())


def test_a_batch_larger_than_the_store_rebuilds_the_index_and_search_uses_it(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    # planner: no scans or sorts but index ones, so the search must walk the HNSW graph
    forced = _with_options(pg_url, "-c enable_seqscan=off -c enable_bitmapscan=off -c enable_sort=off")
    store = PostgresStore(forced, defer_index_min=20, ann_threshold=0, partitions=2)
    try:
        _add(store, _vectors(5, seed=1))
        before = _index_oids(pg_url)
        assert len(before) == 3  # the partitioned index and one per partition
        vectors = _vectors(30, seed=2)
        items = _add(store, vectors)
        after = _index_oids(pg_url)
        assert len(after) == 3 and not set(after) & set(before)  # dropped and built again
        with psycopg.connect(forced, autocommit=True) as conn:
            plan = "\n".join(r[0] for r in conn.execute(
                "EXPLAIN SELECT v.id FROM vectors v WHERE v.tenant = 'alice'"
                " ORDER BY v.embedding <=> %s::vector LIMIT 3", [str(vectors[0].tolist())]))
            names = [r[0] for r in conn.execute(
                "SELECT c.relname FROM pg_class c WHERE c.oid = ANY(%s)", [after])]
        assert any(f" {name} " in plan for name in names), plan
        # the rebuilt graph serves: each vector finds its own memory first
        for item, vec in zip(items[:5], vectors[:5], strict=True):
            assert store.vector_search(ALICE, vec, Filters(), limit=1)[0][0] == item.id
    finally:
        store.close()


def test_a_batch_smaller_than_the_store_keeps_the_index(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, defer_index_min=20, partitions=2)
    try:
        _add(store, _vectors(40, seed=1))
        before = _index_oids(pg_url)
        _add(store, _vectors(25, seed=2))  # 25 < 40 stored: insert into the graph
        _add(store, _vectors(10, seed=3))  # below defer_index_min
        assert _index_oids(pg_url) == before
        assert store.count(ALICE, Filters()) == 75
    finally:
        store.close()


def test_defer_index_min_zero_never_rebuilds(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, defer_index_min=0, partitions=2)
    try:
        _add(store, _vectors(1, seed=1))
        before = _index_oids(pg_url)
        _add(store, _vectors(50, seed=2))
        assert _index_oids(pg_url) == before
    finally:
        store.close()


def test_a_failed_bulk_batch_keeps_the_old_index_and_writes_nothing(pg_url: str) -> None:
    """A reader holding the vectors table makes the index drop time out (lock_timeout):
    the batch rolls back whole, memories included, and the old graph stays."""
    from engram.store.postgres import PostgresStore

    store = PostgresStore(_with_options(pg_url, "-c lock_timeout=200"), defer_index_min=20,
                          partitions=2)
    try:
        _add(store, _vectors(5, seed=1))
        before = _index_oids(pg_url)
        with psycopg.connect(pg_url) as reader:  # an open transaction that read vectors
            reader.execute("SELECT count(*) FROM vectors").fetchone()
            with pytest.raises(StoreError, match="55P03"):
                _add(store, _vectors(30, seed=2))
        assert _index_oids(pg_url) == before
        assert store.count(ALICE, Filters()) == 5
    finally:
        store.close()


def test_large_batches_are_placed_with_a_plan_for_their_values(pg_url: str) -> None:
    """A generic plan of PLACE_SQL (blind to the arrays' sizes) probes every partition
    per row: 6x slower at 1,000 rows. Large batches are planned for their values, small
    ones keep one prepared plan per connection."""
    from engram.store.postgres import PostgresStore
    from engram.store.postgres_bulk import GENERIC_PLAN_MAX

    def placed_prepared(store: Any) -> int:
        with store._pool.connection() as conn:  # one connection serves these sequential calls
            return int(conn.execute("SELECT count(*) FROM pg_prepared_statements"
                                    " WHERE statement LIKE '%nextval(''memories_seq'')%'").fetchone()[0])

    store = PostgresStore(pg_url, partitions=2, pool_size=1)
    try:
        _add(store, _vectors(GENERIC_PLAN_MAX, seed=1))
        assert placed_prepared(store) == 0
        _add(store, _vectors(3, seed=2))
        assert placed_prepared(store) == 1
        assert store.count(ALICE, Filters()) == GENERIC_PLAN_MAX + 3
    finally:
        store.close()
