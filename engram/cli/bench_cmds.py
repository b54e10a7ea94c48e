"""``engram bench``: retrieval benchmarks (LoCoMo, LongMemEval) with baselines."""

from __future__ import annotations

import json
import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from engram.cli.app import JsonOpt, command, err, out, print_json, store_options
from engram.errors import InvalidInputError

DEFAULT_DATA = {"locomo": Path("../shared/datasets/locomo"),
                "longmemeval": Path("../shared/datasets/longmemeval/longmemeval_s_cleaned.json.xz"),
                "beam": Path("../shared/datasets/beam/100K")}
UPSTREAM = {"locomo": "https://github.com/snap-research/locomo (data/locomo10.json)",
            "longmemeval": "https://huggingface.co/datasets/xiaowu0162/longmemeval-cleaned "
                           "(longmemeval_s_cleaned.json)"}


def data_path(dataset: str, data: Path | None) -> Path:
    """The dataset file or folder; when it is missing, say where to get it and how to pass it."""
    path = data or DEFAULT_DATA.get(dataset, Path("."))
    if dataset in UPSTREAM and not path.exists():
        where = "--data" if data else f"the default {path} (the shared datasets folder, relative to here)"
        raise InvalidInputError(
            f"no benchmark data at {path} ({where}). Download {dataset} from {UPSTREAM[dataset]} "
            f"and pass it with --data PATH, e.g. `engram bench {dataset} --data {DEFAULT_DATA[dataset]}`")
    return path


def _on_command_line(source: Enum | None) -> bool:
    """Was a parameter given on the command line (click's ParameterSource; Typer ships its own
    copy of that enum, so it is compared by name)?"""
    return source is not None and source.name == "COMMANDLINE"


def refuse_store_options(ctx: typer.Context) -> None:
    """``engram bench`` builds a fresh database under ``--workdir`` and never opens a store, so a
    ``--db``/``--create`` given on the command line would be silently ignored (or, honoured, a
    named store erased): refuse it. ``ENGRAM_DB`` in the environment is a default, not a request."""
    given_db = (_on_command_line(ctx.find_root().get_parameter_source("db"))
                or _on_command_line(ctx.get_parameter_source("engram_db")))
    if given_db or store_options(ctx).create:
        raise InvalidInputError(
            "engram bench builds a fresh benchmark database under --workdir (default .engram-bench) "
            "and does not use --db or --create; drop them and pass --workdir DIR to choose where it goes")


@command("bench")
def bench(
    ctx: typer.Context,
    dataset: Annotated[str, typer.Argument(help="locomo, longmemeval or beam")],
    data: Annotated[Path | None, typer.Option(help="dataset file or folder")] = None,
    systems: Annotated[str, typer.Option(
        help="comma-separated: bm25,dense,hybrid; 'hybrid+rerank' adds the ENGRAM_RERANKER reranker"
    )] = "bm25,dense,hybrid",
    limit: Annotated[int | None, typer.Option(help="only the first N questions")] = None,
    sample: Annotated[int | None, typer.Option(help="a seeded random sample of N questions")] = None,
    seed: Annotated[int, typer.Option(help="sampling seed")] = 7,
    split: Annotated[str, typer.Option(help="dev, test or all (the declared tuning split)")] = "all",
    types: Annotated[str | None, typer.Option(
        help="only these question types, comma-separated (e.g. knowledge-update)")] = None,
    workdir: Annotated[Path, typer.Option(help="where the benchmark database lives")] = Path(".engram-bench"),
    out_dir: Annotated[Path, typer.Option("--out", help="results folder")] = Path("benchmarks/results"),
    enrichers: Annotated[str, typer.Option(
        help="ingest enrichers, comma-separated ('keys' = key expansion; 'none' for raw rounds)")] = "keys",
    tag: Annotated[str | None, typer.Option(help="suffix for the result file names")] = None,
    qa: Annotated[bool, typer.Option(
        "--qa", help="also answer and LLM-judge each question (needs ENGRAM_LLM_BASE_URL)")] = False,
    qa_budget: Annotated[int, typer.Option(help="context tokens for the QA reader")] = 4000,
    as_json: JsonOpt = False,
) -> None:
    """Measure retrieval recall/NDCG/latency side by side for baselines and hybrid."""
    refuse_store_options(ctx)
    from engram.bench.report import write
    from engram.bench.runner import BenchConfig, run
    from engram.config import Settings

    config = BenchConfig(dataset=dataset, data=data_path(dataset, data),
                         systems=tuple(s.strip() for s in systems.split(",") if s.strip()),
                         limit=limit, sample=sample, seed=seed, split=split, workdir=workdir,
                         types=tuple(t.strip() for t in types.split(",") if t.strip()) if types else (),
                         settings=Settings(enrichers=[] if enrichers == "none" else enrichers.split(",")),
                         qa=qa, qa_budget=qa_budget)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        result = run(config, progress)
    command_line = "engram " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    paths = write(result, out_dir, command_line, tag=tag)
    if as_json:
        print_json({"results": json.loads(paths["json"].read_text()),
                    "files": {kind: str(path) for kind, path in paths.items()}})
        return
    out.print(paths["md"].read_text())
    for kind, path in paths.items():
        out.print(f"{kind}: {path}")
