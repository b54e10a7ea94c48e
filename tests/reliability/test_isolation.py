"""Tenant isolation, property-tested: over many generated scopes, filters and operations
no call returns, counts, updates or deletes anything outside the caller's scope — in the
library (>= 10k checked operations against one populated store) and through the server
with API keys bound to an app (and user)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engram import Memory
from engram.errors import EngramError, NotFoundError
from engram.model import Filters, MemoryItem, MemoryStatus, Scope

from .conftest import LiveServer, record

USERS, AGENTS, SESSIONS, APPS = ["u0", "u1", "u2"], ["a0", "a1", None], ["s0", "s1", None], ["p0", "p1"]
WORDS = ["lisbon", "tram", "coffee", "sister", "salary", "guitar", "secret", "password", "vegan", "marathon"]
BATCH = 25
EXAMPLES = 420  # x BATCH operations each
ALL = Filters(statuses=list(MemoryStatus))
checked = {"library_ops": 0, "library_leaks": 0, "server_ops": 0, "server_leaks": 0}

scopes = st.fixed_dictionaries({}, optional={
    "user_id": st.sampled_from(USERS + ["nobody"]), "agent_id": st.sampled_from(AGENTS[:2]),
    "session_id": st.sampled_from(SESSIONS[:2]), "app_id": st.sampled_from(APPS)}).filter(bool)
filters = st.fixed_dictionaries({}, optional={
    "tags": st.lists(st.sampled_from(["t0", "t1"]), max_size=1),
    "kinds": st.lists(st.sampled_from(["episodic", "fact"]), min_size=1, max_size=2),
    "statuses": st.lists(st.sampled_from(["active", "archived"]), min_size=1, max_size=2)})
ops = st.tuples(st.sampled_from(["search", "list", "count", "get", "history", "update", "delete",
                                 "delete_all", "stats", "export"]),
                scopes, filters, st.integers(0, 10**9))


def covered(query: dict[str, str], item_scope: Scope) -> bool:
    return Scope(**query).covers(item_scope)


def populate(mem: Memory, rng: random.Random) -> dict[str, MemoryItem]:
    items: dict[str, MemoryItem] = {}
    for user, agent, session, app in itertools.product(USERS, AGENTS, SESSIONS, APPS):
        for n in range(2):
            kind = "fact" if n else "episodic"
            text = " ".join(rng.sample(WORDS, 4)) + f" {user} {app}"
            [item] = mem.add(text, user_id=user, agent_id=agent, session_id=session, app_id=app,
                             kind=kind, tags=[f"t{n}"])
            items[item.id] = item
    return items


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Memory, dict[str, MemoryItem]]:
    from engram.config import Settings
    from engram.embed.hashing import HashingEmbedder

    tmp = tmp_path_factory.mktemp("iso")
    mem = Memory(tmp / "iso.db", settings=Settings(data_dir=tmp / "d", embedding_cache=False),
                 embedder=HashingEmbedder())
    return mem, populate(mem, random.Random(7))


def expected(model: dict[str, MemoryItem], query: dict[str, str], flt: dict[str, Any]) -> set[str]:
    statuses = set(flt.get("statuses", ["active"]))
    return {i.id for i in model.values() if covered(query, i.scope) and i.status.value in statuses
            and (not flt.get("kinds") or i.kind.value in flt["kinds"])
            and all(t in i.tags for t in flt.get("tags", []))}


def run_op(mem: Memory, model: dict[str, MemoryItem], op: str, query: dict[str, str],
           flt: dict[str, Any], seed: int) -> None:
    rng = random.Random(seed)
    target = rng.choice(sorted(model)) if model else "missing"
    inside = target in model and covered(query, model[target].scope)
    if op == "search":
        hits = mem.search(rng.choice(WORDS), scope=query, filters=flt, limit=50).hits
        assert {h.item.id for h in hits} <= expected(model, query, flt)
    elif op == "list":
        page = mem.list(scope=query, filters=flt, limit=1000)
        assert {i.id for i in page.items} == expected(model, query, flt)
    elif op == "count":
        assert mem.count(scope=query, filters=flt) == len(expected(model, query, flt))
    elif op == "stats":
        assert mem.stats(scope=query).memories == sum(covered(query, i.scope) for i in model.values())
    elif op == "export":
        lines = list(mem.export(scope=query))[1:]
        assert len(lines) == sum(covered(query, i.scope) for i in model.values())
    elif op in ("get", "history"):
        call = mem.get if op == "get" else mem.history
        if inside:
            call(target, scope=query)
        else:
            with pytest.raises(NotFoundError):
                call(target, scope=query)
    elif op == "update":
        status = rng.choice(["active", "archived"])
        if inside:
            model[target] = mem.update(target, scope=query, status=status, tags=model[target].tags)
        else:
            with pytest.raises(NotFoundError):
                mem.update(target, scope=query, status=status)
            assert mem.store.get(model[target].scope, [target])[0].version == model[target].version
    elif op == "delete":
        if inside:
            mem.delete(target, scope=query)
            del model[target]
        else:
            with pytest.raises(NotFoundError):
                mem.delete(target, scope=query)
    elif op == "delete_all":  # narrow it to one session of one user so the world survives
        narrow = {**query, "user_id": query.get("user_id", "u0"), "session_id": "s0"}
        gone = {i for i, it in model.items() if covered(narrow, it.scope)}
        assert mem.delete_all(scope=narrow) == len(gone)
        for item_id in gone:
            del model[item_id]
    if op in ("update", "delete", "delete_all"):  # writes: nothing else may have changed
        assert mem.count(scope={"app_id": "p0"}, filters=ALL) + mem.count(
            scope={"app_id": "p1"}, filters=ALL) == len(model), f"{op} touched other scopes"


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(batch=st.lists(ops, min_size=BATCH, max_size=BATCH))
def test_library_never_crosses_scopes(world: tuple[Memory, dict[str, MemoryItem]],
                                      batch: list[tuple[str, dict, dict, int]]) -> None:
    mem, model = world
    if len(model) < 60:  # replenish after deletions, so every batch has a full world
        model.update(populate(mem, random.Random(len(model))))
    for op, query, flt, seed in batch:
        checked["library_ops"] += 1
        run_op(mem, model, op, query, flt, seed)
    stored = {i.id: i for i in mem.store.iter_items(None)}
    assert set(stored) == set(model)
    assert all(stored[i].version == model[i].version and stored[i].scope == model[i].scope
               for i in model), "a write landed on an item outside the caller's scope"


def test_cascade_never_crosses_apps(make_memory: Callable[..., Memory]) -> None:
    """A derived item pointing at a deleted memory is removed only inside the caller's app."""
    mem = make_memory()
    [mine] = mem.add("attacker note", user_id="alice", app_id="evil")
    [victim] = mem.add([{"role": "user", "content": "victim summary", "id": mine.id}],
                       user_id="alice", app_id="good", kind="summary")
    mem.delete(mine.id, user_id="alice", app_id="evil")
    assert mem.get(victim.id, user_id="alice", app_id="good").content.endswith("victim summary")


@pytest.mark.slow
def test_server_keys_never_cross_scopes(tmp_path: Path, serve: Callable[..., LiveServer]) -> None:
    pytest.importorskip("fastapi")
    from engram.client import EngramClient
    from engram.config import Settings
    from engram.embed.hashing import HashingEmbedder
    from engram.store.keys import KeyStore

    mem = Memory(tmp_path / "srv.db", settings=Settings(data_dir=tmp_path / "d", embedding_cache=False),
                 embedder=HashingEmbedder())
    model = populate(mem, random.Random(3))
    keys = KeyStore(tmp_path / "keys.sqlite")
    bound = {"p0": {"app_id": "p0"}, "p1": {"app_id": "p1"}, "p0u0": {"app_id": "p0", "user_id": "u0"}}
    secrets = {name: keys.create(b["app_id"], user_id=b.get("user_id"), name=name)[1]
               for name, b in bound.items()}
    server = serve(mem, keys=keys, require_auth=True)
    rng = random.Random(11)
    clients = {name: EngramClient(server.url, api_key=secret) for name, secret in secrets.items()}
    for n in range(600):
        name = rng.choice(sorted(bound))
        own = bound[name]
        asked = {k: v for k, v in {"user_id": rng.choice(USERS + [None]),
                                   "app_id": rng.choice(APPS + [None]),
                                   "session_id": rng.choice(["s0", None])}.items() if v}
        target = rng.choice(sorted(model))
        client = clients[name]
        if True:
            checked["server_ops"] += 1
            op = rng.choice(["search", "list", "get", "update", "delete", "history", "stats"])
            try:
                if op == "search":
                    got = [h.item for h in client.search(rng.choice(WORDS), limit=50, **asked).hits]
                elif op == "list":
                    got = client.list(limit=1000, **asked).items
                elif op == "stats":
                    stats = client.stats(**asked)
                    allowed = {**asked, **own}
                    assert stats.memories == sum(covered(allowed, i.scope) for i in model.values())
                    got = []
                elif op in ("get", "history"):
                    (client.get if op == "get" else client.history)(target, **asked)
                    got = [model[target]]
                elif op == "update":
                    got = [client.update(target, importance=0.6, **asked)]
                    model[target] = got[0]
                else:
                    client.delete(target, **asked)
                    got = [model.pop(target)]
            except EngramError as exc:  # 403 (scope outside the key) or 404 (not in scope)
                assert getattr(exc, "code", "") in ("forbidden", "not_found", "permission_denied") or \
                    type(exc).__name__ in ("PermissionDeniedError", "NotFoundError"), repr(exc)
                got = []
            leaks = [i for i in got if not covered(own, i.scope)]
            checked["server_leaks"] += len(leaks)
            assert not leaks, (name, op, asked, leaks[:1])
        if n % 25 == 0:
            assert {i.id for i in mem.store.iter_items(None)} == set(model)
    assert {i.id for i in mem.store.iter_items(None)} == set(model)
    for client in clients.values():
        client.close()
    mem.close()


def test_zz_report() -> None:
    record("isolation", dict(checked))
