from __future__ import annotations

import re
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


ASSISTANT = ("Puppies are a joy! Try crate training. Noted, I will remember that. Classic choice. "
             "Lovely names! Try Lisbon next time.")


def round_text(user: str) -> str:
    return f"user: {user}\nassistant: {ASSISTANT}"


def test_assistant_sentence_openers_and_role_labels_are_never_entities_or_keys() -> None:
    """Issue #13: "try", "noted", "puppies", "classic", "lovely" became entities and the role
    labels "user" and "assistant" keys."""
    for backend in ("fast", "yake"):
        keys = KeyExtractor(backend).extract(round_text("I adopted two puppies from the shelter in Leeds."))
        words = {w for k in [*keys.keyphrases, *keys.entities] for w in k.split()}
        assert not {"user", "assistant"} & words, backend
        assert not {"try", "noted", "puppies", "classic", "lovely"} & set(keys.entities), backend
        assert {"leeds", "lisbon"} <= set(keys.entities), backend
        assert not {"try", "noted", "classic", "lovely"} & words or backend == "yake"


def test_names_after_titles_and_abbreviations_stay_whole() -> None:
    keys = extract_keys(round_text("I work as a nurse at St. Mary's hospital. Dr. A. Gomez is my dentist."))
    assert "st mary" in keys.entities and "mary" not in keys.entities
    assert "user works as nurse at st. mary's hospital" in keys.facts


def test_no_entity_is_a_stop_word_a_role_label_or_a_sentence_initial_common_word() -> None:
    """Over every sentence of the extraction table, with an assistant reply after it."""
    from engram.ingest.keys import ROLE_LABELS, STOPWORDS

    from .test_extract_table import ROWS

    for sentence in sorted({row[0] for row in ROWS}):
        text = round_text(sentence)
        entities = set(extract_keys(text).entities)
        assert not entities & (STOPWORDS | ROLE_LABELS), sentence
        lowercase = {w.lower() for w in re.findall(r"[A-Za-z']+", text) if w.islower()}
        openers = {s.split()[0].lower().strip(",!.") for s in re.split(r"(?<=[.!?])\s+|\n\w+: ", text) if s}
        assert not entities & (openers & lowercase), sentence  # a common word capitalised only at a start
