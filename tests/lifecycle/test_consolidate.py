"""Consolidation: session summaries, rolling summary, profile — incremental, idempotent."""

from __future__ import annotations

from datetime import timedelta

from engram import Memory

from .conftest import T0, MakeMemory, say


def build(lc: Memory) -> None:
    say(lc, "I live in Lisbon and I work at Acme as an engineer.", T0, session_id="s1")
    say(lc, "Tonight I am cooking a big pot of vegetable curry for friends.", T0 + timedelta(hours=1),
        session_id="s1")
    say(lc, "I love hiking in the mountains on weekends.", T0 + timedelta(days=7), session_id="s2")


def snapshot(mem: Memory) -> list[tuple[str, int, str]]:
    page = mem.list(user_id="u", limit=1000, filters={"statuses": ["active", "superseded", "archived"]})
    return sorted((i.id, i.version, i.content) for i in page.items)


def test_consolidate_creates_sessions_rolling_and_profile(lc: Memory) -> None:
    build(lc)
    report = lc.consolidate(user_id="u")
    assert len(report.created) == 4 and report.changed  # 2 sessions + rolling + profile
    summaries = lc.list(user_id="u", filters={"kinds": ["summary"]}).items
    sessions = {s.metadata["session_id"]: s for s in summaries if s.metadata["summary_of"] == "session"}
    assert set(sessions) == {"s1", "s2"} and sessions["s1"].scope.session_id == "s1"
    assert "curry" in sessions["s1"].content and "hiking" in sessions["s2"].content
    assert len(sessions["s1"].provenance.source_ids) == 2
    [rolling] = [s for s in summaries if s.metadata["summary_of"] == "scope"]
    assert rolling.scope.session_id is None
    assert set(rolling.provenance.source_ids) == {s.id for s in sessions.values()}
    [profile] = lc.list(user_id="u", filters={"kinds": ["profile"]}).items
    assert "- location: Lisbon" in profile.content and "- employer: Acme" in profile.content
    evidence = profile.metadata["profile"]["user:location"]["evidence"]
    assert lc.get(evidence[0], user_id="u").content == "The user lives in Lisbon."
    assert set(evidence) <= set(profile.provenance.source_ids)


def test_rerunning_without_new_input_changes_nothing(lc: Memory) -> None:
    build(lc)
    lc.consolidate(user_id="u")
    before = snapshot(lc)
    history = lc.stats(user_id="u").history_rows
    again = lc.consolidate(user_id="u")
    assert not again.changed and len(again.unchanged) == 4
    assert snapshot(lc) == before and lc.stats(user_id="u").history_rows == history


def test_new_input_revises_in_place(lc: Memory) -> None:
    build(lc)
    first = lc.consolidate(user_id="u")
    say(lc, "I moved to Porto, it is lovely by the river.", T0 + timedelta(days=8), session_id="s2")
    second = lc.consolidate(user_id="u")
    assert second.created == [] and len(second.updated) == 3  # s2, rolling, profile
    assert set(second.updated) <= set(first.created)
    [profile] = lc.list(user_id="u", filters={"kinds": ["profile"]}).items
    assert "- location: Porto" in profile.content and profile.version == 2
    assert [h.op for h in lc.history(profile.id, user_id="u")] == ["add", "update"]
    assert lc.count(user_id="u", filters={"kinds": ["summary"]}) == 3


def test_consolidation_without_sessions_or_facts(make_memory: MakeMemory) -> None:
    mem = make_memory()
    assert not mem.consolidate(user_id="nobody").changed
    mem.add("A note without a session about the garden.", user_id="u", event_time=T0)
    report = mem.consolidate(user_id="u")
    assert len(report.created) == 1  # rolling summary of the episodes; no facts → no profile
    assert not mem.consolidate(user_id="u").changed


def test_consolidate_on_add_setting(make_memory: MakeMemory) -> None:
    mem = make_memory(extraction=True, consolidate_on_add=True)
    say(mem, "I live in Lisbon.", T0, session_id="s1")
    assert mem.count(user_id="u", filters={"kinds": ["profile"]}) == 1
    assert mem.count(user_id="u", filters={"kinds": ["summary"]}) == 2
