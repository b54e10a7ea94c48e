"""Audit log: who changed what and when, scoped, with no content unless log_content."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest

from engram import Memory
from engram.errors import InvalidInputError
from engram.model import utcnow

SECRET = "my locker code is 4471"


def run_story(mem: Memory) -> list[str]:
    [a] = mem.add(SECRET, user_id="alice", actor="agent:planner")
    [b] = mem.add("likes jazz", user_id="alice", session_id="s2", actor="agent:chat")
    mem.update(a.id, user_id="alice", content="my locker code changed", actor="alice")
    mem.update(b.id, user_id="alice", tags=["music"], actor="agent:chat")
    mem.delete(b.id, user_id="alice", actor="admin")
    mem.add("bob's note", user_id="bob", actor="bob")
    return [a.id, b.id]


def test_audit_reports_who_what_when_without_content(make_memory: Callable[..., Memory]) -> None:
    mem = make_memory()
    a, b = run_story(mem)
    log = mem.audit(user_id="alice")
    assert [(e.op, e.memory_id, e.version, e.actor) for e in log] == [
        ("delete", b, 2, "admin"), ("update", b, 2, "agent:chat"), ("update", a, 2, "alice"),
        ("add", b, 1, "agent:chat"), ("add", a, 1, "agent:planner")]
    assert "content" in log[2].changed
    assert log[1].changed == []  # b was deleted later: its history content is blanked
    assert all(e.at.tzinfo is not None for e in log)
    dumped = json.dumps([e.model_dump(mode="json") for e in log])
    assert "locker" not in dumped and "jazz" not in dumped  # no content by default
    assert all(e.memory_id != "bob" for e in log) and len(mem.audit(user_id="bob")) == 1
    assert [e.memory_id for e in mem.audit(user_id="alice", session_id="s2")] == [b, b, b]
    assert len(mem.audit(user_id="alice", limit=2)) == 2
    assert mem.audit(user_id="alice", since=utcnow() + timedelta(seconds=5)) == []
    with pytest.raises(InvalidInputError):
        mem.audit(user_id="alice", limit=0)


def test_content_only_with_log_content(make_memory: Callable[..., Memory]) -> None:
    mem = make_memory(log_content=True)
    a, b = run_story(mem)
    log = mem.audit(user_id="alice")
    update_a = next(e for e in log if e.memory_id == a and e.op == "update")
    assert update_a.old is not None and update_a.old["content"] == SECRET
    assert all(e.old is None and e.new is None for e in log if e.memory_id == b)  # deleted: blanked
