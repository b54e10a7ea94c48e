"""What physical deletion costs (issue #14, item 6), and what one-transaction import costs.

For each store size, a SQLite store is filled with LoCoMo turns (cycled, each round in a
session of 20, so the neighbour-context field is populated) through ``Store.add``, and
then timed:

* ``logical``: ``Store.delete`` alone — rows, FTS entry, vector, history blanked; what a
  delete did before: its text stayed in FTS segments and the WAL until ``purge()``;
* ``delete``: ``Memory.delete`` — the logical delete plus the privacy clean-up (derived
  items, cache rows, vault rows) plus ``settle``;
* ``settle``: the step every delete now ends with (FTS5 'optimize' + WAL checkpoint
  TRUNCATE of the store and the embedding cache), timed inside ``Memory.delete``;
* ``delete_all``: ``Memory.delete_all`` of one 20-memory session (one settle for all);
* ``import``: ``Memory.import_`` of 1,000 export lines in one transaction.

The hashing embedder is used (deletion never embeds; import's embedding cost is the
embedder's, measured in benchmarks/embedders.py). Results: benchmarks/results/deletion.*

    python benchmarks/deletion.py --sizes 1000 5000 20000 --samples 15
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from engram import Memory  # noqa: E402
from engram.config import Settings  # noqa: E402
from engram.embed.hashing import HashingEmbedder  # noqa: E402
from engram.model import HistoryEntry, MemoryItem, Scope, tombstone, utcnow  # noqa: E402

LOCOMO = Path("/work/shared/datasets/locomo")
SESSION = 20


def turns() -> list[str]:
    out = []
    for path in sorted(LOCOMO.glob("*.json")):
        conv = json.loads(path.read_text())
        conv = conv.get("conversation", conv)
        for value in conv.values():
            if isinstance(value, list):
                out += [f"{t.get('speaker', 'user')}: {t['text']}" for t in value
                        if isinstance(t, dict) and t.get("text")]
    return out


def fill(mem: Memory, size: int, texts: list[str]) -> None:
    embedder = mem.embedder
    now = utcnow()
    for start in range(0, size, 500):
        items = [MemoryItem(scope=Scope(user_id=f"u{n // (SESSION * 10)}", session_id=f"s{n // SESSION}"),
                            content=texts[n % len(texts)] + f" (#{n})", event_time=now)
                 for n in range(start, min(size, start + 500))]
        history = [HistoryEntry(memory_id=i.id, version=1, op="add", new=i.snapshot()) for i in items]
        mem.store.add(items, embedder.embed([i.content for i in items]), history,
                      model_id=embedder.model_id)


def ms(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"p50": round(statistics.median(values) * 1000, 2),
            "p90": round(values[int(0.9 * (len(values) - 1))] * 1000, 2),
            "mean": round(statistics.fmean(values) * 1000, 2)}


def run(size: int, samples: int, texts: list[str], folder: Path) -> dict[str, Any]:
    settings = Settings(data_dir=folder / "data", embedding_cache=True)
    mem = Memory(folder / "engram.db", settings=settings, embedder=HashingEmbedder())
    fill(mem, size, texts)
    mem.store.settle()  # start from a merged index and an empty WAL, as after any delete
    rng = random.Random(size)
    scopes = {i.id: i.scope for i in mem.store.iter_items(None)}
    victims = rng.sample(sorted(scopes), 2 * samples)
    logical, full = [], []
    for memory_id in victims[:samples]:
        item = mem.store.get(scopes[memory_id], [memory_id])[0]
        t0 = time.perf_counter()
        mem.store.delete(item.scope, [item.id], [tombstone(item.id, item.version, None)])
        logical.append(time.perf_counter() - t0)
    mem.store.settle()
    settle: list[float] = []
    inner = mem._settle

    def timed_settle() -> None:
        t = time.perf_counter()
        inner()
        settle.append(time.perf_counter() - t)

    mem._settle = timed_settle  # type: ignore[method-assign]
    for memory_id in victims[samples:]:
        t0 = time.perf_counter()
        mem.delete(memory_id, scope=scopes[memory_id])
        full.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    deleted = mem.delete_all(user_id="u0", session_id="s3")
    delete_all = time.perf_counter() - t0
    with sqlite3.connect(mem.store.path) as conn:
        index_bytes = conn.execute("SELECT sum(length(block)) FROM memories_fts_data").fetchone()[0]
    db_bytes = os.path.getsize(mem.store.path)
    lines = list(mem.export(all_scopes=True))[: 1001]
    mem.close()
    target = Memory(folder / "import.db", settings=settings, embedder=HashingEmbedder())
    t0 = time.perf_counter()
    report = target.import_(lines)
    import_s = time.perf_counter() - t0
    target.close()
    return {"memories": size, "db_bytes": db_bytes, "fts_index_bytes": index_bytes,
            "samples": samples, "logical_delete_ms": ms(logical), "delete_ms": ms(full),
            "settle_ms": ms(settle), "delete_all_rows": deleted,
            "delete_all_ms": round(delete_all * 1000, 2),
            "import_lines": report.imported, "import_s": round(import_s, 3),
            "import_lines_per_s": round(report.imported / import_s, 1)}


def markdown(rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    out = [f"# Physical deletion and atomic import cost ({meta['date']})", "",
           f"Command: `{meta['command']}`  ", f"Data: LoCoMo turns, {SESSION}-round sessions; "
           f"hashing embedder; SQLite {meta['sqlite']}.  ",
           f"Machine: {meta['machine']}; load average before/after {meta['load_before']} / "
           f"{meta['load_after']}.", "",
           "| memories | FTS index | logical delete p50 | delete p50 (with settle) | delete p90 "
           "| settle p50 | delete_all (rows) | import (up to 1,000 export lines) |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(
            f"| {r['memories']:,} | {r['fts_index_bytes'] / 1e6:.1f} MB | {r['logical_delete_ms']['p50']} ms "
            f"| {r['delete_ms']['p50']} ms | {r['delete_ms']['p90']} ms | {r['settle_ms']['p50']} ms "
            f"| {r['delete_all_ms']} ms ({r['delete_all_rows']}) | {r['import_s']} s "
            f"({r['import_lines_per_s']:,}/s) |")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    texts = turns()
    meta = {"date": time.strftime("%Y-%m-%d"), "command": "python " + " ".join(sys.argv),
            "sqlite": sqlite3.sqlite_version, "machine": f"{platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
            "load_before": [round(x, 2) for x in os.getloadavg()]}
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(run(size, args.samples, texts, Path(tmp)))
            print(json.dumps(rows[-1]), flush=True)
    meta["load_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "deletion.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=1))
    (args.out / "deletion.md").write_text(markdown(rows, meta))
    print(markdown(rows, meta))


if __name__ == "__main__":
    main()
