from __future__ import annotations

import math

import pytest

from engram.bench.metrics import (
    aggregate,
    latency_summary,
    ndcg_at_k,
    p50,
    p95,
    recall_at_budget,
    recall_at_k,
)


def test_recall_modes() -> None:
    ranked = ["x", "a", "y", "b"]
    assert recall_at_k(ranked, {"a", "b"}, 2, "any") == 1.0
    assert recall_at_k(ranked, {"a", "b"}, 2, "all") == 0.0
    assert recall_at_k(ranked, {"a", "b"}, 4, "all") == 1.0
    assert recall_at_k(ranked, {"a", "b"}, 2, "fraction") == 0.5
    assert recall_at_k(ranked, set(), 2) is None
    assert recall_at_k([("x", "a"), "b"], {"a", "b"}, 1, "fraction") == 0.5  # an item covering turns
    with pytest.raises(ValueError):
        recall_at_k(ranked, {"a"}, 2, "most")  # type: ignore[arg-type]


def test_ndcg() -> None:
    assert ndcg_at_k(["a", "b"], {"a"}, 2) == 1.0
    assert ndcg_at_k(["x", "a"], {"a"}, 2) == pytest.approx(1 / math.log2(3))
    assert ndcg_at_k(["a", "a", "b"], {"a", "b"}, 3) < 1.0
    assert ndcg_at_k(["x"], {"a"}, 1) == 0.0 and ndcg_at_k(["x"], [], 1) is None


def test_recall_at_budget_skips_what_does_not_fit() -> None:
    assert recall_at_budget(["big", "a"], {"a"}, [500, 10], 100) == 1.0
    assert recall_at_budget(["big", "a"], {"a"}, [500, 10], 5) == 0.0
    with pytest.raises(ValueError):
        recall_at_budget(["a"], {"a"}, [], 5)


def test_aggregate_groups_and_skips_none() -> None:
    records = [
        {"question_type": "temporal", "r@5": 1.0, "ndcg": 0.5},
        {"question_type": "temporal", "r@5": 0.0, "ndcg": None},
        {"question_type": "single-hop", "r@5": 1.0, "ndcg": 1.0},
    ]
    out = aggregate(records)
    assert out["overall"] == {"n": 3, "r@5": pytest.approx(2 / 3), "n_r@5": 3,
                              "ndcg": 0.75, "n_ndcg": 2}
    assert list(out["by_type"]) == ["single-hop", "temporal"]
    assert out["by_type"]["temporal"]["ndcg"] == 0.5
    assert aggregate([]) == {"overall": {"n": 0}, "by_type": {}}


def test_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert p50(values) == pytest.approx(50.5) and p95(values) == pytest.approx(95.05)
    assert p50([]) is None
    summary = latency_summary([2.0, 4.0])
    assert summary["n"] == 2 and summary["mean"] == 3.0 and summary["max"] == 4.0
    assert latency_summary([])["p95"] is None
