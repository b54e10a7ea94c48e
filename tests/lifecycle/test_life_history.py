"""Issue #13's scripted life history: after every round the profile states exactly the
current values, and every value that was once true stays in its history."""

from __future__ import annotations

from datetime import UTC, datetime

from engram import Memory
from engram.model import MemoryItem

from .conftest import MakeMemory

# (month, what the user says, the profile's lines after it)
LIFE: list[tuple[int, str, dict[str, str]]] = [
    (1, "I work as a nurse at St. Mary's hospital.",
     {"employer": "St. Mary's hospital", "job title": "nurse"}),
    (2, "Oh, and I live in Leeds.", {"location": "Leeds"}),
    (3, "I adopted a dog named Max!", {"pet": "a dog named Max"}),
    (4, "I'm dating Sam.", {"partner": "Sam"}),
    (5, "I've run 2 marathons.", {"number of marathons": "2"}),
    (6, "I quit last month, now I teach biology at Lincoln High.",
     {"employer": "Lincoln High", "job title": "teacher of biology"}),
    (7, "I moved to Manchester.", {"location": "Manchester"}),
    (8, "I've now run 3 marathons!", {"number of marathons": "3"}),
    (9, "We broke up last week.", {"partner": None}),
    (10, "I adopted a cat named Luna.", {"pet": "a dog named Max, a cat named Luna"}),
    (11, "My dog Max died.", {"pet": "a cat named Luna"}),
    (12, "I'm dating Alex.", {"partner": "Alex"}),
    (13, "I'm vegan these days.", {"diet": "vegan"}),
    (14, "I moved out, staying with friends for now.", {"location": None}),
    (15, "I work as an engineer at Acme Corp.", {"employer": "Acme Corp.", "job title": "engineer"}),
    (16, "I'm not vegan anymore.", {"diet": None}),
    (17, "I've run 5 marathons.", {"number of marathons": "5"}),
    (18, "I work as an engineer at Acme Corp.", {}),  # a duplicate: nothing changes
]
PAST = {"user:employer": ["St. Mary's hospital", "Lincoln High"], "user:job_title": ["nurse", "teacher of biology"],
        "user:location": ["Leeds", "Manchester"], "user:partner": ["Sam"],
        "user:number_of_marathons": ["2", "3"], "user:pet": ["a dog named Max"], "user:diet": ["vegan"]}


def when(month: int) -> datetime:
    return datetime(2024 + (month - 1) // 12, (month - 1) % 12 + 1, 15, tzinfo=UTC)


def profile(mem: Memory) -> MemoryItem:
    mem.consolidate(user_id="u")
    [item] = mem.list(user_id="u", filters={"kinds": ["profile"]}).items
    return item


def lines(item: MemoryItem) -> dict[str, str]:
    out = {}
    for line in item.content.splitlines()[1:]:
        key, _, value = line.removeprefix("- ").partition(": ")
        out[key] = value
    return out


def test_the_profile_is_true_after_every_round_and_the_past_stays_in_history(
        make_memory: MakeMemory) -> None:
    mem = make_memory(extraction=True)
    expected: dict[str, str] = {}
    for month, text, changes in LIFE:
        mem.add([{"role": "user", "content": text},
                 {"role": "assistant", "content": "Noted! Lovely. Try to rest, puppies are classic."}],
                user_id="u", session_id=f"s{month}", event_time=when(month))
        for key, value in changes.items():
            if value is None:
                expected.pop(key, None)
            else:
                expected[key] = value
        assert lines(profile(mem)) == expected, f"after month {month}: {text}"
    history = profile(mem).metadata["history"]
    assert {slot: [e["value"] for e in entries] for slot, entries in history.items()} == PAST
    assert all(e["valid_to"] and e["closed_by"] for entries in history.values() for e in entries)
    assert len(LIFE) >= 12


def test_the_issue_example_closes_the_nurse_fact_with_the_june_round_as_provenance(
        make_memory: MakeMemory) -> None:
    mem = make_memory(extraction=True)
    mem.add("I work as a nurse at St. Mary's hospital.", user_id="u", event_time=when(1))
    mem.add("I quit last month, now I teach biology at Lincoln High.", user_id="u", event_time=when(6))
    june = next(i for i in mem.list(user_id="u", filters={"kinds": ["episodic"]}).items
                if "Lincoln" in i.content)
    facts = mem.list(user_id="u", filters={"kinds": ["fact"], "statuses": ["superseded"]}, limit=50).items
    nurse = next(f for f in facts if f.content == "The user works as a nurse at St. Mary's hospital.")
    assert nurse.valid_to == when(6) and nurse.metadata["closed_by"] == june.id
    assert lines(profile(mem)) == {"employer": "Lincoln High", "job title": "teacher of biology"}
    current = mem.list(user_id="u", filters={"kinds": ["fact"]}).items
    assert {f.content for f in current} == {"The user teaches biology at Lincoln High.",
                                            "The user works at Lincoln High."}
