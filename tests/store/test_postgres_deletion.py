"""What a delete leaves on disk in PostgreSQL (issue #14, item 6), checked by scanning
the real cluster's files (tests/store/pg_server.py) after a CHECKPOINT.

The claims (docs/trust.md, "PostgreSQL"): a delete hides the rows at once, but their
bytes stay in the table and index files, even after a plain VACUUM (it frees the space
without zeroing it); ``purge()`` (REST ``POST /v1/purge``, ``engram purge``,
``forget(purge=True)``) rewrites the tables with VACUUM FULL, after which no table or
index file holds the text. WAL segments still do until PostgreSQL recycles them: that,
backups and replicas are the operator's to rotate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder

MARK = b"zqxdeletedmarker"


def files_holding(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.fixture
def pg_memory(pg_server: Any, pg_url: str, tmp_path: Path) -> Iterator[tuple[Memory, Path, Any]]:
    if pg_server.data_dir is None:
        pytest.skip("an external PostgreSQL server: its files cannot be scanned")
    import psycopg

    mem = Memory(settings=Settings(store="postgres", database_url=pg_url, embedding_cache=False,
                                   data_dir=tmp_path / "data"), embedder=HashingEmbedder())

    def checkpoint() -> None:
        with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
            conn.execute("CHECKPOINT")  # dirty pages reach the files we scan

    yield mem, pg_server.data_dir, checkpoint
    mem.close()


def test_purge_leaves_no_table_or_index_file_with_the_text(
        pg_memory: tuple[Memory, Path, Any], pg_url: str) -> None:
    mem, data, checkpoint = pg_memory
    import psycopg

    for n in range(20):
        mem.add(f"an ordinary memory number {n}", user_id="keep")
    [item] = mem.add(f"my secret {MARK.decode()} here", user_id="gone")
    mem.update(item.id, user_id="gone", content=f"edited {MARK.decode()} again")
    mem.delete(item.id, user_id="gone")
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
