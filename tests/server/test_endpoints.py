"""Every endpoint through the real client (sync and async) against a real server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
import pytest

from engram import Memory
from engram.client import AsyncEngramClient, EngramClient
from engram.errors import ConflictError, InvalidInputError, NotFoundError
from engram.model import HistoryEntry, ImportReport, MemoryItem, Message, Page, SearchResult, Stats

from .conftest import Deployment


def test_health_and_openapi(open_server: Deployment) -> None:
    assert httpx.get(open_server.url + "/healthz").json() == {"status": "ok"}
    assert httpx.get(open_server.url + "/readyz").json() == {"status": "ready"}
    spec = httpx.get(open_server.url + "/openapi.json").json()
    for path in ("/v1/memories", "/v1/memories/{memory_id}", "/v1/memories/{memory_id}/history",
                 "/v1/search", "/v1/export", "/v1/import", "/v1/stats", "/healthz", "/readyz"):
        assert path in spec["paths"], path
    assert spec["components"]["schemas"]["MemoryItem"]["properties"]["content"]
    assert "HTTPValidationError" not in str(spec["paths"]["/v1/search"]["post"]["responses"])


def test_readyz_reports_a_closed_store(deploy) -> None:  # type: ignore[no-untyped-def]
    dep = deploy()
    dep.memory.store.close()
    response = httpx.get(dep.url + "/readyz")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "unavailable"


def test_sync_client_round_trip(deploy) -> None:  # type: ignore[no-untyped-def]
    open_server, target = deploy(), deploy()
    with EngramClient(open_server.url) as mem:
        added = mem.add("I moved to Lisbon in May", user_id="alice", tags=["move"],
                        metadata={"source": "chat"}, importance=0.8, kind="fact")
        assert len(added) == 1 and isinstance(added[0], MemoryItem)
        item = added[0]
        assert item.tags == ["move"] and item.metadata == {"source": "chat"}
        convo = mem.add([Message(role="user", content="I adopted a cat named Miso"),
                         {"role": "assistant", "content": "Lovely name!"}], user_id="alice",
                        event_time=datetime(2024, 3, 1, tzinfo=UTC))
        assert len(convo) == 1 and "Miso" in convo[0].content

        assert mem.get(item.id, user_id="alice") == item
        hits = mem.search("where does she live Lisbon", user_id="alice", limit=5)
        assert isinstance(hits, SearchResult) and hits.hits[0].item.id == item.id

        page = mem.list(user_id="alice", limit=1)
        assert isinstance(page, Page) and len(page.items) == 1 and page.next_cursor
        rest = mem.list(user_id="alice", limit=1, cursor=page.next_cursor)
        assert {page.items[0].id, rest.items[0].id} == {item.id, convo[0].id}
        assert [i.id for i in mem.list(user_id="alice", filters={"tags": ["move"]}).items] == [item.id]
        assert [i.id for i in mem.list(user_id="alice", filters={"kinds": ["fact"]}).items] == [item.id]

        updated = mem.update(item.id, user_id="alice", content="I moved to Porto in May",
                             expected_version=1)
        assert updated.version == 2 and updated.content.endswith("Porto in May")
        with pytest.raises(ConflictError):
            mem.update(item.id, user_id="alice", content="stale", expected_version=1)
        history = mem.history(item.id, user_id="alice")
        assert [h.op for h in history] == ["add", "update"]
        assert all(isinstance(h, HistoryEntry) for h in history)

        stats = mem.stats(user_id="alice")
        assert isinstance(stats, Stats) and stats.memories == 2
        assert mem.stats(all_scopes=True).memories == 2

        lines = list(mem.export(user_id="alice"))
        assert len(lines) == 3 and '"engram-export"' in lines[0]

        mem.delete(item.id, user_id="alice")
        with pytest.raises(NotFoundError):
            mem.get(item.id, user_id="alice")
        assert [h.op for h in mem.history(item.id, user_id="alice")][-1] == "delete"
        assert mem.delete_all(user_id="alice") == 1
        assert mem.list(user_id="alice").items == []

    # (Re-importing into the store the items were deleted from is a facade concern;
    # here the export moves to another server.)
    with EngramClient(target.url) as other:
        report = other.import_(lines)
        assert isinstance(report, ImportReport) and report.imported == 2
        assert other.import_(lines).skipped == 2  # idempotent
        restored = other.get(item.id, user_id="alice")
        assert restored.version == 2 and restored.content == updated.content
        # the audit trail is the import; the file's history is kept as data (docs/trust.md)
        assert [h.op for h in other.history(item.id, user_id="alice")] == ["import"]
        claimed = restored.metadata["engram.import"]["history"]
        assert [c["op"] for c in claimed] == ["add", "update"]


def test_embedded_and_remote_agree(open_server: Deployment) -> None:
    """Switching embedded <-> remote is one line: same calls, same models."""
    remote = EngramClient(open_server.url)
    local: Memory = open_server.memory
    item = remote.add("Bob prefers green tea", user_id="bob")[0]
    assert local.get(item.id, user_id="bob") == remote.get(item.id, user_id="bob")
    assert local.list(user_id="bob") == remote.list(user_id="bob")
    assert local.history(item.id, user_id="bob") == remote.history(item.id, user_id="bob")
    assert local.stats(user_id="bob").memories == remote.stats(user_id="bob").memories
    with pytest.raises(InvalidInputError):
        local.search("   ", user_id="bob")
    with pytest.raises(InvalidInputError):
        remote.search("   ", user_id="bob")
    remote.close()


def test_import_from_a_file_path(deploy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem, other = EngramClient(deploy().url), EngramClient(deploy().url)
    mem.add("a memory to move", app_id="x")
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(mem.export(app_id="x")) + "\n")
    seen: list[tuple[int, int]] = []
    assert other.import_(str(path), progress=lambda d, t: seen.append((d, t))).imported == 1
    assert seen == [(1, 1)]


def test_token_budget_is_forwarded(open_server: Deployment) -> None:
    mem = EngramClient(open_server.url)
    mem.add("Carol lives in Oslo", user_id="carol")
    result = mem.search("Oslo", user_id="carol", token_budget=200)
    assert "Carol lives in Oslo" in result.context and 0 < result.context_tokens <= 200
    with pytest.raises(InvalidInputError, match="token_budget"):
        mem.search("Oslo", user_id="carol", token_budget=0)


def test_raw_http_statuses(deploy) -> None:  # type: ignore[no-untyped-def]
    url, other = deploy().url, deploy().url
    created = httpx.post(url + "/v1/memories", json={"text": "hello there", "app_id": "raw"})
    assert created.status_code == 201
    memory_id = created.json()["items"][0]["id"]
    patched = httpx.patch(url + f"/v1/memories/{memory_id}", json={"app_id": "raw", "tags": ["t"]})
    assert patched.status_code == 200 and patched.json()["tags"] == ["t"]
    exported = httpx.get(url + "/v1/export", params={"app_id": "raw"})
    assert exported.headers["content-type"].startswith("application/x-ndjson")
    deleted = httpx.delete(url + f"/v1/memories/{memory_id}", params={"app_id": "raw"})
    assert deleted.status_code == 204 and deleted.content == b""
    imported = httpx.post(other + "/v1/import", content=exported.content,
                          headers={"content-type": "application/x-ndjson"})
    assert imported.status_code == 200 and imported.json()["imported"] == 1
    wiped = httpx.delete(other + "/v1/memories", params={"app_id": "raw", "confirm": "true"})
    assert wiped.json() == {"deleted": 1}


def test_async_client_round_trip(deploy) -> None:  # type: ignore[no-untyped-def]
    open_server, target = deploy(), deploy()

    async def main() -> None:
        async with AsyncEngramClient(open_server.url) as mem:
            item = (await mem.add("Dana runs marathons", user_id="dana"))[0]
            assert (await mem.get(item.id, user_id="dana")).content == item.content
            assert (await mem.search("marathons", user_id="dana")).hits[0].item.id == item.id
            assert [i.id for i in (await mem.list(user_id="dana")).items] == [item.id]
            updated = await mem.update(item.id, user_id="dana", importance=0.9)
            assert updated.importance == 0.9 and updated.version == 2
            assert len(await mem.history(item.id, user_id="dana")) == 2
            assert (await mem.stats(user_id="dana")).memories == 1
            lines = await mem.export(user_id="dana")
            assert len(lines) == 2
            await mem.delete(item.id, user_id="dana")
            with pytest.raises(NotFoundError):
                await mem.get(item.id, user_id="dana")
        async with AsyncEngramClient(target.url) as other:
            assert (await other.import_(lines)).imported == 1
            assert await other.delete_all(user_id="dana") == 1

    asyncio.run(main())
