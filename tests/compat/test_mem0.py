"""engram.compat.mem0 beyond the quick-start: filters, threshold, tenancy, REST, config."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engram.compat.mem0 import Memory, MemoryClient
from engram.compat.mem0_shapes import split_filters
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import InvalidInputError, Mem0NotFoundError
from engram.memory import Memory as EngramMemory


@pytest.fixture
def engram(tmp_path: Path) -> Iterator[EngramMemory]:
    with EngramMemory(tmp_path / "m.db", embedder=HashingEmbedder(),
                      settings=Settings(data_dir=tmp_path)) as mem:
        yield mem


def seed(m: Memory) -> dict[str, str]:
    ids = {}
    for nick, text, meta in (("tea", "Alice drinks green tea every morning", {"category": "food", "n": 1}),
                             ("jazz", "Alice listens to jazz on Sundays", {"category": "music", "n": 5}),
                             ("pho", "Alice loves pho and ramen", {"category": "food", "n": 9})):
        ids[nick] = m.add(text, user_id="alice", metadata=meta, infer=False)["results"][0]["id"]
    return ids


def test_filters_equal_operators_and_logic(engram: EngramMemory) -> None:
    m = Memory(memory=engram)
    ids = seed(m)

    def found(**kw: object) -> set[str]:
        return {r["id"] for r in m.get_all(**kw)["results"]}  # type: ignore[arg-type]

    assert found(filters={"user_id": "alice", "category": "food"}) == {ids["tea"], ids["pho"]}
    assert found(filters={"user_id": "alice", "n": {"gte": 5}}) == {ids["jazz"], ids["pho"]}
    assert found(filters={"user_id": "alice", "category": {"in": ["music"]}}) == {ids["jazz"]}
    assert found(filters={"user_id": "alice", "OR": [{"n": 1}, {"category": "music"}]}) == {ids["tea"], ids["jazz"]}
    assert found(filters={"user_id": "alice", "NOT": [{"category": "food"}]}) == {ids["jazz"]}
    assert found(filters={"user_id": "alice", "category": "*"}) == set(ids.values())
    assert found(filters={"user_id": "alice", "category": {"icontains": "MUS"}}) == {ids["jazz"]}
    hits = m.search("what does alice eat", filters={"user_id": "alice", "category": "food"})["results"]
    assert {h["id"] for h in hits} <= {ids["tea"], ids["pho"]} and hits
    with pytest.raises(InvalidInputError, match="unknown filter operator"):
        split_filters({"n": {"between": [1, 2]}})


def test_threshold_uses_cosine_similarity(engram: EngramMemory) -> None:
    m = Memory(memory=engram)
    seed(m)
    every = m.search("Alice listens to jazz on Sundays", user_id="alice")["results"]
    assert every[0]["memory"] == "Alice listens to jazz on Sundays"
    assert every[0]["score"] == pytest.approx(1.0, abs=1e-5)
    strict = m.search("Alice listens to jazz on Sundays", user_id="alice", threshold=0.99)["results"]
    assert [r["memory"] for r in strict] == ["Alice listens to jazz on Sundays"]
    with pytest.raises(InvalidInputError, match="threshold"):
        m.search("x", user_id="alice", threshold=2)


def test_ids_resolve_only_inside_the_app(engram: EngramMemory) -> None:
    """A compat object bound to app A cannot read, change or delete app B's memory."""
    a, b = Memory(memory=engram, app_id="a"), Memory(memory=engram, app_id="b")
    mine = a.add("A's secret", user_id="u", infer=False)["results"][0]["id"]
    assert b.get(mine) is None and b.history(mine) == []
    with pytest.raises(Mem0NotFoundError):
        b.update(mine, "overwritten")
    with pytest.raises(ValueError):  # mem0 code catches ValueError
        b.delete(mine)
    b.reset()
    assert a.get(mine)["memory"] == "A's secret"
    assert engram.get(mine, app_id="a", user_id="u").content == "A's secret"  # native access too


def test_scope_is_required_and_validated(engram: EngramMemory) -> None:
    m = Memory(memory=engram)
    with pytest.raises(InvalidInputError, match="user_id, agent_id or run_id"):
        m.add("no owner")
    with pytest.raises(InvalidInputError, match="user_id, agent_id or run_id"):
        m.search("x", filters={"category": "food"})
    with pytest.raises(InvalidInputError, match="without spaces"):
        m.add("x", user_id="alice smith")
    with pytest.raises(InvalidInputError, match="text"):
        m.update("some-id")


def test_update_merges_metadata_and_keeps_scope(engram: EngramMemory) -> None:
    m = Memory(memory=engram)
    ids = seed(m)
    m.update(ids["tea"], metadata={"mood": "calm", "user_id": "mallory"})
    got = m.get(ids["tea"])
    assert got["metadata"] == {"category": "food", "n": 1, "mood": "calm"} and got["user_id"] == "alice"


def test_from_config_maps_collection_to_app(tmp_path: Path) -> None:
    config = {"vector_store": {"provider": "faiss", "config": {"collection_name": "shop", "path": "/x"}},
              "embedder": {"provider": "openai"}, "engram": {"db": str(tmp_path / "c.db")}}
    with Memory.from_config(config) as m:
        assert m.app_id == "shop"
        item = m.add("hello", user_id="u", infer=False)["results"][0]
        assert m.engram.get(item["id"], app_id="shop").content == "hello"
    with pytest.raises(InvalidInputError, match="unknown keys"):
        Memory.from_config({"engram": {"path": "x"}})


def test_memory_client_over_rest(engram: EngramMemory) -> None:
    pytest.importorskip("fastapi")
    from engram.server.app import create_app
    from engram.testing.live_server import LiveServer

    with LiveServer(create_app(engram)) as server:
        client = MemoryClient(host=server.url)
        added = client.add("Dana runs marathons", user_id="dana", metadata={"topic": "sport"}, infer=False)
        memory_id = added["results"][0]["id"]
        assert client.get(memory_id)["memory"] == "Dana runs marathons"
        hits = client.search("marathon", user_id="dana", filters={"topic": "sport"})["results"]
        assert [h["id"] for h in hits] == [memory_id]
        assert client.search("marathon", user_id="dana", filters={"topic": "food"})["results"] == []
        client.update(memory_id, "Dana runs ultramarathons")
        assert [h["event"] for h in client.history(memory_id)] == ["ADD", "UPDATE"]
        client.delete(memory_id)
        assert client.get(memory_id) is None
        client.close()
