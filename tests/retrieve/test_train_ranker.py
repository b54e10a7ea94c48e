"""The script that fits the learned-relevance stage (``benchmarks/train_ranker.py``): the
weighting of its training rows, the fit itself, the head metrics and the grouped CV folds.
The shipped model's measured figures are in ``benchmarks/results/ranker-*.md``."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from engram.model import Filters, MemoryItem, Scope
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Query, Ranked
from engram.retrieve.learned import FEATURES
from engram.retrieve.pipeline import Candidates

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import train_ranker  # noqa: E402

NOW = datetime(2024, 6, 1, tzinfo=UTC)
QUESTION = "what is my dog called?"


def question(n: int, dataset: str = "d", split: str = "dev", answer_at: int = 1) -> train_ranker.Question:
    """A head of three rounds where the answer (a round naming the dog) sits at ``answer_at``:
    fusion put a round about something else first."""
    texts = ["user: my favourite band is Radiohead", "user: my dog is called Pixel",
             "user: we hiked in the Alps"]
    order = [texts[0], texts[2]]
    order.insert(answer_at, texts[1])
    items = [MemoryItem(scope=Scope(user_id=f"u{n}", session_id=f"s{k}"), content=t,
                        provenance={"source_ids": [f"t{n}-{k}"]}) for k, t in enumerate(order)]
    head = [Ranked(i.id, 0.9 - 0.1 * k, {"dense": 0.5 - 0.1 * k}) for k, i in enumerate(items)]
    query = Query(text=QUESTION, scope=Scope(user_id=f"u{n}"), filters=Filters(), limit=10, now=NOW)
    found = Candidates(query, QueryAnalysis.of(QUESTION, NOW), head, [], {i.id: i for i in items})
    covers = [{f"t{n}-{answer_at}"} if k == answer_at else set() for k in range(3)]
    return train_ranker.Question(dataset, split, f"h{n}", found, covers, {f"t{n}-{answer_at}"})


def test_rows_weigh_each_question_and_each_dataset_the_same() -> None:
    questions = [question(n, "a") for n in range(3)] + [question(9, "b")]
    x, y, w = train_ranker.design(questions, 30)
    assert x.shape == (12, len(FEATURES)) and y.sum() == 4
    assert np.isclose(w[:9].sum(), 1.0) and np.isclose(w[9:].sum(), 1.0)  # dataset a = dataset b
    assert np.isclose(w[:3].sum(), w[3:6].sum())  # question = question


def test_fit_learns_the_cue_fusion_missed_and_the_head_metrics_show_it() -> None:
    dev = [question(n, answer_at=1 + n % 2) for n in range(20)]
    model = train_ranker.fit(dev, 1e-3, 30)
    assert model.depth == 30
    fused = train_ranker.head_metrics(dev, None)["d"]
    fitted = train_ranker.head_metrics(dev, model)["d"]
    assert fused["r@1"] == 0.0 and fitted["r@1"] == 1.0  # "dog" and "called" are in the answer only
    assert fused["r@10"] == fitted["r@10"] == 1.0
    assert train_ranker.objective({"d": fitted}) == 3.0


def test_folds_keep_a_haystack_together() -> None:
    a, b = question(1), question(1)
    assert train_ranker.fold_of(a) == train_ranker.fold_of(b)
    assert len({train_ranker.fold_of(question(n)) for n in range(40)}) == train_ranker.FOLDS


def test_specs_parse_and_refuse_unknown_datasets() -> None:
    assert train_ranker.parse_spec("locomo=/x@50") == ("locomo", Path("/x"), {"dev": 50, "test": 50})
    assert train_ranker.parse_spec("longmemeval=/x.json@100/40") == (
        "longmemeval", Path("/x.json"), {"dev": 100, "test": 40})
    assert train_ranker.parse_spec("beam=/y") == ("beam", Path("/y"), {"dev": None, "test": None})
    with pytest.raises(SystemExit, match="NAME=PATH"):
        train_ranker.parse_spec("nope=/x")
