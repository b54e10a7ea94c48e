"""PostgreSQL round trips per operation of the load benchmark's mix (issue #17).

Why count instead of time: on this shared 2-core machine latencies move with other jobs,
but the number of statements a facade call sends does not. Every statement is one round
trip (psycopg does not pipeline here); so are ``BEGIN`` and ``COMMIT`` of a write
transaction and the pool's health probe (an empty query) on a connection check-out.

It runs the same operations as benchmarks/load.py (add, search, update, get, delete on one
user scope, hashing embedder, search statistics buffered as under ``engram serve``) in one
thread against the throwaway server of tests/store/pg_server.py, counting at the driver:
``Cursor.execute``/``executemany``/``copy`` (what ``Connection.execute`` calls too), transactions and
pool check-outs.

    python benchmarks/load_round_trips.py --rounds 60 --tag after
Results: benchmarks/results/load-round-trips-<date>[-<tag>].{json,md}
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "tests" / "store"))
OPS = ("add", "search", "update", "get", "delete")
MIX = {"search": 0.40, "add": 0.30, "update": 0.15, "get": 0.10, "delete": 0.05}  # load.py's
WORDS = "alice bob lisbon hiking coffee guitar paris dentist promotion marathon garden sister".split()


class Counter:
    """Patches psycopg's entry points; ``now`` names the operation being counted."""

    def __init__(self) -> None:
        import psycopg
        import psycopg_pool

        self.now = "setup"
        self.kinds: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        counter = self

        def wrap(cls: Any, name: str, kind: Any) -> None:
            original = getattr(cls, name)

            def counted(this: Any, *args: Any, **kwargs: Any) -> Any:
                label = kind(args) if callable(kind) else kind
                counter.kinds[counter.now][label] += 1
                return original(this, *args, **kwargs)

            setattr(cls, name, counted)

        wrap(psycopg.Cursor, "execute", lambda a: "probe" if not str(a[0]).strip() else "statement")
        wrap(psycopg.Cursor, "executemany", "statement")
        wrap(psycopg.Cursor, "copy", "statement")  # COPY ... FROM STDIN: one per table written
        wrap(psycopg.Connection, "transaction", "begin+commit")
        wrap(psycopg_pool.ConnectionPool, "getconn", "checkout")

    def per_op(self, counts: collections.Counter[str]) -> dict[str, dict[str, float]]:
        out = {}
        for op in OPS:
            k, n = self.kinds[op], counts[op]
            trips = k["statement"] + k["probe"] + 2 * k["begin+commit"]
            out[op] = {"round_trips": round(trips / n, 2), "statements": round(k["statement"] / n, 2),
                       "probes": round(k["probe"] / n, 2),
                       "transactions": round(k["begin+commit"] / n, 2),
                       "checkouts": round(k["checkout"] / n, 2)}
        return out


def run(rounds: int) -> dict[str, Any]:
    from pg_server import PgServer

    counter = Counter()
    pg = PgServer()
    url = pg.fresh_url()
    os.environ.update(ENGRAM_STORE="postgres", ENGRAM_DATABASE_URL=url, ENGRAM_EMBEDDER="hashing",
                      ENGRAM_EMBEDDING_CACHE="false", ENGRAM_DATA_DIR=tempfile.mkdtemp(prefix="engram-rt-"),
                      ENGRAM_ACCESS_FLUSH_S="1.0")
    from engram.memory import Memory

    memory = Memory()
    rng = random.Random(1)
    ids: list[str] = []
    counts: collections.Counter[str] = collections.Counter()
    try:
        for n in range(rounds):
            text = " ".join(rng.choice(WORDS) for _ in range(10))
            for op in OPS if n >= 5 else ("add",):  # five memories first, then every op per round
                counter.now = op
                counts[op] += 1
                if op == "add":
                    ids += [i.id for i in memory.add(text, user_id="u1")]
                elif op == "search":
                    memory.search(text, user_id="u1", limit=5)
                elif op == "update":
                    memory.update(rng.choice(ids), user_id="u1", content=text)
                elif op == "get":
                    memory.get(rng.choice(ids), user_id="u1")
                else:
                    memory.delete(ids.pop(rng.randrange(len(ids))), user_id="u1")
        counter.now = "close"
    finally:
        memory.close()
        pg.release(url)
        pg.stop()
    per_op = counter.per_op(counts)
    mixed = round(sum(MIX[op] * per_op[op]["round_trips"] for op in OPS), 2)
    return {"rounds": rounds, "per_op": per_op, "mix_round_trips": mixed}


def write(result: dict[str, Any], out: Path, tag: str, label: str, command: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"load-round-trips-{date.today().isoformat()}{'-' + tag if tag else ''}"
    stem.with_suffix(".json").write_text(json.dumps({**result, "label": label, "command": command},
                                                    indent=2) + "\n")
    lines = [f"# PostgreSQL round trips per operation ({date.today().isoformat()}{', ' + label if label else ''})",
             "", "One thread, one user scope, hashing embedder, the operations of benchmarks/load.py; "
             "counted at the driver (statements, the pool's empty-query probes, BEGIN + COMMIT "
             "per write transaction). Counts, not timings: the machine's load does not move them.",
             "", "| op | round trips | statements | pool probes | transactions | check-outs |",
             "|---|---|---|---|---|---|"]
    for op, r in result["per_op"].items():
        lines.append(f"| {op} | {r['round_trips']} | {r['statements']} | {r['probes']} | "
                     f"{r['transactions']} | {r['checkouts']} |")
    lines += ["", f"Weighted by load.py's mix (40 % search, 30 % add, 15 % update, 10 % get, 5 % "
              f"delete): **{result['mix_round_trips']} round trips per operation**.", "",
              f"Command: `{command}`", ""]
    stem.with_suffix(".md").write_text("\n".join(lines))
    return stem.with_suffix(".md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--tag", default="")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    command = "python benchmarks/load_round_trips.py " + " ".join(sys.argv[1:])
    print(write(run(args.rounds), args.out, args.tag, args.label, command).read_text())


if __name__ == "__main__":
    main()
