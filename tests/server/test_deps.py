"""ServerState.auth_required: the keys file is asked only when it changed (issue #17:
opening it on every anonymous request was a per-request cost), and a key created by
another process still locks a keyless server down on the very next request."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server tests need the `server` extra")

from engram import Memory  # noqa: E402
from engram.config import Settings  # noqa: E402
from engram.embed.hashing import HashingEmbedder  # noqa: E402
from engram.server.deps import ServerState  # noqa: E402
from engram.store.keys import KeyStore  # noqa: E402


class CountingKeys(KeyStore):
    """A real KeyStore that counts how often the server asks it for the active count."""

    queries = 0

    def active_count(self) -> int:
        self.queries += 1
        return super().active_count()


@pytest.fixture
def state(tmp_path: Path) -> ServerState:
    memory = Memory(tmp_path / "m.db", settings=Settings(data_dir=tmp_path), embedder=HashingEmbedder())
    return ServerState(memory=memory, keys=CountingKeys(tmp_path / "keys.sqlite"), require_auth=False)


def test_an_unchanged_keys_file_is_not_queried_again(state: ServerState) -> None:
    keys = state.keys
    assert isinstance(keys, CountingKeys)
    assert [state.auth_required() for _ in range(20)] == [False] * 20
    assert keys.queries == 1
    assert state.settled_open()


def test_a_key_from_another_process_locks_down_at_once(state: ServerState, tmp_path: Path) -> None:
    assert not state.auth_required()
    other = KeyStore(tmp_path / "keys.sqlite")  # another handle on the file: another process
    other.create("acme")
    assert not state.settled_open()
    assert state.auth_required()
    key_id = other.list()[0].id
    other.revoke(key_id)  # revoking every key keeps the server locked
    assert state.auth_required() and not state.settled_open()


def test_a_keys_file_in_wal_mode_is_asked_every_time(state: ServerState, tmp_path: Path) -> None:
    keys = state.keys
    assert isinstance(keys, CountingKeys)
    conn = sqlite3.connect(tmp_path / "keys.sqlite")
    conn.execute("PRAGMA journal_mode=WAL")  # commits no longer touch the header
    try:
        for _ in range(3):
            assert not state.auth_required()
        assert keys.queries == 3
        assert not state.settled_open()
    finally:
        conn.close()
