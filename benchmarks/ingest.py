"""Ingest rounds/s against the bare embedder on the same texts, in one run (issue #17).

For each dataset sample, the same conversation rounds go through:

* ``bare embedder``: ``embedder.embed(all round texts)`` in one call (sorted by length
  inside the model wrapper): the ceiling;
* ``add per session``: ``Memory.add`` once per session, as ``engram bench`` ingests;
* ``add_many``: ``Memory.add_many`` with every session of the sample at once.

The bundled MiniLM ONNX model, embedding cache off, default enrichers (``keys``), a fresh
SQLite store per run. Samples: LoCoMo conversation 26 (short two-speaker rounds) and the
first LongMemEval-oracle haystacks up to ``--lme-rounds`` rounds (long user/assistant
rounds). Results: benchmarks/results/ingest-<date>.{json,md}

    python benchmarks/ingest.py --lme-rounds 150
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
DATA = Path("/work/shared/datasets") if Path("/work/shared/datasets").exists() \
    else ROOT.parent.parent / "shared" / "datasets"

from engram import Memory  # noqa: E402
from engram.bench.datasets import BenchSession, load_locomo, load_longmemeval  # noqa: E402
from engram.bench.runner import session_messages  # noqa: E402
from engram.config import Settings  # noqa: E402
from engram.ingest.rounds import to_units  # noqa: E402


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def locomo_sample() -> list[BenchSession]:
    return load_locomo(DATA / "locomo" / "26.json")[0].sessions


def lme_sample(max_rounds: int) -> list[BenchSession]:
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        tmp.write(lzma.decompress((DATA / "longmemeval" / "longmemeval_oracle.json.xz").read_bytes()))
        tmp.flush()
        cases = load_longmemeval(tmp.name)
    sessions: list[BenchSession] = []
    rounds = 0
    for case in cases:
        for session in case.sessions:
            sessions.append(session)
            rounds += len(to_units(messages(session), session.time))
        if rounds >= max_rounds:
            break
    return sessions


def messages(session: BenchSession) -> list[Any]:
    return [m for m in session_messages(session) if m.content.strip()]


def run(name: str, sessions: list[BenchSession], workdir: Path) -> list[dict[str, Any]]:
    settings = Settings(data_dir=workdir / "data", embedding_cache=False)
    texts = [u.text for s in sessions for u in to_units(messages(s), s.time)]
    rows = []
    mem = Memory(workdir / f"{name}-warm.db", settings=settings)
    mem.embedder.embed(["warm up the model"])  # model load is not ingest
    t0, c0 = time.perf_counter(), time.process_time()
    mem.embedder.embed(texts)
    bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0
    mem.close()
    rows.append({"dataset": name, "path": "bare embedder", "rounds": len(texts), "seconds": round(bare, 2),
                 "cpu_seconds": round(bare_cpu, 2)})
    for path in ("add per session", "add_many"):
        mem = Memory(workdir / f"{name}-{path.replace(' ', '-')}.db", settings=settings)
        mem.embedder.embed(["warm up the model"])
        t0, c0 = time.perf_counter(), time.process_time()
        if path == "add_many":
            stored = sum(len(r) for r in mem.add_many(
                [{"data": messages(s), "user_id": "u", "session_id": s.session_id, "event_time": s.time}
                 for s in sessions]))
        else:
            stored = sum(len(mem.add(messages(s), user_id="u", session_id=s.session_id,
                                     event_time=s.time)) for s in sessions)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        mem.close()
        assert stored == len(texts), (stored, len(texts))
        rows.append({"dataset": name, "path": path, "rounds": stored, "seconds": round(seconds, 2),
                     "cpu_seconds": round(cpu, 2)})
    for row in rows:
        row["rounds_per_s"] = round(row["rounds"] / row["seconds"], 2)
        row["vs_bare"] = round(row["rounds_per_s"] / rows[0]["rounds_per_s"], 3)
        row["rounds_per_cpu_s"] = round(row["rounds"] / row["cpu_seconds"], 2)
        row["vs_bare_cpu"] = round(row["rounds_per_cpu_s"] / rows[0]["rounds_per_cpu_s"], 3)
        row["avg_chars"] = round(sum(map(len, texts)) / len(texts))
        row["load"] = load()
        print(row, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lme-rounds", type=int, default=150)
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="engram-ingest-") as tmp:
        rows += run("locomo-26", locomo_sample(), Path(tmp))
        rows += run("longmemeval-oracle", lme_sample(args.lme_rounds), Path(tmp))
    command = "python benchmarks/ingest.py " + " ".join(sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"ingest-{date.today().isoformat()}"
    stem.with_suffix(".json").write_text(json.dumps({"command": command, "rows": rows}, indent=2) + "\n")
    lines = [f"# Ingest vs the bare embedder ({date.today().isoformat()})", "",
             "Bundled MiniLM ONNX, embedding cache off, enrichers `keys`, fresh SQLite store per path; "
             f"{os.cpu_count()} shared cores (load averages 1/5/15 at the end of each row).", "",
             "Wall time includes waiting for a core on the shared machine; CPU time (this process, "
             "all its threads) is the steadier comparison.", "",
             "| dataset | path | rounds | avg chars | wall s | rounds/s | vs bare | CPU s | rounds/CPU s "
             "| vs bare (CPU) | load |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['dataset']} | {r['path']} | {r['rounds']} | {r['avg_chars']} | {r['seconds']} | "
              f"{r['rounds_per_s']} | {r['vs_bare']:.0%} | {r['cpu_seconds']} | {r['rounds_per_cpu_s']} | "
              f"{r['vs_bare_cpu']:.0%} | {' '.join(map(str, r['load']))} |" for r in rows]
    lines += ["", f"Command: `{command}`", ""]
    stem.with_suffix(".md").write_text("\n".join(lines))
    print(stem.with_suffix(".md").read_text())


if __name__ == "__main__":
    main()
