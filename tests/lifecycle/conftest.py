from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder

T0 = datetime(2024, 1, 1, tzinfo=UTC)
MakeMemory = Callable[..., Memory]


@pytest.fixture(params=["sqlite", "postgres"])
def make_memory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MakeMemory]:
    """Memories on each store backend: the lifecycle suite runs on SQLite and PostgreSQL."""
    opened: list[Memory] = []
    urls: list[str] = []
    server = request.getfixturevalue("pg_server") if request.param == "postgres" else None

    def make(embedder: Any = None, **options: Any) -> Memory:
        settings = Settings(data_dir=tmp_path / "data", **options)
        store = None
        if server is not None:
            from engram.store.postgres import PostgresStore

            urls.append(server.fresh_url())
            store = PostgresStore(urls[-1])
        mem = Memory(tmp_path / f"lc{len(opened)}.db", settings=settings,
                     embedder=embedder or HashingEmbedder(), store=store)
        opened.append(mem)
        return mem

    yield make
    for mem in opened:
        mem.close()
    for url in urls:
        server.release(url)


@pytest.fixture
def lc(make_memory: MakeMemory) -> Memory:
    """A memory with heuristic extraction on (the hashing embedder, for speed)."""
    return make_memory(extraction=True)


def say(mem: Memory, text: str, when: datetime, **scope: str) -> None:
    mem.add([{"role": "user", "content": text}, {"role": "assistant", "content": "Okay!"}],
            **({"user_id": "u"} | scope), event_time=when)
