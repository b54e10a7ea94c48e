"""Fit the learned-relevance stage (engram/retrieve/learned.py) on the dev splits; judge it on test.

For every question of the selected benchmarks, the ranking pipeline's fused head (stages
1-2, the shipped hybrid retriever) is read with its items; each hit becomes one row of
``learned.FEATURES``, labelled 1 when it holds an evidence turn. A logistic regression is
fitted on the **dev** questions of all datasets together (each question weighs the same
within its dataset, and each dataset the same), its L2 strength chosen by 5-fold CV grouped
by haystack on dev only. The fitted model is then scored **once** through the real pipeline
on dev, test and all beside BM25 and the hybrid without it, and written to
``engram/data/ranker.json`` with its provenance when ``--write-model`` is given.

    python benchmarks/train_ranker.py locomo=../shared/datasets/locomo \\
        beam=../shared/datasets/beam/100K \\
        longmemeval=../shared/datasets/longmemeval/longmemeval_s_cleaned.json.xz@100 \\
        --db locomo=.engram-bench/locomo.db --write-model

``NAME=PATH[@N]``: a dataset, with ``@N`` a seeded sample of N questions from *each* split
(``@DEV/TEST`` for two sizes), drawn as ``engram bench --sample N --split dev|test`` draws them.
``--db NAME[:SPLIT]=FILE`` scores a database that ``engram bench`` left (scope
``bench:NAME:<haystack>``) instead of ingesting again.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import logistic  # noqa: E402

from engram.bench.datasets import BenchCase  # noqa: E402
from engram.bench.metrics import aggregate
from engram.bench.runner import (
    LOADERS,
    BenchConfig,
    fresh_database,
    ingest,
    memory_scope,
    select_cases,
    top_k_record,
)
from engram.bench.splits import split_of
from engram.config import Settings
from engram.memory import Memory
from engram.model import Filters, utcnow
from engram.retrieve import currency, learned
from engram.retrieve.base import Query
from engram.retrieve.hybrid import make_retriever
from engram.retrieve.learned import FEATURES, RankerModel
from engram.retrieve.pipeline import Candidates, RankingPipeline

Q = TypeVar("Q")

FOLDS = 5
L2_GRID = (1e-4, 1e-3, 1e-2, 1e-1)
DEPTHS = (30, 60, 100)  # fused hits the model reorders; chosen with L2 by CV
METRICS = ("turn_recall_any@1", "turn_recall_any@5", "turn_recall_any@10", "turn_recall_all@10",
           "session_recall_any@1", "turn_ndcg@10", "newest_first", "updated_above_original@10",
           "both_statements@10")
# the systems scored through the real pipeline; the last judges current-state rivals by the
# fused score instead of the learned probability (currency.RIVALS_BY)
SYSTEMS = ("bm25", "hybrid", "hybrid+learned", "hybrid+learned+fused-rivals")


@dataclass
class Question:
    dataset: str
    split: str
    haystack: str
    found: Candidates  # the fused head at the deepest depth tried
    covers: list[set[str]]  # evidence turns each hit holds
    evidence: set[str]
    rows: dict[int, np.ndarray] = field(default_factory=dict)

    @property
    def faceted(self) -> bool:
        """The pipeline keeps fusion's order for a question with facets (pipeline.rank)."""
        return bool(self.found.analysis.facets)

    def x(self, depth: int) -> np.ndarray:
        """Feature rows of the first ``depth`` hits, as the pipeline computes them at that depth."""
        if depth not in self.rows:
            self.rows[depth] = learned.features(self.found.head[:depth], self.found.items, self.found.analysis)
        return self.rows[depth]


def parse_spec(spec: str) -> tuple[str, Path, dict[str, int | None]]:
    """``NAME=PATH[@N]`` or ``NAME=PATH@DEV/TEST``: the sample size of each split."""
    name, _, rest = spec.partition("=")
    if name not in LOADERS or not rest:
        raise SystemExit(f"expected NAME=PATH[@N] with NAME in {sorted(LOADERS)}, got {spec!r}")
    path, _, sample = rest.partition("@")
    dev, _, test = sample.partition("/")
    return name, Path(path), {"dev": int(dev) if dev else None,
                              "test": int(test) if test else int(dev) if dev else None}


def load_cases(name: str, path: Path, samples: dict[str, int | None], seed: int) -> dict[str, list[BenchCase]]:
    every = LOADERS[name](path)
    return {split: [c for c in select_cases(every, BenchConfig(dataset=name, data=path, sample=sample, seed=seed,
                                                               split=split, workdir=Path(".")))
                    if not c.abstention]
            for split, sample in samples.items()}


def open_store(name: str, split: str, cases: list[BenchCase], dbs: dict[str, Path], workdir: Path,
               settings: Settings, opened: dict[Path, Memory]) -> Memory:
    given = dbs.get(f"{name}:{split}") or dbs.get(name)
    if given is not None:
        if not given.exists():
            raise SystemExit(f"--db {given} does not exist")
        if given not in opened:
            opened[given] = Memory(given, settings=settings)
        return opened[given]
    memory = Memory(fresh_database(workdir / f"ranker-{name}-{split}.db"), settings=settings)
    ingest(memory, cases, f"bench:{name}:")
    return memory


def collect(memory: Memory, name: str, cases: list[BenchCase]) -> list[Question]:
    """Each question's fused head as feature rows (the pipeline without the learned stage)."""
    pipeline = replace(memory.pipeline(), model=None, head=max(DEPTHS))
    out = []
    for case in cases:
        found = candidates_of(memory, pipeline, name, case)
        covers = [set(found.items[r.id].provenance.source_ids) & case.evidence_turns
                  if r.id in found.items else set() for r in found.head]
        out.append(Question(name, split_of(name, case.case_id, case.haystack_id), case.haystack_id,
                            found, covers, set(case.evidence_turns)))
    return out


def candidates_of(memory: Memory, pipeline: RankingPipeline, name: str, case: BenchCase) -> Candidates:
    """Stages 1-2 of ``pipeline`` for one bench question, in the scope ``engram bench`` used."""
    query = Query(text=case.question, scope=memory_scope(f"bench:{name}:{case.haystack_id}"),
                  filters=Filters(), limit=100, now=case.question_time or utcnow())
    return pipeline.candidates(query, memory.store, memory.embedder)


def scored(memory: Memory, pipeline: RankingPipeline, case: BenchCase, name: str) -> dict[str, Any]:
    """One question's top-k record through the real ``pipeline``, with its split."""
    record = top_k_record(memory, pipeline, case, name)
    record["split"] = split_of(name, case.case_id, case.haystack_id)
    return record


Records = dict[str, list[dict[str, Any]]]


def by_split(results: dict[str, Records], metrics: tuple[str, ...]) -> dict[str, Any]:
    """Per dataset and system, the ``metrics`` over dev, test and all."""
    return {name: {system: {part: aggregate([r for r in records if part == "all" or r["split"] == part],
                                            metrics)["overall"] for part in ("dev", "test", "all")}
                   for system, records in by_system.items()}
            for name, by_system in results.items()}


Store = tuple[str, str, Memory, list[BenchCase]]


def command_line(doc: str, model_path: Path) -> tuple[argparse.Namespace, dict[str, Path]]:
    """The trainers' shared arguments (datasets, --db, --seed, --workdir, --out, --tag,
    --write-model) and the --db files by NAME[:SPLIT]."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("datasets", nargs="+", help="NAME=PATH[@N]")
    parser.add_argument("--db", action="append", default=[], help="NAME[:SPLIT]=FILE: an engram bench database")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path(".engram-bench"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--tag", default="")
    parser.add_argument("--write-model", action="store_true", help=f"write the fitted model to {model_path}")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    return args, {k: Path(v) for k, _, v in (d.partition("=") for d in args.db)}


def open_datasets(args: argparse.Namespace, dbs: dict[str, Path], settings: Settings,
                  read: Callable[[Memory, str, list[BenchCase]], list[Q]]) -> tuple[list[Store], list[Q]]:
    """Every dataset split's store (a --db file, or ingested into the workdir) and its
    questions as ``read`` collects them."""
    stores: list[Store] = []
    opened: dict[Path, Memory] = {}
    questions: list[Q] = []
    for spec in args.datasets:
        name, path, samples = parse_spec(spec)
        for split, cases in load_cases(name, path, samples, args.seed).items():
            memory = open_store(name, split, cases, dbs, args.workdir, settings, opened)
            stores.append((name, split, memory, cases))
            questions += read(memory, name, cases)
            print(f"{name} {split}: {len(cases)} questions read", flush=True)
    return stores, questions


def gather(stores: list[Store], run: Callable[[Memory, str, list[BenchCase]], Records]) -> dict[str, Records]:
    """Each system's records (``run`` on every store), by dataset; the stores are closed after."""
    results: dict[str, Records] = defaultdict(lambda: defaultdict(list))
    try:
        for name, _split, memory, cases in stores:
            for system, records in run(memory, name, cases).items():
                results[name][system].extend(records)
    finally:
        for memory in {id(m): m for _, _, m, _ in stores}.values():
            memory.close()
    return results


def design(questions: list[Question], depth: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, labels and weights: each question 1 within its dataset, each dataset the same."""
    per_dataset = Counter(q.dataset for q in questions)
    xs, ys, ws = [], [], []
    for q in questions:
        x, covers = q.x(depth), q.covers[:depth]
        if not any(covers) or q.faceted:
            continue  # nothing in the head to learn from, or the stage does not run
        xs.append(x)
        ys.append([1.0 if c else 0.0 for c in covers])
        ws.append(np.full(len(x), 1.0 / (len(x) * per_dataset[q.dataset])))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def fit(questions: list[Question], l2: float, depth: int) -> RankerModel:
    x, y, w = design(questions, depth)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    beta = logistic.solve((x - mean) / scale, y, w, l2, maxiter=1000)
    return RankerModel(mean=mean, scale=scale, coef=beta[:-1], bias=float(beta[-1]),
                       provenance={"depth": depth})


def head_metrics(questions: list[Question], model: RankerModel | None) -> dict[str, dict[str, float]]:
    """Per dataset: R@1, R@10 and all@10 of the head ordered by ``model`` (fused order when None)."""
    rows: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    depth = model.depth if model else min(DEPTHS)
    for q in questions:
        if not q.evidence:
            continue
        x = q.x(depth)
        learns = model is not None and len(x) and not q.faceted
        order = (np.argsort(-model.probabilities(x), kind="stable")
                 if model is not None and learns else range(len(x)))
        ranked = [q.covers[i] for i in order] + q.covers[len(x):]
        top10 = set().union(*ranked[:10]) if ranked else set()
        rows[q.dataset].append((float(bool(ranked and ranked[0])), float(bool(top10)),
                                float(q.evidence <= top10)))
    return {d: dict(zip(("r@1", "r@10", "all@10"), np.mean(v, axis=0).round(4).tolist(), strict=True))
            for d, v in rows.items()}


def objective(metrics: dict[str, dict[str, float]]) -> float:
    return float(np.mean([m["r@1"] + m["r@10"] + m["all@10"] for m in metrics.values()]))


def fold_of(q: Question) -> int:
    return int(hashlib.sha256(f"{q.dataset}/{q.haystack}".encode()).hexdigest(), 16) % FOLDS


def cross_validate(dev: list[Question]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The depth and L2 strength with the best held-out-fold objective, and every point's figures."""
    table = []
    for depth, l2 in itertools.product(DEPTHS, L2_GRID):
        held: list[Question] = []
        scored: dict[str, list[dict[str, float]]] = defaultdict(list)
        for fold in range(FOLDS):
            train = [q for q in dev if fold_of(q) != fold]
            test = [q for q in dev if fold_of(q) == fold]
            if not test:
                continue
            model = fit(train, l2, depth)
            for d, m in head_metrics(test, model).items():
                scored[d].append({**m, "n": sum(1 for q in test if q.dataset == d)})
            held += test
        pooled = {d: {k: float(np.average([m[k] for m in ms], weights=[m["n"] for m in ms]))
                      for k in ("r@1", "r@10", "all@10")} for d, ms in scored.items()}
        table.append({"depth": depth, "l2": l2, "objective": objective(pooled), "by_dataset": pooled})
        print(json.dumps(table[-1]), flush=True)
    return max(table, key=lambda r: r["objective"]), table


def evaluate(memory: Memory, name: str, cases: list[BenchCase], model: RankerModel) -> dict[str, list[dict[str, Any]]]:
    """Every case through the real pipeline: BM25, the hybrid without the stage, and with it."""
    systems: dict[str, list[dict[str, Any]]] = defaultdict(list)
    shipped_rivals = currency.RIVALS_BY
    try:
        for system in SYSTEMS:
            memory.retriever = make_retriever(system.split("+")[0])
            staged = system != "bm25"
            on = "+learned" in system
            currency.RIVALS_BY = "fused" if system.endswith("+fused-rivals") else "score"
            pipeline = replace(memory.pipeline(), current_state=staged, facets=staged,
                               model=model if on else None)
            systems[system] += [scored(memory, pipeline, case, name) for case in cases]
    finally:
        currency.RIVALS_BY = shipped_rivals
    return systems


def main() -> None:
    args, dbs = command_line(__doc__ or "", learned.MODEL_PATH)
    settings = Settings().model_copy(update={"exhaustive_max_items": 0})
    started = time.perf_counter()
    stores, questions = open_datasets(args, dbs, settings, collect)
    dev = [q for q in questions if q.split == "dev"]
    best, cv = cross_validate(dev)
    l2, depth = best["l2"], best["depth"]
    model = fit(dev, l2, depth)
    figures = by_split(gather(stores, lambda memory, name, cases: evaluate(memory, name, cases, model)), METRICS)
    command = "python benchmarks/train_ranker.py " + " ".join(sys.argv[1:])
    provenance = {"retriever": "hybrid", "fitted": date.today().isoformat(), "command": command, "l2": l2, "depth": depth,
                  "dev_questions": {d: sum(1 for q in dev if q.dataset == d) for d in {q.dataset for q in dev}},
                  "results": f"benchmarks/results/ranker-{date.today().isoformat()}{args.tag}.md"}
    model = replace(model, provenance=provenance)
    if args.write_model:
        model.save(learned.MODEL_PATH)
    report = {"command": command, "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
              "seconds": time.perf_counter() - started, "cv": cv, "l2": l2, "depth": depth, "figures": figures,
              "coefficients": dict(zip(FEATURES, model.coef.round(4).tolist(), strict=True)),
              "fused_head_dev": head_metrics(dev, None), "learned_head_dev": head_metrics(dev, model)}
    write_report(args.out / f"ranker-{date.today().isoformat()}{args.tag}", report)


def figure_rows(figures: dict[str, Any], metrics: tuple[str, ...]) -> list[str]:
    """The dev / test / all table of :func:`by_split`'s figures, as Markdown lines."""
    lines = ["| dataset | system | split | " + " | ".join(metrics) + " |", "|---|---|---|" + "---|" * len(metrics)]
    for name, by_system in figures.items():
        for part in ("dev", "test", "all"):
            for system, parts in by_system.items():
                m = parts[part]
                lines.append(f"| {name} | {system} | {part} | " + " | ".join(
                    f"{m.get(k):.3f}" if m.get(k) is not None else "—" for k in metrics) + " |")
    return lines


def write_report(stem: Path, report: dict[str, Any]) -> None:
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2, default=str))
    lines = ["# Learned relevance stage: fitted on dev, scored on dev / test / all", "",
             f"Command: `{report['command']}`. Depth {report['depth']}, L2 {report['l2']} "
             "(5-fold CV grouped by haystack, dev only). "
             f"Load at the end: {report['load']}; {report['seconds']:.0f} s.", ""]
    lines += figure_rows(report["figures"], METRICS)
    lines += ["", "CV on dev (head reordered by the model; objective = mean over datasets of R@1 + R@10 + all@10):", "",
              "| depth | L2 | objective | " + " | ".join(report["cv"][0]["by_dataset"]) + " |",
              "|---|---|---|" + "---|" * len(report["cv"][0]["by_dataset"])]
    lines += [f"| {r['depth']} | {r['l2']} | {r['objective']:.4f} | " + " | ".join(
        "{r@1:.3f} / {r@10:.3f} / {all@10:.3f}".format(**m) for m in r["by_dataset"].values()) + " |"
        for r in report["cv"]]
    lines += ["", "Coefficients (standardised features): " + ", ".join(
        f"{k} {v:+.3f}" for k, v in report["coefficients"].items())]
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
