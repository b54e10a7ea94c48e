"""Extraction, update decisions and summaries through a real local fake LLM server."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.testing.fake_openai import FakeOpenAI

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def facts(*items: dict[str, Any]) -> str:
    return json.dumps({"facts": list(items)})


LISBON = {"subject": "user", "attribute": "location", "value": "Lisbon",
          "statement": "The user lives in Lisbon.", "cardinality": "one"}
PORTO = {**LISBON, "value": "Porto", "statement": "The user lives in Porto."}


@pytest.fixture
def llm_memory(tmp_path: Path, fake_llm: FakeOpenAI) -> Iterator[Memory]:
    settings = Settings(data_dir=tmp_path / "data", extraction=True, llm_base_url=fake_llm.url,
                        llm_model="fake")
    with Memory(tmp_path / "llm.db", settings=settings, embedder=HashingEmbedder()) as mem:
        mem.lifecycle.llm.backoff = 0.001
        yield mem


def say(mem: Memory, text: str, when: datetime) -> None:
    mem.add([{"role": "user", "content": text}, {"role": "assistant", "content": "Noted."}],
            user_id="u", event_time=when)


def test_llm_facts_are_stored_with_slot_and_provenance(llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    fake_llm.script(facts(LISBON))  # extraction; no candidates yet, so no decision call
    say(llm_memory, "Lisbon has been home for a while", T0)
    [fact] = llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items
    [round_] = llm_memory.list(user_id="u", filters={"kinds": ["episodic"]}).items
    assert fact.content == "The user lives in Lisbon."
    assert fact.metadata["slot"] == "user:location" and fact.metadata["value"] == "Lisbon"
    assert fact.provenance.source_ids == [round_.id]
    assert fact.provenance.source == "extraction:llm"
    assert "Lisbon has been home" in fake_llm.requests[0]["messages"][0]["content"]


def test_llm_update_decision_supersedes(llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    fake_llm.script(facts(LISBON))
    say(llm_memory, "I live in Lisbon", T0)
    [old] = llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items
    fake_llm.script(facts(PORTO), json.dumps({"op": "UPDATE", "target": old.id}))
    say(llm_memory, "Moved!", T0 + timedelta(days=30))
    current = llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items
    assert [f.content for f in current] == ["The user lives in Porto."]
    stale = llm_memory.get(old.id, user_id="u")
    assert stale.status.value == "superseded" and stale.valid_to == T0 + timedelta(days=30)
    decision_prompt = fake_llm.requests[2]["messages"][0]["content"]
    assert old.id in decision_prompt and "The user lives in Porto." in decision_prompt


def test_llm_decision_with_unknown_target_falls_back_to_heuristic(
        llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    fake_llm.script(facts(LISBON))
    say(llm_memory, "I live in Lisbon", T0)
    fake_llm.script(facts(PORTO), json.dumps({"op": "DELETE", "target": "not-an-id"}))
    say(llm_memory, "Moved!", T0 + timedelta(days=30))
    current = llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items
    assert [f.content for f in current] == ["The user lives in Porto."]  # heuristic: same slot


def test_malformed_extraction_is_retried_once_then_skipped_store_unchanged(
        llm_memory: Memory, fake_llm: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    fake_llm.script(facts(LISBON))
    say(llm_memory, "I live in Lisbon", T0)
    before = llm_memory.stats(user_id="u")
    snapshot = [i.snapshot() for i in llm_memory.list(user_id="u", limit=100).items]
    fake_llm.script('{"facts": [{"subject": "user"}]}', "I think the user moved to Porto!!")
    with caplog.at_level(logging.DEBUG, logger="engram"):
        say(llm_memory, "secret-marker moved", T0 + timedelta(days=1))
    assert len(fake_llm.requests) == 3  # one extraction, then one bad reply + one retry
    after = llm_memory.stats(user_id="u")
    assert after.by_kind.get("fact") == before.by_kind.get("fact") == 1
    assert after.memories == before.memories + 1  # only the round itself was added
    assert [i.snapshot() for i in llm_memory.list(user_id="u", limit=100).items][1:] == snapshot
    assert all("secret-marker" not in r.getMessage() and "Porto" not in r.getMessage()
               for r in caplog.records)
    assert any("skipping" in r.getMessage() for r in caplog.records)


def test_llm_server_down_skips_extraction_but_keeps_the_round(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "d", extraction=True, llm_base_url="http://127.0.0.1:9/v1")
    with Memory(tmp_path / "x.db", settings=settings, embedder=HashingEmbedder()) as mem:
        mem.lifecycle.llm.max_retries = 0
        mem.add("I live in Lisbon", user_id="u")
        assert mem.count(user_id="u") == 1


def test_llm_summaries_are_abstractive_and_fall_back(llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    llm_memory.settings = llm_memory.settings.model_copy(update={"extraction": False})
    for n in range(3):
        llm_memory.add(f"We talked about hiking trip number {n} in the Alps with my friend", user_id="u",
                       session_id="s1", event_time=T0 + timedelta(hours=n))
    fake_llm.script(json.dumps({"summary": "The user plans Alpine hikes."}), "garbage", "more garbage")
    report = llm_memory.consolidate(user_id="u")
    summaries = llm_memory.list(user_id="u", filters={"kinds": ["summary"]}).items
    by_of = {s.metadata["summary_of"]: s for s in summaries}
    assert len(report.created) == 2
    assert by_of["session"].content.endswith("The user plans Alpine hikes.")
    # the rolling summary's reply was malformed twice: extractive fallback, and it says so
    assert by_of["scope"].content == by_of["session"].content
    assert by_of["session"].metadata["mode"] == "llm" and by_of["scope"].metadata["mode"] == "extractive"
