"""The import part of the Store contract, on every backend: ``add`` writes items, history
and the links among them in ONE transaction, so an import commits wholly or not at all
(issue #14, item 1: ``restore()`` used to commit per batch of 64)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_contract import ALICE, BOB, MODEL, put, unit

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConflictError
from engram.ids import new_id
from engram.model import HistoryEntry, MemoryItem
from engram.store import Store
from engram.store.base import Link


def batch(scope, texts):  # type: ignore[no-untyped-def]
    items = [MemoryItem(scope=scope, content=t) for t in texts]
    history = [HistoryEntry(memory_id=i.id, version=1, op="import", new=i.snapshot()) for i in items]
    return items, np.stack([unit(n) for n in range(len(items))]), history


def test_add_writes_the_links_among_its_items(store: Store) -> None:
    [outside] = put(store, ALICE, ["already stored"])
    items, vectors, history = batch(ALICE, ["one", "two", "three"])
    a, b, c = items
    store.add(items, vectors, history, model_id=MODEL,
              links=[Link(a.id, b.id, "similar", 0.8), Link(c.id, a.id, "shares", 0.5),
                     Link(a.id, outside.id, "ignored: outside the batch", 0.9),
                     Link(b.id, b.id, "ignored: a self-link", 0.9)])
    assert sorted((l.src, l.dst) for l in store.links(ALICE, [a.id, b.id, c.id, outside.id])) == \
        sorted([(a.id, b.id), (c.id, a.id)])


def test_a_failing_add_writes_no_item_history_or_link(store: Store) -> None:
    [taken] = put(store, BOB, ["bob's"])
    items, vectors, history = batch(ALICE, [f"n{k}" for k in range(100)])
    items[80] = items[80].model_copy(update={"id": taken.id})  # line 81 reuses another's id
    history[80] = history[80].model_copy(update={"memory_id": taken.id})
    with pytest.raises(ConflictError):
        store.add(items, vectors, history, model_id=MODEL,
                  links=[Link(items[0].id, items[1].id, "similar", 0.5)])
    assert store.get(ALICE, [i.id for i in items]) == []
    assert store.history(ALICE, [items[0].id]) == []
    assert store.get(BOB, [taken.id])[0].content == "bob's"


def test_memory_import_is_one_transaction(make_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mem = Memory(store=make_store(), embedder=HashingEmbedder(),
                 settings=Settings(data_dir=tmp_path / "d", embedding_cache=False))
    [theirs] = mem.add("someone else's", user_id="bob")
    lines = [json.dumps({"item": {"id": theirs.id if n == 81 else new_id(),
                                  "scope": {"user_id": "alice"}, "content": f"note {n}"}})
             for n in range(1, 101)]
    with pytest.raises(ConflictError):
        mem.import_(lines)
    assert mem.count(user_id="alice") == 0
    assert mem.import_(lines[:80] + lines[81:]).imported == 99
