"""Index builds of PostgreSQL's bulk write path (postgres_build.py): an import into an
empty store builds ``memories``' and ``history``' indexes after the load, and the HNSW
build gets the memory its graph needs. The stored result must be what the row-by-row
path stores: same rows, same indexes, same search results, HNSW and GIN still used."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from engram.errors import StoreError
from engram.model import Filters, HistoryEntry, MemoryItem, MemoryKind, Scope, utcnow

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")

WORDS = ("coffee", "garden", "paris", "violin", "dentist", "marathon", "python", "sister",
         "birthday", "kitchen", "tokyo", "guitar", "insurance", "hiking", "recipe", "train")
# planner: no scans or sorts but index ones, so searches must use the indexes
FORCED = "-c enable_seqscan=off -c enable_sort=off"


def _with_options(url: str, extra: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(url)
    return psycopg.conninfo.make_conninfo(url, options=f"{info.get('options', '')} {extra}".strip())


def _batch(n: int, seed: int = 0) -> tuple[list[MemoryItem], np.ndarray, list[HistoryEntry]]:
    """Rounds of three users in sessions of 7 (out of time order within a session), with
    a fact and an item with keys every few rows: every column and context path."""
    rng = np.random.default_rng(seed)
    now = utcnow()
    items = []
    for i in range(n):
        scope = Scope(user_id=f"u{i % 3}", session_id=f"s{i // 21}")
        words = " ".join(WORDS[j] for j in rng.integers(0, len(WORDS), 8))
        items.append(MemoryItem(
            scope=scope, content=f"round {i}: {words}", role="user",
            kind=MemoryKind.FACT if i % 9 == 4 else MemoryKind.EPISODIC,
            keys=[f"key{i % 5}"] if i % 4 == 0 else [], entities=["Ana"] if i % 6 == 0 else [],
            event_time=now + timedelta(minutes=(i * 7) % 13), created_at=now, updated_at=now))
    vectors = rng.normal(size=(n, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    history = [HistoryEntry(memory_id=it.id, version=1, op="add", at=now, new={"content": it.content})
               for it in items]
    return items, vectors, history


def _dump(url: str) -> dict[str, Any]:
    """Every stored row, and every index's definition and access method."""
    with psycopg.connect(url, autocommit=True) as conn:
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
        tables = {t: conn.execute(f"SELECT t.*::text FROM {t} t ORDER BY tenant, id").fetchall()
                  for t in ("memories", "history", "vectors")}
        indexes = conn.execute(
            "SELECT indexname, tablename, replace(indexdef, %s, 'S.') FROM pg_indexes"
            " WHERE schemaname = %s ORDER BY 1", [schema + ".", schema]).fetchall()
    return {"tables": tables, "indexes": indexes}


def _index_oids(url: str, table: str) -> dict[str, int]:
    with psycopg.connect(url, autocommit=True) as conn:
        return dict(conn.execute(
            "SELECT c.relname, c.oid FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid"
            " JOIN pg_index i ON i.indexrelid = c.oid"
            " WHERE h.inhparent IN (SELECT indexrelid FROM pg_index WHERE indrelid = %s::regclass"
            " AND NOT indisprimary)", [table]).fetchall())


def _searches(store: Any, items: list[MemoryItem], vectors: np.ndarray) -> list[Any]:
    out = []
    for user in ("u0", "u1", "u2"):
        scope = Scope(user_id=user)
        for word in ("coffee violin", "paris", "key3 ana", "birthday train marathon"):
            out.append(store.lexical_search(scope, word, Filters(), limit=10))
        for k in (0, 7, 20):
            out.append(store.vector_search(scope, vectors[k], Filters(), limit=5))
    return out


def test_an_import_into_an_empty_store_stores_what_row_by_row_writes_store(pg_server: Any) -> None:
    from engram.store.postgres import PostgresStore

    items, vectors, history = _batch(120)
    urls = [pg_server.fresh_url(), pg_server.fresh_url()]
    stores = [PostgresStore(_with_options(urls[0], FORCED), defer_index_min=50, partitions=2,
                            ann_threshold=0, ef_search=200),  # bulk: indexes built after
              PostgresStore(_with_options(urls[1], FORCED), defer_index_min=0, partitions=2,
                            ann_threshold=0, ef_search=200)]  # every index row by row
    try:
        before = [_index_oids(url, "memories") | _index_oids(url, "history") for url in urls]
        for store in stores:
            store.add(items, vectors, history, model_id="m")
        after = [_index_oids(url, "memories") | _index_oids(url, "history") for url in urls]
        # 8 memories + 1 history index on 2 partitions: rebuilt by the import, kept otherwise
        assert len(before[0]) == 18 and before[0].keys() == after[0].keys()
        assert not set(before[0].values()) & set(after[0].values())
        assert before[1] == after[1]
        bulk, plain = _dump(urls[0]), _dump(urls[1])
        assert len(bulk["tables"]["memories"]) == len(bulk["tables"]["vectors"]) == 120
        assert bulk == plain  # every row (tsv and contexts included), every index
        assert _searches(stores[0], items, vectors) == _searches(stores[1], items, vectors)
        assert stores[0].vector_search(Scope(user_id="u0"), vectors[3], Filters(), limit=1)[0][0] \
            == items[3].id
        with psycopg.connect(_with_options(urls[0], FORCED), autocommit=True) as conn:
            hnsw = "\n".join(r[0] for r in conn.execute(
                "EXPLAIN SELECT v.id FROM vectors v WHERE v.tenant = 'u0'"
                " ORDER BY v.embedding <=> %s::vector LIMIT 3", [str(vectors[0].tolist())]))
            gin = "\n".join(r[0] for r in conn.execute(
                "EXPLAIN SELECT id FROM memories WHERE tsv @@ to_tsquery('english', 'coffee')"))
        assert "Index Scan using" in hnsw and "embedding_idx" in hnsw, hnsw
        assert "tsv_idx" in gin, gin
    finally:
        for store, url in zip(stores, urls, strict=True):
            store.close()
            pg_server.release(url)


def test_a_bulk_batch_into_a_store_with_rows_keeps_memories_indexes(pg_url: str) -> None:
    """Only an empty table's indexes are deferred: the batch reads existing rounds'
    neighbours through them. The HNSW index is still rebuilt (40 >= 10 stored)."""
    from engram.store.postgres import PostgresStore

    items, vectors, history = _batch(50)
    store = PostgresStore(pg_url, defer_index_min=20, partitions=2)
    try:
        store.add(items[:10], vectors[:10], history[:10], model_id="m")
        before = _index_oids(pg_url, "memories") | _index_oids(pg_url, "history")
        hnsw = _index_oids(pg_url, "vectors")
        store.add(items[10:], vectors[10:], history[10:], model_id="m")
        assert _index_oids(pg_url, "memories") | _index_oids(pg_url, "history") == before
        assert not set(_index_oids(pg_url, "vectors").values()) & set(hnsw.values())
        assert store.count(Scope(user_id="u1"), Filters()) == len([i for i in items if i.scope.user_id == "u1"])
    finally:
        store.close()


def test_a_failed_import_into_an_empty_store_keeps_its_indexes_and_writes_nothing(pg_url: str) -> None:
    """A reader holding ``memories`` makes the index drop time out: the import rolls back
    whole, the schema's indexes stay."""
    from engram.store.postgres import PostgresStore

    items, vectors, history = _batch(30)
    store = PostgresStore(_with_options(pg_url, "-c lock_timeout=200"), defer_index_min=20,
                          partitions=2)
    try:
        before = _index_oids(pg_url, "memories")
        with psycopg.connect(pg_url) as reader:  # an open transaction that read memories
            reader.execute("SELECT count(*) FROM memories").fetchone()
            with pytest.raises(StoreError, match="55P03"):
                store.add(items, vectors, history, model_id="m")
        assert _index_oids(pg_url, "memories") == before
        assert store.count(Scope(user_id="u0"), Filters()) == 0
        store.add(items, vectors, history, model_id="m")  # and the import then goes through
        assert store.count(Scope(user_id="u0"), Filters()) == 10
    finally:
        store.close()


def test_raised_settings_last_one_transaction_and_are_never_lowered(pg_url: str) -> None:
    from engram.store.postgres_build import raise_setting, setting_kb

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '2MB'")
        with conn.transaction():
            raise_setting(conn, "maintenance_work_mem", 1000, cap_kb=10**6)  # below: kept
            assert setting_kb(conn, "maintenance_work_mem") == 2048
            raise_setting(conn, "maintenance_work_mem", 10**7, cap_kb=8192)  # capped
            assert setting_kb(conn, "maintenance_work_mem") == 8192
        assert setting_kb(conn, "maintenance_work_mem") == 2048


@pytest.mark.parametrize("kind", ["vector", "halfvec"])
def test_the_hnsw_memory_estimate_holds_pgvectors_graph(pg_url: str, kind: str) -> None:
    """pgvector says when a build leaves maintenance_work_mem for its slower on-disk
    graph: with the estimate (less its slack) it must not, with 70 % of it it must, so
    the estimate is neither short nor far too generous."""
    from engram.store.postgres_build import hnsw_memory_kb

    n, dim = 4000, 16
    vectors = np.random.default_rng(1).normal(size=(n, dim)).astype(np.float32)
    graph_kb = hnsw_memory_kb(n, dim, kind) - 8192
    expr = f"(e::halfvec({dim})) halfvec_cosine_ops" if kind == "halfvec" else "e vector_cosine_ops"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        notices: list[str] = []
        conn.add_notice_handler(lambda d: notices.append(d.message_primary or ""))
        conn.execute(f"CREATE TABLE t (e vector({dim}))")
        conn.execute("INSERT INTO t SELECT e::vector FROM unnest(%s::text[]) e",
                     [[str(v.tolist()) for v in vectors]])
        conn.execute("SET max_parallel_maintenance_workers = 0")
        spilled = []
        for kb in (graph_kb, int(graph_kb * 0.7)):
            notices.clear()
            conn.execute(f"SET maintenance_work_mem = '{kb}kB'")
            conn.execute(f"CREATE INDEX t_hnsw ON t USING hnsw ({expr})")
            conn.execute("DROP INDEX t_hnsw")
            spilled.append(any("no longer fits" in m for m in notices))
    assert spilled == [False, True]
