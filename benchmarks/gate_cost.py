"""What the rival gate costs per search: the real pipeline with and without it, on an
``engram bench`` database, question by question, which variant first alternating (so load
drifts and warm caches favour neither).

    python benchmarks/gate_cost.py locomo ../shared/datasets/locomo BENCH.db [--rounds 3]

Writes ``benchmarks/results/gate-cost-<date>-<dataset>.{json,md}``: p50 / p95 of
``RankingPipeline.rank`` per variant over every answerable question.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from engram import Memory
from engram.bench.runner import LOADERS, BenchConfig, memory_scope, select_cases
from engram.config import Settings
from engram.model import Filters, utcnow
from engram.retrieve import rival_gate
from engram.retrieve.base import Query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", choices=sorted(LOADERS))
    parser.add_argument("data", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=None, help="as engram bench --sample drew the database's questions")
    parser.add_argument("--split", default="all", help="as engram bench --split")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} does not exist: run engram bench {args.dataset} first and pass its database")
    cases = [c for c in select_cases(LOADERS[args.dataset](args.data),
                                     BenchConfig(dataset=args.dataset, data=args.data, workdir=Path("."),
                                                 sample=args.sample, split=args.split))
             if not c.abstention]
    memory = Memory(args.db, settings=Settings().model_copy(update={"exhaustive_max_items": 0}))
    gated = memory.pipeline()
    variants = {"without the gate": replace(gated, rival_gate=None), "with the gate": gated}
    times: dict[str, list[float]] = {name: [] for name in variants}
    queries = [Query(text=c.question, scope=memory_scope(f"bench:{args.dataset}:{c.haystack_id}"),
                     filters=Filters(), limit=10, now=c.question_time or utcnow()) for c in cases]
    for query in queries[:20]:  # warm the model, caches and pages once
        gated.rank(query, memory.store, memory.embedder)
    names = list(variants)
    for round_ in range(args.rounds):
        for n, query in enumerate(queries):  # each question under both, which first alternating
            for name in names if (n + round_) % 2 == 0 else names[::-1]:
                started = time.perf_counter()
                variants[name].rank(query, memory.store, memory.embedder)
                times[name].append((time.perf_counter() - started) * 1000)
    memory.close()
    figures = {name: {"p50_ms": statistics.median(t), "p95_ms": statistics.quantiles(t, n=20)[-1], "n": len(t)}
               for name, t in times.items()}
    command = "python benchmarks/gate_cost.py " + " ".join(sys.argv[1:])
    report = {"command": command, "load": " ".join(f"{x:.2f}" for x in os.getloadavg()), "figures": figures,
              "gate": rival_gate.shipped().provenance.get("results")}
    stem = args.out / f"gate-cost-{date.today().isoformat()}-{args.dataset}"
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2))
    lines = ["# Search cost of the rival gate", "", f"Command: `{command}`. Load at the end: {report['load']}.",
             f"{len(queries)} answerable questions x {args.rounds} rounds, each question under both variants in turn "
             "(which first alternating); "
             "`RankingPipeline.rank`, limit 10, warm.", "", "| variant | p50 ms | p95 ms | searches |", "|---|---|---|---|"]
    lines += [f"| {name} | {f['p50_ms']:.2f} | {f['p95_ms']:.2f} | {f['n']} |" for name, f in figures.items()]
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
