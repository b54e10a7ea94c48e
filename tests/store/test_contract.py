"""The Store contract: every backend must pass this suite unchanged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from engram.errors import ConflictError, NotFoundError, StoreError
from engram.model import (
    Filters,
    HistoryEntry,
    MemoryItem,
    MemoryKind,
    MemoryStatus,
    Scope,
    tombstone,
)
from engram.store import Store

ALICE = Scope(user_id="alice")
BOB = Scope(user_id="bob")
T0 = datetime(2024, 1, 1, tzinfo=UTC)
DIM = 8
MODEL = "test-model"


def unit(seed: int, dim: int = DIM) -> np.ndarray:
    vec = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return vec / np.linalg.norm(vec)


def put(store: Store, scope: Scope, texts: list[str], *, seeds: list[int] | None = None,
        **fields: object) -> list[MemoryItem]:
    items = [MemoryItem(scope=scope, content=t, event_time=T0 + timedelta(days=i), **fields)
             for i, t in enumerate(texts)]
    seeds = seeds or [hash(t) % 10_000 for t in texts]
    vectors = np.stack([unit(s) for s in seeds])
    history = [HistoryEntry(memory_id=i.id, version=1, op="add", new=i.snapshot()) for i in items]
    store.add(items, vectors, history, model_id=MODEL)
    return items


def test_add_get_roundtrip_is_exact(store: Store) -> None:
    [item] = put(store, ALICE, ["I live in Lisbon"], tags=["home"], metadata={"a": [1, {"b": None}]})
    [back] = store.get(ALICE, [item.id])
    assert back == item


def test_get_preserves_requested_order_and_skips_missing(store: Store) -> None:
    a, b = put(store, ALICE, ["one", "two"])
    assert [i.id for i in store.get(ALICE, [b.id, "nope", a.id])] == [b.id, a.id]


def test_scope_isolation_on_every_read(store: Store) -> None:
    [mine] = put(store, ALICE, ["alice secret about cats"], seeds=[1])
    put(store, BOB, ["bob note about cats"], seeds=[1])
    assert store.get(BOB, [mine.id]) == []
    assert [i.id for i in store.list(BOB, Filters(), limit=10)] != [mine.id]
    assert all(i.scope == BOB for i in store.list(BOB, Filters(), limit=10))
    assert store.count(BOB, Filters()) == 1
    assert [i for i, _ in store.lexical_search(BOB, "cats", Filters(), limit=10)] != [mine.id]
    assert mine.id not in [i for i, _ in store.vector_search(BOB, unit(1), Filters(), limit=10)]
    assert store.vectors(BOB, [mine.id]) == {}
    assert store.history(BOB, [mine.id]) == []
    assert store.delete(BOB, [mine.id], [tombstone(mine.id, 1, None)]) == 0
    assert store.get(ALICE, [mine.id])


def test_narrower_scope_sees_only_its_session(store: Store) -> None:
    put(store, Scope(user_id="u", session_id="s1"), ["first session"])
    put(store, Scope(user_id="u", session_id="s2"), ["second session"])
    assert store.count(Scope(user_id="u"), Filters()) == 2
    only = store.list(Scope(user_id="u", session_id="s2"), Filters(), limit=10)
    assert [i.content for i in only] == ["second session"]


def test_list_pages_by_id_in_both_directions(store: Store) -> None:
    items = put(store, ALICE, [f"note {n}" for n in range(7)])
    ids = [i.id for i in items]
    seen, after = [], None
    while True:
        page = store.list(ALICE, Filters(), limit=3, after_id=after)
        if not page:
            break
        seen += [i.id for i in page]
        after = page[-1].id
    assert seen == sorted(ids, reverse=True)
    assert [i.id for i in store.list(ALICE, Filters(), limit=10, descending=False)] == sorted(ids)


def test_filters(store: Store) -> None:
    put(store, ALICE, ["a fact"], kind=MemoryKind.FACT, tags=["x", "y"], metadata={"src": "chat"})
    put(store, ALICE, ["an episode", "another"], tags=["x"])
    assert store.count(ALICE, Filters(kinds=[MemoryKind.FACT])) == 1
    assert store.count(ALICE, Filters(tags=["x"])) == 3
    assert store.count(ALICE, Filters(tags=["x", "y"])) == 1
    assert store.count(ALICE, Filters(metadata={"src": "chat"})) == 1
    assert store.count(ALICE, Filters(since=T0 + timedelta(days=1))) == 1
    assert store.count(ALICE, Filters(until=T0 + timedelta(hours=1))) == 2
    assert store.count(ALICE, Filters(statuses=[MemoryStatus.ARCHIVED])) == 0


def test_replace_checks_version_and_reindexes(store: Store) -> None:
    [item] = put(store, ALICE, ["I like tea"])
    new = item.model_copy(update={"content": "I like coffee", "version": 2})
    entry = HistoryEntry(memory_id=item.id, version=2, op="update", old=item.snapshot(),
                         new=new.snapshot())
    store.replace(new, unit(99), entry, expected_version=1, model_id=MODEL)
    assert store.get(ALICE, [item.id])[0].content == "I like coffee"
    assert store.lexical_search(ALICE, "coffee", Filters(), limit=5)[0][0] == item.id
    assert store.lexical_search(ALICE, "tea", Filters(), limit=5) == []
    assert store.vector_search(ALICE, unit(99), Filters(), limit=1)[0][0] == item.id
    with pytest.raises(ConflictError):
        store.replace(new, None, entry, expected_version=1)
    with pytest.raises(NotFoundError):
        store.replace(new.model_copy(update={"scope": BOB}), None, entry, expected_version=2)
    assert [h.version for h in store.history(ALICE, [item.id])] == [1, 2]


def test_duplicate_id_is_a_conflict_and_writes_nothing(store: Store) -> None:
    [item] = put(store, ALICE, ["once"])
    other = MemoryItem(scope=ALICE, content="fresh")
    with pytest.raises(ConflictError):
        store.add([other, item], np.stack([unit(1), unit(2)]),
                  [HistoryEntry(memory_id=other.id, version=1, op="add")], model_id=MODEL)
    assert store.get(ALICE, [other.id]) == []
    assert store.count(ALICE, Filters()) == 1


def test_delete_removes_everything_and_leaves_tombstone(store: Store) -> None:
    keep, gone = put(store, ALICE, ["keep this", "forget the zebra"], seeds=[1, 2])
    assert store.delete(ALICE, [gone.id], [tombstone(gone.id, 1, "tester")]) == 1
    assert store.get(ALICE, [gone.id]) == []
    assert store.lexical_search(ALICE, "zebra", Filters(), limit=5) == []
    assert gone.id not in [i for i, _ in store.vector_search(ALICE, unit(2), Filters(), limit=5)]
    assert store.vectors(ALICE, [gone.id]) == {}
    history = store.history(ALICE, [gone.id])
    assert [h.op for h in history] == ["add", "delete"]
    assert all(h.old is None and h.new is None for h in history)
    assert history[-1].actor == "tester"
    assert store.get(ALICE, [keep.id])


def test_delete_scope_only_touches_that_scope(store: Store) -> None:
    put(store, ALICE, ["a1", "a2"])
    [b] = put(store, BOB, ["b1"])
    assert store.delete_scope(ALICE, actor=None) == 2
    assert store.count(ALICE, Filters(statuses=list(MemoryStatus))) == 0
    assert store.get(BOB, [b.id])
    assert store.stats(BOB).memories == 1


def test_lexical_search_ranks_and_never_executes_fts_syntax(store: Store) -> None:
    put(store, ALICE, ["the quick brown fox", "a lazy dog sleeps", "NEAR(fox dog) OR * -x"])
    assert store.lexical_search(ALICE, "fox", Filters(), limit=5)[0][0]
    for hostile in ['"', "fox AND", "NEAR(fox dog)", "content:fox", "*", "fox OR", "(", "^fox",
                    "'; DROP TABLE memories; --", "\x01\x02", "fox NOT dog", "🦊"]:
        store.lexical_search(ALICE, hostile, Filters(), limit=5)  # must not raise
    assert store.lexical_search(ALICE, "   ", Filters(), limit=5) == []
    assert store.count(ALICE, Filters()) == 3


def test_lexical_search_matches_keys_column(store: Store) -> None:
    [item] = put(store, ALICE, ["we talked for hours"], keys=["hiking trip Yosemite"])
    assert store.lexical_search(ALICE, "yosemite", Filters(), limit=5)[0][0] == item.id


@pytest.mark.parametrize("options", [{}, {"ann_threshold": 8}, {"small_scope": 4},
                                     {"small_scope": 4, "ann_threshold": 8}])
def test_vector_search_all_paths_agree(make_store, options: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    store = make_store(**options)
    if type(store).__name__ != "SQLiteStore" and "small_scope" in options:
        pytest.skip("small_scope is SQLite's; without it this case repeats one above")
    items = put(store, ALICE, [f"doc {n}" for n in range(40)], seeds=list(range(40)))
    put(store, BOB, [f"bob {n}" for n in range(40)], seeds=list(range(40)))
    for probe in (3, 17, 39):
        hits = store.vector_search(ALICE, unit(probe), Filters(), limit=5)
        assert hits[0][0] == items[probe].id
        assert hits[0][1] == pytest.approx(1.0, abs=1e-4)
        assert len(hits) == 5 and all(h[0] in {i.id for i in items} for h in hits)
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


def test_vector_cache_follows_writes_and_deletes(make_store) -> None:  # type: ignore[no-untyped-def]
    store = make_store(small_scope=2, ann_threshold=4)
    items = put(store, ALICE, [f"d{n}" for n in range(10)], seeds=list(range(10)))
    assert store.vector_search(ALICE, unit(5), Filters(), limit=1)[0][0] == items[5].id
    store.delete(ALICE, [items[5].id], [tombstone(items[5].id, 1, None)])
    assert store.vector_search(ALICE, unit(5), Filters(), limit=1)[0][0] != items[5].id
    [late] = put(store, ALICE, ["late"], seeds=[777])
    assert store.vector_search(ALICE, unit(777), Filters(), limit=1)[0][0] == late.id


def test_second_handle_sees_first_handles_writes(make_store) -> None:  # type: ignore[no-untyped-def]
    first, second = make_store(small_scope=2), make_store(small_scope=2)
    put(first, ALICE, ["a", "b", "c"], seeds=[1, 2, 3])
    assert second.vector_search(ALICE, unit(2), Filters(), limit=1)
    [new] = put(first, ALICE, ["d"], seeds=[4])
    assert second.vector_search(ALICE, unit(4), Filters(), limit=1)[0][0] == new.id


def test_embedding_model_is_recorded_and_enforced(store: Store) -> None:
    put(store, ALICE, ["x"])
    assert store.embedding_model() == MODEL
    item = MemoryItem(scope=ALICE, content="y")
    with pytest.raises(StoreError, match="re-embeds"):
        store.add([item], unit(1)[None, :], [HistoryEntry(memory_id=item.id, version=1, op="add")],
                  model_id="another-model")
    assert store.get(ALICE, [item.id]) == []


def test_record_access_bumps_stats_without_new_version(store: Store) -> None:
    [item] = put(store, ALICE, ["x"])
    store.record_access(ALICE, [item.id])
    store.record_access(BOB, [item.id])  # other tenant: no effect
    back = store.get(ALICE, [item.id])[0]
    assert back.access_count == 1 and back.version == 1 and back.last_accessed_at


def test_iter_items_and_stats(store: Store) -> None:
    put(store, ALICE, [f"n{i}" for i in range(5)], kind=MemoryKind.FACT)
    put(store, BOB, ["b"])
    assert len(list(store.iter_items(ALICE, batch=2))) == 5
    assert len(list(store.iter_items(None, batch=2))) == 6
    stats = store.stats(ALICE)
    assert stats.memories == 5 and stats.by_kind == {"fact": 5} and stats.vectors == 5
    assert store.stats(None).scopes == 2


def test_replace_never_lowers_access_stats(store: Store) -> None:
    [item] = put(store, ALICE, ["read me"])
    stale = store.get(ALICE, [item.id])[0]
    store.record_access(ALICE, [item.id])
    store.record_access(ALICE, [item.id])
    new = stale.model_copy(update={"content": "read me again", "version": 2})
    store.replace(new, None, HistoryEntry(memory_id=item.id, version=2, op="update"), expected_version=1)
    back = store.get(ALICE, [item.id])[0]
    assert back.access_count == 2 and back.last_accessed_at is not None


def test_scope_history_is_the_scoped_audit_trail(store: Store) -> None:
    [a] = put(store, ALICE, ["a"])
    put(store, BOB, ["b"])
    store.delete(ALICE, [a.id], [tombstone(a.id, 1, "auditor")])
    trail = store.scope_history(ALICE, limit=10)
    assert [(h.memory_id, h.op) for h in trail] == [(a.id, "delete"), (a.id, "add")]
    assert trail[0].actor == "auditor" and trail[1].new is None  # content blanked by the delete
    assert store.scope_history(ALICE, since=trail[0].at, limit=10)[0].op == "delete"
    assert len(store.scope_history(BOB, limit=10)) == 1
