"""Ablation of the current-state stage on a dev split (never test): R@1/5/10 and the
knowledge-update checks with the stage as shipped, off, restricted to close rivals, or gated
by explicit present-tense cues, or grouped by subject (cosine between rivals). The variants are patched in for this measurement only.

    python benchmarks/currency_ablation.py beam ../shared/datasets/beam/100K BENCH.db
    python benchmarks/currency_ablation.py locomo ../shared/datasets/locomo BENCH.db 300
    python benchmarks/currency_ablation.py longmemeval LME.json.xz BENCH.db 12 knowledge-update

BENCH.db is the database an ``engram bench ... --split dev`` run left in its workdir; the
optional last argument samples N questions (seed 7) before the dev filter.
Results of 2026-12-01: benchmarks/results/currency-ablation-2026-12-01.md; the leader-share
rule: benchmarks/results/currency-ablation-2026-12-02.md; past-tense value questions and the rival
value's locality: benchmarks/results/currency-ablation-2026-12-02-past-events.md.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from engram import Memory
from engram.bench.metrics import aggregate
from engram.bench.runner import LOADERS, BenchConfig, select_cases, top_k_record
from engram.bench.splits import split_of
from engram.config import Settings
from engram.lifecycle.slots import SlotKey, query_slots, slots_of
from engram.model import MemoryItem, Scope
from engram.retrieve import currency
from engram.retrieve.analysis import PAST_CUE, QueryAnalysis, shared_words
from engram.retrieve.base import Ranked
from engram.retrieve.rival_gate import UPDATE_CUE, is_statement, user_part

METRICS = ("turn_recall_any@1", "turn_recall_any@5", "turn_recall_any@10", "turn_recall_all@10",
           "session_recall_any@1", "updated_above_original@10", "both_statements@10", "newest_first",
           "asked_state_first")
Stage = Callable[..., list[Ranked]]
Vectors = Mapping[str, np.ndarray]
_CURRENT = currency.current_state


def SHIPPED(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,  # noqa: N802
            vectors: Any = None) -> list[Ranked]:
    """The stage as shipped (it takes no vectors)."""
    return _CURRENT(ranked, items, analysis)


def same_subject_groups(ranked: list[Ranked], positions: list[int], vectors: Vectors,
                        items: Mapping[str, MemoryItem] | None = None,
                        threshold: float = 0.6) -> list[list[int]]:
    """``positions`` split into groups of hits that restate one subject: linked when their
    embeddings' cosine is >= ``threshold``, or (given ``items``) when they state a value for
    a common slot, or are both single-voice statements (:func:`is_statement`): short
    statements of different values sit far apart in embedding space ("I live in Berlin" /
    "We moved to Madrid"), and a statement that names the query's attribute is about it,
    where a long round that names it may be about anything. Single link: an update of an
    update belongs with the original. A hit with none of these stands alone."""
    ids = [ranked[p].id for p in positions]
    parent = list(range(len(positions)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    have = [n for n, i in enumerate(ids) if i in vectors]
    if len(have) > 1:
        mat = np.asarray([vectors[ids[n]] for n in have], dtype=np.float32)
        mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
        for a, b in np.argwhere(np.triu(mat @ mat.T >= threshold, k=1)):
            parent[root(have[int(a)])] = root(have[int(b)])
    if items is not None:
        statements = [n for n, i in enumerate(ids) if i in items and is_statement(items[i])]
        for n in statements[1:]:
            parent[root(n)] = root(statements[0])
        owner: dict[SlotKey, int] = {}
        for n, i in enumerate(ids):
            for slot in slots_of(items[i]) if i in items else ():
                if slot in owner:
                    parent[root(n)] = root(owner[slot])
                owner.setdefault(slot, n)
    groups: dict[int, list[int]] = {}
    for n, p in enumerate(positions):
        groups.setdefault(root(n), []).append(p)
    return [sorted(g) for g in groups.values()]


# The rule every variant below starts from: the stage before this round reordered for any
# present-tense question (the shipped stage now asks for a current value, see currency.py).
_ANY_PRESENT = re.compile(
    r"\b(?:now|currently|current|these days|nowadays|at the moment|today|still|latest|"
    r"most recent|recently|do i|does|is|are|am i|have i|has|how many|how much)\b", re.IGNORECASE)


def any_present_order(analysis: QueryAnalysis) -> str | None:
    if analysis.past:
        return "oldest" if PAST_CUE.search(analysis.text) else None
    return "newest" if _ANY_PRESENT.search(analysis.text) else None


def groups_of(ranked: list[Ranked], positions: list[int], vectors: Vectors | None,
              threshold: float | None, items: Mapping[str, MemoryItem] | None = None) -> list[list[int]]:
    """All of ``positions`` as one group (``threshold`` None), or split by subject."""
    if threshold is None or vectors is None:
        return [positions]
    return same_subject_groups(ranked, positions, vectors, items, threshold)


Body = Callable[[list[Ranked], Mapping[str, MemoryItem], QueryAnalysis, Any, str], list[Ranked]]


def ordered(body: Body) -> Stage:
    """A variant: ``body(ranked, items, analysis, vectors, order)`` runs only when the old rule
    (:func:`any_present_order`) asks for an order and there are hits; otherwise nothing moves."""
    def stage(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
              vectors: Any = None) -> list[Ranked]:
        order = any_present_order(analysis)
        if order is None or not ranked:
            return ranked
        return body(ranked, items, analysis, vectors, order)
    return stage


def reorder(ranked: list[Ranked], items: Mapping[str, MemoryItem], order: str,
            groups: list[list[int]]) -> list[Ranked]:
    for group in groups:
        ranked = currency.in_time_order(ranked, group, items, order)
    return ranked


def grouped(threshold: float | None, slots: bool = False) -> Stage:
    """Rivals reordered inside groups that restate one subject (cosine >= ``threshold``, or
    with ``slots`` also a common slot), or all rivals together (``None``: the stage before
    grouping)."""
    def body(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
             vectors: Any, order: str) -> list[Ranked]:
        positions = currency.rival_positions(ranked, items, analysis)
        return reorder(ranked, items, order, groups_of(ranked, positions, vectors, threshold,
                                                       items if slots else None))
    return ordered(body)


def grouped_cue(threshold: float, user_only: bool) -> Stage:
    """Grouped by subject, and a group is reordered only when its newest member states a
    change (:data:`UPDATE_CUE`), in the whole round or (``user_only``) in the user's turn."""
    def body(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
             vectors: Any, order: str) -> list[Ranked]:
        positions = currency.rival_positions(ranked, items, analysis)
        for group in same_subject_groups(ranked, positions, vectors, None, threshold):
            newest = max(group, key=lambda p: currency.stated_at(items[ranked[p].id]))
            text = items[ranked[newest].id].content
            if order == "oldest" or UPDATE_CUE.search(user_part(text) if user_only else text):
                ranked = currency.in_time_order(ranked, group, items, order)
        return ranked
    return ordered(body)


_DIGIT = re.compile(r"\d")


def value_gated(threshold: float | None, numbers: bool, slot: bool = False) -> Stage:
    """Reorder only for a question with an explicit present/past-state cue, or one that asks
    for a quantity (:data:`engram.retrieve.currency.QUANTITY`); for a quantity question without a cue, only rivals
    that state a number (``numbers``). Grouped by subject unless ``threshold`` is None."""
    def body(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
             vectors: Any, order: str) -> list[Ranked]:
        cue = bool(currency.NOW_CUE.search(analysis.text)) or order == "oldest"
        named = slot and bool(query_slots(analysis.text))
        if not cue and not named and not currency.QUANTITY.search(analysis.text):
            return ranked
        positions = currency.rival_positions(ranked, items, analysis)
        if not cue and numbers:
            positions = [p for p in positions if _DIGIT.search(user_part(items[ranked[p].id].content))]
        return reorder(ranked, items, order, groups_of(ranked, positions, vectors, threshold))
    return ordered(body)


def covering(coverage: float, threshold: float | None) -> Stage:
    """Rivals are the head hits holding at least ``coverage`` of the query's content words
    (and two or more): no attribute family or slot alone makes a rival. Grouped by subject
    unless ``threshold`` is None."""
    def body(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
             vectors: Any, order: str) -> list[Ranked]:
        words = analysis.words
        positions = [p for p, r in enumerate(ranked[:currency.HEAD]) if r.id in items
                     and r.score >= currency.RIVAL_SCORE
                     and (hits := shared_words(words, items[r.id].content)) >= 2
                     and hits >= coverage * len(words)]
        return reorder(ranked, items, order, groups_of(ranked, positions, vectors, threshold))
    return ordered(body)


def close_rivals(fraction: float) -> Stage:
    """Only rivals scoring at least ``fraction`` of the best rival are reordered."""
    def body(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
             vectors: Any, order: str) -> list[Ranked]:
        rivals = currency.rival_positions(ranked, items, analysis)
        best = max((ranked[p].score for p in rivals), default=0.0)
        keep = [p for p in rivals if ranked[p].score >= fraction * best]
        return currency.in_time_order(ranked, keep, items, order)
    return ordered(body)


def gated(or_attribute: bool) -> Stage:
    """The ungrouped stage, only for questions with an explicit present cue ("now",
    "currently" …) or a past-state cue, or (``or_attribute``) naming an attribute or slot."""
    def body(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
             vectors: Any, order: str) -> list[Ranked]:
        named = bool(currency.attribute_of(analysis.text) or query_slots(analysis.text))
        if not (currency.NOW_CUE.search(analysis.text) or order == "oldest" or (or_attribute and named)):
            return ranked
        return reorder(ranked, items, order, [currency.rival_positions(ranked, items, analysis)])
    return ordered(body)


def patched(**values: Any) -> Stage:
    """The shipped stage with module attributes of :mod:`engram.retrieve.currency` set to
    ``values`` while it runs (restored after), e.g. ``RIVAL_SHARE=0.6``."""
    def stage(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
              vectors: Any = None) -> list[Ranked]:
        kept = {name: getattr(currency, name) for name in values}
        for name, value in values.items():
            setattr(currency, name, value)
        try:
            return _CURRENT(ranked, items, analysis)
        finally:
            for name, value in kept.items():
                setattr(currency, name, value)
    return stage


def leader_share(share: float, numbers: bool, meaning: bool = True) -> Stage:
    """The shipped stage with another :data:`~engram.retrieve.currency.RIVAL_SHARE` and with or
    without the number test for quantity questions (share 0 without numbers: the rule before
    2026-12-02)."""
    no_number_test = {} if numbers else {"states_quantity": lambda text: True}
    return patched(RIVAL_SHARE=share, RIVAL_BY_MEANING=meaning, **no_number_test)


def with_flag(flag: str, on: bool) -> Stage:
    """The shipped stage with one of its boolean rules (``currency.<flag>``) on or off:
    ``HISTORY_UNORDERED``, ``SUBJECT_MUST_MATCH``, ``TENSE_IS_NO_STATE_CUE``."""
    return patched(**{flag: on})


def rival_rules(past_events: bool, locality: str) -> Stage:
    """The shipped stage with the past-event rule (:data:`~engram.retrieve.currency.PAST_EVENTS_UNORDERED`)
    on or off, and where a long round must state its value (:data:`~engram.retrieve.currency.RIVAL_LOCALITY`)."""
    return patched(PAST_EVENTS_UNORDERED=past_events, RIVAL_LOCALITY=locality)


VARIANTS: dict[str, tuple[bool, Stage]] = {
    "history questions ordered": (True, with_flag("HISTORY_UNORDERED", False)),
    "history questions unordered": (True, with_flag("HISTORY_UNORDERED", True)),
    "any subject's value is a rival": (True, with_flag("SUBJECT_MUST_MATCH", False)),
    "a rival names the person asked about": (True, with_flag("SUBJECT_MUST_MATCH", True)),
    "'was I' / 'were' ask for the earlier state": (True, with_flag("TENSE_IS_NO_STATE_CUE", False)),
    "'was I' / 'were' are only a tense": (True, with_flag("TENSE_IS_NO_STATE_CUE", True)),
    **{f"past events {'unordered' if p else 'ordered'}, rival value {o}":
       (True, rival_rules(p, o)) for p in (False, True) for o in ("round", "value", "sentence")},
    "rule before 2026-12-02 (no leader share, no number test)": (True, leader_share(0.0, False)),
    **{f"rivals >= {a} x the leader{', numbers' if n else ''}{', or of its dense part' if d else ''}":
       (True, leader_share(a, n, d)) for a in (0.4, 0.5, 0.6, 0.7) for n in (False, True) for d in (False, True)},
    "shipped": (True, SHIPPED), "off": (False, SHIPPED), "all rivals, ungrouped": (True, grouped(None)),
    **{f"same subject >= {t}": (True, grouped(t)) for t in (0.5, 0.55, 0.6, 0.65, 0.7)},
    **{f"same subject >= {t} or same slot": (True, grouped(t, True)) for t in (0.5, 0.6, 0.7)},
    **{f"same subject >= {t}, newest states a change{' (user turn)' if u else ''}": (True, grouped_cue(t, u))
       for t in (0.5, 0.6) for u in (False, True)},
    **{f"cue or quantity question{', numbers' if n else ''}{'' if t is None else f', same subject >= {t}'}":
       (True, value_gated(t, n)) for t in (None, 0.5, 0.6) for n in (False, True)},
    "cue, quantity or slot question": (True, value_gated(None, False, True)),
    **{f"rivals cover >= {c} of the query{'' if t is None else f', same subject >= {t}'}":
       (True, covering(c, t)) for c in (0.5, 0.67, 0.8) for t in (None, 0.5)},
    "close rivals 0.9": (True, close_rivals(0.9)), "close rivals 0.8": (True, close_rivals(0.8)),
    "explicit cue": (True, gated(False)), "explicit cue or attribute": (True, gated(True)),
}


def main() -> None:
    dataset, path, db = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    sample = int(sys.argv[4]) if len(sys.argv) > 4 else None
    types = tuple(sys.argv[5].split(",")) if len(sys.argv) > 5 else ()
    # with types: the sample ``engram bench --types T --sample N`` drew (both splits), then
    # only its dev questions, so an existing bench database of that run can be reused
    config = BenchConfig(dataset=dataset, data=path, split="all" if types else "dev", sample=sample,
                         types=types)
    cases = [c for c in select_cases(LOADERS[dataset](path), config) if not c.abstention
             and split_of(dataset, c.case_id, c.haystack_id) == "dev"]
    # the variants are rules of the ungated stage (the rival gate has its own trainer)
    memory = Memory(db, settings=Settings().model_copy(update={"exhaustive_max_items": 0, "rival_gate": False}))
    wanted = [w for w in os.environ.get("ABLATION_VARIANTS", "").split(";") if w]  # names to run
    scope: list[Scope] = []  # the question being asked: its scope last
    for name, (on, stage) in VARIANTS.items():
        if wanted and name not in wanted:
            continue
        def with_vectors(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
                         admit: Any = None, _stage: Stage = stage) -> list[Ranked]:
            """The variant, given the head's vectors (grouping by subject needs them)."""
            return _stage(ranked, items, analysis,
                          memory.store.vectors(scope[-1], [r.id for r in ranked[:currency.HEAD]]))

        currency.current_state = with_vectors
        pipeline = replace(memory.pipeline(), current_state=on)
        records: list[dict[str, Any]] = []
        for case in cases:
            scope.append(Scope(user_id=f"bench:{dataset}:{case.haystack_id}"))
            records.append(top_k_record(memory, replace(pipeline), case, dataset))
        overall = aggregate(records, METRICS)["overall"]
        print(name, len(cases), {m: None if overall.get(m) is None else round(float(overall[m]), 3)  # type: ignore[arg-type]
                                  for m in METRICS},
              flush=True)
    currency.current_state = _CURRENT
    memory.close()


if __name__ == "__main__":
    main()
