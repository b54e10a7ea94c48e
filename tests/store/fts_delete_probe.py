"""One delete on a real SQLite store, reported as JSON: the SQLite version, whether FTS5
secure-delete is on, whether the delete ran a whole-index 'optimize', and which canary
tokens any file (db, WAL) still holds. Run in-process or under newer_sqlite.py."""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder

CANARIES = ["qzxfirstvv", "qzxeditedvv", "qzxtaggedvv"]


def probe(folder: Path) -> dict[str, object]:
    mem = Memory(folder / "probe.db", embedder=HashingEmbedder(),
                 settings=Settings(data_dir=folder / "data", embedding_cache=False))
    for n in range(200):
        mem.add(f"an unrelated memory about trams number {n}", user_id="keep")
    [item] = mem.add(f"the secret {CANARIES[0]} note", user_id="gone", tags=[CANARIES[2]])
    mem.update(item.id, user_id="gone", content=f"the secret {CANARIES[1]} note")
    statements: list[str] = []
    mem.store._conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    mem.delete(item.id, user_id="gone")
    mem.store._conn.set_trace_callback(None)  # type: ignore[attr-defined]
    files = [p for p in folder.iterdir() if p.name.startswith("probe.db")]
    left = sorted({c for p in files for c in CANARIES if c[3:].encode() in p.read_bytes()})
    report = {"sqlite": sqlite3.sqlite_version, "secure_delete": mem.store._fts_secure,  # type: ignore[attr-defined]
              "optimized": any("'optimize'" in s for s in statements), "left": left,
              "kept": mem.count(user_id="keep")}
    mem.close()
    return report


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(probe(Path(tmp))))
    sys.exit(0)
