"""Inputs that used to produce a 500 or a silent surprise (issue #14, items 3 and 9):
too many filter tags, too many rounds in one add, and ``status=deleted`` that hid a
memory but kept its text."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from engram import Memory
from engram.errors import ContentTooLargeError, InvalidInputError
from engram.model import MAX_FILTER_TAGS

from .conftest import LiveServer

TAGS = [f"t{n}" for n in range(995)]


def test_too_many_filter_tags_is_a_clear_error(make_memory: Callable[..., Memory],
                                               serve: Callable[..., LiveServer]) -> None:
    mem = make_memory()
    mem.add("tagged", user_id="u", tags=["t1"])
    for call in (lambda: mem.list(user_id="u", filters={"tags": TAGS}),
                 lambda: mem.search("tagged", user_id="u", filters={"tags": TAGS}),
                 lambda: mem.count(user_id="u", filters={"tags": TAGS})):
        with pytest.raises(InvalidInputError, match=f"at most {MAX_FILTER_TAGS} tags"):
            call()
    assert mem.list(user_id="u", filters={"tags": TAGS[:MAX_FILTER_TAGS]}).items == []
    server = serve(mem)
    listed = httpx.get(f"{server.url}/v1/memories", params={"user_id": "u", "tag": TAGS})
    searched = httpx.post(f"{server.url}/v1/search", json={"query": "tagged", "user_id": "u",
                                                           "filters": {"tags": TAGS}})
    for response in (listed, searched):
        assert 400 <= response.status_code < 500, response.text
        assert "tags" in response.json()["error"]["message"]


def test_rounds_per_add_are_capped(make_memory: Callable[..., Memory],
                                   serve: Callable[..., LiveServer]) -> None:
    mem = make_memory(max_rounds_per_add=20)
    rounds = [{"role": "user", "content": f"round {n}"} for n in range(21)]
    with pytest.raises(ContentTooLargeError, match="21 rounds"):
        mem.add(rounds, user_id="u")
    assert mem.count(user_id="u") == 0
    assert len(mem.add(rounds[:20], user_id="u")) == 20
    server = serve(make_memory("default"))
    thousand = [{"role": "user", "content": f"r{n}"} for n in range(1000)]  # the 75 KB body
    response = httpx.post(f"{server.url}/v1/memories", json={"messages": thousand, "user_id": "u"})
    assert response.status_code == 413 and "rounds" in response.json()["error"]["message"]


def test_status_deleted_is_refused_and_points_to_delete(make_memory: Callable[..., Memory],
                                                        serve: Callable[..., LiveServer]) -> None:
    mem = make_memory()
    [item] = mem.add("keep my words", user_id="u")
    with pytest.raises(InvalidInputError, match="DELETE"):
        mem.update(item.id, user_id="u", status="deleted")
    server = serve(mem)
    response = httpx.patch(f"{server.url}/v1/memories/{item.id}",
                           json={"status": "deleted", "user_id": "u"})
    assert 400 <= response.status_code < 500 and "DELETE" in response.json()["error"]["message"]
    assert mem.get(item.id, user_id="u").version == 1  # unchanged, still active


def test_tags_actor_and_source_are_bounded(make_memory: Callable[..., Memory]) -> None:
    """One tag of 100,000 characters held a server for 567 s (the guard scans every
    field); 10,000 tags took 37 s; a 100 kB actor went into every history row."""
    from engram.model import MAX_LABEL_CHARS, MAX_TAGS

    mem = make_memory()
    [item] = mem.add("ok", user_id="u", tags=["t"] * MAX_TAGS)
    for call, match in [(lambda: mem.add("x", user_id="u", tags=["t" * 100_000]), "256 characters"),
                        (lambda: mem.add("x", user_id="u", tags=[f"t{n}" for n in range(10_000)]),
                         f"at most {MAX_TAGS} tags"),
                        (lambda: mem.update(item.id, user_id="u", tags=["t" * (MAX_LABEL_CHARS + 1)]),
                         "256 characters"),
                        (lambda: mem.add("x", user_id="u", source="s" * 100_000), "source"),
                        (lambda: mem.add("x", user_id="u", actor="a" * 100_000), "actor"),
                        (lambda: mem.add_many([{"data": "x", "user_id": "u", "actor": "a" * 300}]), "actor"),
                        (lambda: mem.update(item.id, user_id="u", content="y", actor="a" * 300), "actor"),
                        (lambda: mem.delete(item.id, user_id="u", actor="a" * 300), "actor"),
                        (lambda: mem.delete_all(user_id="u", actor="a\x00"), "NUL"),
                        (lambda: mem.import_([], actor="a" * 300), "actor")]:
        with pytest.raises(InvalidInputError, match=match):
            call()
    assert mem.count(user_id="u") == 1 and mem.get(item.id, user_id="u").version == 1
