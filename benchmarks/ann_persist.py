"""First search of a fresh process vs a warm one, with the HNSW graph saved beside the
store (issue #17). Two parts:

* ``store``: a SQLite store of N synthetic memories in one scope (benchmarks/scale.py's
  write path and clustered 384-d vectors). The parent ingests, runs the first search
  (which builds and saves the graph) and closes; then a *fresh process* opens the store,
  loads the saved graph (``preload_vectors``: the "index open"), runs its first search and
  100 warm ones. A second fresh process runs its first search without preloading.
* ``index``: the graph alone (``VectorMatrix`` + ``engram.index.ann_file``) at larger N,
  synthetic vectors, no SQLite: build, save, then a fresh process loads and searches.

Results: benchmarks/results/ann-persist-<date>.{json,md}

    python benchmarks/ann_persist.py --store 100000 --index 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from quantization import clustered  # noqa: E402
from scale import ingest  # noqa: E402

from engram.bench.metrics import latency_summary  # noqa: E402
from engram.model import Filters, Scope  # noqa: E402

SCOPE = Scope(user_id="u0")
QUERIES = 101


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def timed(fn: Any) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, 1000 * (time.perf_counter() - t0)


def store_parent(n: int, workdir: Path) -> dict[str, Any]:
    from engram.store.sqlite import SQLiteStore

    path = workdir / "ann.db"
    store = SQLiteStore(path)
    ingested = ingest(store, clustered(n, seed=1), 1, 5000)
    _, build_ms = timed(lambda: store.vector_search(SCOPE, clustered(1, seed=7)[0], Filters(), limit=10))
    store.close()
    row: dict[str, Any] = {"part": "store", "n": n, "ingest_per_s": ingested["per_second"],
                           "first_search_building_graph_ms": round(build_ms), "load_at_build": load()}
    for preload in (True, False):
        child = subprocess.run([sys.executable, __file__, "--child-store", str(path), "--preload",
                                str(int(preload))], capture_output=True, text=True, check=True)
        row["preloaded" if preload else "not_preloaded"] = json.loads(child.stdout.strip().splitlines()[-1])
    return row


def store_child(path: Path, preload: bool) -> dict[str, Any]:
    from engram.store.sqlite import SQLiteStore

    queries = clustered(QUERIES, seed=9)
    store, open_ms = timed(lambda: SQLiteStore(path))
    used_saved, index_open_ms = timed(store.preload_vectors) if preload else (None, 0.0)
    _, first_ms = timed(lambda: store.vector_search(SCOPE, queries[0], Filters(), limit=10))
    warm = [timed(lambda q=q: store.vector_search(SCOPE, q, Filters(), limit=10))[1] for q in queries[1:]]
    built = store._matrix.ann_builds if store._matrix is not None else None
    store.close()
    return {"store_open_ms": round(open_ms, 1), "index_open_ms": round(index_open_ms, 1),
            "saved_graph_used": used_saved, "graphs_built": built, "first_search_ms": round(first_ms, 2),
            "warm": latency_summary(warm), "load": load()}


def index_parent(n: int, workdir: Path) -> dict[str, Any]:
    from engram.index import ann_file
    from engram.index.vector import VectorMatrix

    vectors = clustered(n, seed=1)
    np.save(workdir / "vectors.npy", vectors)
    matrix = VectorMatrix(vectors.shape[1], ann_threshold=1)
    matrix.upsert(np.arange(n), vectors)
    del vectors
    _, build_ms = timed(matrix.ensure_ann)
    count, checksum = ann_file.ids_checksum(matrix.keys())
    stamp = ann_file.Stamp(store_id="bench", model_id="synthetic-384", dim=384, epoch=1, count=count,
                           checksum=checksum)
    _, save_ms = timed(lambda m=matrix: ann_file.save(workdir / "index.ann", m, stamp))
    del matrix
    size = sum(f.stat().st_size for f in (workdir / "index.ann").rglob("*") if f.is_file())
    child = subprocess.run([sys.executable, __file__, "--child-index", str(workdir), "--n", str(n)],
                           capture_output=True, text=True, check=True)
    return {"part": "index", "n": n, "build_ms": round(build_ms), "save_ms": round(save_ms),
            "saved_mb": round(size / 2**20), "load_at_build": load(),
            "fresh_process": json.loads(child.stdout.strip().splitlines()[-1])}


def index_child(workdir: Path, n: int) -> dict[str, Any]:
    from engram.index import ann_file

    source = np.load(workdir / "vectors.npy", mmap_mode="r")
    meta = json.loads((workdir / "index.ann" / "current.json").read_text())
    stamp = ann_file.Stamp(**{k: meta[k] for k in ("store_id", "model_id", "dim", "epoch", "count", "checksum")})
    matrix, open_ms = timed(lambda: ann_file.load(
        workdir / "index.ann", stamp, ann_threshold=1,
        read_vectors=lambda keys: {k: np.asarray(source[k]) for k in keys}))
    assert matrix is not None, "saved graph rejected"
    queries = clustered(QUERIES, seed=9)
    everything = lambda keys: np.ones(len(keys), dtype=bool)  # noqa: E731
    _, first_ms = timed(lambda: matrix.search_ann(queries[0], 10, everything))
    warm = [timed(lambda q=q: matrix.search_ann(q, 10, everything))[1] for q in queries[1:]]
    return {"index_open_ms": round(open_ms), "first_search_ms": round(first_ms, 2),
            "warm": latency_summary(warm), "load": load()}


def write(rows: list[dict[str, Any]], command: str, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"ann-persist-{date.today().isoformat()}"
    stem.with_suffix(".json").write_text(json.dumps({"command": command, "rows": rows}, indent=2) + "\n")
    lines = [f"# Saved HNSW graph: first search in a fresh process ({date.today().isoformat()})", "",
             "Synthetic clustered 384-d unit vectors (benchmarks/quantization.py), one scope, "
             f"`limit=10`, {QUERIES - 1} warm queries; {os.cpu_count()} shared cores (load averages 1/5/15).", "",
             "| part | n | graph build ms | index open ms | first search ms | warm p50 ms | first / warm p50 | load |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        runs = [("preloaded", r["preloaded"]), ("not preloaded", r["not_preloaded"])] if r["part"] == "store" \
            else [("", r["fresh_process"])]
        for label, c in runs:
            build = r.get("first_search_building_graph_ms", r.get("build_ms"))
            ratio = c["first_search_ms"] / max(c["warm"]["p50"], 1e-9)
            lines.append(f"| {r['part']} {label} | {r['n']:,} | {build:,} | {c['index_open_ms']:,} | "
                         f"{c['first_search_ms']} | {c['warm']['p50']} | {ratio:.1f} | {' '.join(map(str, c['load']))} |")
    lines += ["", "Graph build: the first search of the process that built and saved it (the old cost of "
              "every fresh process). Index open: reading the saved graph and its vectors "
              "(`preload_vectors`, or inside the first search when not preloaded).", "",
              f"Command: `{command}`", ""]
    stem.with_suffix(".md").write_text("\n".join(lines))
    return stem.with_suffix(".md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=int, default=0, help="memories in the SQLite part (0: skip)")
    parser.add_argument("--index", type=int, default=0, help="vectors in the index-only part (0: skip)")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--child-store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--preload", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--child-index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_store:
        print(json.dumps(store_child(args.child_store, bool(args.preload))))
        return
    if args.child_index:
        print(json.dumps(index_child(args.child_index, args.n)))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="engram-ann-") as tmp:
        if args.store:
            rows.append(store_parent(args.store, Path(tmp)))
            print(rows[-1], flush=True)
    with tempfile.TemporaryDirectory(prefix="engram-ann-") as tmp:
        if args.index:
            rows.append(index_parent(args.index, Path(tmp)))
            print(rows[-1], flush=True)
    print(write(rows, "python benchmarks/ann_persist.py " + " ".join(sys.argv[1:]), args.out).read_text())


if __name__ == "__main__":
    main()
