"""Ablation of the current-state stage on a dev split (never test): R@1/5/10 and the
knowledge-update checks with the stage as shipped, off, restricted to close rivals, or gated
by explicit present-tense cues. The variants are patched in for this measurement only.

    python benchmarks/currency_ablation.py beam ../shared/datasets/beam/100K BENCH.db
    python benchmarks/currency_ablation.py locomo ../shared/datasets/locomo BENCH.db 300

BENCH.db is the database an ``engram bench ... --split dev`` run left in its workdir; the
optional last argument samples N questions (seed 7) before the dev filter.
Results of 2026-12-01: benchmarks/results/currency-ablation-2026-12-01.md.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from engram import Memory
from engram.bench.metrics import aggregate
from engram.bench.runner import LOADERS, BenchConfig, _ask, select_cases
from engram.config import Settings
from engram.model import MemoryItem
from engram.retrieve import currency
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Ranked

METRICS = ("turn_recall_any@1", "turn_recall_any@5", "turn_recall_any@10", "turn_recall_all@10",
           "updated_above_original@10", "both_statements@10", "asked_state_first")
STRONG = re.compile(r"\b(?:now|currently|current|these days|nowadays|at the moment|today|still|latest|"
                    r"most recent|recently|any ?more)\b", re.IGNORECASE)
Stage = Callable[[list[Ranked], Mapping[str, MemoryItem], QueryAnalysis], list[Ranked]]
SHIPPED: Stage = currency.current_state


def close_rivals(fraction: float) -> Stage:
    """Only rivals scoring at least ``fraction`` of the best rival are reordered."""
    def stage(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis) -> list[Ranked]:
        order = currency.wanted_order(analysis)
        if order is None or not ranked:
            return ranked
        rivals = currency.rival_positions(ranked, items, analysis)
        best = max((ranked[p].score for p in rivals), default=0.0)
        keep = [p for p in rivals if ranked[p].score >= fraction * best]
        return currency.in_time_order(ranked, keep, items, order)
    return stage


def gated(or_attribute: bool) -> Stage:
    """The shipped stage, only for questions with an explicit present cue ("now",
    "currently" …) or a past-state cue, or (``or_attribute``) naming an attribute or slot."""
    def stage(ranked: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis) -> list[Ranked]:
        order = currency.wanted_order(analysis)
        if order is None:
            return ranked
        named = bool(currency.attribute_of(analysis.text) or currency.query_slots(analysis.text))
        if not (STRONG.search(analysis.text) or order == "oldest" or (or_attribute and named)):
            return ranked
        return SHIPPED(ranked, items, analysis)
    return stage


VARIANTS: dict[str, tuple[bool, Stage]] = {
    "shipped": (True, SHIPPED), "off": (False, SHIPPED),
    "close rivals 0.9": (True, close_rivals(0.9)), "close rivals 0.8": (True, close_rivals(0.8)),
    "explicit cue": (True, gated(False)), "explicit cue or attribute": (True, gated(True)),
}


def main() -> None:
    dataset, path, db = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    sample = int(sys.argv[4]) if len(sys.argv) > 4 else None
    config = BenchConfig(dataset=dataset, data=path, split="dev", sample=sample)
    cases = [c for c in select_cases(LOADERS[dataset](path), config) if not c.abstention]
    memory = Memory(db, settings=Settings().model_copy(update={"exhaustive_max_items": 0}))
    for name, (on, stage) in VARIANTS.items():
        currency.current_state = stage  # type: ignore[assignment]
        pipeline = replace(memory.pipeline(), current_state=on)
        records: list[dict[str, Any]] = []
        for case in cases:
            turn_text = {t.turn_id: t.text for s in case.sessions for t in s.turns}
            record = _ask(memory, replace(pipeline), case, f"bench:{dataset}:{case.haystack_id}", {},
                          turn_text, None, ())
            record.pop("_packed")
            records.append(record)
        overall = aggregate(records, METRICS)["overall"]
        print(name, len(cases), {m: None if overall.get(m) is None else round(overall[m], 3) for m in METRICS},
              flush=True)
    currency.current_state = SHIPPED  # type: ignore[assignment]
    memory.close()


if __name__ == "__main__":
    main()
