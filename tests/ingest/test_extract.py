"""Heuristic fact extraction: first-person statements → slotted facts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from engram.errors import ConfigError
from engram.ingest.extract import (
    Fact,
    FactList,
    HeuristicExtractor,
    make_extractor,
    norm_value,
    speaker_lines,
)
from engram.model import MemoryItem, Scope

WHEN = datetime(2024, 5, 10, 12, tzinfo=UTC)


def round_(user: str, assistant: str = "Got it.") -> MemoryItem:
    return MemoryItem(scope=Scope(user_id="u"), role="user+assistant", event_time=WHEN,
                      content=f"user: {user}\nassistant: {assistant}")


def slots(text: str) -> dict[str, tuple[str, bool]]:
    return {f.slot: (f.value, f.negated) for f in HeuristicExtractor().extract(round_(text))}


@pytest.mark.parametrize("text, slot, value", [
    ("I live in Lisbon with my partner.", "user:location", "Lisbon"),
    ("Big news, I moved to Porto last month!", "user:location", "Porto"),
    ("I'm based in Berlin these days", "user:location", "Berlin"),
    ("I started a new job at Google as a data scientist.", "user:employer", "Google"),
    ("I work for Acme Corp.", "user:employer", "Acme Corp."),
    ("I got promoted to senior engineer!", "user:job_title", "senior engineer"),
    ("my favorite color is green now", "user:favorite_color", "green"),
    ("Actually, my sister's name is Anna, not Ana.", "user:sister", "Anna"),
    ("I'm vegetarian these days.", "user:diet", "vegetarian"),
    ("I went vegan in January", "user:diet", "vegan"),
    ("I'm dating Sam", "user:partner", "Sam"),
    ("I just turned 35", "user:age", "35"),
    ("I love hiking.", "user:likes", "hiking"),
    ("I'm planning to visit Japan next spring.", "user:plan", "visit Japan"),
    ("I adopted a dog named Max yesterday", "user:pet", "a dog named Max"),
])
def test_first_person_statements_fill_slots(text: str, slot: str, value: str) -> None:
    assert slots(text)[slot] == (value, False)


@pytest.mark.parametrize("text, slot, value", [
    ("I don't live in Lisbon anymore.", "user:location", "Lisbon"),
    ("I don't eat sushi anymore", "user:likes", "sushi"),
    ("I'm not vegan anymore", "user:diet", "vegan"),
])
def test_negations_are_marked_and_not_read_as_positives(text: str, slot: str, value: str) -> None:
    found = HeuristicExtractor().extract(round_(text))
    assert [(f.slot, f.value, f.negated) for f in found] == [(slot, value, True)]
    assert "no longer" in found[0].statement


def test_quitting_a_named_job_closes_the_employer_and_the_job_title() -> None:
    found = HeuristicExtractor().extract(round_("I quit my job at Acme."))
    assert [(f.slot, f.value, f.negated) for f in found] == [
        ("user:employer", "Acme", True), ("user:job_title", "", True)]
    assert {f.statement for f in found} == {"The user no longer works at Acme."}


def test_statements_are_third_person_and_cardinality_is_set() -> None:
    by_slot = {f.slot: f for f in HeuristicExtractor().extract(round_("I live in Lisbon. I love jazz."))}
    assert by_slot["user:location"].statement == "The user lives in Lisbon."
    assert by_slot["user:location"].cardinality == "one"
    assert by_slot["user:likes"].cardinality == "many"


def test_dated_events_are_facts_with_dates() -> None:
    [fact] = HeuristicExtractor().extract(round_("I ran a marathon on March 3, 2024!"))
    assert fact.attribute == "event" and fact.date == date(2024, 3, 3)
    assert fact.statement == "The user ran a marathon on March 3, 2024."
    [rel] = HeuristicExtractor().extract(round_("I graduated yesterday"))
    assert rel.date == date(2024, 5, 9)


def test_assistant_turns_and_questions_are_ignored() -> None:
    assert HeuristicExtractor().extract(round_("What's the weather?", "I live in the cloud.")) == []


def test_named_speakers_become_subjects() -> None:
    item = MemoryItem(scope=Scope(user_id="u"), role="Caroline+Melanie",
                      content="Caroline: I love painting.\nMelanie: I live in Boston.")
    found = {f.slot: f for f in HeuristicExtractor().extract(item)}
    assert found["caroline:likes"].statement == "Caroline likes painting."
    assert found["melanie:location"].statement == "Melanie lives in Boston."


def test_plain_text_is_a_user_statement() -> None:
    item = MemoryItem(scope=Scope(user_id="u"), content="I live in Rome")
    assert speaker_lines(item) == [("user", "I live in Rome")]
    assert [f.value for f in HeuristicExtractor().extract(item)] == ["Rome"]


def test_fact_validation_and_normalization() -> None:
    fact = Fact(subject="User", attribute="Favorite Food", value="  the  Pizza ", statement="x y z")
    assert fact.slot == "user:favorite_food" and fact.value == "the Pizza"
    assert norm_value("The  Pizza!") == "pizza"
    assert FactList.model_validate({"facts": [], "extra": 1}).facts == []


def test_extractor_registry() -> None:
    assert isinstance(make_extractor("auto", None), HeuristicExtractor)
    with pytest.raises(ConfigError, match="ENGRAM_LLM_BASE_URL"):
        make_extractor("llm", None)
