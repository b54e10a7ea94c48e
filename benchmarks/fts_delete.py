"""What a physical delete costs with FTS5 secure-delete versus the whole-index merge
(issue #14, item 6; the store picks one by SQLite version, engram/store/sqlite_schema.py).

Runs benchmarks/deletion.py twice on the same data and settings: once with Python's
bundled SQLite (3.40 here: no secure-delete, so each delete call ends with an FTS5
'optimize' of the whole index), once with pysqlite3-binary's SQLite 3.51 swapped in as
``sqlite3`` (tests/store/newer_sqlite.py: secure-delete on, no merge). Both delete paths
leave no token of the deleted text in any file (tests/store/test_sqlite_fts_delete.py,
tests/reliability/test_deletion.py under both). Writes benchmarks/results/fts_delete.{json,md}.

    python benchmarks/fts_delete.py --sizes 1000 5000 20000 --samples 8
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
DRIVERS = {"bundled sqlite3 (optimize after delete)": [],
           "pysqlite3 3.51 (FTS5 secure-delete)": [str(REPO / "tests" / "store" / "newer_sqlite.py")]}


def measure(prefix: list[str], sizes: list[int], samples: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, *prefix, str(ROOT / "deletion.py"), "--sizes", *map(str, sizes),
                   "--samples", str(samples), "--out", out]
        subprocess.run(command, check=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                       stdout=subprocess.DEVNULL)
        result: dict[str, Any] = json.loads((Path(out) / "deletion.json").read_text())
        return result


def markdown(runs: dict[str, dict[str, Any]], meta: dict[str, Any]) -> str:
    out = [f"# FTS5 secure-delete vs whole-index merge ({meta['date']})", "",
           f"Command: `{meta['command']}`  ",
           "Data: LoCoMo turns through benchmarks/deletion.py (20-round sessions, hashing embedder); "
           "each delete is `Memory.delete` of one memory, settle included.  ",
           f"Machine: {meta['machine']}; load average before/after {meta['load_before']} / "
           f"{meta['load_after']} (shared machine: compare the two rows of a size, not across runs).",
           "", "| memories | driver (SQLite) | delete p50 | delete p90 | settle p50 | delete_all (rows) |",
           "|---|---|---|---|---|---|"]
    sizes = [r["memories"] for r in next(iter(runs.values()))["rows"]]
    for index, size in enumerate(sizes):
        for name, run in runs.items():
            r = run["rows"][index]
            out.append(f"| {size:,} | {name} ({run['meta']['sqlite']}) | {r['delete_ms']['p50']} ms "
                       f"| {r['delete_ms']['p90']} ms | {r['settle_ms']['p50']} ms "
                       f"| {r['delete_all_ms']} ms ({r['delete_all_rows']}) |")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--samples", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    meta: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "command": "python " + " ".join(sys.argv),
                            "machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
                            "load_before": [round(x, 2) for x in os.getloadavg()]}
    runs = {name: measure(prefix, args.sizes, args.samples) for name, prefix in DRIVERS.items()}
    meta["load_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "fts_delete.json").write_text(json.dumps({"meta": meta, "runs": runs}, indent=1))
    (args.out / "fts_delete.md").write_text(markdown(runs, meta))
    print(markdown(runs, meta))


if __name__ == "__main__":
    main()
