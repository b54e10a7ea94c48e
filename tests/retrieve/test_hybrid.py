"""Each retrieval channel and the fusion, through a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engram import Memory
from engram.errors import ConfigError
from engram.model import Filters, Scope
from engram.retrieve.base import Query
from engram.retrieve.channels import CHANNELS, Context, report_lag
from engram.retrieve.hybrid import HybridRetriever, calibrated_fuse, make_retriever

U = Scope(user_id="u")
NOW = datetime(2024, 6, 30, 12, tzinfo=UTC)


def day(month: int, d: int) -> datetime:
    return datetime(2024, month, d, 10, tzinfo=UTC)


@pytest.fixture
def seeded(memory: Memory) -> dict[str, str]:
    texts = {
        "kayak": ("I bought a red kayak for the lake trips", day(5, 4)),
        "marta": ("Marta Silva recommended a pottery class in Lisbon", day(3, 10)),
        "pottery": ("The pottery class starts on Thursdays at the studio", day(3, 12)),
        "june": ("We hiked the ridge trail with my cousin", day(6, 22)),
        "tax": ("Filed my taxes with the new accountant", day(4, 2)),
    }
    return {key: memory.add(text, user_id="u", event_time=when)[0].id
            for key, (text, when) in texts.items()}


def run(memory: Memory, channel: str, text: str) -> list[str]:
    query = Query(text=text, scope=U, filters=Filters(), limit=10, now=NOW)
    return [i for i, _ in CHANNELS[channel](query, memory.store, Context(memory.embedder, depth=10, text=text))]


def test_lexical_channel(memory: Memory, seeded: dict[str, str]) -> None:
    assert run(memory, "lexical", "kayak lake")[0] == seeded["kayak"]


def test_dense_channel(memory: Memory, seeded: dict[str, str]) -> None:
    assert run(memory, "dense", "red kayak lake trips")[0] == seeded["kayak"]


def test_graph_channel_reaches_second_hop(memory: Memory, seeded: dict[str, str]) -> None:
    ranked = run(memory, "graph", "What did Marta Silva suggest?")
    assert ranked[0] == seeded["marta"]


def test_time_channel_only_fires_for_time_queries(memory: Memory, seeded: dict[str, str]) -> None:
    assert run(memory, "time", "what did I do with my cousin") == []
    ranked = run(memory, "time", "what did I do last week?")  # 2024-06-17 .. 06-24
    assert ranked == [seeded["june"]]


def test_time_channel_accepts_reports_said_shortly_after_the_period(memory: Memory) -> None:
    said_next_day = memory.add("Yesterday I went bowling and got two strikes", user_id="u",
                               event_time=day(3, 17))[0].id
    memory.add("I went bowling again, it was fun", user_id="u", event_time=day(4, 20))
    memory.add("Bowling night with the team", user_id="u", event_time=day(3, 15))
    assert run(memory, "time", "What did I do on March 16, 2024?") == [said_next_day]
    # a month's window stretches by half a month at most, never to the next month's end
    ranked = run(memory, "time", "Where did I go bowling in March 2024?")
    assert len(ranked) == 2 and said_next_day in ranked


@pytest.mark.parametrize(("span_days", "lag_days"), [(1, 3), (7, 3.5), (30, 15), (365, 15)])
def test_report_lag_is_half_the_period_within_bounds(span_days: int, lag_days: float) -> None:
    assert report_lag(timedelta(days=span_days)) == timedelta(days=lag_days)


def test_calibrated_fusion_is_a_weighted_mean_on_absolute_scales() -> None:
    fused = calibrated_fuse({"lexical": [("a", 12.0), ("b", 3.0)], "dense": [("b", 0.75), ("c", 0.10)]},
                            {"lexical": 1.0, "dense": 1.0})
    by_id = {r.id: r for r in fused}
    # lexical relative to the best hit (12 -> 1, 3 -> 0.25), dense calibrated (0.75 -> 1, 0.10 -> 0)
    assert by_id["a"].score == pytest.approx(0.5)
    assert by_id["b"].score == pytest.approx(0.5 * 0.25 + 0.5 * 1.0)
    assert by_id["c"].score == pytest.approx(0.0)
    assert [r.id for r in fused][:2] == ["b", "a"]


def test_a_lone_weak_candidate_is_not_inflated_to_one() -> None:
    """min-max turned the only candidate into 1.0 whatever its score; calibrated cosine does not."""
    fused = calibrated_fuse({"dense": [("only", 0.2)]}, {"dense": 1.0})
    assert fused[0].score < 0.2


def test_hybrid_and_baselines_through_the_facade(memory: Memory, seeded: dict[str, str]) -> None:
    for spec in ("hybrid", "hybrid-rrf", "hybrid-graph", "bm25", "dense", "lexical+time"):
        memory.retriever = make_retriever(spec)
        hits = memory.search("class starts on Thursdays at the studio", user_id="u", now=NOW).hits
        assert hits[0].item.id == seeded["pottery"], spec
    with pytest.raises(ConfigError):
        make_retriever("lexical+telepathy")
    with pytest.raises(ConfigError):
        HybridRetriever(fusion="magic")  # type: ignore[arg-type]


def test_mmr_option(memory: Memory, seeded: dict[str, str]) -> None:
    memory.retriever = HybridRetriever(mmr_lambda=0.5)
    hits = memory.search("class trail kayak taxes", user_id="u", now=NOW, limit=5).hits
    assert {h.item.id for h in hits} <= set(seeded.values()) and len(hits) >= 3


def test_the_lexical_channel_ranks_by_a_rounds_own_words_unless_asked_for_context(memory: Memory) -> None:
    chat = [{"role": "user", "content": "Where did you buy the snake?"},
            {"role": "assistant", "content": "A pet shop."},
            {"role": "user", "content": "Lovely weather in Paris today."},
            {"role": "assistant", "content": "Enjoy it."}]
    first, second = memory.add(chat, user_id="u", session_id="s1")
    query = Query(text="snake", scope=U, filters=Filters(), limit=10, now=NOW)
    plain = Context(memory.embedder, depth=10, text="snake")
    assert [i for i, _ in CHANNELS["lexical"](query, memory.store, plain)] == [first.id]
    with_context = Context(memory.embedder, depth=10, text="snake", lexical_context=True)
    assert [i for i, _ in CHANNELS["lexical"](query, memory.store, with_context)] == [first.id, second.id]
    assert HybridRetriever().lexical_context is False  # spread lifts neighbours instead
    assert make_retriever("bm25", lexical_context=True).lexical_context is True
