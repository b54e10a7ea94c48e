"""Cascading deletion order: a crash part-way through never leaves a derived item
pointing at a deleted one (the invariant tests/reliability/test_crash.py checks)."""

from __future__ import annotations

from typing import Any

import pytest

from engram import Memory
from engram.lifecycle.audit import Residue
from engram.model import Scope

from .test_consolidate import build


class Crash(Exception):
    pass


def dangling(mem: Memory) -> list[tuple[str, str]]:
    items = {i.id: i for i in mem.store.iter_items(Scope(user_id="u"))}
    return [(i.id, s) for i in items.values() for s in i.provenance.source_ids if s not in items]


@pytest.mark.parametrize("crash_after", [0, 1, 2])  # the cascade makes 3 deletes here
def test_crash_during_cascade_leaves_no_dangling_provenance(lc: Memory, crash_after: int,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    build(lc)
    lc.consolidate(user_id="u")
    [round_] = [i for i in lc.list(user_id="u", filters={"kinds": ["episodic"]}).items
                if "curry" in i.content]
    real_delete = lc.store.delete
    calls: list[int] = []

    def delete(*args: Any, **kwargs: Any) -> int:
        if len(calls) == crash_after:
            raise Crash
        calls.append(1)
        return real_delete(*args, **kwargs)

    monkeypatch.setattr(lc.store, "delete", delete)
    with pytest.raises(Crash):
        lc.delete(round_.id, user_id="u")
    monkeypatch.undo()
    assert dangling(lc) == []
    lc.delete(round_.id, user_id="u")  # a retry finishes the job
    assert dangling(lc) == [] and all("curry" not in i.content
                                      for i in lc.store.iter_items(Scope(user_id="u")))


def test_erase_order_puts_every_item_before_its_sources() -> None:
    u = Scope(user_id="u")
    residue = Residue(derived={k: u for k in "abcd"},
                      sources={"a": {"x"}, "b": {"a", "x"}, "c": {"b"}, "d": {"a"}})
    layers = residue.erase_order()
    assert layers == [["c", "d"], ["b"], ["a"]]
    position = {d: n for n, layer in enumerate(layers) for d in layer}
    for item, sources in residue.sources.items():
        assert all(position[item] < position[s] for s in sources if s in position)


def test_erase_order_survives_a_cycle() -> None:
    u = Scope(user_id="u")
    residue = Residue(derived={"a": u, "b": u}, sources={"a": {"b"}, "b": {"a"}})
    assert sorted(d for layer in residue.erase_order() for d in layer) == ["a", "b"]
