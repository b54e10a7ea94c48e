"""What a delete leaves on disk in PostgreSQL (issue #14, item 6), checked by scanning
the real cluster's files (tests/store/pg_server.py) after a CHECKPOINT.

The claims (docs/trust.md, "PostgreSQL"): a bare SQL delete hides the rows at once, but
their bytes stay in the table and index files, even after a plain VACUUM (it frees the
space without zeroing it, and GIN keeps the stemmed words); so by default
(``pg_erase="rewrite"``) every delete through the API, REST, the CLI or MCP rewrites
the partitions it touched before it returns, after which no table, TOAST or index file
holds the text. ``purge()`` rewrites everything. WAL segments still hold it until
PostgreSQL recycles them: that, backups and replicas are the operator's to rotate."""

from __future__ import annotations

import json
import random
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.testing import doors

MARK = b"zqxdeletedmarker"


def files_holding(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def checkpoint(pg_server: Any) -> None:
    import psycopg

    with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")  # dirty pages reach the files we scan


def leaking_files(pg_server: Any, probes: list[bytes]) -> list[str]:
    """After a checkpoint: the cluster's files (under base/) holding any of ``probes``."""
    checkpoint(pg_server)
    return sorted(str(p.relative_to(pg_server.data_dir)) for p in (pg_server.data_dir / "base").rglob("*")
                  if p.is_file() and any(n in p.read_bytes() for n in probes))


def needles(words: list[str]) -> list[bytes]:
    """Each word, and its head and tail without 3 letters: GIN keeps stemmed words."""
    return [w.encode() for word in words for w in (word, word[:-3], word[3:])]


@pytest.fixture
def pg_memory(pg_server: Any, pg_url: str, tmp_path: Path) -> Iterator[tuple[Memory, Path, Any]]:
    if pg_server.data_dir is None:
        pytest.skip("an external PostgreSQL server: its files cannot be scanned")
    mem = Memory(settings=Settings(store="postgres", database_url=pg_url, embedding_cache=False,
                                   data_dir=tmp_path / "data", pg_erase="off"),
                 embedder=HashingEmbedder())
    yield mem, pg_server.data_dir, lambda: checkpoint(pg_server)
    mem.close()


def test_purge_leaves_no_table_or_index_file_with_the_text(
        pg_memory: tuple[Memory, Path, Any], pg_url: str) -> None:
    mem, data, checkpoint = pg_memory
    import psycopg

    for n in range(20):
        mem.add(f"an ordinary memory number {n}", user_id="keep")
    [item] = mem.add(f"my secret {MARK.decode()} here", user_id="gone")
    mem.update(item.id, user_id="gone", content=f"edited {MARK.decode()} again")
    mem.delete(item.id, user_id="gone")  # pg_erase="off": what PostgreSQL does on its own
    checkpoint()
    assert files_holding(data / "base", MARK), "a delete alone leaves the bytes in the heap"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for table in ("memories", "vectors", "history"):
            conn.execute(f"VACUUM {table}")
    checkpoint()
    assert files_holding(data / "base", MARK), "plain VACUUM frees the space, it does not zero it"
    mem.purge()
    checkpoint()
    assert files_holding(data / "base", MARK) == []
    assert mem.count(user_id="keep") == 20


def test_forget_purges_by_default(pg_memory: tuple[Memory, Path, Any]) -> None:
    mem, data, checkpoint = pg_memory
    mem.add(f"call me at {MARK.decode()}", user_id="erin")
    mem.add("unrelated", user_id="frank")
    assert mem.forget("erin") == 1
    checkpoint()
    assert files_holding(data / "base", MARK) == []
    assert mem.count(user_id="frank") == 1


# -- the default: every door rewrites what it touched before it returns -----------------
def pg_door_settings(pg_url: str, tmp_path: Path) -> dict[str, Any]:
    return {"store": "postgres", "database_url": pg_url, "data_dir": tmp_path / "data",
            "embedder": "hashing", "embedding_cache": True, "pii_mode": "vault",
            "enrichers": ["pii", "keys"]}


def pg_delete_through(door: str, mem: Memory, memory_id: str, settings: dict[str, Any],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    if door == "cli":  # the CLI opens its own Memory on the same database
        for name, value in settings.items():
            monkeypatch.setenv(f"ENGRAM_{name.upper()}",
                               json.dumps(value) if isinstance(value, list) else str(value))
    doors.delete_through(door, mem, memory_id, user_id="victim")


@pytest.mark.parametrize("door", ["api", "rest", "cli", "mcp"])
def test_a_delete_through_every_door_leaves_no_table_file_with_the_text(
        door: str, pg_server: Any, pg_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the text stayed in the heap, TOAST and GIN files until purge()."""
    if pg_server.data_dir is None:
        pytest.skip("an external PostgreSQL server: its files cannot be scanned")
    for module in {"rest": "fastapi", "mcp": "mcp"}.get(door, "").split():
        pytest.importorskip(module)
    words = ["qjkwombatfig", "xqzpelicanjot", "zvkotterbun", "jxqheronmop", "vqzlynxtub"]
    rng = random.Random(14)  # a long, incompressible tail: stored out of line, in TOAST
    toasted = " ".join("".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(500))
    settings = pg_door_settings(pg_url, tmp_path)
    mem = Memory(settings=Settings(**settings))
    for n in range(20):
        mem.add(f"an ordinary memory number {n} about gardens", user_id="keep")
    [item] = mem.add(f"first version {words[0]} mail {words[1]}@example.com {toasted}",
                     user_id="victim", session_id="s1", tags=[words[2]], metadata={"k": words[3]})
    mem.update(item.id, user_id="victim", content=f"second version {words[4]} about trams")
    mem.add("a neighbour round about trams", user_id="victim", session_id="s1")
    probes = needles(words) + [toasted[1000:1040].encode()]
    assert leaking_files(pg_server, probes), "the text should be in the table files before the delete"
    pg_delete_through(door, mem, item.id, settings, monkeypatch)
    assert leaking_files(pg_server, probes) == []  # heap, TOAST, GIN and b-tree files of every partition; no purge()
    assert [h.op for h in mem.history(item.id, user_id="victim")][-1] == "delete"
    assert mem.count(user_id="keep") == 20
    assert mem.search("neighbour trams", user_id="victim").hits  # the rest still works
    mem.close()


def test_a_rewrite_that_cannot_run_is_kept_for_the_next_one(
        pg_memory: tuple[Memory, Path, Any], pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """A delete has committed when its rewrite runs: a lock conflict must not fail it,
    nor be forgotten (the partition is rewritten by the next settle)."""
    import psycopg

    from engram.store.postgres_erase import PartitionEraser

    mem, data, checkpoint = pg_memory
    [item] = mem.add(f"locked {MARK.decode()} row", user_id="held")
    eraser = PartitionEraser("rewrite")
    with psycopg.connect(pg_url) as conn:
        [(partition,)] = conn.execute("SELECT tableoid::regclass::text FROM memories"
                                      " WHERE id = %s", [item.id]).fetchall()
        eraser.note([partition])
    assert partition in eraser.pending() and len(eraser.pending()) == 3  # memories, history, links
    mem.delete(item.id, user_id="held")  # pg_erase="off": the text stays until a rewrite
    with psycopg.connect(pg_url) as reader, psycopg.connect(pg_url, autocommit=True) as conn:
        reader.execute(f'LOCK TABLE "{partition}" IN ACCESS SHARE MODE')  # a long read
        conn.execute("SET lock_timeout = '300ms'")
        done = eraser.settle(conn)
        reader.rollback()
    assert partition not in done and partition in eraser.pending()
    assert "could not rewrite" in caplog.text and MARK.decode() not in caplog.text
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert partition in eraser.settle(conn)
    assert eraser.pending() == []
    checkpoint()
    assert files_holding(data / "base", MARK) == []


# -- a transaction elsewhere that began before the delete -------------------------------
def test_a_delete_waits_for_older_snapshots_before_the_rewrite(pg_server: Any, pg_url: str,
                                                               tmp_path: Path) -> None:
    """Was: VACUUM FULL kept the "recently dead" rows an open snapshot could still see, so
    with any older transaction open in the database the deleted text stayed in 3 files."""
    if pg_server.data_dir is None:
        pytest.skip("an external PostgreSQL server: its files cannot be scanned")
    import threading

    import psycopg

    mark = "qjkzebrawombatfigxq"
    mem = Memory(settings=Settings(**pg_door_settings(pg_url, tmp_path)))
    [item] = mem.add(f"the secret {mark} here", user_id="victim")
    holder = psycopg.connect(pg_url)
    holder.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    holder.execute("SELECT count(*) FROM schema_version").fetchall()  # its snapshot predates the delete
    release = threading.Timer(0.5, holder.rollback)
    release.start()
    try:
        mem.delete(item.id, user_id="victim")  # waits for the holder, then rewrites
    finally:
        release.join()
        holder.close()
    assert leaking_files(pg_server, needles([mark])) == []
    assert mem.store._eraser.pending() == []  # type: ignore[attr-defined]
    mem.close()


def test_a_snapshot_held_past_the_wait_leaves_the_rewrite_pending(
        pg_server: Any, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if pg_server.data_dir is None:
        pytest.skip("an external PostgreSQL server: its files cannot be scanned")
    import psycopg

    from engram.store import postgres_erase

    monkeypatch.setattr(postgres_erase, "SNAPSHOT_WAIT_S", 0.2)
    mark = "xqzheronlynxtubmopq"
    mem = Memory(settings=Settings(**pg_door_settings(pg_url, tmp_path)))
    [item] = mem.add(f"the secret {mark} here", user_id="victim")
    probes = needles([mark])
    with psycopg.connect(pg_url) as holder:
        holder.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        holder.execute("SELECT count(*) FROM schema_version").fetchall()
        mem.delete(item.id, user_id="victim")  # returns after the bounded wait
        assert leaking_files(pg_server, probes)  # the holder could still see the row: its bytes survived
        assert mem.store._eraser.pending()  # type: ignore[attr-defined]  # kept for the next settle
        holder.rollback()
    mem.store.settle()
    assert leaking_files(pg_server, probes) == []
    assert mem.store._eraser.pending() == []  # type: ignore[attr-defined]
    mem.close()
