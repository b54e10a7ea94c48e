"""Schema v5: the store writes ``tsv`` (postgres_insert.py) instead of PostgreSQL
generating it, parsing each round's text once and building contexts from the stored
content vectors of its neighbours. These tests hold every write path to v4's generated
formula: the same lexemes with the same weights, the same ``ts_rank_cd`` for the store's
queries, and a v4 store migrated with its rows kept."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from engram.model import Filters, HistoryEntry, MemoryItem, Scope, tombstone, utcnow

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")

ALICE = Scope(user_id="alice", session_id="s1")
# v4's generated column, recomputed from the row's text columns
FORMULA = ("setweight(to_tsvector('english', content), 'A')"
           " || setweight(to_tsvector('english', key_text), 'B')"
           " || setweight(to_tsvector('english', context_text), 'C')")
# per lexeme: how often and with which weights it occurs (positions aside: ``||`` numbers
# the right side after the left side's last lexeme, a parse after its last word)
OCCURRENCES = ("SELECT id, array_agg(e.lexeme || ':' || cardinality(e.positions) || ':'"
               " || array_to_string(e.weights, '') ORDER BY e.lexeme) FROM memories,"
               " unnest({0}) e GROUP BY id")
WORDS = ["zebra", "trams", "lisbon", "hiking", "quarrel", "dentist", "garden", "run"]
TEXTS = ["the zebra of Lisbon rides trams to the", "hiking is what I do on a",
         "a quarrel with the dentist about the garden, and", "I", "running and running on",
         "trams, trams and more trams for the zebra"]


def _unit(seed: int, dim: int = 8) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def _rounds(texts: list[str], start: int, scope: Scope = ALICE) -> list[MemoryItem]:
    now = utcnow()
    return [MemoryItem(scope=scope, content=t, keys=["garden"] if n % 2 else [],
                       event_time=now + timedelta(minutes=start + n)) for n, t in enumerate(texts)]


def _add(store: Any, items: list[MemoryItem]) -> None:
    store.add(items, np.stack([_unit(n) for n in range(len(items))]),
              [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items], model_id="m")


def _assert_as_generated(store: Any) -> None:
    stored = dict(store._read(OCCURRENCES.format("tsv")))
    assert stored == dict(store._read(OCCURRENCES.format(FORMULA)))
    for word in WORDS:  # ts_rank_cd as lexical_search computes it, per query word
        ranks = store._read(
            "SELECT id, ts_rank_cd('{0.1, 0.5, 0.4, 1.0}'::float4[], tsv, q),"
            f" ts_rank_cd('{{0.1, 0.5, 0.4, 1.0}}'::float4[], {FORMULA}, q)"
            " FROM memories, plainto_tsquery('english', %s) q", [word])
        assert all(r[1] == pytest.approx(r[2], rel=1e-6) for r in ranks), (word, ranks)


def test_every_write_path_writes_the_tsv_v4_generated(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, partitions=2)
    try:
        first = _rounds(TEXTS[:4], 0)
        _add(store, first)  # a session's rounds, contexts among themselves
        _add(store, _rounds(TEXTS[4:], 10))  # joining the stored ones, after them
        between = _rounds(["a zebra between the first two"], 0)  # a single add, after first[0]
        _add(store, between)
        _add(store, _rounds(TEXTS[:2], 100, Scope(user_id="bob", session_id="b")))
        carol, dave = Scope(user_id="carol", session_id="c"), Scope(user_id="dave", session_id="d")
        for start in (200, 300):  # batches over two tenants, the second joining the first
            _add(store, _rounds(TEXTS[:3], start, carol) + _rounds(TEXTS[3:], start, dave))
        _assert_as_generated(store)
        changed = first[1].model_copy(update={"content": "the quarrel moved to the", "version": 2})
        store.replace(changed, None, HistoryEntry(memory_id=changed.id, version=2, op="update"),
                      expected_version=1)
        _assert_as_generated(store)
        store.delete(ALICE, [first[2].id], [tombstone(first[2].id, 1, None)])
        _assert_as_generated(store)
        store.record_access(ALICE, [first[0].id])
        _assert_as_generated(store)
        contexts = dict(store._read("SELECT id, context_text FROM memories"))
        assert contexts[first[1].id] == "\n".join([between[0].content, first[3].content])
    finally:
        store.close()


def test_a_v4_store_is_migrated_keeping_its_vectors(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore
    from engram.store.postgres_schema import MIGRATIONS, SCHEMA_VERSION

    with psycopg.connect(pg_url, autocommit=True) as conn, conn.transaction():
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for version, step in enumerate(MIGRATIONS[:4], start=1):
            if callable(step):
                step(conn, {"partitions": 2})
            else:
                for statement in step:
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))
        now = utcnow()
        for n, (mid, text, context) in enumerate([("m1", TEXTS[0], TEXTS[1]),
                                                  ("m2", TEXTS[1], f"{TEXTS[0]}\n")]):
            conn.execute("INSERT INTO memories (tenant, id, user_id, session_id, kind, status,"
                         " content, created_at, updated_at, event_time, importance, version,"
                         " context_text) VALUES ('alice', %s, 'alice', 's1', 'episodic', 'active',"
                         " %s, %s, %s, %s, 0.5, 1, %s)",
                         (mid, text, now, now, now + timedelta(minutes=n), context.strip()))
        generated = dict(conn.execute("SELECT id, tsv::text FROM memories").fetchall())
    store = PostgresStore(pg_url)
    try:
        assert int(store._read("SELECT max(version) FROM schema_version")[0][0]) == SCHEMA_VERSION
        assert store._read("SELECT attgenerated FROM pg_attribute WHERE attrelid = 'memories'::regclass"
                           " AND attname = 'tsv'") == [("",)]
        assert dict(store._read("SELECT id, tsv::text FROM memories")) == generated
        names = {r[0] for r in store._read("SELECT indexname FROM pg_indexes WHERE tablename = 'memories'")}
        assert "memories_session_order_v6" in names and "memories_session_order" not in names  # v6
        assert [h[0] for h in store.lexical_search(Scope(user_id="alice"), "hiking", Filters(),
                                                   limit=5, context=True)] == ["m2", "m1"]  # m1 by its context
        new = _rounds(["the dentist, at last"], 5)  # after m2: m2's context gains it
        _add(store, new)
        _assert_as_generated(store)
        assert dict(store._read("SELECT id, context_text FROM memories"))["m2"] == \
            f"{TEXTS[0]}\n{new[0].content}"
        assert {h[0] for h in store.lexical_search(Scope(user_id="alice"), "dentist", Filters(),
                                                   limit=5, context=True)} == {"m2", new[0].id}
    finally:
        store.close()
