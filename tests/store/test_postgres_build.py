"""Memory settings of PostgreSQL's bulk write path (postgres_build.py): the HNSW build
gets the memory its graph needs and the batch statement enough for its sorts. An import
(the HNSW graph built after the COPY) must store what the row-by-row path stores: same
rows, same index definitions, same search results, with HNSW and GIN used."""

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
        stores[0].add(items[:10], vectors[:10], history[:10], model_id="m")  # HNSW set up
        stores[1].add(items[:10], vectors[:10], history[:10], model_id="m")
        hnsw = [_index_oids(url, "vectors") for url in urls]
        for store in stores:
            store.add(items[10:], vectors[10:], history[10:], model_id="m")
        # the import rebuilt its graph (110 >= 10 stored), the row-by-row store kept its own
        assert len(hnsw[0]) == 2 and not set(hnsw[0].values()) & set(_index_oids(urls[0], "vectors").values())
        assert _index_oids(urls[1], "vectors") == hnsw[1]
        assert [_index_oids(url, "memories") | _index_oids(url, "history") for url in urls] == before
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


@pytest.mark.parametrize("defer_index_min", [50, 0])
def test_a_bulk_batch_sorts_in_memory(pg_url: str, defer_index_min: int) -> None:
    """With a server's work_mem far too small for the batch statement, its sorts and CTEs
    would spill to temporary files: temp_file_limit = 0 turns any spill into an error. A
    bulk batch (>= defer_index_min) raises work_mem for itself; the row-by-row path
    (defer_index_min 0) does not, and spills."""
    from engram.store.postgres import PostgresStore

    items, vectors, history = _batch(400)
    store = PostgresStore(_with_options(pg_url, "-c work_mem=64kB -c temp_file_limit=0"),
                          defer_index_min=defer_index_min, partitions=2)
    try:
        if defer_index_min:
            store.add(items, vectors, history, model_id="m")
            assert store.count(Scope(user_id="u2"), Filters()) == 133
        else:
            with pytest.raises(StoreError, match="temp_file_limit"):
                store.add(items, vectors, history, model_id="m")
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


def test_an_import_builds_its_hnsw_graph_in_memory_on_a_small_server_setting(pg_server: Any,
                                                                            pg_url: str) -> None:
    """A server whose maintenance_work_mem (1 MB) cannot hold the graph of 4,000 vectors
    in one partition: the import's build raises it for itself, so pgvector never says
    the graph left memory (its NOTICE, logged with log_min_messages = notice)."""
    from engram.store.postgres import PostgresStore

    if pg_server.data_dir is None:
        pytest.skip("an external server: its log is not readable here")
    log = pg_server.data_dir.parent / "server.log"
    items, vectors, history = _batch(4000)
    for item in items:
        item.scope = Scope(user_id="u0", session_id=item.scope.session_id)
    store = PostgresStore(_with_options(pg_url, "-c maintenance_work_mem=1MB -c log_min_messages=notice"),
                          defer_index_min=1000, partitions=1)
    try:
        store.add(items[:1], vectors[:1], history[:1], model_id="m")  # the index exists
        seen = len(log.read_text(errors="replace"))
        store.add(items[1:], vectors[1:], history[1:], model_id="m")  # rebuilt after the COPY
        new = log.read_text(errors="replace")[seen:]
        assert "no longer fits into maintenance_work_mem" not in new
        assert store.vector_search(Scope(user_id="u0"), vectors[7], Filters(), limit=1)[0][0] == items[7].id
    finally:
        store.close()


@pytest.mark.parametrize(("server_kb", "raised"), [(1024, True), (1024 * 1024, False)])
def test_a_build_given_more_memory_than_the_server_grants_runs_serially(
        pg_url: str, server_kb: int, raised: bool) -> None:
    """A parallel build would reserve the raised maintenance_work_mem in shared memory;
    with the server's own setting, its parallel workers stay its choice."""
    from engram.store.postgres import PostgresStore
    from engram.store.postgres_build import setting_kb, size_hnsw_build

    items, vectors, history = _batch(3000)
    store = PostgresStore(pg_url, defer_index_min=0, partitions=1)
    try:
        store.add(items, vectors, history, model_id="m")
    finally:
        store.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"SET maintenance_work_mem = '{server_kb}kB'")
        conn.execute("SET max_parallel_maintenance_workers = 2")
        with conn.transaction():
            size_hnsw_build(conn, 16, "vector")  # 3,000 vectors: ~10 MB with the slack
            assert (setting_kb(conn, "maintenance_work_mem") > server_kb) is raised
            workers = conn.execute("SELECT current_setting('max_parallel_maintenance_workers')").fetchone()[0]
            assert workers == ("0" if raised else "2")
        assert setting_kb(conn, "maintenance_work_mem") == server_kb  # SET LOCAL: gone
