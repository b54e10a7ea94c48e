"""REST server under load: ops/s, p50/p95/p99 and errors for N concurrent clients (issue #17).

Each case starts `engram serve` (``--workers W``) on a fresh store on loopback, runs
``clients`` asyncio HTTP clients for ``--seconds`` each doing a mixed workload in its own
user scope (40 % search, 30 % add, 15 % update, 10 % get, 5 % delete), then checks that
every acknowledged add minus every acknowledged delete is listed — a lost or extra write
counts as an error. Clients share the machine with the server: on 2 shared cores their
own CPU time is part of what is measured, so the default client is a lean one
(benchmarks/load_client.py; ``--client httpx`` for httpx), and each row reports the server's
and the clients' CPU milliseconds per operation, which other jobs on the machine disturb
far less than ops/s.

Backends: SQLite (WAL, one writer at a time) and PostgreSQL (``--postgres``: the
throwaway server of tests/store/pg_server.py; a connection pool per worker).
``--embedder hashing`` isolates server and store costs from the model's.
Results: benchmarks/results/load-<date>.{json,md}

    python benchmarks/load.py --clients 1 10 50 --workers 1 4 --seconds 15 --postgres
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from engram.testing.live_server import wait_until_ready

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "tests" / "store"))
sys.path.insert(0, str(ROOT))
import load_report  # noqa: E402
from load_client import ERRORS, RawClient  # noqa: E402

WORDS = ("alice bob lisbon hiking coffee guitar paris dentist promotion marathon garden sister "
         "painting novel vacation puppy recipe concert chess python tokyo").split()


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def tree_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) of a process and its descendants (the workers), from
    /proc: on a shared machine, CPU per operation is the figure other jobs disturb least."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, todo = 0.0, [pid]
    try:
        while todo:
            p = todo.pop()
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
    except (OSError, ValueError, IndexError):
        return None
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(workdir: Path, workers: int, env: dict[str, str]) -> Iterator[tuple[str, int]]:
    port = free_port()
    cmd = [sys.executable, "-c", "from engram.cli import main; main()", "--db", str(workdir / "load.db"),
           "serve", "--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                            stderr=open(workdir / "server.log", "w"))
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, proc, log=lambda: (workdir / "server.log").read_text()[-2000:])
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


CLIENTS = {"raw": "keep-alive HTTP/1.1 over asyncio streams, benchmarks/load_client.py",
           "httpx": "httpx.AsyncClient, one shared connection pool"}
Http = Any  # httpx.AsyncClient or load_client.RawClient: the same few methods


async def warm_up(http: Http, n: int) -> None:
    """One untimed add and search (in a scope of its own, outside the write check): opens
    the client's connection and pays the server's first-use costs (lazy imports)."""
    await http.post("/v1/memories", json={"text": "warm-up note", "user_id": f"w{n}"})
    await http.post("/v1/search", json={"query": "warm-up", "user_id": f"w{n}", "limit": 5})


async def client(http: Http, n: int, until: float, times: dict[str, list[float]],
                 errors: list[str], ledger: dict[str, set[str]]) -> None:
    rng = random.Random(n)
    user = f"c{n}"
    mine: list[str] = []
    added: set[str] = set()
    while time.monotonic() < until:
        roll = rng.random()
        op = ("search" if roll < 0.40 else "add" if roll < 0.70 or not mine else
              "update" if roll < 0.85 else "get" if roll < 0.95 else "delete")
        text = " ".join(rng.choice(WORDS) for _ in range(10))
        t0 = time.perf_counter()
        try:
            if op == "search":
                r = await http.post("/v1/search", json={"query": text, "user_id": user, "limit": 5})
            elif op == "add":
                r = await http.post("/v1/memories", json={"text": text, "user_id": user})
                if r.status_code == 201:
                    ids = [i["id"] for i in r.json()["items"]]
                    mine += ids
                    added.update(ids)
            elif op == "update":
                r = await http.patch(f"/v1/memories/{rng.choice(mine)}",
                                     json={"content": text, "user_id": user})
            elif op == "get":
                r = await http.get(f"/v1/memories/{rng.choice(mine)}", params={"user_id": user})
            else:
                target = mine.pop(rng.randrange(len(mine)))
                r = await http.delete(f"/v1/memories/{target}", params={"user_id": user})
                if r.status_code == 204:
                    added.discard(target)
            if r.status_code >= 400:
                errors.append(f"{op} {r.status_code}")
        except (httpx.HTTPError, *ERRORS) as exc:
            errors.append(f"{op} {type(exc).__name__}")
        times.setdefault(op, []).append(time.perf_counter() - t0)
    ledger[user] = added


async def check_writes(url: str, ledger: dict[str, set[str]]) -> list[str]:
    problems = []
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        for user, expected in ledger.items():
            r = await http.get("/v1/memories", params={"user_id": user, "limit": 1000})
            listed = {i["id"] for i in r.json()["items"]}
            if listed != expected:
                problems.append(f"{user}: {len(expected - listed)} lost, {len(listed - expected)} extra")
    return problems


def postmaster_pid(pg: Any) -> int | None:
    """The throwaway PostgreSQL's postmaster (its backends are its children), or None for
    an external server: then the store's CPU is not measured."""
    folder = getattr(pg, "data_dir", None)
    try:
        return int((folder / "postmaster.pid").read_text().split()[0]) if folder else None
    except (OSError, ValueError, IndexError):
        return None


def run_case(backend: str, workers: int, clients: int, seconds: float, env: dict[str, str],
             workdir: Path, kind: str = "raw", store_pid: int | None = None) -> dict[str, Any]:
    with server(workdir, workers, env) as (url, pid):
        times: dict[str, list[float]] = {}
        errors: list[str] = []
        ledger: dict[str, set[str]] = {}

        async def main() -> list[str]:
            nonlocal elapsed, warm
            limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
            async with (RawClient(url) if kind == "raw" else
                        httpx.AsyncClient(base_url=url, timeout=60, limits=limits)) as http:
                started = time.monotonic()
                await asyncio.gather(*(warm_up(http, n) for n in range(clients)))
                warm = time.monotonic() - started
                cpu0, mine0 = tree_cpu_s(pid), time.process_time()
                store0 = tree_cpu_s(store_pid) if store_pid else None
                started = time.monotonic()
                until = started + seconds
                await asyncio.gather(*(client(http, n, until, times, errors, ledger)
                                       for n in range(clients)))
                elapsed = time.monotonic() - started
                cpu1, mine1 = tree_cpu_s(pid), time.process_time()
                store1 = tree_cpu_s(store_pid) if store_pid else None
                cpu["store"] = None if store0 is None or store1 is None else store1 - store0
                cpu["server"] = None if cpu0 is None or cpu1 is None else cpu1 - cpu0
                cpu["client"] = mine1 - mine0
            return await check_writes(url, ledger)

        elapsed = warm = 0.0
        cpu: dict[str, float | None] = {}
        lost = asyncio.run(main())
    every = np.array([t for ts in times.values() for t in ts])
    row = {"backend": backend, "workers": workers, "clients": clients, "client": kind, "seconds": round(elapsed, 1),
           "warm_up_s": round(warm, 1),
           "ops": int(every.size), "ops_per_s": round(every.size / elapsed, 1),
           "p50_ms": round(1000 * float(np.percentile(every, 50)), 1),
           "p95_ms": round(1000 * float(np.percentile(every, 95)), 1),
           "p99_ms": round(1000 * float(np.percentile(every, 99)), 1),
           "server_cpu_ms_per_op": _per_op(cpu["server"], every.size),
           "client_cpu_ms_per_op": _per_op(cpu["client"], every.size),
           "store_cpu_ms_per_op": _per_op(cpu["store"], every.size),
           "errors": len(errors), "error_kinds": sorted(set(errors))[:5], "lost_or_extra_writes": lost[:5],
           "per_op_p50_ms": {op: round(1000 * float(np.percentile(ts, 50)), 1) for op, ts in times.items()},
           "per_op_p99_ms": {op: round(1000 * float(np.percentile(ts, 99)), 1) for op, ts in times.items()},
           "load": load()}
    print(row, flush=True)
    return row


def _per_op(seconds: float | None, ops: int) -> float | None:
    return None if seconds is None or not ops else round(1000 * seconds / ops, 2)


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # run the finally blocks: no orphans
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--client", choices=sorted(CLIENTS), default="raw",
                        help="load generator (raw: benchmarks/load_client.py, lean; httpx)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--tag", default="", help="suffix of the result files (load-<date>-<tag>)")
    parser.add_argument("--label", default="", help="what was measured (a commit, 'before ...')")
    parser.add_argument("--baseline", type=Path, help="a load-*.json to compare against, row by row")
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare against: each "
                        "case runs on its `engram` (PYTHONPATH) right before the current one, so both "
                        "see the same machine load; written as <tag>-before and compared row by row")
    parser.add_argument("--before-label", default="", help="what --before is (a commit)")
    args = parser.parse_args()
    base = {"ENGRAM_EMBEDDER": args.embedder, "ENGRAM_EMBEDDING_CACHE": "false"}
    backends: list[tuple[str, dict[str, str]]] = [] if args.no_sqlite else [("sqlite", {})]
    pg = None
    if args.postgres:
        from pg_server import PgServer

        pg = PgServer()
    rows: list[dict[str, Any]] = []
    before: list[dict[str, Any]] = []
    versions = ([(before, {"PYTHONPATH": str(args.before.resolve())})] if args.before else []) + [(rows, {})]
    try:
        for workers in args.workers:
            for clients in args.clients:
                for backend, extra in backends + ([("postgres", {})] if pg else []):
                    for into, code in versions:
                        into.append(_case(backend, workers, clients, args, {**base, **extra, **code}, pg))
    finally:
        if pg:
            pg.stop()
    command = "python benchmarks/load.py " + " ".join(sys.argv[1:])
    setup = {"command": command, "embedder": args.embedder, "client": args.client,
             "client_about": CLIENTS[args.client], "label": args.label, "cores": os.cpu_count()}
    baseline = json.loads(args.baseline.read_text()) if args.baseline else None
    if before:
        label = (f"before: {args.before_label or args.before} (its `engram`, this harness; same run, "
                 "each case right before the current one)")
        load_report.write(before, {**setup, "label": label}, args.out, f"{args.tag}-before" if args.tag else "before")
        baseline = {"label": label, "rows": before}
    print(load_report.write(rows, setup, args.out, args.tag, baseline).read_text())


def _case(backend: str, workers: int, clients: int, args: argparse.Namespace, env: dict[str, str],
          pg: Any) -> dict[str, Any]:
    """One row: a fresh store (a fresh PostgreSQL database) for this case."""
    with tempfile.TemporaryDirectory(prefix="engram-load-") as tmp:
        env = {**env, "ENGRAM_DATA_DIR": str(Path(tmp) / "data")}
        url = None
        if backend == "postgres":
            assert pg is not None
            url = pg.fresh_url()
            env.update(ENGRAM_STORE="postgres", ENGRAM_DATABASE_URL=url)
        try:
            return run_case(backend, workers, clients, args.seconds, env, Path(tmp), args.client,
                            postmaster_pid(pg) if url else None)
        finally:
            if url and pg:
                pg.release(url)


if __name__ == "__main__":
    main()
