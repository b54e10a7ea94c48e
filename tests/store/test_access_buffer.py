"""AccessBuffer: search statistics batched per scope, counted exactly, kept per tenant,
and written before the store closes (a graceful server shutdown loses none)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.model import Scope
from engram.store.access_buffer import AccessBuffer
from engram.store.sqlite import SQLiteStore

HOUR = 3600.0  # the timer never fires inside a test: only flush()/close() write


def _memory(tmp_path: Path, flush_s: float) -> Memory:
    settings = Settings(data_dir=tmp_path / "data", embedding_cache=False, access_flush_s=flush_s)
    return Memory(tmp_path / "m.db", settings=settings, embedder=HashingEmbedder())


def test_buffered_accesses_are_counted_exactly_and_survive_close(tmp_path: Path) -> None:
    mem = _memory(tmp_path, HOUR)
    item = mem.add("alice moved to lisbon", user_id="alice")[0]
    for _ in range(3):
        assert mem.search("lisbon", user_id="alice").hits
    assert mem.get(item.id, user_id="alice").access_count == 0  # not written yet
    mem.close()  # what a server's graceful shutdown runs
    reopened = _memory(tmp_path, 0.0)
    stored = reopened.get(item.id, user_id="alice")
    assert stored.access_count == 3 and stored.last_accessed_at is not None
    reopened.close()


def test_without_an_interval_every_access_is_written_at_once(tmp_path: Path) -> None:
    mem = _memory(tmp_path, 0.0)
    item = mem.add("bob plays the guitar", user_id="bob")[0]
    mem.search("guitar", user_id="bob")
    assert mem.get(item.id, user_id="bob").access_count == 1
    mem.close()


def test_each_scope_is_written_to_its_own_memories_only(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    mem = Memory(tmp_path / "s.db", settings=Settings(data_dir=tmp_path / "d", embedding_cache=False),
                 embedder=HashingEmbedder(), store=store)
    mine = mem.add("carol's note", user_id="carol")[0]
    buffer = AccessBuffer(store, HOUR)
    buffer.record(Scope(user_id="mallory"), [mine.id])  # another tenant naming carol's id
    buffer.record(Scope(user_id="carol"), [mine.id, mine.id])  # one search: one access
    buffer.flush()
    assert mem.get(mine.id, user_id="carol").access_count == 1
    mem.close()


class FlakyStore(SQLiteStore):
    """A real store whose first batched access write fails (a locked file, a dropped connection)."""

    failures = 1

    def record_accesses(self, batch: Sequence[tuple[Scope, Sequence[str]]]) -> None:
        if self.failures:
            self.failures -= 1
            raise OSError("disk I/O error")
        super().record_accesses(batch)


class PerCallStore:
    """A real store seen through ``record_access`` alone (a backend without batches),
    whose first call fails."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.calls: list[tuple[Scope, list[str]]] = []
        self.failures = 1

    def record_access(self, scope: Scope, ids: Sequence[str]) -> None:
        self.calls.append((scope, list(ids)))
        if self.failures:
            self.failures -= 1
            raise OSError("disk I/O error")
        self.store.record_access(scope, ids)


def _two_tenants(tmp_path: Path, store: SQLiteStore) -> tuple[Memory, str, str]:
    mem = Memory(store.path, settings=Settings(data_dir=tmp_path / "d", embedding_cache=False),
                 embedder=HashingEmbedder(), store=store)
    return mem, mem.add("first", user_id="u")[0].id, mem.add("second", user_id="v")[0].id


def _searched(buffer: AccessBuffer, a: str, b: str) -> None:
    """u's memory found by two searches, v's by one."""
    for scope, ids in ((Scope(user_id="u"), [a]), (Scope(user_id="v"), [b]), (Scope(user_id="u"), [a])):
        buffer.record(scope, ids)


def _counted_and_closed(mem: Memory, a: str, b: str) -> None:
    assert mem.get(a, user_id="u").access_count == 2
    assert mem.get(b, user_id="v").access_count == 1
    mem.close()


def test_a_failed_flush_keeps_its_counts_for_the_next_one(tmp_path: Path) -> None:
    store = FlakyStore(tmp_path / "f.db")
    mem, a, b = _two_tenants(tmp_path, store)
    buffer = AccessBuffer(store, HOUR)
    _searched(buffer, a, b)
    with pytest.raises(OSError):
        buffer.flush()
    buffer.close()
    _counted_and_closed(mem, a, b)


def test_one_flush_is_one_write_transaction_for_every_scope(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "b.db")
    mem, a, b = _two_tenants(tmp_path, store)
    buffer = AccessBuffer(store, HOUR)
    _searched(buffer, a, b)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    buffer.flush()
    store._conn.set_trace_callback(None)
    assert statements.count("BEGIN IMMEDIATE") == 1  # was one per scope and depth: 3
    _counted_and_closed(mem, a, b)


def test_a_store_without_batches_gets_one_call_per_scope_and_depth(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "p.db")
    mem, a, b = _two_tenants(tmp_path, store)
    plain = PerCallStore(store)
    buffer = AccessBuffer(plain, HOUR)
    _searched(buffer, a, b)
    with pytest.raises(OSError):
        buffer.flush()  # the first call fails: nothing of it, nor of later scopes, is lost
    buffer.close()
    assert len(plain.calls) == 4  # the failed one, then u twice (depths 1 and 2) and v
    _counted_and_closed(mem, a, b)


def test_engram_serve_batches_unless_told_not_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from engram.cli.server_cmds import SERVER_ACCESS_FLUSH_S, _build_app

    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGRAM_EMBEDDER", "hashing")
    options = {"db": str(tmp_path / "srv.db"), "keys_db": str(tmp_path / "keys.sqlite"),
               "require_auth": False, "rate_limit": None, "max_body_bytes": 1000,
               "allowed_hosts": None, "cors_origins": []}
    _, memory = _build_app(options)
    assert memory.access.interval_s == SERVER_ACCESS_FLUSH_S > 0
    memory.close()
    monkeypatch.setenv("ENGRAM_ACCESS_FLUSH_S", "0")
    _, memory = _build_app(options)
    assert memory.access.interval_s == 0
    memory.close()
