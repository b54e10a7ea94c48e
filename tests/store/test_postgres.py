"""PostgreSQL-only behaviour: migrations, errors that say what to do, the
search paths the contract suite cannot force (HNSW, hostile tsquery text)."""

from __future__ import annotations

import builtins
import re
import socket
from typing import Any

import numpy as np
import pytest

from engram.errors import MissingDependencyError, SchemaVersionError, StoreError
from engram.model import Filters, HistoryEntry, MemoryItem, Scope
from engram.store import open_store

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")

ALICE = Scope(user_id="alice")


def _unit(seed: int, dim: int = 16) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def _add(store: Any, scope: Scope, texts: list[str], seeds: list[int]) -> list[MemoryItem]:
    items = [MemoryItem(scope=scope, content=t) for t in texts]
    store.add(items, np.stack([_unit(s) for s in seeds]),
              [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items], model_id="m")
    return items


def test_registry_opens_postgres_from_settings_env(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.config import Settings

    monkeypatch.setenv("ENGRAM_STORE", "postgres")
    monkeypatch.setenv("ENGRAM_DATABASE_URL", pg_url)
    store = open_store(Settings(), create=True)
    try:
        assert store.count(ALICE, Filters()) == 0
    finally:
        store.close()


def test_refuses_newer_schema(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version(version) VALUES (999)")
    with pytest.raises(SchemaVersionError, match="upgrade Engram"):
        PostgresStore(pg_url)


def test_reopening_does_not_migrate_twice(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    for _ in range(2):
        PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        from engram.store.postgres_schema import SCHEMA_VERSION

        # one row per migration, each applied once
        assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_create_false_refuses_an_empty_database(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    with pytest.raises(StoreError, match="no Engram store"):
        PostgresStore(pg_url, create=False)


def test_unreachable_server_says_what_to_do() -> None:
    from engram.store.postgres import PostgresStore

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://someone:s3cret@127.0.0.1:{port}/engram"
    with pytest.raises(StoreError, match="start PostgreSQL or set ENGRAM_DATABASE_URL") as info:
        PostgresStore(url, connect_timeout_s=2)
    assert "s3cret" not in str(info.value)


def test_missing_url_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.store.postgres import PostgresStore

    monkeypatch.delenv("ENGRAM_DATABASE_URL", raising=False)
    with pytest.raises(StoreError, match="ENGRAM_DATABASE_URL"):
        PostgresStore()


def test_missing_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.store.postgres import PostgresStore

    real_import = builtins.__import__

    def no_psycopg(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("psycopg", "psycopg_pool"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(MissingDependencyError, match=re.escape("pip install -e '.[postgres]'")):
        PostgresStore("postgresql://localhost/x")


def test_hnsw_path_returns_k_filtered_rows(pg_url: str) -> None:
    """Force the index scan: a small scope inside a big table still gets k rows
    (iterative scan), and the best match comes first."""
    from engram.store.postgres import PostgresStore

    options = psycopg.conninfo.conninfo_to_dict(pg_url).get("options", "")
    forced = psycopg.conninfo.make_conninfo(  # planner: no scans or sorts but index ones
        pg_url, options=f"{options} -c enable_seqscan=off -c enable_bitmapscan=off -c enable_sort=off")
    store = PostgresStore(forced, ann_threshold=5)
    try:
        mine = _add(store, ALICE, [f"a{i}" for i in range(30)], list(range(30)))
        for batch in range(4):
            _add(store, Scope(user_id=f"other{batch}"), [f"o{i}" for i in range(100)],
                 [1000 + batch * 100 + i for i in range(100)])
        with psycopg.connect(forced, autocommit=True) as conn:
            conn.execute("ANALYZE")
            plan = "\n".join(r[0] for r in conn.execute(
                "EXPLAIN SELECT v.id FROM vectors v JOIN memories m ON m.tenant = v.tenant"
                " AND m.id = v.id WHERE m.tenant = 'alice' AND m.user_id = 'alice'"
                " ORDER BY v.embedding <=> %s::vector LIMIT 10", [str(_unit(1).tolist())]))
            hnsw = [r[0] for r in conn.execute(  # one index per partition, named after it
                "SELECT c.relname FROM pg_class c JOIN pg_am a ON a.oid = c.relam"
                " WHERE a.amname = 'hnsw' AND c.relnamespace = current_schema()::regnamespace")]
        assert any(f" {name} " in plan for name in hnsw), plan
        hits = store.vector_search(ALICE, _unit(12), Filters(), limit=10)
        assert hits[0][0] == mine[12].id and hits[0][1] == pytest.approx(1.0, abs=1e-4)
        assert len(hits) == 10 and {h[0] for h in hits} <= {i.id for i in mine}
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    finally:
        store.close()


def test_tsquery_syntax_in_user_text_is_plain_words(pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url)
    try:
        [fox] = _add(store, ALICE, ["the quick brown fox"], [1])
        _add(store, ALICE, ["a lazy dog"], [2])
        for hostile in ["fox:*", "fox & !dog", "fox <-> dog", "!fox", "fox | (", "'fox':A",
                        "\\", "fox\u0000", "$1", "%s %b"]:
            hits = store.lexical_search(ALICE, hostile, Filters(), limit=5)
            assert all(isinstance(s, float) for _, s in hits)
        assert [h[0] for h in store.lexical_search(ALICE, "!fox", Filters(), limit=5)] == [fox.id]
        assert store.lexical_search(ALICE, "the a of", Filters(), limit=5) == []  # stop words
        # stemming: "foxes" finds "fox"
        assert store.lexical_search(ALICE, "foxes", Filters(), limit=5)[0][0] == fox.id
    finally:
        store.close()
