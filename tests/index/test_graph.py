from __future__ import annotations

import random

from engram.index.graph import EntityGraph

ITEMS = {
    "c1": ["caroline", "lgbtq support group"],
    "c2": ["caroline", "adoption agency"],
    "a1": ["adoption agency", "interview"],  # reachable only through c2's entity
    "m1": ["melanie", "pottery"],
    "lone": [],
}


def test_seeded_items_rank_first_and_multi_hop_gets_mass() -> None:
    graph = EntityGraph.build(ITEMS)
    scores = graph.personalized_pagerank(["Caroline"])
    ranked = sorted(scores, key=lambda i: -scores[i])
    assert set(ranked[:2]) == {"c1", "c2"}
    assert scores["a1"] > 0  # one hop further: shares "adoption agency" with c2
    assert "m1" not in scores and "lone" not in scores


def test_specific_seed_outweighs_common_one() -> None:
    graph = EntityGraph.build(ITEMS)
    weights = graph.match_seeds(["caroline", "interview"])
    assert weights["interview"] > weights["caroline"]  # 1/df, as HippoRAG's node specificity
    scores = graph.personalized_pagerank(["caroline", "interview"])
    assert max(scores, key=lambda i: scores[i]) == "a1"


def test_token_overlap_matching() -> None:
    graph = EntityGraph.build(ITEMS)
    assert "adoption agency" in graph.match_seeds(["the adoption agency"])
    assert "caroline" in graph.match_seeds(["Caroline Smith"])
    assert graph.personalized_pagerank(["melanie"]).keys() == {"m1"}


def test_empty_cases() -> None:
    graph = EntityGraph.build(ITEMS)
    assert graph.personalized_pagerank([]) == {}
    assert graph.personalized_pagerank(["nobody here"]) == {}
    assert EntityGraph.build({}).personalized_pagerank(["x"]) == {}
    assert EntityGraph.build({"a": []}).personalized_pagerank(["x"]) == {}
    assert graph.entities_of("c1") == ["caroline", "lgbtq support group"]
    assert graph.has_entity(" Caroline ") and len(graph) == 5


def test_scales_to_ten_thousand_items() -> None:
    rng = random.Random(0)
    vocab = [f"entity {i}" for i in range(3000)]
    items = {f"i{i}": rng.sample(vocab, 5) for i in range(10_000)}
    graph = EntityGraph.build(items)
    scores = graph.personalized_pagerank(["entity 7", "entity 11"])
    top = max(scores, key=lambda i: scores[i])
    assert {"entity 7", "entity 11"} & set(items[top])
