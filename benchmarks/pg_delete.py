"""What a physical delete costs on PostgreSQL (issue #14, item 6).

A PostgreSQL store (the embedded server of tests/store/pg_server.py, 16 tenant
partitions) is filled with LoCoMo turns, one session of 20 per user, spread over
``--users`` users, through ``Memory.import_`` (one transaction). Then, for each
``pg_erase`` mode, ``--samples`` single ``Memory.delete`` calls of random memories are
timed, with the WAL bytes each one wrote (``pg_current_wal_lsn`` before and after):

* ``off``: what PostgreSQL does alone — rows deleted, history blanked, text still in
  the table files until ``purge()``;
* ``rewrite`` (the default): the same plus ``VACUUM FULL`` of the touched tenant's
  ``memories`` / ``history`` / ``links`` partitions (and the vault when it held rows).

Hashing embedder (deleting never embeds). Results: benchmarks/results/pg_delete.{json,md}

    python benchmarks/pg_delete.py --sizes 2000 10000 --samples 8
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT.parent / "tests" / "store"))
sys.path.insert(0, str(ROOT))

from deletion import SESSION, turns  # noqa: E402  (the LoCoMo turns of benchmarks/deletion.py)

from engram import Memory  # noqa: E402
from engram.config import Settings  # noqa: E402
from engram.embed.hashing import HashingEmbedder  # noqa: E402


def fill(mem: Memory, size: int, users: int, texts: list[str]) -> None:
    lines = [json.dumps({"item": {"content": texts[n % len(texts)],
                                  "scope": {"user_id": f"u{(n // SESSION) % users}",
                                            "session_id": f"s{n // SESSION}"}}})
             for n in range(size)]
    mem.import_(lines)


def wal_lsn(conn: Any) -> int:
    return int(conn.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn").fetchone()[0])


def measure(url: str, admin: str, size: int, users: int, samples: int, tmp: Path) -> list[dict[str, Any]]:
    import psycopg

    rows: list[dict[str, Any]] = []
    fill_s = 0.0
    for mode in ("off", "rewrite"):
        mem = Memory(settings=Settings(store="postgres", database_url=url, embedding_cache=False,
                                       data_dir=tmp / f"data-{mode}", pg_erase=mode),
                     embedder=HashingEmbedder())
        if mode == "off":
            started = time.perf_counter()
            fill(mem, size, users, turns())
            fill_s = time.perf_counter() - started
        with psycopg.connect(url, autocommit=True) as conn:
            pool = [r[0:2] for r in conn.execute("SELECT id, user_id FROM memories").fetchall()]
        random.Random(size).shuffle(pool)
        times, wal = [], []
        with psycopg.connect(admin, autocommit=True) as conn:
            for memory_id, user in pool[:samples]:
                before = wal_lsn(conn)
                started = time.perf_counter()
                mem.delete(memory_id, user_id=user)
                times.append((time.perf_counter() - started) * 1000)
                wal.append((wal_lsn(conn) - before) / 1024)
        mem.close()
        del pool[:samples]
        rows.append({"memories": size, "users": users, "mode": mode, "samples": samples,
                     "delete_ms_p50": round(statistics.median(times), 1),
                     "delete_ms_max": round(max(times), 1),
                     "wal_kib_p50": round(statistics.median(wal), 1),
                     "fill_s": round(fill_s, 1) if mode == "off" else None})
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--samples", type=int, default=8)
    args = parser.parse_args()
    import tempfile

    from pg_server import PgServer

    server = PgServer()
    results = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for size in args.sizes:
                url = server.fresh_url()
                results += measure(url, server.admin_url, size, args.users, args.samples, Path(tmp))
                server.release(url)
    finally:
        server.stop()
    out = ROOT / "results"
    meta = {"command": "python benchmarks/pg_delete.py " + " ".join(sys.argv[1:]),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
            "python": platform.python_version(), "postgres": "embedded PostgreSQL 18 (fsync off)"}
    (out / "pg_delete.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n")
    lines = [f"# Physical delete on PostgreSQL\n\n`{meta['command']}` ({meta['machine']}; "
             f"{meta['postgres']}; LoCoMo turns, {args.users} users, hashing embedder)\n",
             "| memories | pg_erase | single delete p50 | max | WAL per delete p50 | fill (import) |",
             "|---|---|---|---|---|---|"]
    for r in results:
        fill_s = f"{r['fill_s']} s" if r["fill_s"] is not None else ""
        lines.append(f"| {r['memories']:,} | {r['mode']} | {r['delete_ms_p50']} ms | "
                     f"{r['delete_ms_max']} ms | {r['wal_kib_p50']} KiB | {fill_s} |")
    (out / "pg_delete.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
