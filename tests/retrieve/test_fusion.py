from __future__ import annotations

import numpy as np
import pytest

from engram.retrieve.fusion import mmr, rrf


def test_rrf_combines_channels_and_reports_contributions() -> None:
    fused = rrf({"lexical": ["a", "b", "c"], "dense": ["b", "a", "d"]}, k=60)
    ids = [i for i, _, _ in fused]
    assert set(ids[:2]) == {"a", "b"} and ids[2:] == ["c", "d"]
    score, parts = fused[0][1], fused[0][2]
    assert parts.keys() == {"lexical", "dense"}
    assert score == pytest.approx(1 / 61 + 1 / 62)


def test_rrf_weights_and_disabled_channels() -> None:
    fused = rrf({"lexical": ["a", "b"], "time": ["b", "a"]}, weights={"time": 3.0})
    assert fused[0][0] == "b"
    assert rrf({"lexical": ["a"], "off": ["b"]}, weights={"off": 0.0}) == [
        ("a", pytest.approx(1 / 61), {"lexical": pytest.approx(1 / 61)})]


def test_rrf_duplicates_count_once_and_ties_are_deterministic() -> None:
    fused = rrf({"x": ["a", "a", "b"], "y": ["b", "a"]})
    assert fused[0][2]["x"] == pytest.approx(1 / 61)
    assert [i for i, *_ in rrf({"x": ["b"], "y": ["a"]})] == ["a", "b"]
    assert rrf({}) == []


def test_mmr_prefers_diverse_items() -> None:
    vecs = {"a": [1.0, 0.0], "a2": [0.99, 0.01], "b": [0.6, 0.8]}
    assert mmr(["a", "a2", "b"], vecs, [1.0, 0.0], lambda_=0.3, limit=2) == ["a", "b"]
    assert mmr(["a", "a2", "b"], vecs, [1.0, 0.0], lambda_=1.0, limit=2) == ["a", "a2"]


def test_mmr_edge_cases() -> None:
    vecs = {"a": np.array([1.0, 0.0]), "z": np.zeros(2)}
    assert mmr(["a", "missing", "z"], vecs, [1.0, 0.0]) == ["a", "z", "missing"]
    assert mmr([], {}, [1.0]) == []
    assert mmr(["a"], vecs, [1.0, 0.0], limit=0) == []
    with pytest.raises(ValueError):
        mmr(["a"], vecs, [1.0, 0.0], lambda_=2.0)
