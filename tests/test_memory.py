"""The Memory facade end to end on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engram import Memory, Scope
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import (
    ConflictError,
    ContentTooLargeError,
    CorruptStoreError,
    InvalidInputError,
    NotFoundError,
    StoreError,
)


@pytest.fixture
def memory(backend_memory: Memory) -> Memory:
    """The facade suite runs on both stores (tests/conftest.py: backend_memory)."""
    return backend_memory


CONVERSATION = [
    {"role": "user", "content": "I adopted a beagle named Rex last week.", "id": "m1",
     "timestamp": "2024-03-01T10:00:00Z"},
    {"role": "assistant", "content": "Congratulations on Rex!", "id": "m2"},
    {"role": "user", "content": "I also started a new job at Acme as a chemist.", "id": "m3"},
    {"role": "assistant", "content": "That sounds exciting.", "id": "m4"},
    {"role": "user", "content": "Any tips for my sourdough?", "id": "m5"},
]


def test_conversation_is_stored_as_rounds(memory: Memory) -> None:
    items = memory.add(CONVERSATION, user_id="alice", session_id="s1")
    assert len(items) == 3
    assert items[0].content.startswith("user: I adopted") and "assistant: Congratulations" in items[0].content
    assert items[0].provenance.source_ids == ["m1", "m2"]
    assert items[0].event_time == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert items[0].scope == Scope(user_id="alice", session_id="s1")
    assert items[2].role == "user"


def test_search_finds_and_is_scoped(memory: Memory) -> None:
    memory.add(CONVERSATION, user_id="alice", session_id="s1")
    memory.add("bob keeps a beagle too", user_id="bob")
    hits = memory.search("beagle Rex", user_id="alice").hits
    assert hits and "Rex" in hits[0].item.content
    assert all(h.item.scope.user_id == "alice" for h in hits)
    assert memory.get(hits[0].item.id, user_id="alice").access_count == 1


def test_search_time_range(memory: Memory) -> None:
    memory.add("trip to Rome", user_id="u", event_time=datetime(2023, 5, 1))
    memory.add("trip to Oslo", user_id="u", event_time=datetime(2024, 5, 1))
    hits = memory.search("trip", user_id="u", since=datetime(2024, 1, 1)).hits
    assert [h.item.content for h in hits] == ["trip to Oslo"]


def test_real_model_ranks_semantically(real_memory: Memory) -> None:
    real_memory.add("My dog is called Rex and he loves the beach", user_id="u")
    real_memory.add("The quarterly revenue report is due on Friday", user_id="u")
    real_memory.add("I prefer green tea over coffee in the morning", user_id="u")
    hits = real_memory.search("what is the name of my puppy?", user_id="u").hits
    assert "Rex" in hits[0].item.content
    assert hits[0].channels.get("dense")


def test_update_versions_and_history(memory: Memory) -> None:
    [item] = memory.add("I live in Porto", user_id="u")
    updated = memory.update(item.id, user_id="u", content="I live in Lisbon", actor="me")
    assert updated.version == 2 and updated.created_at == item.created_at
    history = memory.history(item.id, user_id="u")
    assert [(h.op, h.version) for h in history] == [("add", 1), ("update", 2)]
    assert history[1].old["content"] == "I live in Porto" and history[1].new["content"] == "I live in Lisbon"
    assert history[1].actor == "me"
    assert memory.search("Lisbon", user_id="u").hits[0].item.id == item.id
    superseded = memory.update(item.id, user_id="u", status="superseded")
    assert memory.history(item.id, user_id="u")[-1].op == "supersede"
    assert memory.search("Lisbon", user_id="u").hits == []  # only active by default
    assert superseded.version == 3
    with pytest.raises(ConflictError):
        memory.update(item.id, user_id="u", content="x", expected_version=1)


def test_delete_and_delete_all(memory: Memory) -> None:
    [a] = memory.add("alpha", user_id="u")
    memory.add("beta", user_id="u")
    memory.add("gamma", user_id="v")
    memory.delete(a.id, user_id="u")
    with pytest.raises(NotFoundError):
        memory.get(a.id, user_id="u")
    assert [h.op for h in memory.history(a.id, user_id="u")] == ["add", "delete"]
    assert memory.delete_all(user_id="u") == 1
    assert memory.count(user_id="u") == 0 and memory.count(user_id="v") == 1


def test_list_pagination_and_cursor_checks(memory: Memory) -> None:
    for n in range(5):
        memory.add(f"note {n}", user_id="u")
    memory.add("other", user_id="v")
    page = memory.list(user_id="u", limit=2)
    seen = [i.content for i in page.items]
    while page.next_cursor:
        page = memory.list(user_id="u", limit=2, cursor=page.next_cursor)
        seen += [i.content for i in page.items]
    assert seen == [f"note {n}" for n in reversed(range(5))]
    first = memory.list(user_id="u", limit=2)
    with pytest.raises(InvalidInputError, match="cursor"):
        memory.list(user_id="v", limit=2, cursor=first.next_cursor)  # replay on another tenant
    for junk in ("", "abc", "!!!", "eyJhIjoxfQ"):
        with pytest.raises(InvalidInputError):
            memory.list(user_id="u", cursor=junk or "x")


@pytest.mark.parametrize("call", [
    lambda m: m.add("", user_id="u"),
    lambda m: m.add("   \n ", user_id="u"),
    lambda m: m.add("text"),
    lambda m: m.add("text", user_id=""),
    lambda m: m.add("bad \ud800 surrogate", user_id="u"),
    lambda m: m.add(b"\xff\xfe invalid", user_id="u"),
    lambda m: m.add("nul \x00 byte", user_id="u"),
    lambda m: m.add([{"role": "user"}], user_id="u"),
    lambda m: m.add([{"role": "user", "content": "hi", "bogus": 1}], user_id="u"),
    lambda m: m.add([], user_id="u"),
    lambda m: m.add("x", user_id="u", metadata={"n": float("nan")}),
    lambda m: m.add("x", user_id="u", importance=3),
    lambda m: m.add("x", user_id="u", kind="gossip"),
    lambda m: m.search("", user_id="u"),
    lambda m: m.search("x", user_id="u", limit=0),
    lambda m: m.search("x", user_id="u", filters={"kinds": ["nope"]}),
    lambda m: m.search("x", user_id="u", filters={"unknown": 1}),
    lambda m: m.update("01a21c02-1acd-70e2-aade-0f7d5caab9dc", user_id="u"),
    lambda m: m.list(scope={"user_id": "u", "tenant": "x"}),
])
def test_bad_input_raises_clear_errors_and_stores_nothing(memory: Memory, call) -> None:  # type: ignore[no-untyped-def]
    [kept] = memory.add("precious memory", user_id="u")
    with pytest.raises((InvalidInputError, NotFoundError)) as info:
        call(memory)
    assert str(info.value)
    assert memory.count(user_id="u") == 1 and memory.get(kept.id, user_id="u")


def test_oversize_content_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_content_chars=50)
    with Memory(tmp_path / "m.db", settings=settings, embedder=HashingEmbedder()) as mem:
        with pytest.raises(ContentTooLargeError, match="ENGRAM_MAX_CONTENT_CHARS"):
            mem.add("x" * 51, user_id="u")
        assert mem.count(user_id="u") == 0


def test_corrupt_and_missing_db_files(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CorruptStoreError, match="backup"):
        Memory(bad, settings=settings, embedder=HashingEmbedder())
    assert bad.read_bytes().startswith(b"this is not sqlite")  # untouched
    with pytest.raises(StoreError, match="no Engram store"):
        Memory(tmp_path / "missing.db", settings=settings, embedder=HashingEmbedder(), create=False)


def test_newer_schema_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "m.db"
    Memory(path, settings=settings, embedder=HashingEmbedder()).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (999)")
    with pytest.raises(StoreError, match="upgrade Engram"):
        Memory(path, settings=settings, embedder=HashingEmbedder())


def test_data_survives_reopen(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "m.db"
    with Memory(path, settings=settings, embedder=HashingEmbedder()) as mem:
        [item] = mem.add("persist me", user_id="u")
    with Memory(path, settings=settings, embedder=HashingEmbedder()) as mem:
        assert mem.get(item.id, user_id="u") == item
        assert mem.search("persist", user_id="u").hits


def test_switching_embedder_is_refused_with_advice(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "m.db"
    with Memory(path, settings=settings, embedder=HashingEmbedder(dim=64)) as mem:
        mem.add("x", user_id="u")
    with Memory(path, settings=settings, embedder=HashingEmbedder(dim=32)) as mem:
        with pytest.raises(StoreError, match="re-embeds"):
            mem.add("y", user_id="u")
        assert mem.count(user_id="u") == 1


async def _async_flow(path: Path, settings: Settings) -> None:
    from engram import AsyncMemory

    async with AsyncMemory(path, settings=settings, embedder=HashingEmbedder()) as mem:
        [item] = await mem.add("async hello", user_id="u")
        assert (await mem.search("hello", user_id="u")).hits[0].item.id == item.id
        assert (await mem.get(item.id, user_id="u")).content == "async hello"
        lines = await mem.export(user_id="u")
        assert len(lines) == 2


def test_async_twin(tmp_path: Path, settings: Settings) -> None:
    import asyncio

    asyncio.run(_async_flow(tmp_path / "a.db", settings))


def test_key_expansion_at_ingest_and_on_update(memory: Memory) -> None:
    [item] = memory.add("Yesterday I met Marta Silva at the Porto Marathon.", user_id="u",
                        event_time=datetime(2024, 6, 2, tzinfo=UTC))
    assert any("marta" in e for e in item.entities)
    assert "2024-06-01" in item.keys  # "yesterday" resolved against the event time
    assert memory.search("2024-06-01", user_id="u").hits[0].item.id == item.id  # keys are indexed
    updated = memory.update(item.id, user_id="u", content="I work with Globex in Oslo now.")
    assert not any("marta" in e for e in updated.entities)
    assert any("oslo" in e or "globex" in e for e in updated.entities)


def test_token_budget_packs_in_reading_order_and_exhaustive_mode(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, exhaustive_max_items=300)
    with Memory(tmp_path / "m.db", settings=settings, embedder=HashingEmbedder()) as mem:
        for day in (3, 1, 2):
            mem.add(f"day {day}: we talked about gardening and tomatoes", user_id="u",
                    session_id=f"s{day}", event_time=datetime(2024, 1, day, tzinfo=UTC))
        whole = mem.search("tomatoes", user_id="u", token_budget=2000)
        assert whole.mode == "exhaustive"
        assert [h.item.scope.session_id for h in whole.hits] == ["s1", "s2", "s3"]
        assert whole.context and whole.context_tokens <= 2000
        tight = mem.search("tomatoes", user_id="u", token_budget=40)
        assert tight.mode == "retrieval" and tight.context_tokens <= 40 and len(tight.hits) < 3
        with pytest.raises(InvalidInputError):
            mem.search("x", user_id="u", token_budget=0)


@pytest.mark.parametrize("call", [
    lambda m: m.add("x", user_id="u", metadata=True),
    lambda m: m.add("x", user_id="u", event_time="2024-01-01"),
    lambda m: m.search("x", user_id="u", now="yesterday"),
])
def test_wrong_types_are_input_errors(memory: Memory, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError):
        call(memory)
