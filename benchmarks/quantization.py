"""How much retrieval quality do compact vector codes keep? (issue "Scale")

Compares exact float32 search with int8 scalar quantization (per-vector and global
scale), sign-bit codes with float32 / int8 rescoring of the top candidates, and PCA
reduction, on

(a) LoCoMo: real MiniLM embeddings (the default ``minilm-onnx`` embedder, cached under
    /tmp) of every round of the 10 conversations and of the 1,986 questions; each
    question searches its own conversation, as a scope would;
(b) a synthetic clustered set (``--synthetic N``, 384-d, unit vectors around 2,000
    random centres).

Reports neighbour recall@10 (overlap with float32 exact top 10) and, for LoCoMo,
evidence recall@k of each code. Writes benchmarks/results/quantization-<date>.{json,md,png}.

    python benchmarks/quantization.py --synthetic 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from results_files import write_results  # benchmarks/ is on the path of its scripts

from engram.bench.datasets import load_locomo
from engram.bench.metrics import recall_at_k
from engram.bench.runner import session_messages
from engram.embed import CachedEmbedder, make_embedder
from engram.embed.quantize import PCA, Int8Vectors, binarize, global_scale, quantize_int8
from engram.index.vector import top_k
from engram.ingest.rounds import group_rounds

ROOT = Path(__file__).resolve().parent
LOCOMO = Path(os.environ.get("LOCOMO_DIR", ROOT.parent.parent / "shared" / "datasets" / "locomo"))
CACHE = Path(os.environ.get("ENGRAM_BENCH_CACHE", "/tmp/engram-scale/embeddings.sqlite"))
K = 10


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- LoCoMo units (also used by benchmarks/vs_mem0.py and benchmarks/scale.py) ------
def locomo_rounds(path: Path = LOCOMO) -> tuple[dict[str, list[dict[str, Any]]], list[Any]]:
    """Per conversation: its rounds as {text, source_ids, session_id, time}; and the cases."""
    cases = load_locomo(path)
    convs: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        if case.haystack_id in convs:
            continue
        units = convs.setdefault(case.haystack_id, [])
        for session in case.sessions:
            for r in group_rounds([m for m in session_messages(session) if m.content.strip()]):
                units.append({"text": r.text, "source_ids": r.source_ids,
                              "session_id": session.session_id, "time": r.timestamp})
    return convs, cases


def locomo_embeddings() -> tuple[dict[str, list[dict[str, Any]]], list[Any], dict[str, np.ndarray], np.ndarray]:
    convs, cases = locomo_rounds()
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    embedder = CachedEmbedder(make_embedder("minilm-onnx"), CACHE)
    vecs = {h: embedder.embed([u["text"] for u in units], role="passage") for h, units in convs.items()}
    queries = embedder.embed([c.question for c in cases], role="query")
    embedder.close()
    return convs, cases, vecs, queries


# -- codes under test ---------------------------------------------------------------
# Every code is scored in row blocks for a batch of queries at once (BLAS matmuls), so
# a 1M-row run fits in memory and minutes on 2 cores. Sign-bit similarity is computed
# as a ±1 dot product, which ranks exactly like (dim - Hamming distance).
Block = Callable[[int, int, np.ndarray], np.ndarray]  # (lo, hi, queries) -> (nq, hi-lo) scores


class Code:
    def __init__(self, nbytes: int, block: Block, transform: Callable[[np.ndarray], np.ndarray] | None = None,
                 rescore: tuple[int, Callable[[np.ndarray, np.ndarray], np.ndarray]] | None = None) -> None:
        self.nbytes, self.block, self.transform, self.rescore = nbytes, block, transform, rescore

    def search(self, queries: np.ndarray, n: int, k: int, chunk: int = 50_000) -> np.ndarray:
        q = self.transform(queries) if self.transform else queries
        fetch = k * self.rescore[0] if self.rescore else k
        best_i = np.empty((len(q), 0), dtype=np.int64)
        best_s = np.empty((len(q), 0), dtype=np.float32)
        for lo in range(0, n, chunk):
            hi = min(n, lo + chunk)
            s = np.concatenate([best_s, self.block(lo, hi, q).astype(np.float32)], axis=1)
            i = np.concatenate([best_i, np.broadcast_to(np.arange(lo, hi), (len(q), hi - lo))], axis=1)
            keep = np.argpartition(-s, min(fetch, s.shape[1] - 1), axis=1)[:, :fetch] \
                if s.shape[1] > fetch else np.argsort(-s, axis=1)
            best_s, best_i = np.take_along_axis(s, keep, 1), np.take_along_axis(i, keep, 1)
        out = np.empty((len(q), min(k, best_i.shape[1])), dtype=np.int64)
        for r in range(len(q)):
            cand = best_i[r]
            scores = self.rescore[1](queries[r], cand) if self.rescore else best_s[r]
            out[r] = cand[top_k(scores, k)]
        return out


def codes_for(mat: np.ndarray, sample: np.ndarray) -> dict[str, Code]:
    dim = mat.shape[1]
    per_vec = quantize_int8(mat)
    glob = quantize_int8(mat, scale=global_scale(sample))
    bits = binarize(mat)

    def f32(lo: int, hi: int, q: np.ndarray) -> np.ndarray:
        return q @ mat[lo:hi].T

    def i8(codes: Int8Vectors) -> Block:
        return lambda lo, hi, q: (q @ codes.codes[lo:hi].astype(np.float32).T) * codes.scales[lo:hi]

    def sign(lo: int, hi: int, q: np.ndarray) -> np.ndarray:
        plus = np.unpackbits(bits[lo:hi], axis=1, count=dim).astype(np.float32) * 2 - 1
        return np.where(q > 0, 1.0, -1.0).astype(np.float32) @ plus.T

    def exact_f32(q: np.ndarray, cand: np.ndarray) -> np.ndarray:
        return mat[cand] @ q

    def exact_i8(q: np.ndarray, cand: np.ndarray) -> np.ndarray:
        return Int8Vectors(per_vec.codes[cand], per_vec.scales[cand]).scores(q)

    out = {"float32": Code(4 * dim, f32),
           "int8 (per-vector scale)": Code(dim + 4, i8(per_vec)),
           "int8 (global scale)": Code(dim, i8(glob)),
           "binary (no rescoring)": Code(dim // 8, sign)}
    for factor in (4, 10):
        out[f"binary + float32 rescore x{factor}"] = Code(dim // 8 + 4 * dim, sign, rescore=(factor, exact_f32))
        out[f"binary + int8 rescore x{factor}"] = Code(dim // 8 + dim + 4, sign, rescore=(factor, exact_i8))
    for d in (192, 128):
        pca = PCA.fit(sample, d)
        red = np.concatenate([pca.transform(mat[lo:lo + 100_000]) for lo in range(0, len(mat), 100_000)])
        red8 = quantize_int8(red)
        out[f"PCA {d} float32"] = Code(4 * d, lambda lo, hi, q, r=red: q @ r[lo:hi].T, transform=pca.transform)
        out[f"PCA {d} int8"] = Code(d + 4, i8(red8), transform=pca.transform)
        del red
    return out


def overlap(found: np.ndarray, truth: np.ndarray) -> float:
    return len(set(found.tolist()) & set(truth.tolist())) / max(len(truth), 1)


# -- (a) LoCoMo ---------------------------------------------------------------------
def run_locomo() -> dict[str, Any]:
    started = time.perf_counter()
    convs, cases, vecs, queries = locomo_embeddings()
    embed_s = time.perf_counter() - started
    by_conv: dict[str, list[int]] = {}
    for i, case in enumerate(cases):
        by_conv.setdefault(case.haystack_id, []).append(i)
    sample = np.concatenate(list(vecs.values()))  # PCA/global scale fitted on all rounds (~5k)
    rows: dict[str, dict[str, list[float]]] = {}
    for h, idx in by_conv.items():
        mat = vecs[h]
        units = convs[h]
        qs = queries[idx]
        truth = Code(0, lambda lo, hi, q, mat=mat: q @ mat[lo:hi].T).search(qs, len(mat), K)
        for name, code in codes_for(mat, sample).items():
            acc = rows.setdefault(name, {"nn": [], "bytes": [code.nbytes], **{f"ev@{k}": [] for k in (1, 5, 10)}})
            found_all = code.search(qs, len(mat), K)
            for row, i in enumerate(idx):
                found = found_all[row]
                acc["nn"].append(overlap(found, truth[row]))
                ranked = [units[j]["source_ids"] for j in found]
                for k in (1, 5, 10):
                    r = recall_at_k(ranked, cases[i].evidence_turns, k, "any")
                    if r is not None:
                        acc[f"ev@{k}"].append(r)
    table = {name: {"bytes_per_vector": acc["bytes"][0], "neighbour_recall@10": float(np.mean(acc["nn"])),
                    **{f"evidence_recall_any@{k}": float(np.mean(acc[f"ev@{k}"])) for k in (1, 5, 10)}}
             for name, acc in rows.items()}
    return {"rounds": int(sum(len(u) for u in convs.values())), "questions": len(cases),
            "embed_seconds_incl_cache": round(embed_s, 1), "codes": table}


# -- (b) synthetic clustered --------------------------------------------------------
def clustered(n: int, dim: int = 384, *, centres: int = 2000, noise: float = 0.5,
              seed: int = 0, chunk: int = 100_000) -> np.ndarray:
    """Unit vectors around random centres, with an anisotropic spectrum like real
    sentence embeddings (component variance ~ 1/rank in a random rotation): without
    it, isotropic noise makes every code look worse than it is on real text."""
    rng = np.random.default_rng(0)  # the same centres and rotation for data and queries
    spectrum = (1.0 / np.sqrt(np.arange(1, dim + 1))).astype(np.float32)
    c = rng.standard_normal((centres, dim)).astype(np.float32) * spectrum
    rotation = np.linalg.qr(rng.standard_normal((dim, dim)))[0].astype(np.float32)
    rng = np.random.default_rng(seed)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        block = c[rng.integers(0, centres, m)] + noise * rng.standard_normal((m, dim), dtype=np.float32) * spectrum
        block = block @ rotation
        out[start:start + m] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def run_synthetic(n: int, n_queries: int) -> dict[str, Any]:
    started = time.perf_counter()
    mat = clustered(n)
    queries = clustered(n_queries, seed=1)
    sample = mat[np.random.default_rng(2).choice(n, min(n, 20_000), replace=False)]
    truth = Code(0, lambda lo, hi, q, mat=mat: q @ mat[lo:hi].T).search(queries, n, K)
    table: dict[str, Any] = {}
    for name, code in codes_for(mat, sample).items():
        t0 = time.perf_counter()
        found = code.search(queries, n, K)
        rec = [overlap(f, t) for f, t in zip(found, truth)]
        table[name] = {"bytes_per_vector": code.nbytes, "neighbour_recall@10": float(np.mean(rec)),
                       "ms_per_query_batched_numpy": round(1000 * (time.perf_counter() - t0) / len(queries), 2)}
        print(name, table[name], flush=True)
    return {"n": n, "dim": mat.shape[1], "queries": n_queries, "seconds": round(time.perf_counter() - started, 1),
            "codes": table}


# -- (c) PostgreSQL: float32 vs halfvec HNSW index ------------------------------------
def run_pg_halfvec(n_queries: int) -> dict[str, Any]:
    """Real MiniLM vectors of all distinct LoCoMo round/turn texts in one scope, on the
    tests' throwaway server: index size, ANN recall@10 vs exact, latency, per index kind."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT.parent / "tests" / "store"))
    from pg_server import PgServer
    from scale import ingest, real_vectors, recall, search, truth_for

    from engram.model import Scope
    from engram.store.postgres import PostgresStore

    vecs, queries = real_vectors(10_000)
    queries = queries[np.random.default_rng(4).choice(len(queries), n_queries, replace=False)]
    server = PgServer()
    out: dict[str, Any] = {"n": len(vecs), "queries": n_queries, "kinds": {}}
    try:
        for kind in ("float32", "halfvec"):
            url = server.fresh_url()
            store = PostgresStore(url, vector_dtype=kind, ann_threshold=len(vecs) // 2)
            ing = ingest(store, vecs, 1, 2000)
            ids = ing.pop("ids")
            everyone = np.arange(len(vecs))
            truth = truth_for(vecs, ids, queries, lambda _, everyone=everyone: everyone)
            found, lat = search(store, queries, lambda _: Scope(user_id="u0"))
            import psycopg
            with psycopg.connect(url, autocommit=True) as conn:
                sizes = dict(conn.execute(
                    "SELECT indexname, pg_relation_size(format('%I', indexname)::regclass) FROM pg_indexes"
                    " WHERE tablename = 'vectors' AND indexname LIKE 'vectors_hnsw%%'").fetchall())
            store.close()
            server.release(url)
            out["kinds"][kind] = {"index_bytes": sizes, "ingest_per_s": ing["per_second"],
                                  "recall@10_vs_exact": round(recall(found, truth), 4), **lat}
            print(kind, out["kinds"][kind], flush=True)
    finally:
        server.stop()
    return out


# -- report -------------------------------------------------------------------------
def markdown(result: dict[str, Any]) -> str:
    lines = [f"# Vector compression: recall vs float32 ({result['date']})", "",
             f"Load average at start / end: {result['loadavg_start']} / {result['loadavg_end']} (2 cores, shared).", ""]
    if "locomo" in result:
        lo = result["locomo"]
        lines += [f"## LoCoMo, real MiniLM vectors ({lo['rounds']} rounds, {lo['questions']} questions, "
                  "each searched within its conversation)", "",
                  "| code | bytes/vector | neighbour recall@10 | evidence R@1 | R@5 | R@10 |", "|---|---|---|---|---|---|"]
        for name, r in lo["codes"].items():
            lines.append(f"| {name} | {r['bytes_per_vector']} | {r['neighbour_recall@10']:.3f} | "
                         f"{r['evidence_recall_any@1']:.3f} | {r['evidence_recall_any@5']:.3f} | "
                         f"{r['evidence_recall_any@10']:.3f} |")
        lines.append("")
    if "synthetic" in result:
        sy = result["synthetic"]
        lines += [f"## Synthetic clustered, {sy['n']:,} x {sy['dim']}, {sy['queries']} queries", "",
                  "| code | bytes/vector | neighbour recall@10 | ms/query (batched numpy brute force, 2 shared cores) |", "|---|---|---|---|"]
        for name, r in sy["codes"].items():
            lines.append(f"| {name} | {r['bytes_per_vector']} | {r['neighbour_recall@10']:.3f} | "
                         f"{r['ms_per_query_batched_numpy']} |")
        lines.append("")
    lines.append(f"Command: `{result['command']}`")
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    for key, marker in (("locomo", "o"), ("synthetic", "s")):
        if key not in result:
            continue
        codes = result[key]["codes"]
        xs = [c["bytes_per_vector"] for c in codes.values()]
        ys = [c["neighbour_recall@10"] for c in codes.values()]
        ax.scatter(xs, ys, marker=marker, label="LoCoMo (MiniLM)" if key == "locomo" else
                   f"synthetic {result[key]['n']:,}")
        for name, x, y in zip(codes, xs, ys):
            ax.annotate(name, (x, y), fontsize=6, alpha=0.7)
    ax.set_xscale("log")
    ax.set_xlabel("bytes per vector (log)")
    ax.set_ylabel("recall@10 vs float32 exact")
    ax.set_title("Vector compression: size vs neighbour recall")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=1_000_000, help="synthetic rows (0: skip)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-locomo", action="store_true")
    parser.add_argument("--pg-halfvec", action="store_true",
                        help="only the PostgreSQL float32 vs halfvec index comparison")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    result: dict[str, Any] = {"date": date.today().isoformat(), "loadavg_start": load(),
                              "command": "python " + " ".join(sys.argv)}
    if args.pg_halfvec:
        result["pg_halfvec"] = run_pg_halfvec(args.queries)
        result["loadavg_end"] = load()
        stem = args.out / f"quantization-pg-{result['date']}"
        stem.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
        lines = [f"# PostgreSQL: float32 vs halfvec HNSW index ({result['date']})", "",
                 f"{result['pg_halfvec']['n']:,} real MiniLM vectors (LoCoMo rounds + turns) in one scope, "
                 f"{args.queries} LoCoMo questions, k=10. Load start/end: {result['loadavg_start']} / "
                 f"{result['loadavg_end']} (2 shared cores).", "",
                 "| index | HNSW bytes | ingest/s | recall@10 vs exact | p50 ms | p95 ms | p99 ms |",
                 "|---|---|---|---|---|---|---|"]
        for kind, r in result["pg_halfvec"]["kinds"].items():
            lines.append(f"| {kind} | {sum(r['index_bytes'].values()):,} | {r['ingest_per_s']} | "
                         f"{r['recall@10_vs_exact']:.3f} | {r['p50']:.2f} | {r['p95']:.2f} | {r['p99']:.2f} |")
        lines += ["", f"Command: `{result['command']}`"]
        stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
        print("\n".join(lines))
        return
    if not args.skip_locomo:
        result["locomo"] = run_locomo()
        print(json.dumps(result["locomo"], indent=1), flush=True)
    if args.synthetic:
        result["synthetic"] = run_synthetic(args.synthetic, args.queries)
        print(json.dumps(result["synthetic"], indent=1), flush=True)
    result["loadavg_end"] = load()
    print(write_results(args.out / f"quantization-{result['date']}", result, markdown, plot))


if __name__ == "__main__":
    main()
