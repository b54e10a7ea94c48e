"""The command line shared by the ablations that re-rank an existing bench database on a
declared split (facets_ablation.py, pack_ablation.py): the same arguments, the same
questions as the ``engram bench`` run that made the database, and one result writer."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from results_files import write_results

from engram import Memory
from engram.bench.runner import LOADERS, BenchConfig, select_cases
from engram.bench.splits import split_of
from engram.config import Settings

Run = Callable[[Memory, list[Any], str], dict[str, Any]]


def main(name: str, doc: str, run: Run, markdown: Callable[[dict[str, Any]], str],
         extra: Callable[[list[Any]], dict[str, Any]] = lambda cases: {}) -> None:
    """Parse ``DATASET DATA DB [--sample N] [--split dev]``, run the ablation on the answerable
    questions of that split (with ``--sample``, the seeded sample the bench run drew, both
    splits, then the chosen one's) and write ``<name>-<dataset>-<split>-<date>``.{json,md}."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("dataset", choices=sorted(LOADERS))
    parser.add_argument("data", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    config = BenchConfig(dataset=args.dataset, data=args.data, sample=args.sample)
    cases = [c for c in select_cases(LOADERS[args.dataset](args.data), config) if not c.abstention
             and (args.split == "all" or split_of(args.dataset, c.case_id, c.haystack_id) == args.split)]
    started = time.perf_counter()
    memory = Memory(args.db, settings=Settings().model_copy(update={"exhaustive_max_items": 0}))
    try:
        rows = run(memory, cases, args.dataset)
    finally:
        memory.close()
    result = {"dataset": args.dataset, "split": args.split, "n": len(cases), "rows": rows,
              **extra(cases), "seconds": round(time.perf_counter() - started, 1),
              "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
              "command": f"python benchmarks/{Path(sys.argv[0]).name} " + " ".join(sys.argv[1:])}
    stem = args.out / f"{name}-{args.dataset}-{args.split}-{date.today().isoformat()}{args.tag}"
    print(write_results(stem, result, markdown))
