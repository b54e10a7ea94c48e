"""With an LLM configured the LLM decides: closings, supersessions and duplicates chosen by a
scripted model on a real loopback server (engram.testing.fake_openai), applied bi-temporally."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.testing.fake_openai import FakeOpenAI, Reply

JAN, JUN = datetime(2024, 1, 15, tzinfo=UTC), datetime(2024, 6, 15, tzinfo=UTC)
NURSE = "The user works as a nurse at St. Mary's hospital."
MARYS = "The user works at St. Mary's hospital."
QUIT = "The user quit their job as a nurse."
TEACHER = "The user teaches biology at Lincoln High."
LINCOLN = "The user works at Lincoln High."


def fact(attribute: str, value: str, statement: str, negated: bool = False) -> dict[str, Any]:
    return {"subject": "user", "attribute": attribute, "value": value, "statement": statement,
            "cardinality": "one", "negated": negated}


# what the scripted model extracts from each round, and decides for each new fact:
# (op, the statements of the stored facts it targets)
EXTRACTS = {
    "nurse at St. Mary": [fact("job_title", "nurse", NURSE), fact("employer", "St. Mary's hospital", MARYS)],
    "I quit last month": [fact("employer", "", QUIT, negated=True),
                          fact("job_title", "teacher of biology", TEACHER),
                          fact("employer", "Lincoln High", LINCOLN)],
}


def scripted_model(decisions: dict[str, tuple[str, list[str]]]) -> Callable[[dict[str, Any]], Reply]:
    def respond(body: dict[str, Any]) -> Reply:
        prompt = body["messages"][0]["content"]
        if "<round>" in prompt:
            said = prompt.split("<round>")[1]
            facts = next((f for key, f in EXTRACTS.items() if key in said), [])
            return 200, json.dumps({"facts": facts}), {}
        new = re.search(r"New fact: (.*)", prompt)
        listing = prompt.split("Stored facts")[1]
        stored = {s: i for i, s in re.findall(r"^(\S+): (.*)$", listing, re.MULTILINE)}
        op, targets = decisions[new.group(1).strip() if new else ""]
        return 200, json.dumps({"op": op, "targets": [stored[t] for t in targets if t in stored]}), {}
    return respond


@pytest.fixture
def llm_memory(tmp_path: Path, fake_llm: FakeOpenAI) -> Iterator[Memory]:
    settings = Settings(data_dir=tmp_path / "data", extraction=True, llm_base_url=fake_llm.url,
                        llm_model="fake")
    with Memory(tmp_path / "llm.db", settings=settings, embedder=HashingEmbedder()) as mem:
        yield mem


def profile(mem: Memory) -> dict[str, Any]:
    mem.consolidate(user_id="u")
    [item] = mem.list(user_id="u", filters={"kinds": ["profile"]}).items
    return {"content": item.content, "history": item.metadata["history"]}


def test_the_llm_closes_both_job_facts_and_the_profile_follows(llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    fake_llm.responder = scripted_model({
        MARYS: ("ADD", []),
        QUIT: ("DELETE", [NURSE, MARYS]),  # one decision retires two facts
        TEACHER: ("ADD", []), LINCOLN: ("UPDATE", [QUIT]),
    })
    llm_memory.add("I work as a nurse at St. Mary's hospital.", user_id="u", event_time=JAN)
    llm_memory.add("I quit last month, now I teach biology at Lincoln High.", user_id="u", event_time=JUN)
    june = next(i for i in llm_memory.list(user_id="u", filters={"kinds": ["episodic"]}).items
                if "Lincoln" in i.content)
    past = {f.content: f for f in llm_memory.list(
        user_id="u", filters={"kinds": ["fact"], "statuses": ["superseded"]}).items}
    assert set(past) == {NURSE, MARYS, QUIT}
    assert all(f.valid_to == JUN and f.metadata["closed_by"] == june.id for f in past.values())
    assert all(f.provenance.source == "extraction:llm" for f in past.values())
    current = {f.content for f in llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items}
    assert current == {TEACHER, LINCOLN}
    state = profile(llm_memory)
    assert state["content"] == "Profile:\n- employer: Lincoln High\n- job title: teacher of biology"
    assert [e["value"] for e in state["history"]["user:employer"]] == ["St. Mary's hospital"]


def test_the_llm_decision_wins_over_the_heuristic(llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    """The heuristic would supersede St. Mary's with Lincoln High (same single-valued slot);
    the scripted model says the user holds both jobs, and the model decides."""
    fake_llm.responder = scripted_model({
        MARYS: ("ADD", []), QUIT: ("NOOP", [NURSE]), TEACHER: ("ADD", []), LINCOLN: ("ADD", []),
    })
    llm_memory.add("I work as a nurse at St. Mary's hospital.", user_id="u", event_time=JAN)
    llm_memory.add("I quit last month, now I teach biology at Lincoln High.", user_id="u", event_time=JUN)
    current = {f.content for f in llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items}
    assert current == {NURSE, MARYS, TEACHER, LINCOLN}
    nurse = next(f for f in llm_memory.list(user_id="u", filters={"kinds": ["fact"]}).items
                 if f.content == NURSE)
    assert len(nurse.provenance.source_ids) == 2  # the NOOP reinforced it with the June round


def test_a_reply_naming_an_unknown_fact_falls_back_to_the_heuristic(
        llm_memory: Memory, fake_llm: FakeOpenAI) -> None:
    def respond(body: dict[str, Any]) -> Reply:
        prompt = body["messages"][0]["content"]
        if "<round>" in prompt:
            return scripted_model({})(body)
        return 200, json.dumps({"op": "DELETE", "targets": ["no-such-id"]}), {}

    fake_llm.responder = respond
    llm_memory.add("I work as a nurse at St. Mary's hospital.", user_id="u", event_time=JAN)
    llm_memory.add("I quit last month, now I teach biology at Lincoln High.", user_id="u", event_time=JUN)
    assert profile(llm_memory)["content"] == "Profile:\n- employer: Lincoln High\n- job title: teacher of biology"
