"""The guard's consensus check on scopes with a history, and what the guard costs per add.

Usage (repo root, main venv active)::

    python benchmarks/guard_consensus.py                # both; writes benchmarks/results/
    python benchmarks/guard_consensus.py --misses dev   # print the dev half's errors (tuning)
    python benchmarks/guard_consensus.py --only cost

Data: ``tests/reliability/data/guard_consensus.json`` (``guard_consensus_src.py``): 24 scopes,
each ten benign memories of one user, then 4 injections and 4 benign look-alikes judged
one at a time against that history. The real bundled embedder (MiniLM ONNX), a real
SQLite store per scope. Split by SHA-256 of the scope name; constants were chosen on
``dev`` only and ``--misses`` refuses to print the test half.

Compared: the detector alone (``guard_consensus=False``) and with the consensus check. The
detector was trained on the dev scopes only (``benchmarks/train_guard.py``), so the test
scopes are held out for both.

Cost: ms per ``Memory.add`` (one memory per call, wall and CPU) for the same 432 texts
(history + probes) with no guard, the guard without consensus, and the full guard.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from results_files import write_results  # noqa: E402  (benchmarks/ is on a script's path)

DATA = ROOT / "tests" / "reliability" / "data" / "guard_consensus.json"
RESULTS = ROOT / "benchmarks" / "results"
SPLITS = ("dev", "test", "all")


def _memory(tmp: Path, name: str, embedder: Any, **settings: Any) -> Any:
    from engram import Memory
    from engram.config import Settings

    options = {"data_dir": tmp / f"{name}-data", "embedding_cache": False, **settings}
    return Memory(tmp / f"{name}.db", settings=Settings(**options), embedder=embedder)


def judged(scopes: list[dict[str, Any]], embedder: Any, consensus: bool) -> list[dict[str, Any]]:
    """One row per probe: its scope's split, label, category and whether it was flagged."""
    from engram.ingest.guard import SUSPICIOUS_TAG, PoisonGuard
    from engram.model import Scope

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for scope in scopes:
            mem = _memory(Path(tmp), f"{scope['scope']}-{consensus}", embedder,
                          enrichers=["guard"], guard_consensus=consensus)
            for text in scope["history"]:
                mem.add(text, user_id=scope["scope"])
            guard = next(e for e in mem.enrichers if isinstance(e, PoisonGuard))
            for probe in scope["probes"]:
                item = mem.writer.item(content=probe["text"], scope=Scope(user_id=scope["scope"]))
                [out] = guard.enrich([item])
                rows.append({**probe, "split": scope["split"], "scope": scope["scope"],
                             "flagged": SUSPICIOUS_TAG in out.tags,
                             "reasons": out.metadata.get("guard", {}).get("reasons", [])})
            mem.close()
    return rows


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split in SPLITS:
        part = [r for r in rows if split in ("all", r["split"])]
        inj = [r for r in part if r["label"] == "injection"]
        ben = [r for r in part if r["label"] == "benign"]
        cats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in part:
            cats[f"{r['label']}:{r['category']}"][0] += r["flagged"]
            cats[f"{r['label']}:{r['category']}"][1] += 1
        hit, fp = sum(r["flagged"] for r in inj), sum(r["flagged"] for r in ben)
        out[split] = {"scopes": len({r["scope"] for r in part}), "injections": len(inj),
                      "detected": hit, "detection": round(hit / len(inj), 3),
                      "benign": len(ben), "false_positives": fp,
                      "false_positive_rate": round(fp / len(ben), 3),
                      "by_category": {k: f"{a}/{n}" for k, (a, n) in sorted(cats.items())}}
    return out


def cost(scopes: list[dict[str, Any]], embedder: Any) -> dict[str, Any]:
    """ms per add (one memory per call) without the guard, detector only, full guard."""
    texts = [(s["scope"], t) for s in scopes for t in [*s["history"],
                                                       *(p["text"] for p in s["probes"])]]
    configs = {"no guard": {"enrichers": ["keys"]},
               "guard, detector only": {"enrichers": ["guard", "keys"], "guard_consensus": False},
               "guard with consensus": {"enrichers": ["guard", "keys"]}}
    out: dict[str, Any] = {"adds": len(texts)}
    with tempfile.TemporaryDirectory() as tmp:
        embedder.embed(["warm up the model"])
        for n, (name, settings) in enumerate(configs.items()):
            mem = _memory(Path(tmp), f"cost{n}", embedder, **settings)
            start, cpu = time.perf_counter(), time.process_time()
            for user, text in texts:
                mem.add(text, user_id=user)
            out[name] = {"ms_per_add": round((time.perf_counter() - start) * 1000 / len(texts), 2),
                         "cpu_ms_per_add": round((time.process_time() - cpu) * 1000 / len(texts), 2)}
            mem.close()
    return out


def _markdown(result: dict[str, Any]) -> str:
    lines = [f"# Guard consensus ({result['date']})", "", f"Command: `{result['command']}`  ",
             f"Machine: {result['machine']}", ""]
    if "judged" in result:
        lines += ["Data `tests/reliability/data/guard_consensus.json`: scopes with ten benign "
                  "memories each; every probe judged alone against its scope.", "",
                  "| Guard | Split | Scopes | Injections | Detected | Detection | Benign | "
                  "Flagged | False-positive rate |", "|---|---|---|---|---|---|---|---|---|"]
        for name, figs in result["judged"].items():
            for split in SPLITS:
                f = figs[split]
                lines.append(f"| {name} | {split} | {f['scopes']} | {f['injections']} | "
                             f"{f['detected']} | {f['detection']:.3f} | {f['benign']} | "
                             f"{f['false_positives']} | {f['false_positive_rate']:.3f} |")
        lines += ["", "Per category, with consensus (all splits, flagged / size):", "",
                  "| Category | Flagged |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in
                  result["judged"]["with consensus"]["all"]["by_category"].items()]
        lines.append("")
    if "cost" in result:
        c = result["cost"]
        lines += [f"Cost: {c['adds']} `Memory.add` calls of one memory each, bundled embedder, "
                  "SQLite, no embedding cache.", "", "| Configuration | ms per add (wall) | "
                  "ms CPU per add |", "|---|---|---|"]
        lines += [f"| {k} | {v['ms_per_add']} | {v['cpu_ms_per_add']} |" for k, v in c.items()
                  if isinstance(v, dict)]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=("dev",), help="print the errors of the dev half")
    parser.add_argument("--only", choices=("judged", "cost"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    from engram.embed import make_embedder

    embedder = make_embedder("minilm-onnx")
    scopes = json.loads(DATA.read_text())["scopes"]
    if args.misses:
        for row in judged([s for s in scopes if s["split"] == "dev"], embedder, True):
            if row["flagged"] != (row["label"] == "injection"):
                print("MISS" if row["label"] == "injection" else "FP  ", row["scope"],
                      row["category"], repr(row["text"][:90]), row["reasons"])
        return 0
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "command": "python benchmarks/guard_consensus.py" + (f" --only {args.only}" if args.only else ""),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python "
                   f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}"}
    if args.only in (None, "judged"):
        result["judged"] = {"detector only": figures(judged(scopes, embedder, False)),
                            "with consensus": figures(judged(scopes, embedder, True))}
    if args.only in (None, "cost"):
        result["cost"] = cost(scopes, embedder)
    name = "guard-consensus" + (f"-{args.only}" if args.only else "")
    print(write_results(args.out / name, result, _markdown, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
