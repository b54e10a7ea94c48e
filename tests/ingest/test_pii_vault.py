"""The PII vault's rows live in the configured store, on both backends: written in the
memory's own transaction (a failed add or update leaves none), deleted with it, and
readable by any Memory on the same store that holds the same key file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConfigError, StoreError
from engram.store import Store

pytest.importorskip("cryptography", reason="the vault needs the `pii` extra")
OpenStore = Callable[[], Store]


@pytest.fixture(params=["sqlite", "postgres"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OpenStore]:
    """Opens a new store handle on one location (a file, or a PostgreSQL schema)."""
    opened: list[Store] = []

    def make() -> Store:
        if request.param == "postgres":
            from engram.store.postgres import PostgresStore

            store: Store = PostgresStore(request.getfixturevalue("pg_url"))
        else:
            from engram.store.sqlite import SQLiteStore

            store = SQLiteStore(tmp_path / "m.db")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def _memory(open_store: OpenStore, tmp_path: Path, dim: int = 64, **options: Any) -> Memory:
    settings = Settings(data_dir=tmp_path / "data", enrichers=["pii", "keys"], pii_mode="vault",
                        embedding_cache=False, **options)
    return Memory(settings=settings, store=open_store(), embedder=HashingEmbedder(dim=dim))


def test_a_failed_add_leaves_no_vault_row(open_store: OpenStore, tmp_path: Path) -> None:
    mem = _memory(open_store, tmp_path)
    [kept] = mem.add("mail ana.canary@example.org", user_id="u")
    before = mem.store.secret_count()
    assert before == 1
    # the store refuses vectors of another embedder, after enrich() encrypted the email
    other = _memory(open_store, tmp_path, dim=32)
    with pytest.raises(StoreError, match="re-embeds"):
        other.add("call bob.canary@example.org", user_id="u")
    assert other.store.secret_count() == before
    assert other.vault is not None and other.vault.take([kept.id]) == []  # nothing left staged
    assert "ana.canary@example.org" in other.reveal(kept.id, user_id="u").content


def test_a_failed_update_leaves_no_vault_row(open_store: OpenStore, tmp_path: Path) -> None:
    mem = _memory(open_store, tmp_path)
    [item] = mem.add("nothing personal here", user_id="u")
    other = _memory(open_store, tmp_path, dim=32)
    with pytest.raises(StoreError, match="re-embeds"):
        other.update(item.id, user_id="u", content="now mail bob.canary@example.org")
    assert other.store.secret_count() == 0
    edited = mem.update(item.id, user_id="u", content="now mail bob.canary@example.org")
    assert "[PII:EMAIL:" in edited.content and mem.store.secret_count() == 1
    assert mem.reveal(item.id, user_id="u").content == "now mail bob.canary@example.org"


def test_rows_live_in_the_store_key_in_its_file_and_go_with_the_memory(
        open_store: OpenStore, tmp_path: Path) -> None:
    key = tmp_path / "secrets" / "v.key"
    mem = _memory(open_store, tmp_path, vault_key_path=key)
    [item] = mem.add("mail ana.canary@example.org", user_id="u")
    assert key.exists() and mem.store.secret_count() == 1
    assert not list(tmp_path.rglob("vault*.sqlite"))  # no side file: the rows are the store's
    reader = _memory(open_store, tmp_path, vault_key_path=key)  # another process, same store
    assert reader.reveal(item.id, user_id="u").content == "mail ana.canary@example.org"
    mem.delete(item.id, user_id="u")
    assert reader.store.secret_count() == 0


def test_a_different_key_says_which_key_to_share(open_store: OpenStore, tmp_path: Path) -> None:
    mem = _memory(open_store, tmp_path)
    [item] = mem.add("mail ana.canary@example.org", user_id="u")
    stranger = _memory(open_store, tmp_path, vault_key_path=tmp_path / "other.key")
    with pytest.raises(ConfigError, match="ENGRAM_VAULT_KEY_PATH"):
        stranger.reveal(item.id, user_id="u")


def test_vaults_created_together_share_one_whole_key(tmp_path: Path) -> None:
    """Two servers starting at once on a shared key path: each must read the complete key
    the first one wrote (a reader once saw the empty file mid-write and failed)."""
    import threading

    from engram.ingest.pii import Vault

    def open_vault(key: Path, barrier: threading.Barrier, tokens: list[str],
                   errors: list[Exception]) -> None:
        barrier.wait()
        try:
            tokens.append(Vault(key).token("EMAIL", "ana@example.org"))
        except Exception as exc:  # noqa: BLE001 - the failure under test
            errors.append(exc)

    for n in range(10):
        path, start = tmp_path / f"k{n}" / "vault.key", threading.Barrier(6)
        tokens: list[str] = []
        errors: list[Exception] = []
        threads = [threading.Thread(target=open_vault, args=(path, start, tokens, errors))
                   for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [] and len(set(tokens)) == 1 and len(tokens) == 6
        assert [p.name for p in path.parent.iterdir()] == ["vault.key"]  # no temporary left


def write_old_vault_file(path: Path, rows: list[tuple[str, str, str, bytes, str]]) -> None:
    """The vault file as Engram wrote it before its rows moved into the store (issue
    #16): ``vault.sqlite`` beside the key, WAL mode, rows with their scope columns."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("CREATE TABLE IF NOT EXISTS vault (memory_id TEXT NOT NULL, token TEXT NOT NULL, "
                 "kind TEXT NOT NULL, secret BLOB NOT NULL, user_id TEXT, agent_id TEXT, "
                 "session_id TEXT, app_id TEXT, PRIMARY KEY (memory_id, token))")
    conn.executemany("INSERT OR IGNORE INTO vault VALUES (?,?,?,?,?,?,?,?)",
                     [(m, t, k, s, u, None, None, None) for m, t, k, s, u in rows])
    conn.close()


def test_an_old_vault_file_is_moved_into_the_store_once(open_store: OpenStore,
                                                        tmp_path: Path) -> None:
    """Was: an old data dir's vault.sqlite was ignored, so its memories could not be revealed."""
    from engram.ids import new_id
    from engram.ingest.pii import Vault

    key = tmp_path / "data" / "vault.key"
    old = Vault(key)  # the data dir's key, as the old version created it
    token = old.token("EMAIL", "ana.canary@example.org")
    store = open_store()
    plain = Memory(settings=Settings(data_dir=tmp_path / "data", enrichers=[],
                                     embedding_cache=False), store=store, embedder=HashingEmbedder())
    [item] = plain.add(f"mail {token}", user_id="u")  # stored redacted, as the old version did
    gone = new_id()  # a memory deleted since: its row must not come back
    for memory_id in (item.id, gone):
        old.stage(memory_id, [(token, "EMAIL", "ana.canary@example.org")])
    staged = old.take([item.id, gone])
    write_old_vault_file(key.with_suffix(".sqlite"),
                         [(r.memory_id, r.token, r.kind, r.secret, "u") for r in staged])
    assert store.secret_count() == 0

    mem = Memory(settings=Settings(data_dir=tmp_path / "data", enrichers=["pii"],
                                   pii_mode="vault", embedding_cache=False),
                 store=store, embedder=HashingEmbedder())
    assert mem.reveal(item.id, user_id="u").content == "mail ana.canary@example.org"
    assert store.secret_count() == 1  # the deleted memory's row was dropped
    assert sorted(p.name for p in key.parent.iterdir()) == ["vault.key"]  # file, -wal, -shm gone
    again = Memory(settings=Settings(data_dir=tmp_path / "data", enrichers=["pii"],
                                     pii_mode="vault", embedding_cache=False),
                   store=open_store(), embedder=HashingEmbedder())  # idempotent
    assert again.store.secret_count() == 1
    assert again.reveal(item.id, user_id="u").content == "mail ana.canary@example.org"
    mem.delete(item.id, user_id="u")
    assert again.store.secret_count() == 0


def test_a_crash_after_moving_before_removing_the_file_is_harmless(tmp_path: Path) -> None:
    """A second run over the same file (the first died before unlinking it) adds nothing."""
    from engram.ingest.pii import Vault
    from engram.ingest.pii_legacy import migrate_legacy_vault
    from engram.store.sqlite import SQLiteStore

    key = tmp_path / "vault.key"
    store = SQLiteStore(tmp_path / "m.db")
    plain = Memory(settings=Settings(data_dir=tmp_path, enrichers=[], embedding_cache=False),
                   store=store, embedder=HashingEmbedder())
    [item] = plain.add("mail [PII:EMAIL:00000000]", user_id="u")
    vault = Vault(key)
    vault.stage(item.id, [("[PII:EMAIL:00000000]", "EMAIL", "x@example.org")])
    rows = [(r.memory_id, r.token, r.kind, r.secret, "u") for r in vault.take([item.id])]
    write_old_vault_file(key.with_suffix(".sqlite"), rows)
    assert migrate_legacy_vault(key, store) == 1
    write_old_vault_file(key.with_suffix(".sqlite"), rows)  # as if the unlink never happened
    assert migrate_legacy_vault(key, store) == 1 and store.secret_count() == 1
    assert migrate_legacy_vault(key, store) == 0  # no file: nothing to do
    plain.close()
