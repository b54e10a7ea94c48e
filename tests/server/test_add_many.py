"""add_many (bulk ingest) at every door, end to end over a real server on loopback
(issue #15: it existed only on the embedded facade). The batch route keeps the server's
per-request limits: its rounds together are capped like one add's, and its body like any."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from engram.client import EngramClient, PermissionDeniedError
from engram.errors import ContentTooLargeError, InvalidInputError
from engram.ingest.bulk import AddRequest

from .conftest import MAX_BODY_BYTES, MAX_CONTENT_CHARS, Deployment, async_doors

CHAT = [{"role": "user", "content": "I moved to Lisbon"}, {"role": "assistant", "content": "Nice!"},
        {"role": "user", "content": "I adopted a cat"}, {"role": "assistant", "content": "Name?"}]


def _batch() -> list[AddRequest | dict[str, object]]:
    return [{"data": "Alice likes green tea", "user_id": "alice", "tags": ["drinks"]},
            AddRequest(data=CHAT, user_id="alice", session_id="s1"),
            {"data": "Bob plays chess", "user_id": "bob", "kind": "fact", "importance": 0.9}]


def test_the_client_batch_stores_what_the_facade_would(open_server: Deployment) -> None:
    client = EngramClient(open_server.url)
    results = client.add_many(_batch())
    assert [len(r) for r in results] == [1, 2, 1]  # one item per round, in request order
    tea, (lisbon, cat), (chess,) = results[0][0], results[1], results[2]
    assert tea.tags == ["drinks"] and tea.scope.user_id == "alice"
    assert "Lisbon" in lisbon.content and "cat" in cat.content and cat.scope.session_id == "s1"
    assert chess.kind.value == "fact" and chess.importance == 0.9 and chess.scope.user_id == "bob"
    local = open_server.memory
    for item in (tea, lisbon, cat, chess):
        assert local.get(item.id, scope=item.scope).content == item.content
    assert local.count(user_id="alice") == 3 and local.count(user_id="bob") == 1
    assert client.add_many([]) == []  # as the facade: nothing in, nothing out


def test_the_route_takes_add_bodies_and_nothing_else(open_server: Deployment) -> None:
    url = open_server.url + "/v1/memories/batch"
    made = httpx.post(url, json={"requests": [
        {"content": "one", "user_id": "u"}, {"messages": CHAT[:2], "user_id": "u"}]})
    assert made.status_code == 201
    assert [[i["content"] for i in r] for r in made.json()["items"]][0] == ["one"]
    before = open_server.total()
    typo = httpx.post(url, json={"requests": [{"content": "x", "user": "u"}]})
    assert typo.status_code == 422 and "user" in typo.text
    in_query = httpx.post(url + "?user_id=u", json={"requests": [{"content": "x"}]})
    assert in_query.status_code == 422 and "JSON body" in in_query.text
    stray = httpx.post(url, json={"requests": [{"content": "x", "user_id": "u"}], "user_id": "u"})
    assert stray.status_code == 422
    both = httpx.post(url, json={"requests": [{"content": "x", "messages": CHAT, "user_id": "u"}]})
    assert both.status_code == 422 and "exactly one of content or messages" in both.text
    assert open_server.total() == before  # nothing of a refused batch is written


def test_a_batch_is_capped_like_one_add(open_server: Deployment) -> None:
    """The rounds of all entries count against ENGRAM_MAX_ROUNDS_PER_ADD: a batch may not
    cause more work than the largest single add."""
    mem = open_server.memory
    mem.settings = mem.settings.model_copy(update={"max_rounds_per_add": 3})
    client = EngramClient(open_server.url)
    before = open_server.total()
    with pytest.raises(ContentTooLargeError, match="4 rounds, above the limit of 3 per request"):
        client.add_many([AddRequest(data=CHAT, user_id="u"), AddRequest(data=CHAT, user_id="u")])
    assert open_server.total() == before
    assert [len(r) for r in client.add_many([AddRequest(data=CHAT, user_id="u"),
                                              {"data": "third", "user_id": "u"}])] == [2, 1]


def test_a_batch_is_bounded_by_the_body_limit(open_server: Deployment) -> None:
    client = EngramClient(open_server.url)
    text = "word " * ((MAX_CONTENT_CHARS - 100) // 5)
    n = MAX_BODY_BYTES // len(text) + 2
    before = open_server.total()
    with pytest.raises(ContentTooLargeError):
        client.add_many([{"data": text, "user_id": "u"}] * n)
    assert open_server.total() == before
    with pytest.raises(ContentTooLargeError):  # each entry's content limit, as add's
        client.add_many([{"data": "x" * (MAX_CONTENT_CHARS + 1), "user_id": "u"}])


def test_bad_entries_fail_in_the_client_with_the_facade_s_error(open_server: Deployment) -> None:
    client = EngramClient(open_server.url)
    with pytest.raises(InvalidInputError, match="takes the arguments of add"):
        client.add_many([{"text": "not a field of add()", "user_id": "u"}])
    with pytest.raises(InvalidInputError, match="takes the arguments of add"):
        open_server.memory.add_many([{"text": "not a field of add()", "user_id": "u"}])


def test_keyed_batches_are_confined_to_the_key(keyed: Deployment) -> None:
    alice = EngramClient(keyed.url, api_key=keyed.secrets["alice"])
    before = keyed.total()
    with pytest.raises(PermissionDeniedError):
        alice.add_many([{"data": "mine"}, {"data": "someone else's", "user_id": "bob"}])
    assert keyed.total() == before  # one foreign entry refuses the whole batch
    (mine,), (also,) = alice.add_many([{"data": "mine", "actor": "spoofed"}, {"data": "also"}])
    assert (mine.scope.app_id, mine.scope.user_id) == ("acme", "alice") == (
        also.scope.app_id, also.scope.user_id)
    history = keyed.memory.history(mine.id, app_id="acme", user_id="alice")
    assert history[0].actor == f"key:{keyed.key_ids['alice']}"  # the key, not the claim


def test_the_async_doors_batch_too(open_server: Deployment, tmp_path: Path) -> None:
    async def run() -> None:
        async with async_doors(open_server.url, tmp_path) as doors:
            for door in doors:
                results = await door.add_many(_batch())
                assert [len(r) for r in results] == [1, 2, 1]
                assert await door.count(user_id="alice") == 3

    asyncio.run(run())
