"""Facets on and off, on a declared dev split (never test), over an existing bench database.

The pipeline ranks each facet of a comparison or interval question too
(:mod:`engram.retrieve.facets`). "off" is the pipeline without them: the analysis finds no
facets, so the current-state stage also runs on these questions, as it did before. The
single-channel baselines are listed for reference. Writes JSON + Markdown.

    python benchmarks/facets_ablation.py longmemeval LME.json.xz BENCH.db [--sample N] [--split dev]

BENCH.db is the database an ``engram bench`` run left in its workdir (each haystack in scope
``bench:<dataset>:<haystack>``); with ``--sample N`` the questions are the seeded sample that
run drew (both splits), then only the chosen split's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dev_ablation

from engram import Memory
from engram.bench.metrics import aggregate
from engram.bench.runner import top_k_record
from engram.model import utcnow
from engram.retrieve import analysis
from engram.retrieve.hybrid import make_retriever
from engram.retrieve.pipeline import RankingPipeline

METRICS = ("turn_recall_all@10", "turn_recall_any@10", "turn_recall_any@1", "session_recall_any@1",
           "session_recall_any@5")
# name: (retriever, stages on, facets found)
VARIANTS = {"hybrid": ("hybrid", True, True), "hybrid, facets off": ("hybrid", True, False),
            "bm25": ("bm25", False, True), "dense": ("dense", False, True)}


def faceted(case: Any) -> bool:
    """Does the shipped analysis find facets in this question?"""
    return bool(analysis.QueryAnalysis.of(case.question, case.question_time or utcnow()).facets)


def run(memory: Memory, cases: list[Any], dataset: str) -> dict[str, Any]:
    found = analysis.facets
    marked = [faceted(c) for c in cases]
    rows: dict[str, Any] = {}
    try:
        for name, (retriever, staged, with_facets) in VARIANTS.items():
            analysis.facets = found if with_facets else (lambda text: [])  # type: ignore[assignment]
            pipeline = RankingPipeline(make_retriever(retriever), current_state=staged, facets=staged)
            records = [top_k_record(memory, replace(pipeline), case, dataset) for case in cases]
            subset = [r for r, m in zip(records, marked, strict=True) if m]
            rows[name] = {"all": aggregate(records, METRICS)["overall"],
                          "with facets": aggregate(subset, METRICS)["overall"] if subset else {},
                          "by type": aggregate(records, METRICS)["by_type"]}
            print(name, {m: rows[name]["all"].get(m) for m in METRICS}, flush=True)
    finally:
        analysis.facets = found  # type: ignore[assignment]
    return rows


def markdown(result: dict[str, Any]) -> str:
    head = "| variant | questions | " + " | ".join(METRICS) + " |"
    lines = [f"# Facets on and off ({result['dataset']}, {result['split']} split)", "",
             f"Command: `{result['command']}`. {result['n']} answerable questions, "
             f"{result['n_faceted']} with facets. Load at the end: {result['load']}.", "",
             head, "|---|---|" + "---|" * len(METRICS)]
    for name, row in result["rows"].items():
        for part, n in (("all", result["n"]), ("with facets", result["n_faceted"])):
            cells = [row[part].get(m) for m in METRICS]
            lines.append(f"| {name} ({part}) | {n} | " + " | ".join(
                "—" if c is None else f"{float(c):.3f}" for c in cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    dev_ablation.main("facets-ablation", __doc__, run, markdown, lambda cases: {"n_faceted": sum(map(faceted, cases))})
