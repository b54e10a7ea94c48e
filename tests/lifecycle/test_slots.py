"""slot_of: the (subject, attribute) a memory states a value for, without a model."""

from __future__ import annotations

from datetime import timedelta

from engram import Memory
from engram.lifecycle.slots import parse_slot, query_slots, slot_of, slots_of
from engram.model import MemoryItem, Scope

from .conftest import T0, say


def round_(user: str) -> MemoryItem:
    return MemoryItem(scope=Scope(user_id="u"), role="user+assistant",
                      content=f"user: {user}\nassistant: Lovely! Noted.")


def test_rounds_map_to_the_slots_their_first_person_statements_fill() -> None:
    assert slot_of(round_("I live in Lisbon.")) == ("user", "location")
    assert ("user", "employer") in slots_of(round_("I work for Acme Corp."))
    assert slot_of(round_("What a lovely day.")) is None
    assert slot_of(round_("I love hiking.")) is None  # multi-valued: never stale


def test_facts_answer_with_their_stored_slot_and_others_with_none() -> None:
    fact = MemoryItem(scope=Scope(user_id="u"), kind="fact", content="The user lives in Porto.",
                      metadata={"slot": "user:location", "cardinality": "one"})
    many = fact.model_copy(update={"metadata": {"slot": "user:likes", "cardinality": "many"}})
    summary = MemoryItem(scope=Scope(user_id="u"), kind="summary", content="I live in Lisbon.")
    assert slot_of(fact) == ("user", "location")
    assert slot_of(many) is None and slot_of(summary) is None
    assert parse_slot("user:") is None and parse_slot(3) is None


def test_extracted_facts_carry_the_slot_slot_of_reads(lc: Memory) -> None:
    say(lc, "I live in Lisbon.", T0)
    say(lc, "I moved to Porto.", T0 + timedelta(days=3))
    items = lc.list(user_id="u", filters={"statuses": ["active", "superseded"]}, limit=50).items
    assert {slot_of(i) for i in items} == {("user", "location")}


def test_questions_map_to_the_slots_they_ask_about() -> None:
    assert query_slots("where do I work these days?") == [("user", "employer"), ("user", "job_title")]
    assert query_slots("Where does the user live now?") == [("user", "location")]
    assert query_slots("what did we talk about?") == []
