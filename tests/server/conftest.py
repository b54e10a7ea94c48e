"""A real server for the REST tests: uvicorn on a free loopback port, in a
background thread, over a real SQLite file and again over PostgreSQL (the hashing
embedder keeps it fast)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.aio import AsyncMemory
from engram.client import AsyncEngramClient
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.store.keys import KeyStore
from engram.testing.live_server import LiveServer

MAX_CONTENT_CHARS = 5_000
MAX_BODY_BYTES = 50_000


@dataclass
class Deployment:
    """A running server plus direct handles on what it serves, to check side effects."""

    url: str
    memory: Memory
    keys: KeyStore
    secrets: dict[str, str] = field(default_factory=dict)
    key_ids: dict[str, str] = field(default_factory=dict)

    def total(self) -> tuple[int, int]:
        """(memories, history rows) in the whole store: 'nothing was written' checks."""
        stats = self.memory.stats(all_scopes=True)
        return stats.memories, stats.history_rows


@pytest.fixture(params=["sqlite", "postgres"])
def deploy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Deployment]]:
    """Factory: ``deploy(require_auth=..., rate_limit=..., memory=..., **create_app_options)``
    starts a server, over each store backend in turn (the REST suite runs on both)."""
    pytest.importorskip("fastapi", reason="the REST tests need the `server` extra")
    from engram.server.app import create_app

    servers: list[LiveServer] = []
    memories: list[Memory] = []
    urls: list[str] = []
    pg = request.getfixturevalue("pg_server") if request.param == "postgres" else None

    def start(*, require_auth: bool = False, rate_limit: int | None = None,
              memory: Memory | None = None, max_body_bytes: int = MAX_BODY_BYTES,
              **options: Any) -> Deployment:
        n = len(servers)
        if memory is None:
            settings = Settings(data_dir=tmp_path / f"data{n}", max_content_chars=MAX_CONTENT_CHARS)
            store = None
            if pg is not None:
                from engram.store.postgres import PostgresStore

                urls.append(pg.fresh_url())
                store = PostgresStore(urls[-1])
            memory = Memory(tmp_path / f"mem{n}.db", settings=settings, embedder=HashingEmbedder(),
                            store=store)
            memories.append(memory)
        keys = KeyStore(tmp_path / f"keys{n}.sqlite")
        app = create_app(memory, keys=keys, require_auth=require_auth,
                         rate_limit_per_minute=rate_limit, max_body_bytes=max_body_bytes, **options)
        server = LiveServer(app)
        servers.append(server)
        return Deployment(url=server.url, memory=memory, keys=keys)

    yield start
    for server in servers:
        server.stop()
    for memory in memories:
        memory.close()
    for url in urls:
        pg.release(url)


@pytest.fixture
def open_server(deploy: Callable[..., Deployment]) -> Deployment:
    """A keyless (local development) server."""
    return deploy()


@pytest.fixture
def keyed(deploy: Callable[..., Deployment]) -> Deployment:
    """A server that requires keys: ``acme`` and ``globex`` (app-wide) and
    ``alice`` (app acme, user alice) and a revoked one."""
    dep = deploy(require_auth=True)
    for label, app_id, user_id in (("acme", "acme", None), ("globex", "globex", None),
                                   ("alice", "acme", "alice"), ("revoked", "acme", None)):
        key_id, secret = dep.keys.create(app_id, user_id=user_id, name=label)
        dep.secrets[label], dep.key_ids[label] = secret, key_id
    dep.keys.revoke(dep.key_ids["revoked"])
    return dep


@asynccontextmanager
async def async_doors(url: str, tmp_path: Path) -> AsyncIterator[tuple[AsyncEngramClient, AsyncMemory]]:
    """The two async doors: a client of the server at ``url`` and an embedded AsyncMemory."""
    remote = AsyncEngramClient(url)
    local = AsyncMemory(tmp_path / "a.db", embedder=HashingEmbedder(),
                        settings=Settings(data_dir=tmp_path / "d"))
    try:
        yield remote, local
    finally:
        await remote.close()
        await local.close()
