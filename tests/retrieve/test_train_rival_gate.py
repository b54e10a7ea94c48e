"""The script that fits the rival gate (``benchmarks/train_rival_gate.py``): what a question
wants first, the labelled pairs and their weights, the fit, and the replay of the stage
against the real one. The shipped gate's measured figures are in
``benchmarks/results/rival-gate-*.md``."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from engram.bench.datasets import BenchCase, BenchSession, BenchTurn
from engram.model import MemoryItem, Scope
from engram.retrieve import currency, rival_gate
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Ranked

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import train_rival_gate as trainer  # noqa: E402

T0 = datetime(2024, 1, 1, tzinfo=UTC)
NOW = datetime(2024, 9, 1, tzinfo=UTC)
QUESTION = "where do I work these days?"


def session(sid: str, days: int, turns: list[tuple[str, str]]) -> BenchSession:
    return BenchSession(session_id=sid, time=T0 + timedelta(days=days),
                        turns=[BenchTurn(turn_id=t, role="user", text=x) for t, x in turns])


def case(question: str, evidence: set[str], sessions: list[BenchSession], qtype: str = "single",
         extra: dict[str, object] | None = None) -> BenchCase:
    return BenchCase(case_id="c", question=question, answer="", question_type=qtype, question_time=NOW,
                     sessions=sessions, evidence_sessions={s.session_id for s in sessions
                                                           if any(t.turn_id in evidence for t in s.turns)},
                     evidence_turns=evidence, abstention=False, haystack_id="h", extra=extra or {})


def test_a_question_wants_its_evidence_or_the_state_it_asks_for() -> None:
    old, new = session("s1", 0, [("a", "I work as a nurse")]), session("s2", 150, [("b", "now I teach")])
    plain = case(QUESTION, {"a", "b"}, [old, new])
    assert trainer.wanted(plain, "newest") == {"a", "b"}
    update = case(QUESTION, {"a", "b"}, [old, new], qtype="knowledge-update")
    assert trainer.wanted(update, "newest") == {"b"}  # the newest evidence session
    earlier = case("where did I work before?", {"a", "b"}, [old, new], qtype="knowledge-update")
    assert trainer.wanted(earlier, "oldest") == {"a"}
    beam = case(QUESTION, {"a", "b"}, [old, new],
                extra={"evidence_parts": {"original_info": {"a"}, "updated_info": {"b"}}})
    assert trainer.wanted(beam, "newest") == {"b"} and trainer.wanted(beam, "oldest") == {"a"}


def _question(n: int, dataset: str, new_is_evidence: bool) -> trainer.Question:
    """A nurse round leading a newer teaching round: admitting the newer one is right when
    it is the evidence, wrong when the old one is."""
    nurse = MemoryItem(scope=Scope(user_id=f"u{n}", session_id="s1"), content="I work as a nurse.", role="user+assistant",
                       event_time=T0, provenance={"source_ids": [f"a{n}"]})
    teach = MemoryItem(scope=Scope(user_id=f"u{n}", session_id="s2"),
                       content="I quit, now I teach biology." if new_is_evidence else "I work on my garden now.",
                       role="user+assistant", event_time=T0 + timedelta(days=150), provenance={"source_ids": [f"b{n}"]})
    items = {nurse.id: nurse, teach.id: teach}
    head = [Ranked(nurse.id, 0.8, {"lexical": 0.5, "dense": 0.6}), Ranked(teach.id, 0.6, {"dense": 0.6})]
    analysis = QueryAnalysis.of(QUESTION, NOW)
    order = currency.wanted_order(analysis)
    positions = currency.rival_positions(head, items, analysis)
    moving, x = rival_gate.rows(head, positions, items, analysis, order or "newest")
    evidence = f"b{n}" if new_is_evidence else f"a{n}"
    bench = case(QUESTION, {evidence}, [session("s1", 0, [(f"a{n}", nurse.content)]),
                                       session("s2", 150, [(f"b{n}", teach.content)])])
    return trainer.Question(dataset, "dev", f"h{n}", bench, head, items, analysis, order, positions, moving, x,
                            [1.0 if new_is_evidence else 0.0] * len(moving))


def test_pairs_weigh_each_question_and_each_dataset_the_same() -> None:
    questions = [_question(n, "a", n % 2 == 0) for n in range(4)] + [_question(9, "b", True)]
    assert all(q.moving == [1] for q in questions)  # the teaching round challenges the nurse
    x, y, w = trainer.design(questions)
    assert x.shape == (5, len(rival_gate.FEATURES)) and y.tolist() == [1, 0, 1, 0, 1]
    assert np.isclose(w[:4].sum(), w[4:].sum()) and np.isclose(w.sum(), 1.0)


def test_the_fit_learns_the_update_word_and_the_replay_matches_the_stage() -> None:
    dev = [_question(n, "d", n % 2 == 0) for n in range(12)]
    gate = trainer.fit(dev, 1e-3, 0.5)
    for q in dev:
        admitted = gate.probabilities(q.x)[0] >= 0.5
        assert admitted == (q.labels[0] == 1.0)  # "now I teach" admitted, "my garden now" refused
        staged = currency.current_state([Ranked(r.id, r.score, dict(r.channels)) for r in q.head], q.items,
                                        q.analysis, rival_gate.gated(gate))
        replayed = trainer.replay(q, gate)
        first = q.items[staged[0].id].provenance.source_ids[0]
        assert replayed["turn_recall_any@1"] == float(first in q.case.evidence_turns) == 1.0
    shipped = trainer.figures(dev, None)["d"]  # every rival moves: right half the time
    gated = trainer.figures(dev, gate)["d"]
    assert shipped["turn_recall_any@1"] == 0.5 and gated["turn_recall_any@1"] == 1.0
    assert trainer.objective({"d": gated}) > trainer.objective({"d": shipped})
