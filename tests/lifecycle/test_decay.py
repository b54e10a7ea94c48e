"""The forgetting curve: retention math, ranking weight, archival."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from engram.lifecycle.decay import asks_about_past, retention, retention_weight, strength_days
from engram.model import MemoryItem, Scope

from .conftest import T0, MakeMemory


def note(**fields: object) -> MemoryItem:
    return MemoryItem(scope=Scope(user_id="u"), content="x", event_time=T0, created_at=T0, **fields)  # type: ignore[arg-type]


def test_retention_is_exp_of_age_over_strength() -> None:
    item = note()
    assert strength_days(item, 30) == 30
    assert retention(item, T0 + timedelta(days=30), 30) == pytest.approx(math.exp(-1))
    assert retention(item, T0 - timedelta(days=5), 30) == 1.0  # future items don't decay


def test_recall_and_importance_strengthen_and_recall_resets_the_clock() -> None:
    later = T0 + timedelta(days=60)
    plain, recalled = note(), note(access_count=3)
    important = note(importance=1.0)
    assert retention(recalled, later, 30) > retention(plain, later, 30)
    assert retention(important, later, 30) > retention(plain, later, 30)
    fresh = note(last_accessed_at=later - timedelta(days=1))
    assert retention(fresh, later, 30) > 0.95
    assert retention_weight(plain, later, 30, 0.0) == 1.0
    assert 0.5 < retention_weight(plain, later, 30, 0.5) < 1.0


@pytest.mark.parametrize("query, past", [
    ("where did I use to live?", True), ("what was my previous job", True),
    ("what did I do in March 2020?", True), ("where do I live?", False),
    ("how old am I?", False), ("what's my favorite color", False),
])
def test_past_questions_are_recognised(query: str, past: bool) -> None:
    assert asks_about_past(query, T0) is past


def test_archive_stale_archives_unused_unimportant_items_only(make_memory: MakeMemory) -> None:
    mem = make_memory()
    [old] = mem.add("an old note about parking", user_id="u", event_time=T0)
    [key] = mem.add("a crucial note about allergies", user_id="u", event_time=T0, importance=0.9)
    [new] = mem.add("a recent note about parking", user_id="u", event_time=T0 + timedelta(days=400))
    now = T0 + timedelta(days=420)
    assert mem.archive_stale(user_id="u", now=now, dry_run=True) == [old.id]
    assert mem.get(old.id, user_id="u").status.value == "active"
    assert mem.archive_stale(user_id="u", now=now) == [old.id]
    archived = mem.get(old.id, user_id="u")
    assert archived.status.value == "archived" and mem.history(old.id, user_id="u")[-1].op == "archive"
    assert old.id not in {h.item.id for h in mem.search("parking", user_id="u", now=now).hits}
    found = mem.search("parking", user_id="u", now=now, filters={"statuses": ["active", "archived"]})
    assert old.id in {h.item.id for h in found.hits}
    assert mem.archive_stale(user_id="u", now=now) == []  # idempotent
    assert mem.get(key.id, user_id="u").status.value == "active"


def test_retention_weight_reorders_search(make_memory: MakeMemory) -> None:
    plain = make_memory()
    weighted = make_memory(retention_weight=0.8)
    for mem in (plain, weighted):
        mem.add("my bike is red", user_id="u", event_time=T0)
        mem.add("my bike is blue", user_id="u", event_time=T0 + timedelta(days=300))
    now = T0 + timedelta(days=301)
    top = weighted.search("bike", user_id="u", now=now).hits
    assert "blue" in top[0].item.content and top[0].channels["retention"] > top[1].channels["retention"]
    assert all("lifecycle" not in h.channels for h in plain.search("bike", user_id="u", now=now).hits)
