"""Concurrency: >= 50 concurrent REST clients against a live server, and several
processes sharing one SQLite file through the library. Zero server errors, zero lost
or duplicated writes, and version histories that add up."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConflictError, EngramError
from engram.model import Filters, MemoryStatus

from .conftest import LiveServer, record

CLIENTS = 60
OPS_PER_CLIENT = 12
SHARED = 5  # items every client races to update
ALL = Filters(statuses=list(MemoryStatus))


async def client_run(url: str, n: int, shared: list[str], stats: Counter[str],
                     seen: dict[str, Any]) -> None:
    from engram.client import AsyncEngramClient

    rng = random.Random(n)
    user = f"c{n}"
    mine: list[str] = []
    async with AsyncEngramClient(url, timeout=60) as client:
        for step in range(OPS_PER_CLIENT):
            roll = rng.random()
            try:
                if roll < 0.35 or not mine:
                    items = await client.add(f"client {n} note {step} about Lisbon trams",
                                             user_id=user, actor=user)
                    mine += [i.id for i in items]
                    seen["added"].setdefault(user, []).extend(i.id for i in items)
                elif roll < 0.55:
                    target = rng.choice(shared)
                    current = await client.get(target, user_id="shared")
                    try:
                        await client.update(target, user_id="shared", content=f"touched by {n}.{step}",
                                            expected_version=current.version, actor=user)
                        seen["bumps"][target] += 1
                    except ConflictError:
                        stats["conflicts"] += 1
                elif roll < 0.70:
                    hits = await client.search("Lisbon trams note", user_id=user, limit=5)
                    assert all(h.item.scope.user_id == user for h in hits.hits)
                elif roll < 0.82:
                    target = rng.choice(mine)
                    item = await client.get(target, user_id=user)
                    await client.update(target, user_id=user, tags=[f"t{step}"],
                                        expected_version=item.version)
                    seen["own_bumps"][target] += 1
                elif roll < 0.92:
                    target = mine.pop(rng.randrange(len(mine)))
                    await client.delete(target, user_id=user, actor=user)
                    seen["deleted"].add(target)
                else:
                    page = await client.list(user_id=user, limit=100)
                    assert {i.id for i in page.items} == set(mine)  # read-your-writes
                stats["ok"] += 1
            except EngramError as exc:
                stats[f"error:{type(exc).__name__}"] += 1
                seen["errors"].append(repr(exc))


@pytest.mark.slow
def test_many_concurrent_clients(tmp_path: Path, serve: Callable[..., LiveServer]) -> None:
    pytest.importorskip("fastapi")
    settings = Settings(data_dir=tmp_path / "data", embedding_cache=False)
    mem = Memory(tmp_path / "served.db", settings=settings, embedder=HashingEmbedder())
    shared = [i.id for n in range(SHARED) for i in mem.add(f"shared {n}", user_id="shared")]
    server = serve(mem)
    stats: Counter[str] = Counter()
    seen: dict[str, Any] = {"added": {}, "deleted": set(), "bumps": Counter(),
                            "own_bumps": Counter(), "errors": []}

    async def main() -> None:
        await asyncio.gather(*(client_run(server.url, n, shared, stats, seen) for n in range(CLIENTS)))

    started = time.monotonic()
    asyncio.run(main())
    elapsed = time.monotonic() - started
    assert seen["errors"] == [], seen["errors"][:5]
    for user, added in seen["added"].items():
        stored = [i.id for i in mem.store.iter_items(None) if i.scope.user_id == user]
        assert len(stored) == len(set(stored))
        assert set(stored) == set(added) - seen["deleted"], user  # nothing lost, nothing extra
        assert Counter(added).most_common(1)[0][1] == 1  # no id acknowledged twice
    for item_id in shared:
        item = mem.get(item_id, user_id="shared")
        assert item.version == 1 + seen["bumps"][item_id]  # every acknowledged update counted once
        assert [h.version for h in mem.history(item_id, user_id="shared")] == \
            list(range(1, item.version + 1))
    for item_id, bumps in seen["own_bumps"].items():
        if item_id not in seen["deleted"]:
            owner = next(u for u, ids in seen["added"].items() if item_id in ids)
            assert mem.get(item_id, user_id=owner).version == 1 + bumps
    assert mem.store.integrity_check() == []
    record("concurrency-server", {"clients": CLIENTS, "operations": CLIENTS * OPS_PER_CLIENT,
                                  "succeeded": stats["ok"], "version_conflicts_409": stats["conflicts"],
                                  "server_errors": 0, "lost_writes": 0, "duplicated_writes": 0,
                                  "seconds": round(elapsed, 1)})


def _process_worker(db: str, data: str, worker: int, shared_id: str, rounds: int,
                    out: Any) -> None:
    settings = Settings(data_dir=Path(data), embedding_cache=True)
    from engram.embed.cache import CachedEmbedder

    mem = Memory(db, settings=settings,
                 embedder=CachedEmbedder(HashingEmbedder(), settings.embedding_cache_path))
    added, bumps, conflicts = [], 0, 0
    for n in range(rounds):
        added += [i.id for i in mem.add([{"role": "user", "content": f"w{worker} r{n} a"},
                                         {"role": "user", "content": f"w{worker} r{n} b"}],
                                        user_id=f"w{worker}", actor=f"w{worker}")]
        while True:  # optimistic concurrency: retry until our increment lands exactly once
            current = mem.get(shared_id, user_id="team")
            try:
                mem.update(shared_id, user_id="team", content=f"w{worker} r{n}",
                           expected_version=current.version, actor=f"w{worker}")
                bumps += 1
                break
            except ConflictError:
                conflicts += 1
    mem.close()
    out.put((worker, added, bumps, conflicts))


@pytest.mark.slow
def test_processes_share_one_sqlite_file(tmp_path: Path) -> None:
    processes, rounds = 4, 25
    settings = Settings(data_dir=tmp_path / "data", embedding_cache=False)
    mem = Memory(tmp_path / "shared.db", settings=settings, embedder=HashingEmbedder())
    [shared] = mem.add("team counter", user_id="team")
    mem.close()
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    workers = [ctx.Process(target=_process_worker,
                           args=(str(tmp_path / "shared.db"), str(tmp_path / "data"), w, shared.id,
                                 rounds, out)) for w in range(processes)]
    started = time.monotonic()
    for w in workers:
        w.start()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=30)
        assert w.exitcode == 0
    elapsed = time.monotonic() - started
    mem = Memory(tmp_path / "shared.db", settings=settings, embedder=HashingEmbedder())
    for worker, added, bumps, _ in results:
        stored = [i.id for i in mem.store.iter_items(None) if i.scope.user_id == f"w{worker}"]
        assert sorted(stored) == sorted(added) and len(added) == 2 * rounds
        assert bumps == rounds
    item = mem.get(shared.id, user_id="team")
    assert item.version == 1 + processes * rounds
    history = mem.history(shared.id, user_id="team")
    assert [h.version for h in history] == list(range(1, item.version + 1))
    assert Counter(h.actor for h in history[1:]) == {f"w{w}": rounds for w in range(processes)}
    assert mem.store.integrity_check() == []
    mem.close()
    record("concurrency-processes", {"processes": processes, "adds": processes * rounds,
                                     "contended_updates": processes * rounds,
                                     "conflicts_retried": sum(r[3] for r in results),
                                     "seconds": round(elapsed, 1)})
