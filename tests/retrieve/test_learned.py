"""The learned-relevance stage: its features, its re-scoring, its model file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from engram import Memory
from engram.config import Settings
from engram.errors import ConfigError
from engram.model import MemoryItem, Scope
from engram.retrieve import learned
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Ranked
from engram.retrieve.learned import FEATURES, RankerModel, features, rescore

U = Scope(user_id="u", session_id="s1")
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def item(text: str, session: str = "s1") -> MemoryItem:
    return MemoryItem(scope=Scope(user_id="u", session_id=session), content=text)


def only(name: str, weight: float = 1.0) -> RankerModel:
    """A model that reads one feature."""
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index(name)] = weight
    return RankerModel(mean=np.zeros(len(FEATURES)), scale=np.ones(len(FEATURES)), coef=coef, bias=0.0)


def test_features_read_coverage_where_it_sits_and_the_session() -> None:
    a = item("user: I adopted a beagle named Pixel\nassistant: Lovely name!")
    b = item("user: any tips for a trip?\nassistant: your dog Pixel would love the beach", "s2")
    c = item("user: hello\nassistant: hi", "s1")
    head = [Ranked(a.id, 0.6, {"lexical": 0.2, "dense": 0.4}), Ranked(b.id, 0.3, {"dense": 0.3}),
            Ranked(c.id, 0.1, {"dense": 0.1})]
    x = features(head, {i.id: i for i in (a, b, c)}, QueryAnalysis.of("what is my dog Pixel called?", NOW))
    col = {name: x[:, n] for n, name in enumerate(FEATURES)}
    assert x.shape == (3, len(FEATURES))
    assert col["fused_rel"].tolist() == [1.0, 0.5, pytest.approx(1 / 6)]
    assert col["lexical_rel"].tolist() == [1.0, 0.0, 0.0]
    # "dog", "pixel", "called": the first round holds "pixel" in its opening, the second
    # "dog" and "pixel" in the reply; the third nothing
    assert col["coverage_opening"].tolist() == [pytest.approx(1 / 3), 0.0, 0.0]
    assert col["coverage_rest"].tolist() == [0.0, pytest.approx(2 / 3), 0.0]
    assert col["you_rest"].tolist() == [0.0, 0.0, 0.0]  # the question does not ask about "you"
    assert col["session_hits"].tolist() == [pytest.approx(2 / 3), pytest.approx(1 / 3), pytest.approx(2 / 3)]
    assert col["session_best"].tolist() == [1.0, 1.0, 0.0]
    assert features([], {}, QueryAnalysis.of("x", NOW)).shape == (0, len(FEATURES))


def test_rescore_orders_by_the_model_and_keeps_the_fused_score() -> None:
    a, b = item("user: I moved to Lisbon in May"), item("user: hiking in the alps was great")
    head = [Ranked(b.id, 0.9, {"dense": 0.9}), Ranked(a.id, 0.5, {"lexical": 0.5})]
    out = rescore(head, {a.id: a, b.id: b}, QueryAnalysis.of("where did I move in May?", NOW),
                  only("coverage", 5.0))
    assert [r.id for r in out] == [a.id, b.id]
    assert out[0].channels["fused"] == 0.5 and 0 < out[1].score < out[0].score < 1
    assert out[0].score == out[0].channels["learned"]


def test_model_file_round_trips_and_refuses_other_features(tmp_path: Path) -> None:
    model = replace(only("rank"), provenance={"retriever": "hybrid", "command": "x"})
    path = tmp_path / "ranker.json"
    model.save(path)
    back = RankerModel.load(path)
    assert back.coef.tolist() == model.coef.tolist() and back.provenance == model.provenance
    raw = path.read_text().replace('"rank"', '"ranky"')
    path.write_text(raw)
    with pytest.raises(ConfigError, match="refit it"):
        RankerModel.load(path)
    with pytest.raises(ConfigError, match="cannot read"):
        RankerModel.load(tmp_path / "missing.json")


def test_shipped_model_is_fitted_for_the_hybrid_retriever_and_says_how() -> None:
    model = learned.shipped()
    assert model.provenance["retriever"] == "hybrid"
    assert "benchmarks/train_ranker.py" in model.provenance["command"]
    assert learned.model_for("hybrid") is model and learned.model_for("bm25") is None


def test_search_scores_are_probabilities_that_fall_along_the_order(tmp_path: Path) -> None:
    with Memory(tmp_path / "m.db", settings=Settings(data_dir=tmp_path, learned_ranking=True)) as memory:
        for text in ("I moved to Lisbon in May", "My favourite band is Radiohead",
                     "I adopted a beagle named Pixel", "We hiked in the Alps last summer"):
            memory.add(text, user_id="u")
        hits = memory.search("what is my dog called?", user_id="u").hits
        assert "Pixel" in hits[0].item.content
        scores = [h.score for h in hits]
        assert all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)
        assert "learned" in hits[0].channels
        assert memory.pipeline().head_size() == learned.shipped().depth
        memory.settings = memory.settings.model_copy(update={"learned_ranking": False})
        assert memory.pipeline().model is None
    assert Settings().learned_ranking is False  # opt-in: see the README's learned-relevance section


def test_current_state_rivals_are_judged_by_the_fused_score_beneath_the_probability(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.retrieve import currency

    leader = Ranked("a", 0.9, {"fused": 0.40, "dense": 0.2})
    rival = Ranked("b", 0.2, {"fused": 0.30, "dense": 0.05})  # unlikely by the model, close by fusion
    stale = Ranked("c", 0.2, {"fused": 0.30, "stale": 0.2})
    assert currency.rival_relevance(rival) == 0.30 and currency.rival_relevance(stale) == pytest.approx(0.06)
    assert currency.as_strong(rival, leader)
    monkeypatch.setattr(currency, "RIVALS_BY", "score")
    assert currency.rival_relevance(rival) == 0.2 and not currency.as_strong(rival, leader)
    assert currency.rival_relevance(Ranked("d", 0.5)) == 0.5  # no learned stage: the score is fused
