"""The lexical channel with and without the neighbour-context field, on a declared dev
split (never test), over an existing bench database.

Each round's index row also holds the words of its session neighbours (the context
field), and ``Store.lexical_search(context=True)`` ranks by them at ``CONTEXT_WEIGHT``.
The hybrid retriever already spreads every channel's scores to a hit's neighbours, so
this measures whether the lexical form of the same idea still helps, for hybrid and for
the BM25 baseline. Writes JSON + Markdown.

    python benchmarks/lexical_context_ablation.py beam ../shared/datasets/beam/100K BENCH.db [--split dev]

BENCH.db is the database an ``engram bench`` run left in its workdir.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dev_ablation

from engram import Memory
from engram.bench.metrics import aggregate
from engram.bench.runner import top_k_record
from engram.retrieve.hybrid import BASELINES, make_retriever
from engram.retrieve.pipeline import RankingPipeline

METRICS = ("turn_recall_all@10", "turn_recall_any@10", "turn_recall_any@1", "session_recall_any@1")
SYSTEMS = ("hybrid", "bm25")


def run(memory: Memory, cases: list[Any], dataset: str) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for system in SYSTEMS:
        staged = system not in BASELINES  # as engram bench runs them
        for context in (True, False):
            pipeline = RankingPipeline(make_retriever(system, lexical_context=context),
                                       current_state=staged, facets=staged)
            records = [top_k_record(memory, replace(pipeline), case, dataset) for case in cases]
            name = f"{system}, context {'on' if context else 'off'}"
            rows[name] = aggregate(records, METRICS)["overall"]
            print(name, {m: rows[name].get(m) for m in METRICS}, flush=True)
    return rows


def markdown(result: dict[str, Any]) -> str:
    lines = [f"# Lexical neighbour context on and off ({result['dataset']}, {result['split']} split)", "",
             f"Command: `{result['command']}`. {result['n']} answerable questions. "
             f"Load at the end: {result['load']}.", "",
             "| variant | " + " | ".join(METRICS) + " |", "|---|" + "---|" * len(METRICS)]
    for name, row in result["rows"].items():
        lines.append(f"| {name} | " + " | ".join(
            "—" if row.get(m) is None else f"{float(row[m]):.3f}" for m in METRICS) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    dev_ablation.main("lexical-context-ablation", __doc__, run, markdown)
