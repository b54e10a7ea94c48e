"""PostgreSQL ``vector_dtype="halfvec"``: a float16 HNSW index over float32 vectors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from engram.errors import InvalidInputError
from engram.model import Filters, HistoryEntry, MemoryItem, Scope

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")

ALICE = Scope(user_id="alice")


def _unit(seed: int, dim: int = 16) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def _add(store: Any, scope: Scope, seeds: list[int]) -> list[MemoryItem]:
    items = [MemoryItem(scope=scope, content=f"doc {s}") for s in seeds]
    store.add(items, np.stack([_unit(s) for s in seeds]),
              [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items], model_id="m")
    return items


def test_halfvec_index_is_used_and_scores_stay_exact(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    options = psycopg.conninfo.conninfo_to_dict(pg_url).get("options", "")
    forced = psycopg.conninfo.make_conninfo(
        pg_url, options=f"{options} -c enable_seqscan=off -c enable_bitmapscan=off -c enable_sort=off")
    store = PostgresStore(forced, ann_threshold=5, vector_dtype="halfvec")
    try:
        mine = _add(store, ALICE, list(range(30)))
        for batch in range(3):
            _add(store, Scope(user_id=f"other{batch}"), [1000 + batch * 100 + i for i in range(100)])
        with psycopg.connect(forced, autocommit=True) as conn:
            conn.execute("ANALYZE")
            indexes = {r[0] for r in conn.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'vectors'")}
            plan = "\n".join(r[0] for r in conn.execute(
                "EXPLAIN SELECT v.id FROM vectors v ORDER BY v.embedding::halfvec(16) <=> "
                "%s::vector::halfvec(16) LIMIT 10", [str(_unit(1).tolist())]))
            halves = [r[0] for r in conn.execute(  # one per partition (schema v4), named after it
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                " AND indexdef LIKE '%USING hnsw%halfvec%'")]
        assert "vectors_hnsw_half" in indexes and "vectors_hnsw" not in indexes
        assert any(f" {name} " in plan for name in halves), plan
        hits = store.vector_search(ALICE, _unit(12), Filters(), limit=10)
        assert hits[0][0] == mine[12].id
        assert hits[0][1] == pytest.approx(1.0, abs=1e-6)  # float32 score, not float16
        assert len(hits) == 10 and {h[0] for h in hits} <= {i.id for i in mine}
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
        back = store.vectors(ALICE, [mine[3].id])[mine[3].id]
        assert np.allclose(back, _unit(3), atol=1e-6)  # stored at full precision
    finally:
        store.close()


def test_first_choice_sticks_and_bad_dtype_is_refused(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    with pytest.raises(InvalidInputError, match="halfvec"):
        PostgresStore(pg_url, vector_dtype="int8")
    first = PostgresStore(pg_url, vector_dtype="halfvec", ann_threshold=5)
    _add(first, ALICE, list(range(10)))
    first.close()
    later = PostgresStore(pg_url, ann_threshold=5)  # float32 asked, halfvec index kept
    try:
        hits = later.vector_search(ALICE, _unit(4), Filters(), limit=3)
        assert len(hits) == 3 and hits[0][1] == pytest.approx(1.0, abs=1e-6)
        assert later._stored_index == "halfvec"  # the stored kind wins
    finally:
        later.close()
