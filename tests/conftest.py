"""Shared fixtures: real SQLite files in tmp dirs; the hashing embedder for speed
where semantics don't matter, the real bundled model where they do."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real data or config directories."""
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGRAM_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def memory(tmp_path: Path, settings: Settings) -> Iterator[Memory]:
    with Memory(tmp_path / "mem.db", settings=settings, embedder=HashingEmbedder()) as mem:
        yield mem


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """The session's PostgreSQL server (tests/store/pg_server.py), or a loud skip saying
    why there is none; ``ENGRAM_REQUIRE_POSTGRES=1`` (CI) makes that a failure."""
    sys.path.insert(0, str(Path(__file__).parent / "store"))
    from pg_server import PgServer, ServerUnavailable

    try:
        server = PgServer()
    except ServerUnavailable as exc:
        reason = f"PostgreSQL test server unavailable: {exc}"
        if os.environ.get("ENGRAM_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    # every test makes a fresh store: 2 hash partitions instead of the default 16 keep that
    # cheap (~0.3 s, not ~3 s, on 2 busy cores); tests/store/test_postgres_partitions.py
    # covers the default count
    partitions = os.environ.setdefault("ENGRAM_PG_PARTITIONS", "2")
    try:
        yield server
    finally:
        server.stop()
        if partitions == "2":
            os.environ.pop("ENGRAM_PG_PARTITIONS", None)


@pytest.fixture
def pg_url(pg_server: Any) -> Iterator[str]:
    """A connection URL that sees a fresh, empty store location (pgvector enabled)."""
    url: str = pg_server.fresh_url()
    yield url
    pg_server.release(url)


@pytest.fixture(params=["sqlite", "postgres"])
def backend_memory(request: pytest.FixtureRequest, tmp_path: Path,
                   settings: Settings) -> Iterator[Memory]:
    """A Memory on each store backend: suites that take it run on SQLite and PostgreSQL."""
    store = None
    if request.param == "postgres":
        from engram.store.postgres import PostgresStore

        store = PostgresStore(request.getfixturevalue("pg_url"))
    with Memory(tmp_path / "mem.db", settings=settings, embedder=HashingEmbedder(),
                store=store) as mem:
        yield mem


@pytest.fixture(scope="session")
def real_embedder():  # type: ignore[no-untyped-def]
    from engram.embed import make_embedder

    return make_embedder("minilm-onnx")


@pytest.fixture
def real_memory(tmp_path: Path, settings: Settings, real_embedder) -> Iterator[Memory]:  # type: ignore[no-untyped-def]
    with Memory(tmp_path / "real.db", settings=settings, embedder=real_embedder) as mem:
        yield mem
