"""Facets: the events of an interval question and the options of a comparison are
each ranked, so a memory of every one of them reaches the top (real SQLite file, real
bundled MiniLM)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from engram import Memory
from engram.config import Settings
from engram.model import Filters, Scope
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Query, Ranked
from engram.retrieve.facets import facets
from engram.retrieve.pipeline import best_of

NOW = datetime(2024, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize("question, expected", [
    ("How many days passed between the day I adopted the kitten and the day I repainted "
     "the fence?", ["the day I adopted the kitten", "the day I repainted the fence"]),
    ("How many weeks passed between the friends and family sale and the day I sold my bike?",
     ["the friends and family sale", "the day I sold my bike"]),  # the split opens a phrase
    ("Which did I buy first, the necklace for my sister or the photo album for my mom?",
     ["the necklace for my sister", "the photo album for my mom"]),
    ("Which show did I start first, 'The Crown' or 'Game of Thrones'?",
     ["The Crown", "Game of Thrones"]),
    ("Did I finish 'Dune', 'Emma' and \u2018Beloved\u2019?", ["Dune", "Emma", "Beloved"]),
    ("Between my fetch latency and my API response time, which one is faster now?",
     ["my fetch latency", "my API response time"]),  # the clause ends at the comma
    ("How many days passed between the day I met Mrs. Smith and the day I moved?",
     ["the day I met Mrs. Smith", "the day I moved"]),
])
def test_facets_of_comparisons_and_intervals(question: str, expected: list[str]) -> None:
    assert facets(question) == expected


@pytest.mark.parametrize("question", [
    "What is my dog called?",
    "Where did I go with my sister and my mom?",  # "and" alone is one thing
    "I'm at the farmer's market, what's the jam lady's name?",  # apostrophes, not quotes
    "Tea or coffee?",  # no comma before the alternative: one question, nothing to split
    "What did we discuss between John and Tim on Monday?",  # one-word sides: people
    "I'm adding login, tracking, and analytics to my app. What libraries or tools fit?",
])
def test_one_thing_has_no_facets(question: str) -> None:
    assert facets(question) == []


def test_a_facet_that_names_no_thing_cancels_the_split() -> None:
    assert facets("I visited a museum, with a friend or not?") == []  # "not": one word
    assert facets("Where was John between August 11 and August 15?") == ["August 11", "August 15"]
    assert QueryAnalysis.of("Where was John between August 11 and August 15?", NOW).facets == []
    assert QueryAnalysis.of("Which came first, the kitten or the fence?", NOW).facets == [
        "the kitten", "the fence"]


def test_best_of_keeps_each_memorys_best_score() -> None:
    merged = best_of([[Ranked("a", 0.6), Ranked("b", 0.5)], [Ranked("c", 0.9), Ranked("a", 0.2)]])
    assert [(r.id, r.score) for r in merged] == [("c", 0.9), ("a", 0.6), ("b", 0.5)]


KITTEN = [
    "We adopted a kitten from the shelter today, a tabby we named Miso.",
    "The kitten knocked my coffee off the table again, that kitten is a menace.",
    "Kitten food is pricier than I thought; the kitten eats twice a day.",
    "I took the kitten to the vet for her first shots.",
    "The kitten finally sleeps through the night.",
    "Spent the whole Saturday repainting the garden fence dark green.",
]


@pytest.fixture
def memory(tmp_path: Path, real_embedder) -> Iterator[Memory]:  # type: ignore[no-untyped-def]
    with Memory(tmp_path / "f.db", settings=Settings(data_dir=tmp_path / "data"),
                embedder=real_embedder) as mem:
        for n, text in enumerate(KITTEN):
            mem.add(text, user_id="u", event_time=NOW - timedelta(days=60 - 7 * n))
        yield mem


QUESTION = ("How many days passed between the day we adopted the kitten and the day I painted "
            "the garden fence?")


def test_each_event_of_an_interval_question_reaches_the_top_two(memory: Memory) -> None:
    top = [h.item.content for h in memory.search(QUESTION, user_id="u", limit=2, now=NOW).hits]
    assert set(top) == {KITTEN[0], KITTEN[5]}, top


def test_without_facets_the_wordier_event_crowds_the_other_out(memory: Memory) -> None:
    """The check above fails without the stage: this is what it fixes."""
    plain = replace(memory.pipeline(), facets=False)
    query = Query(text=QUESTION, scope=Scope(user_id="u"), filters=Filters(), limit=10, now=NOW)
    ranked, items = plain.rank(query, memory.store, memory.embedder)
    top = [items[r.id].content for r in ranked[:2]]
    assert KITTEN[0] not in top, top  # "Kitten food ... the kitten" says "kitten" twice
