"""Statements per operation on PostgreSQL (issue #17): each is a round trip, and under 50
clients the server's CPU per operation grows with them. The store's own statements are
recorded at ``Connection.execute`` (tests/store/pg_recorder.py); COPY and executemany go
through cursors and are not in these lists."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from engram.memory import Memory
from engram.model import Filters, HistoryEntry, MemoryItem, Scope, tombstone, utcnow

pytest.importorskip("psycopg", reason="the postgres extra is not installed")
from pg_recorder import Recorder  # noqa: E402 - tests/store is on sys.path

ALICE = Scope(user_id="alice")


def _unit(seed: int, dim: int = 16) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def _rounds(store: Any, n: int, seed: int = 0) -> list[MemoryItem]:
    now = utcnow()
    items = [MemoryItem(scope=ALICE.narrowed(session_id="s1"), content=f"round {seed + k} zebra",
                        event_time=now + timedelta(minutes=seed + k)) for k in range(n)]
    store.add(items, np.stack([_unit(seed + k) for k in range(n)]),
              [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items], model_id="m")
    return items


@pytest.fixture
def recorded(pg_url: str) -> Any:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, ann_threshold=6)
    recorder = Recorder(store._pool)
    store._pool = recorder
    yield store, recorder
    store._pool = recorder.pool
    store.close()


def test_a_small_scopes_vector_search_is_one_statement_outside_a_transaction(recorded: Any) -> None:
    store, recorder = recorded
    items = _rounds(store, 5)
    store.vector_search(ALICE, _unit(0), Filters(), limit=3)  # reads vector_dim once
    recorder.sent.clear()
    recorder.transactions = 0
    hits = store.vector_search(ALICE, _unit(2), Filters(), limit=3)
    assert len(recorder.sent) == 1 and recorder.transactions == 0
    scores = {i.id: float(_unit(k) @ _unit(2)) for k, i in enumerate(items)}
    expected = sorted(scores, key=lambda i: -scores[i])[:3]
    assert [h[0] for h in hits] == expected
    assert [h[1] for h in hits] == pytest.approx([scores[i] for i in expected], abs=1e-5)
    assert store.vector_search(Scope(user_id="nobody"), _unit(2), Filters(), limit=3) == []


def test_a_large_scope_skips_the_exact_ranking_and_walks_the_index(recorded: Any) -> None:
    store, recorder = recorded
    items = _rounds(store, 9)  # above ann_threshold=6
    recorder.sent.clear()
    hits = store.vector_search(ALICE, _unit(4), Filters(), limit=2)
    assert hits[0][0] == items[4].id and hits[0][1] == pytest.approx(1.0, abs=1e-5)
    first, params = next((sql, p) for sql, p in recorder.sent if sql.startswith("WITH n AS"))
    plan = store._read(f"EXPLAIN (ANALYZE, COSTS OFF) {first}", params)
    distances = [n for n, (line,) in enumerate(plan) if "CTE c" in line]
    assert distances and any("never executed" in line for (line,) in plan[distances[0]:])
    assert any("ORDER BY v.embedding" in sql for sql, _ in recorder.sent[1:])


def test_writes_read_the_embedder_record_once(recorded: Any, pg_url: str) -> None:
    from engram.store.postgres import PostgresStore

    store, recorder = recorded
    _rounds(store, 2)  # writes embed_model / vector_dim: not kept (it might have rolled back)
    meta = [sql for sql, _ in recorder.sent if "FROM meta" in sql]
    _rounds(store, 2, seed=10)  # reads them, after which they are known
    _rounds(store, 2, seed=20)
    [item] = store.get(ALICE, [_rounds(store, 1, seed=30)[0].id])
    store.replace(item.model_copy(update={"version": 2}), _unit(31), HistoryEntry(
        memory_id=item.id, version=2, op="update"), expected_version=1, model_id="m")
    assert len([sql for sql, _ in recorder.sent if "FROM meta" in sql]) == len(meta) + 1
    other = PostgresStore(pg_url)  # another process: still refuses another embedder
    try:
        with pytest.raises(Exception, match="embedder"):
            other.add([MemoryItem(scope=ALICE, content="x")], _unit(1)[None, :],
                      [], model_id="another")
    finally:
        other.close()


def test_a_delete_is_three_statements_and_a_context_rebuild(recorded: Any) -> None:
    store, recorder = recorded
    items = _rounds(store, 3)
    recorder.sent.clear()
    assert store.delete(ALICE, [items[1].id], [tombstone(items[1].id, 1, "t")]) == 1
    # scopes to lock, the advisory lock, the row lock, the purge, the neighbours' contexts
    assert len(recorder.sent) == 5, [sql[:60] for sql, _ in recorder.sent]
    assert store.get(ALICE, [items[1].id]) == []
    assert store.vectors(ALICE, [items[1].id]) == {}
    [entry] = [h for h in store.history(ALICE, [items[1].id]) if h.op == "delete"]
    assert entry.actor == "t" and entry.old is None and entry.new is None
    ctx = dict(store._read("SELECT id, context_text FROM memories WHERE id = ANY(%s)",
                           [[items[0].id, items[2].id]]))
    assert ctx == {items[0].id: items[2].content, items[2].id: items[0].content}


def test_memory_delete_reads_the_item_once(backend_memory: Memory) -> None:
    [item] = backend_memory.add("the item to delete", user_id="u")
    calls = []
    real = backend_memory.store.get

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    backend_memory.store.get = counted  # type: ignore[method-assign]
    backend_memory.delete(item.id, user_id="u")
    assert len(calls) == 1
    assert backend_memory.count(user_id="u") == 0


@pytest.mark.parametrize("named", [True, False], ids=["session-scope", "user-scope"])
def test_an_update_locks_reads_and_writes_in_five_statements(recorded: Any, named: bool) -> None:
    """With the row's session in the item's scope its lock is held before the row is
    read, so the neighbours come with the row; an item moved out of its session locks the
    stored one afterwards and reads them again. Either way the neighbours' contexts follow."""
    store, recorder = recorded
    items = _rounds(store, 3)  # writes the embedder record: the next write reads it, once
    store.add([MemoryItem(scope=Scope(user_id="bob"), content="x")], _unit(9)[None, :], [],
              model_id="m")
    middle = items[1]
    scope = middle.scope if named else ALICE
    changed = middle.model_copy(update={"scope": scope, "content": "round quagga", "version": 2})
    recorder.sent.clear()
    store.replace(changed, _unit(40), HistoryEntry(memory_id=middle.id, version=2, op="update"),
                  expected_version=1, model_id="m")
    # [lock] row(+neighbours) [lock, neighbours] write(+history, vector) context neighbours'
    assert len(recorder.sent) == (5 if named else 6), [sql[:60] for sql, _ in recorder.sent]
    ctx = dict(store._read("SELECT id, context_text FROM memories WHERE id = ANY(%s)",
                           [[items[0].id, items[2].id]]))
    if named:
        assert ctx == {items[0].id: "round quagga", items[2].id: "round quagga"}
    else:  # out of the session: its old neighbours are now each other's
        assert ctx == {items[0].id: items[2].content, items[2].id: items[0].content}
    [got] = store.get(ALICE, [middle.id])
    assert got.content == "round quagga" and got.version == 2 and got.scope == scope
    assert store.vectors(ALICE, [middle.id])[middle.id] == pytest.approx(_unit(40))
    assert [h.op for h in store.history(ALICE, [middle.id])] == ["add", "update"]
