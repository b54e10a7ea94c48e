"""The links part of the Store contract (A-MEM note links), run against every backend."""

from __future__ import annotations

from test_contract import ALICE, BOB, put

from engram.model import Filters, Scope, tombstone
from engram.store import Store
from engram.store.base import Link


def test_links_roundtrip_both_directions(store: Store) -> None:
    a, b, c = put(store, ALICE, ["one", "two", "three"])
    assert store.add_links(ALICE, [Link(a.id, b.id, "similar 0.80", 0.8),
                                   Link(c.id, a.id, "shares lisbon", 0.6)]) == 2
    found = store.links(ALICE, [a.id])
    assert [(l.src, l.dst, l.reason, l.score) for l in found] == [
        (a.id, b.id, "similar 0.80", 0.8), (c.id, a.id, "shares lisbon", 0.6)]
    assert found[0].created_at.tzinfo is not None
    assert [l.dst for l in store.links(ALICE, [b.id])] == [b.id]
    assert store.links(ALICE, []) == []


def test_relinking_refreshes_reason_and_score(store: Store) -> None:
    a, b = put(store, ALICE, ["one", "two"])
    store.add_links(ALICE, [Link(a.id, b.id, "old", 0.1)])
    store.add_links(ALICE, [Link(a.id, b.id, "new", 0.9)])
    [link] = store.links(ALICE, [a.id])
    assert (link.reason, link.score) == ("new", 0.9)


def test_links_never_cross_scopes(store: Store) -> None:
    [a] = put(store, ALICE, ["alice"])
    [b] = put(store, BOB, ["bob"])
    [a2] = put(store, ALICE, ["alice two"])
    assert store.add_links(ALICE, [Link(a.id, b.id, "x"), Link(a.id, a.id, "self"),
                                   Link(a.id, a2.id, "ok")]) == 1
    assert store.links(BOB, [a.id, b.id]) == []
    assert [l.dst for l in store.links(ALICE, [a.id])] == [a2.id]
    narrow = Scope(user_id="alice", session_id="s")
    assert store.links(narrow, [a.id]) == []


def test_deleting_either_end_removes_the_link(store: Store) -> None:
    a, b, c = put(store, ALICE, ["one", "two", "three"])
    store.add_links(ALICE, [Link(a.id, b.id, "x"), Link(b.id, c.id, "y")])
    store.delete(ALICE, [b.id], [tombstone(b.id, 1, None)])
    assert store.links(ALICE, [a.id, b.id, c.id]) == []
    store.add_links(ALICE, [Link(a.id, c.id, "z")])
    store.delete_scope(ALICE, actor=None)
    assert store.links(ALICE, [a.id, c.id]) == [] and store.count(ALICE, Filters()) == 0
