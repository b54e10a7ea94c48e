"""Each retrieval channel and the fusion, through a real SQLite store."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from engram import Memory
from engram.errors import ConfigError
from engram.model import Filters, Scope
from engram.retrieve.base import Query
from engram.retrieve.channels import CHANNELS, Context
from engram.retrieve.hybrid import HybridRetriever, make_retriever, minmax_fuse

U = Scope(user_id="u")
NOW = datetime(2024, 6, 30, 12, tzinfo=timezone.utc)


def day(month: int, d: int) -> datetime:
    return datetime(2024, month, d, 10, tzinfo=timezone.utc)


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


def test_minmax_fusion_weights_and_normalizes() -> None:
    fused = minmax_fuse({"lexical": [("a", 12.0), ("b", 2.0)], "dense": [("b", 0.9), ("c", 0.5)]},
                        {"lexical": 1.0, "dense": 0.5})
    assert [r.id for r in fused] == ["a", "b", "c"]
    assert fused[0].channels == {"lexical": 1.0} and fused[1].channels == {"lexical": 0.0, "dense": 0.5}


def test_hybrid_and_baselines_through_the_facade(memory: Memory, seeded: dict[str, str]) -> None:
    for spec in ("hybrid", "hybrid-rrf", "hybrid-graph", "bm25", "dense", "lexical+time"):
        memory.retriever = make_retriever(spec)
        hits = memory.search("class starts on Thursdays at the studio", user_id="u", now=NOW).hits
        assert hits[0].item.id == seeded["pottery"], spec
    with pytest.raises(ConfigError):
        make_retriever("lexical+telepathy")
    with pytest.raises(ConfigError):
        HybridRetriever(fusion="magic")  # type: ignore[arg-type]


def test_recency_and_mmr_options(memory: Memory, seeded: dict[str, str]) -> None:
    memory.retriever = HybridRetriever(recency_half_life_days=7, mmr_lambda=0.5, importance_weight=1.0)
    hits = memory.search("class trail kayak taxes", user_id="u", now=NOW, limit=5).hits
    assert {h.item.id for h in hits} <= set(seeded.values()) and len(hits) >= 3
