"""Query focus and neighbour spread (engram.retrieve.context), on a real SQLite
store and, for the end-to-end case, the real bundled embedding model."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engram import Memory
from engram.model import Filters, Scope
from engram.retrieve.base import Query
from engram.retrieve.context import FOCUS_MIN_ITEMS, focus_text, spread
from engram.retrieve.hybrid import HybridRetriever, make_retriever
from engram.store.base import Neighbors

U = Scope(user_id="u")
T0 = datetime(2024, 3, 1, 9, tzinfo=UTC)
TOPICS = ["pottery class", "marathon training", "new puppy", "guitar lessons", "job interview",
          "camping trip", "book club", "garden tomatoes", "piano recital", "bike repair",
          "yoga retreat", "museum visit", "cooking pasta", "chess match", "beach sunset",
          "volunteer shift", "movie night", "road trip", "bakery opening", "art fair",
          "science fair", "kayak rental", "birthday party", "snow storm"]


def chat(memory: Memory, turns: list[tuple[str, str]], session: str = "s1") -> list[str]:
    messages = [{"role": "user" if n % 2 == 0 else "assistant", "name": who, "content": text,
                 "timestamp": T0 + timedelta(minutes=n)} for n, (who, text) in enumerate(turns)]
    return [i.id for i in memory.add(messages, user_id="u", session_id=session)]


def two_speaker_chat(memory: Memory) -> list[str]:
    turns = []
    for topic in TOPICS:
        turns += [("Caroline", f"I went to a {topic} today."), ("Melanie", f"How was the {topic}?")]
    return chat(memory, turns)


def test_focus_drops_names_that_are_everywhere(memory: Memory) -> None:
    two_speaker_chat(memory)
    assert memory.store.count(U, Filters()) >= FOCUS_MIN_ITEMS
    text = "What did Caroline say about the Pottery class on Friday?"
    # "Caroline" is in every round; "Pottery" and "Friday" are rare or absent
    assert focus_text(text, U, Filters(), memory.store) == "What did say about the Pottery class on Friday?"
    assert focus_text("Caroline's pottery?", U, Filters(), memory.store) == "pottery?"
    assert focus_text("Caroline Melanie", U, Filters(), memory.store) == "Caroline Melanie"  # nothing left
    other = Scope(user_id="someone-else")
    assert focus_text(text, other, Filters(), memory.store) == text  # empty scope: unchanged


def test_focus_leaves_small_scopes_alone(memory: Memory) -> None:
    chat(memory, [("Caroline", "hi"), ("Melanie", "hello")])
    assert focus_text("What did Caroline say?", U, Filters(), memory.store) == "What did Caroline say?"


@pytest.mark.parametrize(("scores", "expected"), [
    ({"b": 1.0}, {"a": 0.5, "b": 1.0, "c": 0.5}),
    ({"a": 0.2, "b": 1.0}, {"a": 0.5, "b": 1.0, "c": 0.5}),  # max, not sum
    ({"a": 0.9, "b": 0.1}, {"a": 0.9, "b": 0.45, "c": 0.05}),  # one step only, no chains
    ({"x": 0.7}, {"x": 0.7}),  # no neighbours known
])
def test_spread_takes_the_max_of_own_and_neighbour_scores(
        scores: dict[str, float], expected: dict[str, float]) -> None:
    neighbors = {"a": Neighbors(None, "b"), "b": Neighbors("a", "c"), "c": Neighbors("b", None)}
    assert spread(scores, neighbors, 0.5) == pytest.approx(expected)


def test_spread_brings_the_answer_next_to_the_question(real_memory: Memory) -> None:
    """The answer ("In Paris") shares no word with the question; its neighbour does."""
    turns = []
    for topic in TOPICS[:12]:
        turns += [("Jolene", f"I bought things for the {topic}."), ("Deborah", "Where did you buy them?")]
    turns += [("Jolene", "Look at my snake Seraphim!"), ("Deborah", "Wow, where did you buy the snake?"),
              ("Jolene", "In Paris, a year ago."), ("Deborah", "Lovely city.")]
    ids = chat(real_memory, turns)
    answer = ids[-1]  # the round "Jolene: In Paris... / Deborah: Lovely city."
    query = "Where did Jolene buy her snake Seraphim?"

    def rank(retriever: HybridRetriever) -> int:
        real_memory.retriever = retriever
        found = [h.item.id for h in real_memory.search(query, user_id="u", limit=len(ids)).hits]
        return found.index(answer)

    assert rank(make_retriever("hybrid")) <= 2  # right behind the question round
    plain_dense = rank(make_retriever("dense"))
    assert rank(HybridRetriever(channels=("dense",))) < plain_dense  # focus + spread on


def test_spread_respects_filters(memory: Memory) -> None:
    ids = chat(memory, [("A", "the secret code is swordfish"), ("B", "noted"),
                        ("A", "unrelated chatter"), ("B", "sure")])
    retriever = HybridRetriever(channels=("lexical",))
    everything = retriever.retrieve(Query(text="swordfish", scope=U, filters=Filters(), limit=10,
                                          now=T0), memory.store, memory.embedder)
    assert [r.id for r in everything] == ids  # the hit, then its neighbour by spread
    early = Filters(until=T0 + timedelta(minutes=1))
    narrowed = retriever.retrieve(Query(text="swordfish", scope=U, filters=early, limit=10,
                                        now=T0), memory.store, memory.embedder)
    assert [r.id for r in narrowed] == ids[:1]
