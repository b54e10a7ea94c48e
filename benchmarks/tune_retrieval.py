"""Choose the hybrid retriever's weights on the declared dev split, never on test.

Ingests the dev cases of a benchmark once (warm embedding cache recommended), then
scores a small grid of retriever settings with the same metrics as ``engram bench``
and writes JSON + Markdown under benchmarks/results/. The chosen settings are copied
into engram/retrieve/hybrid.py by hand, with a pointer to the result file.

    python benchmarks/tune_retrieval.py locomo --data ../shared/datasets/locomo
    python benchmarks/tune_retrieval.py longmemeval --data ../shared/datasets/longmemeval/\
longmemeval_s_cleaned.json.xz --sample 24 --limit 12
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from engram.bench.metrics import aggregate
from engram.bench.runner import LOADERS, BenchConfig, _ask, fresh_database, ingest, select_cases
from engram.config import Settings
from engram.memory import Memory
from engram.retrieve.hybrid import DEFAULT_WEIGHTS, HybridRetriever


def memoize_channels() -> None:
    """Channel outputs do not depend on the weights being tuned: compute each once."""
    from engram.retrieve import channels

    for name, channel in list(channels.CHANNELS.items()):
        cache: dict[tuple[str, ...], Any] = {}

        def cached(query: Any, store: Any, ctx: Any, _channel: Any = channel,
                   _cache: dict[tuple[str, ...], Any] = cache) -> Any:
            key = (query.text, str(query.scope), query.filters.model_dump_json(), str(ctx.depth), ctx.text)
            if key not in _cache:
                _cache[key] = _channel(query, store, ctx)
            return _cache[key]

        channels.CHANNELS[name] = cached


GRID = {
    "dense": (0.5, 0.8, 1.2),
    "session_weight": (0.0, 0.15, 0.3),
    "spread_weight": (0.7,),
}
METRICS = ("turn_recall_any@10", "turn_recall_all@10", "session_recall_any@1", "turn_recall_any@1",
           "budget_recall@2000", "budget_recall@4000")


def key(row: dict[str, Any]) -> float:
    """The objective: all evidence and any evidence in the top 10, equally weighted."""
    return float(row["turn_recall_all@10"] or 0) + float(row["turn_recall_any@10"] or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", choices=sorted(LOADERS))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path(".engram-bench"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    args = parser.parse_args()
    config = BenchConfig(dataset=args.dataset, data=args.data, sample=args.sample, limit=args.limit,
                         seed=args.seed, split="dev", workdir=args.workdir)
    cases = [c for c in select_cases(LOADERS[args.dataset](args.data), config) if not c.abstention]
    settings = Settings().model_copy(update={"exhaustive_max_items": 0})
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    memoize_channels()
    with Memory(fresh_database(args.workdir / f"tune-{args.dataset}.db"), settings=settings) as memory:
        ingest(memory, cases, f"bench:{args.dataset}:")
        for dense, session, spread in itertools.product(*GRID.values()):
            memory.retriever = HybridRetriever(weights={**DEFAULT_WEIGHTS, "dense": dense},
                                               session_weight=session, spread_weight=spread)
            pipeline = memory.pipeline()
            records = []
            for case in cases:
                user = f"bench:{args.dataset}:{case.haystack_id}"
                turn_text = {t.turn_id: t.text for s in case.sessions for t in s.turns}
                record = _ask(memory, replace(pipeline), case, user, {}, turn_text, None, (2000, 4000))
                record.pop("_packed")
                records.append(record)
            overall = aggregate(records, METRICS)["overall"]
            rows.append({"dense": dense, "session_weight": session, "spread_weight": spread,
                         **{m: overall.get(m) for m in METRICS}})
            print(rows[-1], flush=True)
    best = max(rows, key=key)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"tune-{args.dataset}-{date.today().isoformat()}"
    result = {"dataset": args.dataset, "split": "dev", "questions": len(cases), "grid": GRID,
              "rows": rows, "best": best, "objective": "turn recall_all@10 + recall_any@10",
              "seconds": time.perf_counter() - started,
              "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
              "command": "python benchmarks/tune_retrieval.py " + " ".join(sys.argv[1:])}
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, default=str))
    lines = [f"# Retriever weights on the {args.dataset} dev split ({len(cases)} answerable questions)", "",
             f"Command: `{result['command']}`. Objective: {result['objective']}. Load: {result['load']}.", "",
             "| dense | session | spread | " + " | ".join(METRICS) + " |", "|---|---|---|" + "---|" * len(METRICS)]
    for r in sorted(rows, key=key, reverse=True):
        lines.append(f"| {r['dense']} | {r['session_weight']} | {r['spread_weight']} | "
                     + " | ".join(f"{r[m]:.3f}" if r[m] is not None else "—" for m in METRICS) + " |")
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("best:", best)


if __name__ == "__main__":
    main()
