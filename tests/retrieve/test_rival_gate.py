"""The current-state stage's rival gate: its pair features, what it admits, its model file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from engram import Memory
from engram.config import Settings
from engram.errors import ConfigError
from engram.model import MemoryItem, Scope
from engram.retrieve import currency, rival_gate
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Ranked
from engram.retrieve.learned import RankerModel
from engram.retrieve.rival_gate import FEATURES, challengers, pair_features, without_refused

NOW = datetime(2024, 9, 1, tzinfo=UTC)
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def note(text: str, days: int, role: str = "user+assistant") -> MemoryItem:
    """A conversation round (two speakers), what the gate was fitted on."""
    return MemoryItem(scope=Scope(user_id="u"), content=text, role=role, event_time=T0 + timedelta(days=days))


def constant(bias: float, threshold: float = 0.5) -> RankerModel:
    """A gate that reads nothing: admits every challenger (bias > 0) or none."""
    n = len(FEATURES)
    return RankerModel(mean=np.zeros(n), scale=np.ones(n), coef=np.zeros(n), bias=bias, features=FEATURES,
                       provenance={"threshold": threshold, "retriever": "hybrid"})


# "where do I work these days?": the nurse round leads, the teaching update is newer,
# and an older round about the sister's bakery job is a rival of the other person's
NURSE = note("I work as a nurse at St. Mary's hospital.", 0)
TEACH = note("I quit last month, now I teach biology at Lincoln High.", 150)
OLDER = note("My first job was at a bakery, 3 shifts a week.", -300)
ITEMS = {i.id: i for i in (NURSE, TEACH, OLDER)}
QUESTION = QueryAnalysis.of("where do I work these days?", NOW)


def head() -> list[Ranked]:
    return [Ranked(NURSE.id, 0.8, {"lexical": 0.6, "dense": 0.7}), Ranked(OLDER.id, 0.5, {"dense": 0.5}),
            Ranked(TEACH.id, 0.45, {"lexical": 0.1, "dense": 0.6})]


def test_pair_features_read_both_hits_and_the_question() -> None:
    ranked = head()
    row = dict(zip(FEATURES, pair_features(ranked[2], 2, ranked[0], 0, ITEMS, QUESTION, "newest", 3), strict=True))
    assert len(row) == len(FEATURES)
    assert row["fused_ratio"] == pytest.approx(0.45 / 0.8)
    assert row["dense_ratio"] == pytest.approx(0.6 / 0.7)
    assert row["update_cue"] == 1.0  # "now I teach"
    assert row["now_cue"] == 1.0 and row["oldest"] == 0.0
    assert row["top_leads"] == 1.0 and row["position"] == pytest.approx(1 / 3)
    assert row["days_apart"] == pytest.approx(np.log1p(150) / 5)
    # a channel part the top rival lacks is capped, not infinite
    capped = pair_features(ranked[1], 1, replace(ranked[0], channels={"dense": 0.0}), 0, ITEMS, QUESTION, "newest", 3)
    assert capped[FEATURES.index("dense_ratio")] == 3.0
    # a number the top rival does not state ("3 shifts"); a date is not one
    assert pair_features(ranked[1], 1, ranked[0], 0, ITEMS, QUESTION, "newest", 3)[FEATURES.index("new_number")] == 1.0
    dated = note("I started there on March 3, 2024.", 10)
    items = {**ITEMS, dated.id: dated}
    row = pair_features(Ranked(dated.id, 0.5, {}), 1, ranked[0], 0, items, QUESTION, "newest", 2)
    assert row[FEATURES.index("new_number")] == 0.0


def test_value_sentence_gain_reads_where_a_long_round_states_the_value() -> None:
    question = QueryAnalysis.of("how many books have I read this year?", NOW)
    top = note("We talked about books for a while. I love reading on trains.", 0)
    lead = note("Lots going on at work. So far I have read 12 books this year, a record!", 40)
    aside = note("I read about books a lot. My train leaves at 9, platform 4.", 50)
    items = {i.id: i for i in (top, lead, aside)}
    col = FEATURES.index("value_sentence_gain")
    leader = Ranked(top.id, 0.8, {})
    gain = pair_features(Ranked(lead.id, 0.6, {}), 1, leader, 0, items, question, "newest", 3)[col]
    other = pair_features(Ranked(aside.id, 0.6, {}), 2, leader, 0, items, question, "newest", 3)[col]
    # of "many", "books", "read", "year", three sit with the number 12; the aside's numbers
    # share no query word, and the top rival states no number at all
    assert gain == pytest.approx(0.75) and other == pytest.approx(0.0)


def test_challengers_are_the_rivals_the_time_order_would_lift() -> None:
    ranked = head()
    assert challengers(ranked, [0, 1, 2], ITEMS, "newest") == [2]
    assert challengers(ranked, [0, 1, 2], ITEMS, "oldest") == [1]
    assert challengers(ranked, [0], ITEMS, "newest") == []
    # a single-voice statement (a note, a fact) is outside what the gate was fitted on
    note_items = {i.id: i.model_copy(update={"role": "user"}) for i in ITEMS.values()}
    assert challengers(ranked, [0, 1, 2], note_items, "newest") == []
    assert currency.current_state(head(), note_items, QUESTION, rival_gate.gated(constant(-5.0)))[0].id == TEACH.id


def test_a_gate_that_refuses_keeps_the_leader_and_one_that_admits_changes_nothing() -> None:
    ranked = currency.rival_positions(head(), ITEMS, QUESTION)
    assert ranked[:1] == [0] and 2 in ranked  # the nurse and the teaching rounds are rivals
    shipped = [r.id for r in currency.current_state(head(), ITEMS, QUESTION)]
    assert shipped[0] == TEACH.id  # every rival moves: the newest leads
    admitting = [r.id for r in currency.current_state(head(), ITEMS, QUESTION, rival_gate.gated(constant(5.0)))]
    assert admitting == shipped
    refusing = currency.current_state(head(), ITEMS, QUESTION, rival_gate.gated(constant(-5.0)))
    assert [r.id for r in refusing] == [r.id for r in head()]
    assert without_refused([0, 1, 2], [2], np.zeros((1, len(FEATURES))), constant(-5.0)) == [0, 1]
    assert without_refused([0, 1], [], np.zeros((0, len(FEATURES))), constant(-5.0)) == [0, 1]
    # the threshold is the model's own
    assert without_refused([0, 2], [2], np.zeros((1, len(FEATURES))), constant(0.0, threshold=0.6)) == [0]
    assert without_refused([0, 2], [2], np.zeros((1, len(FEATURES))), constant(0.0, threshold=0.4)) == [0, 2]


def test_the_gate_file_round_trips_and_refuses_other_features(tmp_path: Path) -> None:
    path = tmp_path / "gate.json"
    constant(1.0).save(path)
    back = RankerModel.load(path, FEATURES)
    assert back.features == FEATURES and back.provenance["threshold"] == 0.5
    with pytest.raises(ConfigError, match="refit it with benchmarks/train_ranker.py"):
        RankerModel.load(path)  # the ranking model's features differ
    path.write_text(path.read_text().replace('"days_apart"', '"days"'))
    with pytest.raises(ConfigError, match="ENGRAM_RIVAL_GATE=false"):
        RankerModel.load(path, FEATURES, "benchmarks/train_rival_gate.py", "ENGRAM_RIVAL_GATE=false")


def test_the_shipped_gate_says_where_it_came_from() -> None:
    gate = rival_gate.shipped()
    assert gate.features == FEATURES and len(gate.coef) == len(FEATURES)
    assert 0.0 < rival_gate.threshold_of(gate) < 1.0
    assert gate.provenance["retriever"] == "hybrid"
    assert "train_rival_gate.py" in gate.provenance["command"]
    results = Path(__file__).resolve().parents[2] / gate.provenance["results"]
    assert results.exists(), results


def test_the_pipeline_carries_the_gate_only_when_asked(tmp_path: Path) -> None:
    with Memory(tmp_path / "m.db", settings=Settings(data_dir=tmp_path, rival_gate=True)) as on:
        assert on.pipeline().rival_gate is rival_gate.shipped()
        assert on.pipeline("bm25").rival_gate is None  # fitted on the hybrid's scores
    with Memory(tmp_path / "n.db", settings=Settings(data_dir=tmp_path, rival_gate=False)) as off:
        assert off.pipeline().rival_gate is None


def test_the_gate_is_on_by_default_and_a_setting_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().rival_gate is True  # chosen on the dev objective (README, "The rival gate")
    monkeypatch.setenv("ENGRAM_RIVAL_GATE", "false")
    assert Settings().rival_gate is False
