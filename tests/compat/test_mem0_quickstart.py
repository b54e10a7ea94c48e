"""mem0's documented quick-starts, run unchanged against ``engram.compat.mem0``.

The calls below are mem0's own, from its Python quick-start (docs.mem0.ai,
open-source/python-quickstart, current and v0.x pages); only the import line
names Engram. Where mem0's page shows a placeholder id, the id comes from the
previous result (mem0 itself would fail on the placeholder). The real bundled
embedder runs; ``ENGRAM_DATA_DIR`` points at a temporary folder.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

MESSAGES = [
    {"role": "user", "content": "I'm planning to watch a movie tonight. Any recommendations?"},
    {"role": "assistant", "content": "How about a thriller movies? They can be quite engaging."},
    {"role": "user", "content": "I'm not a big fan of thriller movies but I love sci-fi movies."},
    {"role": "assistant", "content": "Got it! I'll avoid thriller recommendations and suggest sci-fi movies in the future."},
]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ENGRAM_DB", raising=False)


def test_current_quickstart() -> None:
    from engram.compat.mem0 import Memory

    m = Memory()

    messages = [
        {"role": "user", "content": "Hi, I'm Alex. I love basketball and gaming."},
        {"role": "assistant", "content": "Hey Alex! I'll remember your interests."}
    ]
    m.add(messages, user_id="alex")

    results = m.search("What do you know about me?", filters={"user_id": "alex"})
    print(results)

    [hit] = results["results"]
    assert "basketball" in hit["memory"] and hit["user_id"] == "alex"
    assert {"id", "memory", "hash", "metadata", "score", "created_at", "updated_at"} <= set(hit)
    assert -1.0 <= hit["score"] <= 1.0


def test_v0_quickstart_crud_cycle() -> None:
    from engram.compat.mem0 import Memory

    m = Memory()
    messages = MESSAGES
    # Store inferred memories (default behavior)
    result = m.add(messages, user_id="alice", metadata={"category": "movie_recommendations"})
    assert [r["event"] for r in result["results"]] == ["ADD", "ADD"]  # one memory per round
    # Store memories with agent and run context
    result = m.add(messages, user_id="alice", agent_id="movie-assistant", run_id="session-001",
                   metadata={"category": "movie_recommendations"})
    # Store raw messages without inference
    result = m.add(messages, user_id="alice", metadata={"category": "movie_recommendations"}, infer=False)
    raw = result["results"]
    assert [r["role"] for r in raw] == ["user", "assistant", "user", "assistant"]
    assert raw[2]["memory"] == MESSAGES[2]["content"]

    # Get all memories
    all_memories = m.get_all(user_id="alice")
    assert len(all_memories["results"]) == 8
    assert all(r["metadata"]["category"] == "movie_recommendations" for r in all_memories["results"])
    in_run = [r for r in all_memories["results"] if r.get("run_id") == "session-001"]
    assert len(in_run) == 2 and all(r["agent_id"] == "movie-assistant" for r in in_run)
    # Get a single memory by ID
    specific_memory = m.get("892db2ae-06d9-49e5-8b3e-585ef9b85b8e")
    assert specific_memory is None                       # unknown ids read as None, as in mem0
    memory_id = raw[2]["id"]
    specific_memory = m.get(memory_id)
    assert specific_memory["memory"] == MESSAGES[2]["content"] and specific_memory["role"] == "user"

    related_memories = m.search(query="What do you know about me?", user_id="alice")
    assert related_memories["results"]
    sci_fi = m.search(query="which movie genre does she love?", user_id="alice", limit=3)
    assert len(sci_fi["results"]) == 3 and any("sci-fi" in r["memory"] for r in sci_fi["results"])

    result = m.update(memory_id=memory_id, data="I love India, it is my favorite country.")
    assert result == {"message": "Memory updated successfully!"}
    assert m.get(memory_id)["memory"] == "I love India, it is my favorite country."
    history = m.history(memory_id=memory_id)
    assert [(h["event"], h["old_memory"], h["new_memory"]) for h in history] == [
        ("ADD", None, MESSAGES[2]["content"]),
        ("UPDATE", MESSAGES[2]["content"], "I love India, it is my favorite country.")]

    m.delete(memory_id=memory_id)
    assert m.get(memory_id) is None
    assert m.history(memory_id)[-1]["event"] == "DELETE"
    m.delete_all(user_id="alice")
    assert m.get_all(user_id="alice")["results"] == []
    m.add("Bob likes tea", user_id="bob")
    m.reset()
    assert m.get_all(filters={"user_id": "bob"})["results"] == []


def test_readme_chat_loop_shape() -> None:
    """mem0's README loop: search with limit, join ``entry['memory']``, add the turn."""
    from engram.compat.mem0 import Memory

    memory = Memory()
    user_id = "default_user"
    message = "I like hiking in the Alps"
    relevant_memories = memory.search(query=message, user_id=user_id, limit=3)
    memories_str = "\n".join(f"- {entry['memory']}" for entry in relevant_memories["results"])
    assert memories_str == ""
    messages = [{"role": "user", "content": message}, {"role": "assistant", "content": "Nice!"}]
    memory.add(messages, user_id=user_id)
    relevant_memories = memory.search(query="mountains hiking", user_id=user_id, limit=3)
    assert "Alps" in "\n".join(f"- {entry['memory']}" for entry in relevant_memories["results"])


def test_async_quickstart() -> None:
    from engram.compat.mem0 import AsyncMemory

    async def main() -> None:
        memory = AsyncMemory()
        await memory.add("I'm travelling to SF", user_id="john")
        found = await memory.search("where is john going?", filters={"user_id": "john"})
        assert found["results"][0]["memory"] == "I'm travelling to SF"
        await memory.close()

    asyncio.run(main())
