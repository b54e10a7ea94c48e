"""Rival gate: which rival value may take the lead in the current-state stage.

The current-state stage (:mod:`engram.retrieve.currency`) puts the newest of the head's rival
values first for a question about the present. Measured on the dev splits, that is what lifts
the knowledge-update checks, and also what costs hybrid its R@1: in a long chat about one
subject most of the head are "rivals", and a newer round that does not state the asked value
displaces the best hit. Every hand-written rule tried (rivals that restate one subject,
closeness to the leader, update words, query coverage; benchmarks/results/currency-ablation-*)
traded the one for the other along the same line.

This gate is a logistic model over one *pair*: the top rival (the best-ranked hit that states
a value) and a rival the ordering would move above it. It reads how the two compare (fused,
lexical and dense parts, the share of the question's words each holds, length, time apart,
where the challenger sits) and what each says (an update word, a new number, the same slot),
with what the question asks (a "now" cue,
a value, a slot, an earlier state). The challenger is admitted when

    p = σ(w · standardised features + b) >= threshold,

and only admitted rivals are put in time order. Only pairs of conversation rounds are gated,
since those are what it was fitted on (:func:`challengers`); a note or a fact keeps the rule. The weights and the threshold are fitted by
``benchmarks/train_rival_gate.py`` on the declared dev splits of LoCoMo, BEAM and
LongMemEval (:mod:`engram.bench.splits`); :data:`GATE_PATH` records the data, the command and
the figures. The gate never adds a rival: it only keeps some from moving.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from engram.lifecycle.slots import query_slots, slots_of
from engram.model import MemoryItem
from engram.retrieve import currency
from engram.retrieve.analysis import QueryAnalysis, shared_words
from engram.retrieve.base import Ranked
from engram.retrieve.learned import RankerModel

GATE_PATH = Path(__file__).resolve().parent.parent / "data" / "rival_gate.json"
FEATURES = ("fused_ratio", "lexical_ratio", "dense_ratio", "coverage_gain", "value_sentence_gain", "length_ratio",
            "position", "top_leads", "days_apart", "rivals", "update_cue", "new_number", "same_slot", "now_cue",
            "valued", "slot_question", "attribute_question", "oldest")
# Words that announce a changed value ("I moved", "now I teach", "it went up to 12").
UPDATE_CUE = re.compile(
    r"\b(?:now|currently|recently|just|updated?|updating|changed?|new|newly|moved|switched|instead|"
    r"no longer|any ?more|increased|decreased|improved|dropped|raised|grew|revised|extended|"
    r"postponed|pushed back|rescheduled|latest|since then|up to|down to)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CAP = 3.0  # ratios are capped: one near-zero channel part must not dominate the row


def user_part(text: str) -> str:
    """A round's opening (the user's) turn: where a user states their own change."""
    return text.split("\nassistant:", 1)[0]


def is_statement(item: MemoryItem) -> bool:
    """One voice (a note, a fact, a single message), not a conversation round of several
    speakers (whose ``role`` joins theirs with "+", :class:`engram.ingest.rounds.Round`)."""
    return "+" not in (item.role or "")


def _ratio(a: float, b: float) -> float:
    if b <= 1e-9:
        return _CAP if a > 1e-9 else 1.0
    return min(a / b, _CAP)


def _days(a: MemoryItem, b: MemoryItem) -> float:
    (ta, _), (tb, _) = currency.stated_at(a), currency.stated_at(b)
    return abs((ta - tb).total_seconds()) / 86400.0


@functools.lru_cache(maxsize=4096)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(_NUMBER.findall(currency.DATE_OR_TIME.sub(" ", text)))


@functools.lru_cache(maxsize=4096)
def _value_sentence(words: tuple[str, ...], text: str, question: str) -> float:
    """The largest share of the question's words in one sentence of ``text`` that states a
    value of the kind asked (a number, or a date for a moment): where a long round says it."""
    best = 0
    for part in currency.sentences_of(text):
        if currency.states_value(part, question):
            best = max(best, shared_words(list(words), part))
    return best / max(len(words), 1)


def pair_features(challenger: Ranked, position: int, top: Ranked, top_position: int,
                  items: Mapping[str, MemoryItem], analysis: QueryAnalysis, order: str,
                  rivals: int) -> list[float]:
    """One row of :data:`FEATURES`: may ``challenger`` (at ``position``) lead over ``top``?"""
    mine, theirs = items[challenger.id], items[top.id]
    words, key = analysis.words, tuple(analysis.words)
    coverage = (shared_words(words, mine.content) - shared_words(words, theirs.content)) / max(len(words), 1)
    my_slots, their_slots = set(slots_of(mine)), set(slots_of(theirs))
    return [
        _ratio(currency.rival_relevance(challenger), currency.rival_relevance(top)),
        _ratio(challenger.channels.get("lexical", 0.0), top.channels.get("lexical", 0.0)),
        _ratio(challenger.channels.get("dense", 0.0), top.channels.get("dense", 0.0)),
        coverage,
        _value_sentence(key, mine.content, analysis.text) - _value_sentence(key, theirs.content, analysis.text),
        math.log1p(len(mine.content.split())) - math.log1p(len(theirs.content.split())),
        1.0 / (1.0 + position),
        float(top_position == 0),
        math.log1p(_days(mine, theirs)) / 5.0,
        rivals / currency.HEAD,
        float(bool(UPDATE_CUE.search(user_part(mine.content)))),
        float(bool(_numbers(mine.content) - _numbers(theirs.content))),
        float(bool(my_slots & their_slots)),
        *_question_row(analysis.text, order),
    ]


@functools.lru_cache(maxsize=2048)
def _question_row(question: str, order: str) -> tuple[float, ...]:
    """The features of what the question asks, the same for each of its pairs (so once)."""
    return (float(bool(currency.NOW_CUE.search(question))), float(currency.asks_for_value(question)),
            float(bool(query_slots(question))), float(bool(currency.attribute_of(question))),
            float(order == "oldest"))


def challengers(ranked: list[Ranked], positions: list[int], items: Mapping[str, MemoryItem],
                order: str) -> list[int]:
    """The rival positions the time order would move above the top rival (``positions[0]``):
    those newer than it (older, for ``order="oldest"``) where both are conversation rounds.

    The gate was fitted on benchmark conversations, whose memories are all rounds of two
    speakers; a single-voice statement (a note the user added, an extracted fact: "I moved
    to Madrid last month.") is outside what it has seen, so such a pair keeps the rule:
    the newer value leads."""
    if len(positions) < 2:
        return []
    top_item = items[ranked[positions[0]].id]
    if is_statement(top_item):
        return []
    top = currency.stated_at(top_item)
    later = [p for p in positions[1:] if not is_statement(items[ranked[p].id])]
    if order == "newest":
        return [p for p in later if currency.stated_at(items[ranked[p].id]) > top]
    return [p for p in later if currency.stated_at(items[ranked[p].id]) < top]


def rows(ranked: list[Ranked], positions: list[int], items: Mapping[str, MemoryItem],
         analysis: QueryAnalysis, order: str) -> tuple[list[int], np.ndarray]:
    """The challengers and their feature rows against the top rival."""
    moving = challengers(ranked, positions, items, order)
    top = positions[0] if positions else 0
    x = [pair_features(ranked[p], p, ranked[top], top, items, analysis, order, len(positions)) for p in moving]
    return moving, np.array(x, dtype=float).reshape(len(moving), len(FEATURES))


def admitted(ranked: list[Ranked], positions: list[int], items: Mapping[str, MemoryItem],
             analysis: QueryAnalysis, order: str, model: RankerModel) -> list[int]:
    """``positions`` less the challengers ``model`` does not admit (below its threshold): the
    top rival, the rivals it would not be moved above, and the admitted challengers."""
    moving, x = rows(ranked, positions, items, analysis, order)
    return without_refused(positions, moving, x, model)


def gated(model: RankerModel) -> currency.Admit:
    """What :func:`engram.retrieve.currency.current_state` asks of the gate, for ``model``."""
    return functools.partial(admitted, model=model)


def without_refused(positions: list[int], moving: list[int], x: np.ndarray, model: RankerModel) -> list[int]:
    """``positions`` less the challengers (``moving``, rows ``x``) scored below the threshold."""
    if not moving:
        return positions
    keep = model.probabilities(x) >= threshold_of(model)
    refused = {p for p, ok in zip(moving, keep, strict=True) if not ok}
    return [p for p in positions if p not in refused]


def threshold_of(model: RankerModel) -> float:
    """The admission threshold chosen with the weights (cross-validated on dev)."""
    return float(model.provenance.get("threshold", 0.5))


@functools.lru_cache(maxsize=1)
def shipped() -> RankerModel:
    """The gate fitted on the dev splits and shipped with the package."""
    return RankerModel.load(GATE_PATH, FEATURES, "benchmarks/train_rival_gate.py", "ENGRAM_RIVAL_GATE=false")


__all__ = ["FEATURES", "GATE_PATH", "UPDATE_CUE", "admitted", "challengers", "gated", "is_statement", "pair_features",
           "rows", "shipped", "threshold_of", "user_part", "without_refused"]
