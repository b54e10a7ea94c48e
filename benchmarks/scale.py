"""Ingest throughput and vector-search latency at 10k / 100k / 1M memories (issue "Scale").

Each run writes generated MemoryItems (plus their history rows) through the store's own
``add`` — the real write path: rows, FTS, history, vector blobs — then times
``vector_search(limit=10)``:

* ``one``: every memory in one scope (the worst case for a single user);
* ``spread``: the same count spread over 10,000 scopes, each query in a random scope;
* ``exact`` vs ``ann``: the same file opened with ``ann_threshold`` above the scope size
  (brute force over the in-memory matrix) and with the default (HNSW + exact rescoring);
  ANN recall@10 is measured against exact numpy search over the scope's vectors.

Vectors are synthetic clustered 384-d unit vectors (``benchmarks/quantization.py``'s
generator) except for ``--real``, which uses real MiniLM embeddings of LoCoMo rounds,
turns and questions (cached under /tmp). PostgreSQL (``--postgres``) runs on the
throwaway server of ``tests/store/pg_server.py``. Results: benchmarks/results/scale-<date>.*

    python benchmarks/scale.py --sizes 10000 100000 --real --postgres
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "tests" / "store"))

from quantization import clustered  # noqa: E402
from results_files import write_results  # noqa: E402

from engram.bench.metrics import latency_summary  # noqa: E402
from engram.index.vector import top_k  # noqa: E402
from engram.model import Filters, HistoryEntry, MemoryItem, Scope, utcnow  # noqa: E402

WORDS = ("alice bob lisbon hiking coffee guitar paris dentist promotion marathon garden sister "
         "painting novel vacation puppy recipe concert chess python tokyo").split()
SPREAD_SCOPES = 10_000


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def items_for(start: int, n: int, scopes: int, rng: random.Random) -> tuple[list[MemoryItem], list[HistoryEntry]]:
    now = utcnow()
    items = []
    for i in range(start, start + n):
        user = "u0" if scopes == 1 else f"u{i % scopes}"
        text = f"memory {i}: " + " ".join(rng.choice(WORDS) for _ in range(12))
        items.append(MemoryItem(scope=Scope(user_id=user), content=text, role="user",
                                event_time=now - timedelta(minutes=i), created_at=now, updated_at=now))
    history = [HistoryEntry(memory_id=it.id, version=1, op="add", at=now,
                            new={"content": it.content}) for it in items]
    return items, history


def ingest(store: Any, vectors: np.ndarray, scopes: int, batch: int) -> dict[str, Any]:
    rng = random.Random(0)
    ids: list[str] = []
    store_s = 0.0
    for start in range(0, len(vectors), batch):
        n = min(batch, len(vectors) - start)
        items, history = items_for(start, n, scopes, rng)
        t0 = time.perf_counter()
        store.add(items, vectors[start:start + n], history, model_id="bench-384")
        store_s += time.perf_counter() - t0
        ids += [it.id for it in items]
    return {"ids": ids, "seconds": round(store_s, 2), "per_second": round(len(vectors) / store_s, 1)}


def search(store: Any, queries: np.ndarray, scope_of: Callable[[int], Scope]) -> tuple[list[list[str]], dict[str, Any]]:
    filters = Filters()
    t0 = time.perf_counter()
    first = store.vector_search(scope_of(0), queries[0], filters, limit=10)  # cold: loads / builds
    cold_ms = 1000 * (time.perf_counter() - t0)
    results, times = [[i for i, _ in first]], []
    for n, q in enumerate(queries[1:], 1):
        t0 = time.perf_counter()
        hits = store.vector_search(scope_of(n), q, filters, limit=10)
        times.append(1000 * (time.perf_counter() - t0))
        results.append([i for i, _ in hits])
    summary = latency_summary(times)
    summary.update(cold_ms=round(cold_ms, 1), p99=round(float(np.percentile(times, 99)), 2),
                   loadavg=load())
    return results, summary


def after_write(store: Any, n: int, scopes: int, scope_of: Callable[[int], Scope], queries: np.ndarray,
                rounds: int = 20) -> float:
    """p50 search latency right after an add (caches invalidated, as in a live agent)."""
    rng, times = random.Random(9), []
    for j in range(rounds):
        items, history = items_for(n + j, 1, scopes, rng)
        store.add(items, clustered(1, seed=100 + j), history, model_id="bench-384")
        t0 = time.perf_counter()
        store.vector_search(scope_of(j), queries[j], Filters(), limit=10)
        times.append(1000 * (time.perf_counter() - t0))
    return round(float(np.percentile(times, 50)), 2)


def truth_for(vectors: np.ndarray, ids: list[str], queries: np.ndarray, members: Callable[[int], np.ndarray]) -> list[list[str]]:
    out = []
    for n, q in enumerate(queries):
        rows = members(n)
        out.append([ids[rows[j]] for j in top_k(vectors[rows] @ q, 10)])
    return out


def recall(found: list[list[str]], truth: list[list[str]]) -> float:
    return float(np.mean([len(set(f) & set(t)) / max(len(t), 1) for f, t in zip(found, truth)]))


# -- backends -------------------------------------------------------------------------
def sqlite_backend(workdir: Path) -> Iterator[Callable[..., Any]]:
    from engram.store.sqlite import SQLiteStore

    path = workdir / "scale.db"

    def make(**options: Any) -> Any:
        return SQLiteStore(path, **options)

    yield make
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def postgres_backend(workdir: Path) -> Iterator[Callable[..., Any]]:
    from pg_server import PgServer  # tests/store/pg_server.py: the tests' throwaway server

    from engram.store.postgres import PostgresStore

    server = PgServer()
    url = server.fresh_url()
    try:
        yield lambda **options: PostgresStore(url, **options)
    finally:
        server.release(url)
        server.stop()


BACKENDS = {"sqlite": sqlite_backend, "postgres": postgres_backend}


def run_case(backend: str, layout: str, vectors: np.ndarray, queries: np.ndarray, batch: int,
             workdir: Path, modes: tuple[str, ...]) -> dict[str, Any]:
    n = len(vectors)
    scopes = 1 if layout == "one" else SPREAD_SCOPES
    gen = BACKENDS[backend](workdir)
    make = next(gen)
    try:
        store = make()
        ing = ingest(store, vectors, scopes, batch)
        ids = ing.pop("ids")
        store.close()
        ing["loadavg"] = load()
        print(f"{backend} {layout} {n:,}: ingest {ing}", flush=True)
        if scopes == 1:
            scope_of: Callable[[int], Scope] = lambda _: Scope(user_id="u0")  # noqa: E731
            everyone = np.arange(n)
            members: Callable[[int], np.ndarray] = lambda _: everyone  # noqa: E731
        else:
            rng = np.random.default_rng(3)
            picks = rng.integers(0, min(scopes, n), len(queries))
            scope_of = lambda i: Scope(user_id=f"u{picks[i]}")  # noqa: E731
            members = lambda i: np.arange(picks[i], n, scopes)  # noqa: E731
        truth = truth_for(vectors, ids, queries, members)
        out: dict[str, Any] = {"backend": backend, "layout": layout, "n": n, "ingest": ing}
        for mode in modes:
            # ann: the default threshold, lowered below n so the index is used at 10k too
            threshold = 10 * n + 1 if mode == "exact" else min(20_000, n // 2)
            store = make(ann_threshold=threshold)
            found, lat = search(store, queries, scope_of)
            if mode == modes[-1]:  # then interleave writes: each search follows one add
                lat["after_write_p50"] = after_write(store, n, scopes, scope_of, queries)
            store.close()
            lat["recall@10_vs_exact"] = round(recall(found, truth), 4)
            out[mode] = lat
            print(f"  {mode}: {lat}", flush=True)
        return out
    finally:
        for _ in gen:
            pass


def real_vectors(limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Real MiniLM vectors: LoCoMo rounds, then single turns (memories); questions (queries)."""
    from quantization import CACHE, locomo_rounds

    from engram.embed import CachedEmbedder, make_embedder

    convs, cases = locomo_rounds()
    texts = [u["text"] for units in convs.values() for u in units]
    texts += [line for t in list(texts) for line in t.split("\n") if line.strip()]
    texts = list(dict.fromkeys(texts))[:limit]
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    embedder = CachedEmbedder(make_embedder("minilm-onnx"), CACHE)
    vecs = embedder.embed(texts, role="passage")
    queries = embedder.embed([c.question for c in cases], role="query")
    embedder.close()
    return vecs, queries


def plot(results: list[dict[str, Any]], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    series: dict[str, list[tuple[int, float, float]]] = {}
    for r in results:
        if r.get("vectors") == "real":
            continue
        for mode in ("exact", "ann"):
            if mode in r:
                series.setdefault(f"{r['backend']} {r['layout']} {mode}", []).append(
                    (r["n"], r[mode]["p50"], r[mode]["p99"]))
    for name, pts in sorted(series.items()):
        pts.sort()
        for ax, col in zip(axes, (1, 2)):
            ax.plot([p[0] for p in pts], [p[col] for p in pts], marker="o", label=name)
    for ax, title in zip(axes, ("p50", "p99")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("memories")
        ax.set_ylabel(f"vector_search {title} (ms)")
        ax.grid(alpha=0.3)
        ax.set_title(f"search latency {title}, k=10")
    axes[0].axhline(10, color="grey", ls=":")
    axes[1].axhline(50, color="grey", ls=":")
    axes[1].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def markdown(result: dict[str, Any]) -> str:
    lines = [f"# Scale benchmark ({result['date']})", "",
             "Synthetic clustered 384-d vectors unless marked real; `vector_search(limit=10)`; "
             f"{result['queries']} queries per case; 2 shared cores (load averages 1/5/15 min per row).", "",
             "| backend | layout | vectors | n | ingest/s | mode | p50 ms | p95 ms | p99 ms | cold ms | after-write p50 ms | recall@10 vs exact | load |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in result["runs"]:
        for mode in ("exact", "ann"):
            if mode not in r:
                continue
            m = r[mode]
            lines.append(f"| {r['backend']} | {r['layout']} | {r.get('vectors', 'synthetic')} | {r['n']:,} | "
                         f"{r['ingest']['per_second']:,} | {mode} | {m['p50']:.2f} | {m['p95']:.2f} | {m['p99']:.2f} | "
                         f"{m['cold_ms']:.0f} | {m.get('after_write_p50', '')} | {m['recall@10_vs_exact']:.3f} | {' '.join(map(str, m['loadavg']))} |")
    if result.get("skipped"):
        lines += ["", "Skipped:", *[f"- {s}" for s in result["skipped"]]]
    lines += ["", f"Command: `{result['command']}`"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--layouts", nargs="+", default=["one", "spread"])
    parser.add_argument("--backends", nargs="+", default=["sqlite"])
    parser.add_argument("--postgres", action="store_true", help="add the postgres backend")
    parser.add_argument("--pg-max", type=int, default=100_000, help="largest size run on postgres")
    parser.add_argument("--real", action="store_true", help="add a 10k run with real MiniLM vectors")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--skip", action="append", default=[], help="a reason to record as skipped")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    backends = args.backends + (["postgres"] if args.postgres and "postgres" not in args.backends else [])
    workdir = Path(tempfile.mkdtemp(prefix="engram-scale-"))
    result: dict[str, Any] = {"date": date.today().isoformat(), "command": "python " + " ".join(sys.argv),
                              "queries": args.queries, "runs": [], "skipped": list(args.skip),
                              "loadavg_start": load()}
    stem = args.out / f"scale-{result['date']}{args.tag}"
    args.out.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        result["loadavg_end"] = load()
        write_results(stem, result, markdown)

    queries = clustered(args.queries, seed=1)
    try:
        if args.real:
            vecs, qs = real_vectors(10_000)
            qs = qs[np.random.default_rng(4).choice(len(qs), args.queries, replace=False)]
            for backend in backends:
                r = run_case(backend, "one", vecs, qs, args.batch, workdir, ("exact", "ann"))
                r["vectors"] = "real"
                result["runs"].append(r)
                save()
        for n in sorted(args.sizes):
            vectors = clustered(n)
            for backend in backends:
                if backend == "postgres" and n > args.pg_max:
                    result["skipped"].append(f"postgres at {n:,}: above --pg-max {args.pg_max:,}")
                    continue
                for layout in args.layouts:
                    modes = ("exact", "ann") if layout == "one" and n > 20_000 else ("exact",)
                    result["runs"].append(run_case(backend, layout, vectors, queries, args.batch,
                                                   workdir, modes))
                    save()
            del vectors
            gc.collect()
    finally:
        save()
        plot(result["runs"], stem.with_suffix(".png"))
        shutil.rmtree(workdir, ignore_errors=True)
    print(markdown(result))


if __name__ == "__main__":
    main()
