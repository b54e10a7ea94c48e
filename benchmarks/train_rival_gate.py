"""Fit the current-state stage's rival gate (engram/retrieve/rival_gate.py) on the dev splits; judge it on test.

For every question of the selected benchmarks, the ranking pipeline's head is read in the
order the current-state stage starts from (stages 1-3 and the "no longer current" signal,
the shipped hybrid retriever). When the stage would reorder it (the question asks for a
current or an earlier state and two or more hits state rival values), each *challenger*
(a rival the time order would move above the top rival) becomes one row of
``rival_gate.FEATURES``: labelled 1 when it holds what the question wants first and the top
rival does not, 0 for the reverse. A pair where both or neither hold it moves no figure and
is left out. What a question wants first is its evidence, except for a knowledge update:
BEAM's ``updated_info`` (``original_info`` for a question about the earlier state) and
LongMemEval's evidence in the session of the state asked for (``asked_state_first``).

A logistic regression is fitted on the **dev** questions of all datasets together (each
question's pairs weigh 1 within its dataset, each dataset the same). Its L2 strength and
admission threshold are chosen by 5-fold CV grouped by haystack on dev only: the stage is
replayed on each held-out fold's heads, and the objective is the mean over datasets of turn
R@1 + R@5 + session R@1 + each update check the dataset has (the top-10 set never moves, so
R@10 and all@10 cannot). The fit is then scored **once** through the real pipeline on dev,
test and all, beside the stage as it was (every rival moves) and the stage off, and written
to ``engram/data/rival_gate.json`` with ``--write-model``.

    python benchmarks/train_rival_gate.py locomo=../shared/datasets/locomo \\
        beam=../shared/datasets/beam/100K \\
        longmemeval=../shared/datasets/longmemeval/longmemeval_s_cleaned.json.xz@100/30 \\
        --db locomo=.engram-bench/locomo.db --write-model

Datasets and ``--db`` as in ``benchmarks/train_ranker.py``.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import logistic  # noqa: E402
from train_ranker import (  # noqa: E402
    by_split,
    candidates_of,
    command_line,
    figure_rows,
    fold_of,
    gather,
    open_datasets,
    scored,
)

from engram.bench.datasets import BenchCase  # noqa: E402
from engram.bench.metrics import aggregate
from engram.bench.scoring import asked_session, score_case
from engram.bench.splits import split_of
from engram.config import Settings
from engram.memory import Memory
from engram.model import MemoryItem
from engram.retrieve import currency, rival_gate
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Ranked
from engram.retrieve.learned import RankerModel

FOLDS = 5
L2_GRID = (1e-3, 1e-2, 1e-1, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
TOP = 10
CHECKS = ("newest_first", "asked_state_first", "updated_above_original@10")
OBJECTIVE = ("turn_recall_any@1", "turn_recall_any@5", "session_recall_any@1", *CHECKS)
METRICS = ("turn_recall_any@1", "turn_recall_any@5", "turn_recall_any@10", "turn_recall_all@10",
           "session_recall_any@1", "turn_ndcg@10", *CHECKS, "both_statements@10")
SYSTEMS = ("stage off", "every rival moves", "rival gate")


@dataclass
class Question:
    dataset: str
    split: str
    haystack: str
    case: BenchCase
    head: list[Ranked]  # relevance order, before the current-state stage
    items: dict[str, MemoryItem]
    analysis: QueryAnalysis
    order: str | None
    positions: list[int]  # the rivals, best first
    moving: list[int]  # the challengers among them
    x: np.ndarray  # their feature rows
    labels: list[float | None]  # 1 admit, 0 refuse, None: no figure moves


def wanted(case: BenchCase, order: str | None) -> set[str]:
    """The turns the question wants first (see the module docstring)."""
    parts = case.extra.get("evidence_parts") or {}
    old, new = set(parts.get("original_info", ())), set(parts.get("updated_info", ()))
    if old and new and not old & new:
        return old if order == "oldest" else new
    target = asked_session(case) if case.question_type == "knowledge-update" else None
    if target is not None:
        return {t.turn_id for s in case.sessions if s.session_id == target for t in s.turns} & case.evidence_turns
    return set(case.evidence_turns)


def collect(memory: Memory, name: str, cases: list[BenchCase]) -> list[Question]:
    """Each question's head before the current-state stage, its rivals and challenger rows."""
    pipeline = memory.pipeline()
    out = []
    for case in cases:
        found = candidates_of(memory, pipeline, name, case)
        head, _ = pipeline.relevance_order(found)
        analysis, items = found.analysis, found.items
        order = currency.wanted_order(analysis)
        positions = currency.rival_positions(head, items, analysis) if order else []
        moving, x = rival_gate.rows(head, positions, items, analysis, order or "newest")
        want = wanted(case, order)
        labels: list[float | None] = []
        top = head[positions[0]] if positions else None
        for p in moving:
            mine = bool(set(items[head[p].id].provenance.source_ids) & want)
            theirs = top is not None and bool(set(items[top.id].provenance.source_ids) & want)
            labels.append(None if mine == theirs else float(mine))
        out.append(Question(name, split_of(name, case.case_id, case.haystack_id), case.haystack_id, case,
                            head, items, analysis, order, positions, moving, x, labels))
    return out


def design(questions: list[Question]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labelled rows, labels and weights: each question 1 within its dataset, each dataset the same."""
    labelled = [(q, [(row, y) for row, y in zip(q.x, q.labels, strict=True) if y is not None]) for q in questions]
    labelled = [(q, pairs) for q, pairs in labelled if pairs]
    per_dataset = Counter(q.dataset for q, _ in labelled)
    xs, ys, ws = [], [], []
    for q, pairs in labelled:
        for row, y in pairs:
            xs.append(row)
            ys.append(y)
            ws.append(1.0 / (len(pairs) * per_dataset[q.dataset] * len(per_dataset)))
    return np.array(xs), np.array(ys), np.array(ws)


def fit(questions: list[Question], l2: float, threshold: float) -> RankerModel:
    x, y, w = design(questions)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    beta = logistic.solve((x - mean) / scale, y, w, l2, maxiter=1000)
    return RankerModel(mean=mean, scale=scale, coef=beta[:-1], bias=float(beta[-1]),
                       features=rival_gate.FEATURES, provenance={"threshold": threshold, "retriever": "hybrid"})


def replay(q: Question, gate: RankerModel | None, on: bool = True) -> dict[str, Any]:
    """The question's figures with the stage replayed on its head (as currency.current_state
    runs it: every rival moves without a gate, only admitted challengers with one)."""
    head = [copy.copy(r) for r in q.head]
    if on and q.order is not None:
        keep = q.positions if gate is None else rival_gate.without_refused(q.positions, q.moving, q.x, gate)
        head = currency.in_time_order(head, keep, q.items, q.order)
    top = [q.items[r.id] for r in head[:TOP] if r.id in q.items]
    return score_case(q.case, [list(i.provenance.source_ids) for i in top],
                      [i.scope.session_id or "" for i in top], {}, {})


def figures(questions: list[Question], gate: RankerModel | None, on: bool = True) -> dict[str, dict[str, float]]:
    """The objective's figures per dataset with the stage replayed on every question."""
    return pooled([{"dataset": q.dataset, **replay(q, gate, on)} for q in questions if q.case.evidence_turns])


def pooled(records: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per dataset (each record's ``"dataset"``), the :data:`OBJECTIVE` figures it has."""
    return {d: {k: float(v) for k, v in aggregate([r for r in records if r["dataset"] == d], OBJECTIVE)[  # type: ignore[arg-type]
        "overall"].items() if k in OBJECTIVE and v is not None} for d in sorted({r["dataset"] for r in records})}


def objective(by_dataset: dict[str, dict[str, float]]) -> float:
    return float(np.mean([sum(m.values()) for m in by_dataset.values()]))


def cross_validate(dev: list[Question]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The L2 strength and threshold with the best held-out-fold objective, every point's
    figures, and the two fixed rules (every rival moves, stage off) on the same folds."""
    folds = [[q for q in dev if fold_of(q) == f] for f in range(FOLDS)]  # type: ignore[arg-type]
    table = [{"variant": "every rival moves", **_scored(dev, None, True)},
             {"variant": "stage off", **_scored(dev, None, False)}]
    for l2, threshold in itertools.product(L2_GRID, THRESHOLDS):
        held: list[dict[str, Any]] = []
        for f, test in enumerate(folds):
            train = [q for g, fold in enumerate(folds) if g != f for q in fold]
            if not test or not design(train)[0].size:
                continue
            gate = fit(train, l2, threshold)
            held += [{"dataset": q.dataset, **replay(q, gate)} for q in test if q.case.evidence_turns]
        by_dataset = pooled(held)
        table.append({"variant": "gate", "l2": l2, "threshold": threshold, "objective": objective(by_dataset),
                      "by_dataset": by_dataset})
        print(json.dumps(table[-1]), flush=True)
    best = max((r for r in table if r["variant"] == "gate"), key=lambda r: r["objective"])
    return best, table


def _scored(questions: list[Question], gate: RankerModel | None, on: bool) -> dict[str, Any]:
    by_dataset = figures(questions, gate, on)
    return {"objective": objective(by_dataset), "by_dataset": by_dataset}


def evaluate(memory: Memory, name: str, cases: list[BenchCase], gate: RankerModel) -> dict[str, list[dict[str, Any]]]:
    """Every case through the real pipeline: the stage off, every rival moving, and gated."""
    systems: dict[str, list[dict[str, Any]]] = defaultdict(list)
    shipped = replace(memory.pipeline(), rival_gate=None)
    pipelines = {"stage off": replace(shipped, current_state=False), "every rival moves": shipped,
                 "rival gate": replace(shipped, rival_gate=gate)}
    for system in SYSTEMS:
        systems[system] = [scored(memory, pipelines[system], case, name) for case in cases]
    return systems


def main() -> None:
    args, dbs = command_line(__doc__ or "", rival_gate.GATE_PATH)
    settings = Settings().model_copy(update={"exhaustive_max_items": 0, "learned_ranking": False,
                                             "rival_gate": False})
    started = time.perf_counter()
    stores, questions = open_datasets(args, dbs, settings, collect)
    dev = [q for q in questions if q.split == "dev"]
    best, cv = cross_validate(dev)
    gate = fit(dev, best["l2"], best["threshold"])
    table = by_split(gather(stores, lambda memory, name, cases: evaluate(memory, name, cases, gate)), METRICS)
    command = "python benchmarks/train_rival_gate.py " + " ".join(sys.argv[1:])
    stem = f"rival-gate-{date.today().isoformat()}{args.tag}"
    labelled = design(dev)[1]
    gate = replace(gate, provenance={
        **gate.provenance, "fitted": date.today().isoformat(), "command": command, "l2": best["l2"],
        "dev_questions": dict(Counter(q.dataset for q in dev)), "dev_pairs": int(len(labelled)),
        "dev_admitted": int(labelled.sum()), "results": f"benchmarks/results/{stem}.md"})
    if args.write_model:
        gate.save(rival_gate.GATE_PATH)
    report = {"command": command, "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
              "seconds": time.perf_counter() - started, "cv": cv, "l2": best["l2"], "threshold": best["threshold"],
              "figures": table, "provenance": gate.provenance,
              "coefficients": dict(zip(rival_gate.FEATURES, gate.coef.round(4).tolist(), strict=True))}
    write_report(args.out / stem, report)


def write_report(stem: Path, report: dict[str, Any]) -> None:
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2, default=str))
    p = report["provenance"]
    lines = ["# Current-state rival gate: fitted on dev, scored on dev / test / all", "",
             f"Command: `{report['command']}`. L2 {report['l2']}, threshold {report['threshold']} "
             f"(5-fold CV grouped by haystack, dev only); {p['dev_pairs']} labelled dev pairs, "
             f"{p['dev_admitted']} of them to admit. Load at the end: {report['load']}; {report['seconds']:.0f} s.",
             ""]
    lines += figure_rows(report["figures"], METRICS)
    datasets = sorted(report["cv"][0]["by_dataset"])
    lines += ["", "CV on dev (stage replayed on held-out folds; objective = mean over datasets of "
              "R@1 + R@5 + session R@1 + each update check):", "",
              "| variant | L2 | threshold | objective | " + " | ".join(datasets) + " |",
              "|---|---|---|---|" + "---|" * len(datasets)]
    for r in report["cv"]:
        cells = [" / ".join(f"{r['by_dataset'][d][k]:.3f}" for k in OBJECTIVE if k in r["by_dataset"].get(d, {}))
                 for d in datasets]
        lines.append(f"| {r['variant']} | {r.get('l2', '')} | {r.get('threshold', '')} | {r['objective']:.4f} | "
                     + " | ".join(cells) + " |")
    lines += ["", "Per dataset the CV cells read " + " / ".join(OBJECTIVE) + " (those the dataset has).", "",
              "Coefficients (standardised features): " + ", ".join(
                  f"{k} {v:+.3f}" for k, v in report["coefficients"].items())]
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
