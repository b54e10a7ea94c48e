"""Route handlers cost one thread hop per request (engram/server/runtime.py).

Before: FastAPI ran each ``def`` handler in its thread pool and then validated the
returned model in the thread pool again, two hand-offs per request. The hops are counted
where both go through: ``anyio.to_thread.run_sync``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.testing.live_server import LiveServer

pytest.importorskip("fastapi", reason="the REST tests need the `server` extra")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Memory]]:
    from engram.server.app import create_app

    memory = Memory(tmp_path / "mem.db", settings=Settings(data_dir=tmp_path / "data"),
                    embedder=HashingEmbedder())
    with LiveServer(create_app(memory)) as server:
        yield server.url, memory
    memory.close()


def _hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import anyio.to_thread

    seen: list[str] = []
    original = anyio.to_thread.run_sync

    async def run_sync(func: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(getattr(func, "__name__", type(func).__name__))
        return await original(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", run_sync)
    return seen


def test_each_request_makes_one_thread_hop(served: tuple[str, Memory],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = served
    with httpx.Client(base_url=url, timeout=30) as http:
        first = http.post("/v1/memories", json={"content": "I moved to Lisbon", "user_id": "u"})
        assert first.status_code == 201  # also settles the keyless check (no keys file yet)
        memory_id = first.json()["items"][0]["id"]
        hops = _hops(monkeypatch)
        calls = [("POST", "/v1/search", {"json": {"query": "Lisbon", "user_id": "u"}}),
                 ("POST", "/v1/memories", {"json": {"content": "I like coffee", "user_id": "u"}}),
                 ("PATCH", f"/v1/memories/{memory_id}", {"json": {"content": "Porto", "user_id": "u"}}),
                 ("GET", f"/v1/memories/{memory_id}", {"params": {"user_id": "u"}}),
                 ("GET", "/v1/count", {"params": {"user_id": "u"}})]
        for method, path, options in calls:
            before = len(hops)
            reply = http.request(method, path, **options)
            assert reply.status_code < 300, reply.text
            assert len(hops) - before == 1, (path, hops[before:])


def test_offloaded_handlers_keep_their_answers(served: tuple[str, Memory]) -> None:
    """The wrapped handlers still validate input and answer with the declared model."""
    url, memory = served
    with httpx.Client(base_url=url, timeout=30) as http:
        added = http.post("/v1/memories", json={"content": "I moved to Lisbon", "user_id": "u"})
        found = http.post("/v1/search", json={"query": "Lisbon", "user_id": "u"}).json()
        assert [h["item"]["id"] for h in found["hits"]] == [added.json()["items"][0]["id"]]
        assert http.post("/v1/search", json={"query": "x", "user_id": "u", "limit": 0}).status_code == 422
        assert http.delete(f"/v1/memories/{added.json()['items'][0]['id']}",
                           params={"user_id": "u"}).status_code == 204
    assert memory.count(user_id="u") == 0
