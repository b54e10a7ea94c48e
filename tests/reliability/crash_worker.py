"""Crash-test zygote (run as a script by test_crash.py).

It imports Engram once, then for each ``run <db> <data_dir> <seed> <lifecycle>`` line on
stdin forks a child that opens the store and runs a random ingest workload forever,
writing ``B`` (begin) and ``A`` (acknowledged: the call returned, so it is committed)
lines to stdout. The test SIGKILLs the child at a random moment; the zygote reports
``DONE``. Forking a warm process puts >= 100 kill points in about a minute.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

from engram import Memory
from engram.config import Settings
from engram.embed.cache import CachedEmbedder
from engram.embed.hashing import HashingEmbedder
from engram.ingest.pipeline import KeyExpansion
from engram.model import MemoryItem, Scope

SESSIONS = [f"s{n}" for n in range(6)]
WORDS = ["Lisbon", "tram", "museum", "coffee", "Maria", "Berlin", "sister", "dentist", "guitar", "marathon", "salary", "project", "Tokyo", "vegan", "cat", "garden", "holiday", "train", "novel", "bakery"]


def say(*parts: object) -> None:
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode())


def sentence(rng: random.Random, tag: str) -> str:
    return f"I {rng.choice(['like', 'visited', 'moved to', 'met'])} {' '.join(rng.sample(WORDS, 4))} ({tag})."


def open_memory(db: str, data_dir: str, lifecycle: bool) -> Memory:
    fields = Settings.model_fields
    extra = {k: True for k in ("links", "extraction") if lifecycle and k in fields}
    settings = Settings(data_dir=Path(data_dir), embedding_cache=True, **extra)
    embedder = CachedEmbedder(HashingEmbedder(), settings.embedding_cache_path)
    return Memory(db, settings=settings, embedder=embedder)


def step(mem: Memory, rng: random.Random, seed: int, n: int, lifecycle: bool) -> None:
    roll = rng.random()
    batch = f"{seed}-{n}"
    session = rng.choice(SESSIONS)
    if roll < 0.40:
        rounds = rng.choice([1, 2, 3, 8, 20])
        messages = []
        for r in range(rounds):
            messages += [{"role": "user", "content": sentence(rng, f"{batch} round {r}")},
                         {"role": "assistant", "content": "Noted."}]
        say("B", n, "add", batch, rounds)
        items = mem.add(messages, user_id="u", session_id=session, app_id="a",
                        metadata={"batch": batch, "rounds": rounds})
        say("A", n, "add", batch, ",".join(i.id for i in items), session)
        return
    current = mem.list(user_id="u", limit=200, filters={"kinds": ["episodic"]}).items
    if roll < 0.65 and current:
        target = rng.choice(current)
        say("B", n, "update", target.id, target.version)
        item = mem.update(target.id, user_id="u", content=sentence(rng, f"{batch} edit"),
                          expected_version=target.version)
        say("A", n, "update", item.id, item.version)
    elif roll < 0.80 and current:
        target = rng.choice(current)
        say("B", n, "delete", target.id)
        mem.delete(target.id, user_id="u")
        say("A", n, "delete", target.id)
    elif roll < 0.83:
        say("B", n, "delall", session)
        count = mem.delete_all(user_id="u", session_id=session)
        say("A", n, "delall", session, count)
    elif roll < 0.90 and lifecycle and hasattr(mem, "consolidate"):
        say("B", n, "consolidate")
        mem.consolidate(user_id="u")
        say("A", n, "consolidate")
    elif roll < 0.91:
        say("B", n, "purge")
        mem.purge()
        say("A", n, "purge")
    else:
        mem.search(sentence(rng, "q"), user_id="u", limit=5)


def child(db: str, data_dir: str, seed: int, lifecycle: bool) -> None:
    rng = random.Random(seed)
    mem = open_memory(db, data_dir, lifecycle)
    say("READY", os.getpid())
    for n in range(400):
        step(mem, rng, seed, n, lifecycle)
    mem.close()
    say("FINISHED", os.getpid())


def main() -> None:
    # warm every lazy import and cache before forking, so children start in milliseconds
    KeyExpansion().enrich([MemoryItem(scope=Scope(user_id="w"), content="I moved to Lisbon in May")])
    import engram.lifecycle.audit  # noqa: F401
    for name in ("engine", "consolidate", "links", "updates"):
        try:
            __import__(f"engram.lifecycle.{name}")
        except ImportError:
            pass
    say("ZYGOTE", os.getpid())
    for line in sys.stdin:
        _cmd, db, data_dir, seed, lifecycle = line.split()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(db, data_dir, int(seed), lifecycle == "1")
            except BaseException as exc:  # noqa: BLE001 - report, then exit hard
                say("ERROR", os.getpid(), json.dumps(repr(exc)))
                code = 1
            os._exit(code)
        say("FORKED", pid)
        _, status = os.waitpid(pid, 0)
        say("DONE", pid, status)


if __name__ == "__main__":
    main()
