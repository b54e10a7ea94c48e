"""PostgreSQL ingest with vectors supplied: rows/s of ``PostgresStore.add`` (issue #17,
target >= 3,000 rows/s).

Writes conversation rounds (episodic, active, in sessions of 20 rounds, spread over
``--users`` users) with their history rows and 384-d vectors through the store's real
write path, in batches of ``--batch`` items, one transaction each (``Memory.add_many``
and ``import`` call ``Store.add`` this way). The embedder is not involved: vectors are
synthetic clustered unit vectors (``benchmarks/quantization.py``). Four cases, on the
same server in the same run:

* ``copy``: the store as shipped (since schema v5 ``memories`` by one INSERT ... SELECT
  that parses each round once, history and vectors by ``COPY``, binary vectors), batches
  adding to a populated store (``defer_index_min=0``, so no batch rebuilds the index);
* ``executemany``: the tables the store COPYs sent as pipelined ``executemany`` INSERTs
  instead, the write path before ``COPY`` (``postgres_bulk.copy_rows`` swapped for it);
* each with pgvector's HNSW index maintained (the default), and with the index
  dropped after the first batch, which shows what the graph insertions cost;
* ``import``: every row in ONE ``Store.add`` into an empty store, as ``engram import``
  writes a file; a batch at least as large as the store builds the HNSW index after its
  COPY (``postgres_bulk.copy_vectors``), and that build is timed too.

Each case reports wall-clock rows/s and rows per CPU-second (the client's CPU plus
every process of the embedded server, ended ones such as parallel index-build workers
included), since on a shared machine the wall clock mostly measures the other jobs.
``--phases`` runs the import once more with each statement's wall time and server CPU
summed per phase (memories INSERT, COPYs, HNSW build, other index builds, ...).

PostgreSQL is the tests' throwaway server (``tests/store/pg_server.py``: fsync off,
shared_buffers 64 MB), or ``ENGRAM_TEST_DATABASE_URL``.

``--before DIR`` first runs the same cases with the Engram checkout in ``DIR`` (e.g. a
``git worktree`` of the commit before a change), in a subprocess on its own server, and
puts its rows in the same table: before and after in one run, at the same load.

    python benchmarks/pg_ingest.py --rows 4000 --batch 1000
    python benchmarks/pg_ingest.py --rows 4000 --paths import copy --before /tmp/engram-before
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "tests" / "store"))

from quantization import clustered  # noqa: E402
from results_files import write_results  # noqa: E402
from scale import WORDS, load  # noqa: E402

from engram.model import HistoryEntry, MemoryItem, Scope, utcnow  # noqa: E402
from engram.store import postgres_bulk  # noqa: E402
from engram.store.postgres_sql import PgVector  # noqa: E402

ROUNDS_PER_SESSION = 20


def rounds(start: int, n: int, users: int, rng: random.Random) -> tuple[list[MemoryItem], list[HistoryEntry]]:
    """Rounds ``start``..``start+n``: round i belongs to user i % users, and each user's
    rounds run in sessions of ROUNDS_PER_SESSION, so batches extend existing sessions."""
    now = utcnow()
    items = []
    for i in range(start, start + n):
        user, nth = i % users, i // users
        scope = Scope(user_id=f"u{user}", session_id=f"s{nth // ROUNDS_PER_SESSION}")
        text = f"round {i}: " + " ".join(rng.choice(WORDS) for _ in range(24))
        items.append(MemoryItem(scope=scope, content=text, role="user",
                                event_time=now + timedelta(minutes=nth), created_at=now,
                                updated_at=now))
    history = [HistoryEntry(memory_id=it.id, version=1, op="add", at=now,
                            new={"content": it.content}) for it in items]
    return items, history


def server_cpu(server: Any) -> float | None:
    """CPU seconds used so far by the embedded server: the postmaster and all its
    children (backends, autovacuum, writers), the live ones from their own counters and
    the ended ones (parallel index-build workers, closed backends) from the postmaster's
    cutime + cstime, which the kernel adds them to when it reaps them; None for an
    external server."""
    datadir = getattr(server, "_datadir", None)
    if datadir is None:
        return None
    postmaster = int((Path(datadir) / "data" / "postmaster.pid").read_text().split()[0])
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(stat.parent.name) == postmaster:  # utime + stime + cutime + cstime
            total += sum(int(f) for f in fields[11:15])
        elif int(fields[1]) == postmaster:
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def executemany_rows(conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                     *, binary: bool = False) -> None:
    """The write path before COPY: one pipelined INSERT per row (vectors, which the COPY
    takes as pgvector's binary bytes, go back to ``PgVector`` parameters as they were)."""
    if binary:
        rows = [(*row[:-1], PgVector(np.frombuffer(row[-1][4:], ">f4"))) for row in rows]
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join(['%b' if binary else '%s'] * len(columns))})")
    with conn.pipeline(), conn.cursor() as cur:
        cur.executemany(sql, list(rows))


PHASES = (  # (name, how a statement's text starts or what it holds), first match wins
    ("HNSW build", "USING hnsw"), ("other index builds", "CREATE INDEX"),
    ("memories INSERT (tsv, placement)", "INSERT INTO memories"), ("COPY history", "COPY history"),
    ("COPY vectors", "COPY vectors"), ("id check", "SELECT 1 FROM memories WHERE id"))


def phase_of(statement: str) -> str:
    for name, mark in PHASES:
        if mark in statement:
            return name
    return "other statements"


class PhaseTimer:
    """Wall and server CPU per phase of one ``Store.add``: wraps the connection's
    ``execute`` and ``postgres_bulk.copy_rows`` (what every statement of the write path
    goes through) while active. Client CPU is the whole call's, measured outside."""

    def __init__(self, server: Any) -> None:
        self.server, self.phases = server, {}  # type: ignore[var-annotated]

    def timed(self, name: str, call: Any, *args: Any, **kwargs: Any) -> Any:
        t0, s0 = time.perf_counter(), server_cpu(self.server) or 0.0
        try:
            return call(*args, **kwargs)
        finally:
            wall, cpu = self.phases.get(name, (0.0, 0.0))
            self.phases[name] = (wall + time.perf_counter() - t0,
                                 cpu + (server_cpu(self.server) or 0.0) - s0)

    def __enter__(self) -> PhaseTimer:
        import psycopg

        self.execute, self.copy = psycopg.Connection.execute, postgres_bulk.copy_rows
        timer, execute, copy = self, self.execute, self.copy
        psycopg.Connection.execute = lambda conn, query, *a, **k: timer.timed(  # type: ignore[method-assign]
            phase_of(str(query)), execute, conn, query, *a, **k)
        postgres_bulk.copy_rows = lambda conn, table, *a, **k: timer.timed(
            f"COPY {table}", copy, conn, table, *a, **k)
        return self

    def __exit__(self, *exc: Any) -> None:
        import psycopg

        psycopg.Connection.execute, postgres_bulk.copy_rows = self.execute, self.copy  # type: ignore[method-assign]

    def report(self) -> dict[str, dict[str, float]]:
        return {name: {"seconds": round(w, 2), "server_cpu_s": round(c, 2)}
                for name, (w, c) in sorted(self.phases.items(), key=lambda kv: -kv[1][0])}


def run_import(server: Any, url: str, vectors: Any, users: int, *, phases: bool = False) -> dict[str, Any]:
    """All rows in one ``Store.add`` into an empty store, the index build included;
    ``phases``: also where the time went (a second, separate run: the timer's own reads
    of /proc cost a little)."""
    from engram.store.postgres import PostgresStore

    items, history = rounds(0, len(vectors), users, random.Random(0))
    store = PostgresStore(url)
    timer = PhaseTimer(server)
    try:
        t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu(server)
        if phases:
            with timer:
                store.add(items, vectors, history, model_id="bench-384")
        else:
            store.add(items, vectors, history, model_id="bench-384")
        seconds = time.perf_counter() - t0
        s1 = server_cpu(server)
        client = time.process_time() - c0
        cpu = client + (s1 - s0 if s0 is not None and s1 is not None else 0.0)
    finally:
        store.close()
    return {"path": "import (phases timed)" if phases else "import", "hnsw": "built after",
            "rows": len(vectors), "users": users, "seconds": round(seconds, 2),
            "rows_per_s": round(len(vectors) / seconds, 1), "cpu_seconds": round(cpu, 2),
            "client_cpu_s": round(client, 2),
            "rows_per_cpu_s": round(len(vectors) / cpu, 1) if cpu else None,
            "loadavg": load(), **({"phases": timer.report()} if phases else {})}


def run_case(server: Any, url: str, path: str, hnsw: bool, vectors: Any, users: int,
             batch: int) -> dict[str, Any]:
    from engram.store.postgres import PostgresStore

    real_copy = postgres_bulk.copy_rows
    postgres_bulk.copy_rows = real_copy if path == "copy" else executemany_rows
    rng = random.Random(0)
    store = PostgresStore(url, defer_index_min=0)  # batches into a populated store: no rebuild
    try:
        # the first batch fixes the vector dimension and creates the HNSW index(es)
        items, history = rounds(0, batch, users, rng)
        store.add(items, vectors[:batch], history, model_id="bench-384")
        if not hnsw:
            with store._pool.connection() as conn:  # the partitioned index drops its partitions'
                for (name,) in conn.execute(
                        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                        " AND tablename = 'vectors' AND indexdef ILIKE '%USING hnsw%'").fetchall():
                    conn.execute(f'DROP INDEX IF EXISTS "{name}"')
        seconds, cpu, written = 0.0, 0.0, 0
        for start in range(batch, len(vectors), batch):
            n = min(batch, len(vectors) - start)
            items, history = rounds(start, n, users, rng)
            t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu(server)
            store.add(items, vectors[start:start + n], history, model_id="bench-384")
            seconds += time.perf_counter() - t0
            s1 = server_cpu(server)
            cpu += time.process_time() - c0 + (s1 - s0 if s0 is not None and s1 is not None else 0.0)
            written += n
    finally:
        store.close()
        postgres_bulk.copy_rows = real_copy
    return {"path": path, "hnsw": hnsw, "rows": written, "seconds": round(seconds, 2),
            "rows_per_s": round(written / seconds, 1), "cpu_seconds": round(cpu, 2),
            "rows_per_cpu_s": round(written / cpu, 1) if cpu else None, "loadavg": load()}


def run_before(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The same cases with the checkout in ``args.before`` (this script, that ``engram``)."""
    with tempfile.TemporaryDirectory() as tmp:
        runs = Path(tmp) / "runs.json"
        subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--batch", str(args.batch),
                        "--users", str(args.users), "--paths", *args.paths, "--runs-json", str(runs),
                        *(["--phases"] if args.phases else [])],
                       env={**os.environ, "PYTHONPATH": str(args.before.resolve())}, check=True)
        commit = subprocess.run(["git", "-C", str(args.before), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        return [{**run, "build": f"before ({commit or args.before})"} for run in json.loads(runs.read_text())]


def markdown(result: dict[str, Any]) -> str:
    lines = [f"# PostgreSQL ingest, {result['date']}", "",
             f"Command: `{result['command']}`", "",
             f"Machine: {result['machine']}. Load average (1/5/15 min) at start "
             f"{result['loadavg_start']}, at end {result['loadavg_end']}.", "",
             f"Data: {result['rows']:,} conversation rounds per case (384-d synthetic vectors, "
             f"{result['users']:,} users, sessions of {ROUNDS_PER_SESSION} rounds), batches of "
             f"{result['batch']:,} items, one transaction each; the first batch (index set-up) "
             "is not timed. `import` writes all rows in one transaction into an empty store, "
             "the HNSW build after the COPY included.", "",
             "`rows/s` is wall-clock, so it moves with the machine's load; `rows per CPU-second` "
             "divides by the CPU the client process and the whole PostgreSQL server (every "
             "backend, autovacuum, writers) used meanwhile: what one otherwise idle core would do.",
             "", "| build | write path | HNSW index | rows | seconds | rows/s | CPU s | rows per CPU-second | load |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in result["runs"]:
        per_cpu = f"{r['rows_per_cpu_s']:,.0f}" if r.get("rows_per_cpu_s") else "n/a"
        hnsw = r["hnsw"] if isinstance(r["hnsw"], str) else "maintained" if r["hnsw"] else "dropped"
        lines.append(f"| {r.get('build', 'this')} | {r['path']} | {hnsw} | {r['rows']:,} "
                     f"| {r['seconds']} | {r['rows_per_s']:,.0f} | {r['cpu_seconds']} | {per_cpu} "
                     f"| {' '.join(map(str, r['loadavg']))} |")
    timed = [r for r in result["runs"] if r.get("phases")]
    if timed:
        lines += ["", "Where an import's time goes (the `import (phases timed)` rows: wall seconds and "
                  "server CPU-seconds per kind of statement; the client's CPU is the whole call's):", "",
                  "| build | phase | seconds | server CPU s |", "|---|---|---|---|"]
        for r in timed:
            for name, p in r["phases"].items():
                lines.append(f"| {r.get('build', 'this')} | {name} | {p['seconds']} | {p['server_cpu_s']} |")
            lines.append(f"| {r.get('build', 'this')} | client Python (CPU) | | {r['client_cpu_s']} |")
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = result["runs"]
    labels = [f"{r.get('build', '')} {r['path']}\nHNSW "
              f"{r['hnsw'] if isinstance(r['hnsw'], str) else 'on' if r['hnsw'] else 'off'}" for r in runs]
    fig, ax = plt.subplots(figsize=(7, 4))
    x = range(len(runs))
    ax.bar([i - 0.2 for i in x], [r["rows_per_s"] for r in runs], 0.4, label="rows/s (wall)")
    ax.bar([i + 0.2 for i in x], [r.get("rows_per_cpu_s") or 0 for r in runs], 0.4,
           label="rows per CPU-second")
    ax.set_xticks(list(x), labels)
    ax.axhline(3000, color="#c44e52", linestyle="--", label="target 3,000 rows/s")
    ax.set_ylabel("rows (vectors supplied)")
    ax.set_title("PostgresStore.add ingest")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4000, help="rows per case, the untimed first batch included")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--paths", nargs="+", default=["copy", "executemany", "import"],
                        help="write paths: copy, executemany (batches), import (one add, empty store)")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--tag", default="")
    parser.add_argument("--before", type=Path, help="an Engram checkout to run first, as 'before'")
    parser.add_argument("--phases", action="store_true",
                        help="run the import once more with wall and server CPU timed per phase")
    parser.add_argument("--runs-json", type=Path, help=argparse.SUPPRESS)  # --before's subprocess
    args = parser.parse_args()

    from pg_server import PgServer

    result: dict[str, Any] = {
        "date": date.today().isoformat(), "command": "python " + " ".join(sys.argv),
        "machine": f"{os.cpu_count()} CPU cores shared with other jobs", "rows": args.rows,
        "batch": args.batch, "users": args.users, "runs": [], "loadavg_start": load()}
    if args.before is not None:
        result["runs"] += run_before(args)
    vectors = clustered(args.rows, seed=2)
    server = PgServer()
    try:
        if "import" in args.paths:
            for phases in (False, True)[:1 + args.phases]:
                url = server.fresh_url()
                try:
                    result["runs"].append(run_import(server, url, vectors, args.users, phases=phases))
                    print(result["runs"][-1], flush=True)
                finally:
                    server.release(url)
        for hnsw in (True, False):
            for path in (p for p in args.paths if p != "import"):
                url = server.fresh_url()
                try:
                    result["runs"].append(run_case(server, url, path, hnsw, vectors, args.users,
                                                   args.batch))
                    print(result["runs"][-1], flush=True)
                finally:
                    server.release(url)
    finally:
        server.stop()
    result["loadavg_end"] = load()
    if args.runs_json is not None:
        args.runs_json.write_text(json.dumps(result["runs"]))
        return
    for run in result["runs"]:
        run.setdefault("build", "after" if args.before is not None else "this")
    print(write_results(args.out / f"pg-ingest-{result['date']}{args.tag}", result, markdown, plot))


if __name__ == "__main__":
    main()
