"""Choose the hybrid retriever's weights on the declared dev splits, never on test.

Ingests the dev cases of one or more benchmarks once (warm embedding cache recommended),
then scores a small grid of retriever settings with the same metrics as ``engram bench``
and writes JSON + Markdown under benchmarks/results/. With several datasets the objective
is their unweighted mean, so no single dataset's taste decides a constant. The chosen
settings are copied into engram/retrieve/hybrid.py by hand, with a pointer to the result.

    python benchmarks/tune_retrieval.py locomo=../shared/datasets/locomo \
        beam=../shared/datasets/beam/100K \
        longmemeval=../shared/datasets/longmemeval/longmemeval_s_cleaned.json.xz@24

Each argument is NAME=PATH, with an optional @N for a seeded sample of N *dev* questions
(drawn after the dev filter, as ``engram bench --sample N --split dev`` does; so it is not
the dev half of ``engram bench --sample N``, and its haystacks may need embedding).
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
from engram.bench.runner import LOADERS, BenchConfig, fresh_database, ingest, select_cases, top_k_record
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


GRID: dict[str, tuple[float, ...]] = {
    "dense": (0.8, 1.5, 2.5),
    "session_weight": (0.0,),
    "spread_weight": (0.7, 0.35, 0.0),
}
#: grid axes that are channel weights (the rest are HybridRetriever fields); lexical stays 1.0
WEIGHT_AXES = ("dense", "time")
# packed-context recall is left out: packing every question at each grid point doubled the
# run's time, and the objective does not read it
METRICS = ("turn_recall_any@10", "turn_recall_all@10", "session_recall_any@1", "turn_recall_any@1")


SHOWN = ("turn_recall_any@10", "turn_recall_all@10", "session_recall_any@1", "turn_recall_any@1")


def parse_grid(raw: object) -> dict[str, tuple[float, ...]]:
    """The ``--grid`` axes, checked: every axis a weight or a HybridRetriever field."""
    fields = set(HybridRetriever.__dataclass_fields__)
    if not isinstance(raw, dict) or not raw:
        raise SystemExit("--grid must be a JSON object of axis -> list of values")
    grid: dict[str, tuple[float, ...]] = {}
    for axis, values in raw.items():
        if axis not in WEIGHT_AXES and axis not in fields:
            raise SystemExit(f"unknown grid axis {axis!r}; use {list(WEIGHT_AXES)} or a HybridRetriever field")
        grid[axis] = tuple(float(v) for v in (values if isinstance(values, (list, tuple)) else [values]))
    return grid


def key(row: dict[str, Any]) -> float:
    """The objective: all evidence and any evidence in the top 10, equally weighted,
    averaged over the datasets."""
    scores = [float(m["turn_recall_all@10"] or 0) + float(m["turn_recall_any@10"] or 0)
              for m in row["datasets"].values()]
    return sum(scores) / len(scores)


def parse_spec(spec: str) -> tuple[str, Path, int | None]:
    name, _, rest = spec.partition("=")
    if name not in LOADERS or not rest:
        raise SystemExit(f"expected NAME=PATH[@N] with NAME in {sorted(LOADERS)}, got {spec!r}")
    path, _, sample = rest.partition("@")
    return name, Path(path), int(sample) if sample else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="+", help="NAME=PATH[@N]")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path(".engram-bench"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--tag", default="dev")
    parser.add_argument("--grid", type=json.loads, default=GRID,
                        help='JSON axes, e.g. \'{"dense": [1, 1.5], "time": [0.25, 0.5], '
                             '"spread_weight": [0.7]}\' (default: the built-in grid)')
    parser.add_argument("--reuse", action="store_true",
                        help="score the stores an earlier run with the same datasets left in --workdir "
                             "instead of ingesting again")
    args = parser.parse_args()
    grid = parse_grid(args.grid)
    settings = Settings().model_copy(update={"exhaustive_max_items": 0})
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    memoize_channels()
    stores: dict[str, tuple[Memory, list[Any]]] = {}
    for spec in args.datasets:
        name, path, sample = parse_spec(spec)
        config = BenchConfig(dataset=name, data=path, sample=sample, seed=args.seed, split="dev",
                             workdir=args.workdir)
        cases = [c for c in select_cases(LOADERS[name](path), config) if not c.abstention]
        database = args.workdir / f"tune-{name}.db"
        if args.reuse and database.exists():
            memory = Memory(database, settings=settings)
            print(f"{name}: {len(cases)} dev questions, store reused", flush=True)
        else:
            memory = Memory(fresh_database(database), settings=settings)
            ingest(memory, cases, f"bench:{name}:")
            print(f"{name}: {len(cases)} dev questions ingested", flush=True)
        stores[name] = (memory, cases)
    try:
        for point in itertools.product(*grid.values()):
            setting = dict(zip(grid, point, strict=True))
            row: dict[str, Any] = {**setting, "datasets": {}}
            weights = {**DEFAULT_WEIGHTS, **{a: v for a, v in setting.items() if a in WEIGHT_AXES}}
            fields = {a: v for a, v in setting.items() if a not in WEIGHT_AXES}
            for name, (memory, cases) in stores.items():
                memory.retriever = HybridRetriever(weights=weights, **fields)
                pipeline = memory.pipeline()
                records = [top_k_record(memory, replace(pipeline), case, name) for case in cases]
                overall = aggregate(records, METRICS)["overall"]
                row["datasets"][name] = {m: overall.get(m) for m in METRICS}
            row["objective"] = key(row)
            rows.append(row)
            print(json.dumps(row), flush=True)
    finally:
        for memory, _ in stores.values():
            memory.close()
    best = max(rows, key=key)
    args.out.mkdir(parents=True, exist_ok=True)
    names = "+".join(stores)
    stem = args.out / f"tune-{names}-{args.tag}-{date.today().isoformat()}"
    result = {"datasets": {n: len(c) for n, (_, c) in stores.items()}, "split": "dev", "grid": grid,
              "rows": rows, "best": best,
              "objective": "mean over datasets of turn recall_all@10 + recall_any@10",
              "seconds": time.perf_counter() - started,
              "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
              "command": "python benchmarks/tune_retrieval.py " + " ".join(sys.argv[1:])}
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, default=str))
    sizes = ", ".join(f"{n} {len(c)}" for n, (_, c) in stores.items())
    lines = [f"# Retriever weights on the dev splits ({sizes} answerable questions)", "",
             f"Command: `{result['command']}`. Objective: {result['objective']}. Load at the end: "
             f"{result['load']}. Ordered by the objective.", "",
             "| " + " | ".join(grid) + " | objective | " + " | ".join(
                 f"{n} {m}" for n in stores for m in SHOWN) + " |",
             "|" + "---|" * (len(grid) + 1 + len(SHOWN) * len(stores))]
    for r in sorted(rows, key=key, reverse=True):
        cells = [r["datasets"][n][m] for n in stores for m in SHOWN]
        lines.append("| " + " | ".join(str(r[a]) for a in grid) + f" | {r['objective']:.3f} | "
                     + " | ".join(f"{c:.3f}" if c is not None else "—" for c in cells) + " |")
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("best:", json.dumps(best))


if __name__ == "__main__":
    main()
