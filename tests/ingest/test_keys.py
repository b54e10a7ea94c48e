from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engram.ingest.keys import (
    KeyExtractor,
    extract_keys,
    fast_keyphrases,
    key_text,
    normalize_entity,
    query_entities,
)

EVENT = datetime(2023, 5, 8, 13, 56, tzinfo=UTC)  # a Monday


def test_entities_skip_sentence_openers_but_keep_names() -> None:
    keys = extract_keys("Hey Caroline! I went to the LGBTQ support group with Jon Smith. "
                        "Thanks, Melanie. Great to see you.", event_time=EVENT)
    assert {"caroline", "lgbtq", "jon smith", "melanie"} <= set(keys.entities)
    assert not {"hey", "thanks", "great", "i"} & set(keys.entities)


def test_dates_resolve_against_event_time() -> None:
    keys = extract_keys("I went there yesterday, and on May 2, 2023 too. Last Saturday was fun.",
                        event_time=EVENT)
    assert keys.dates == ["2023-05-07", "2023-05-02", "2023-05-06"]
    assert extract_keys("It was yesterday, or 2022-01-03.").dates == ["2022-01-03"]


@pytest.mark.parametrize(("text", "fact"), [
    ("I'm a software engineer at Google.", "user is a software engineer at google"),
    ("My dog is called Max.", "user's dog is max"),
    ("I really like hiking in the Alps!", "user likes hiking in the alps"),
    ("I hate cilantro, honestly", "user hates cilantro"),
    ("I love to paint sunsets.", "user loves to paint sunsets"),
    ("I live in San Francisco now.", "user lives in san francisco"),
    ("Last year I moved to Berlin.", "user moved to berlin"),
    ("I work as a nurse.", "user works as nurse"),
    ("I just adopted two cats!", "user adopted two cats"),
    ("I bought a new Subaru Outback", "user bought a new subaru outback"),
    ("I'm from Sweden.", "user is from sweden"),
])
def test_first_person_facts(text: str, fact: str) -> None:
    assert fact in extract_keys(text).facts


def test_no_facts_from_auxiliaries() -> None:
    assert extract_keys("I have to go. I have been busy. I have no idea.").facts == []


def test_keyphrases_and_key_text() -> None:
    keys = extract_keys("We hiked the Rocky Mountains and camped near Lake Louise for a week.")
    assert 0 < len(keys.keyphrases) <= 8
    assert any("rocky mountains" in k for k in keys.keyphrases)
    text = key_text(keys)
    assert "rocky mountains" in text and text.count("; ") >= 1
    assert key_text(extract_keys("")) == ""


def test_fast_backend() -> None:
    keys = KeyExtractor("fast").extract("Caroline researched adoption agencies in Portland.")
    assert "adoption agencies" in keys.keyphrases and "portland" in keys.keyphrases
    assert fast_keyphrases("", 8) == []


def test_normalizer_is_shared_with_queries() -> None:
    assert normalize_entity("Dr. Caroline's") == "caroline"
    assert normalize_entity("The Grand Canyon") == "grand canyon"
    assert query_entities("When did Caroline visit the Grand Canyon with Mel?") == [
        "caroline", "grand canyon", "mel"]
    assert query_entities("what did melanie paint") == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    keys = extract_keys(text, event_time=EVENT)
    key_text(keys)
    query_entities(text)
