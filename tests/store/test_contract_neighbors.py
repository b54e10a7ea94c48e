"""Session neighbours and a bounded sample of the scope's newest texts, the store side of
``engram.retrieve.context``, run against every backend."""

from __future__ import annotations

from datetime import timedelta

from test_contract import ALICE, BOB, T0, put

from engram.model import Filters, HistoryEntry, MemoryKind, MemoryStatus, Scope, tombstone
from engram.store import Store
from engram.store.base import Neighbors

TALK = Scope(user_id="alice", session_id="talk")
BOB_TALK = Scope(user_id="bob", session_id="talk")


def test_neighbors_follow_event_time_within_a_session(store: Store) -> None:
    a, b, c = put(store, TALK, ["first", "second", "third"])
    found = store.neighbors(ALICE, [a.id, b.id, c.id])
    assert found == {a.id: Neighbors(None, b.id), b.id: Neighbors(a.id, c.id),
                     c.id: Neighbors(b.id, None)}
    # dated like a but created after it: it slots in between a and b
    [late] = put(store, TALK, ["late"])
    assert store.neighbors(ALICE, [late.id])[late.id] == Neighbors(a.id, b.id)
    assert {n.session for n in found.values()} == {a.scope.session_id}  # the session comes along


def test_items_without_session_or_not_episodic_have_none(store: Store) -> None:
    [loose] = put(store, ALICE, ["no session"])
    [fact] = put(store, TALK, ["a fact"], kind=MemoryKind.FACT)
    [turn] = put(store, TALK, ["a turn"])
    found = store.neighbors(ALICE, [loose.id, fact.id, turn.id])
    assert found[loose.id] == Neighbors(None, None)
    assert found[fact.id] == Neighbors(None, None)
    assert found[turn.id] == Neighbors(None, None)  # the fact is not part of the sequence


def test_neighbors_never_cross_scopes(store: Store) -> None:
    """Two tenants that reuse one session id still get only their own neighbours."""
    mine = put(store, TALK, ["a1", "a2"])
    theirs = put(store, BOB_TALK, ["b1", "b2"])
    found = store.neighbors(ALICE, [m.id for m in mine] + [t.id for t in theirs])
    assert set(found) == {m.id for m in mine}
    assert found[mine[0].id] == Neighbors(None, mine[1].id)
    assert store.neighbors(BOB, [mine[0].id]) == {}


def test_deleted_and_archived_items_are_skipped(store: Store) -> None:
    a, b, c, d = put(store, TALK, ["a", "b", "c", "d"])
    store.delete(ALICE, [b.id], [tombstone(b.id, 1, None)])
    archived = c.model_copy(update={"status": MemoryStatus.ARCHIVED, "version": 2})
    store.replace(archived, None, HistoryEntry(memory_id=c.id, version=2, op="update",
                                               new=archived.snapshot()), expected_version=1)
    assert store.neighbors(ALICE, [a.id])[a.id] == Neighbors(None, d.id)


def test_filters_hide_neighbours_they_exclude(store: Store) -> None:
    a, b, _ = put(store, TALK, ["day one", "day two", "day three"])
    wanted = Filters(until=T0 + timedelta(days=1, hours=12))  # c is after the window
    found = store.neighbors(ALICE, [a.id, b.id], wanted)
    assert found[a.id] == Neighbors(None, b.id)
    assert found[b.id] == Neighbors(a.id, None)  # c exists but is filtered out
    assert store.neighbors(ALICE, []) == {}


def test_recent_texts_are_the_newest_matches_of_the_scope_only(store: Store) -> None:
    put(store, ALICE, ["oldest", "middle", "newest"])
    put(store, BOB, ["bob's own"])
    assert store.recent_texts(ALICE, Filters(), limit=2) == ["newest", "middle"]
    assert store.recent_texts(ALICE, Filters(until=T0 + timedelta(days=1)), limit=5) == ["oldest"]
    assert store.recent_texts(BOB, Filters(), limit=5) == ["bob's own"]
    assert store.recent_texts(Scope(user_id="nobody"), Filters(), limit=5) == []
