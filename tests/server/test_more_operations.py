"""The operations REST and the clients used to lack (issue #15: 11 of 20), end to end
over a real server on loopback, checked against the embedded facade's answers."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from engram.client import EngramClient, PermissionDeniedError
from engram.errors import InvalidInputError, NotFoundError

from .conftest import Deployment, async_doors


def test_add_takes_content_like_patch_and_mcp(open_server: Deployment) -> None:
    """REST add took `text`; sending `content` gave 'Extra inputs are not permitted'."""
    url = open_server.url + "/v1/memories"
    made = httpx.post(url, json={"content": "I moved to Lisbon", "user_id": "u"})
    assert made.status_code == 201 and made.json()["items"][0]["content"] == "I moved to Lisbon"
    legacy = httpx.post(url, json={"text": "old spelling still works", "user_id": "u"})
    assert legacy.status_code == 201  # deprecated alias
    both = httpx.post(url, json={"content": "a", "text": "b", "user_id": "u"})
    assert both.status_code == 422 and "exactly one of content or messages" in both.text


def test_every_new_operation_over_rest(open_server: Deployment) -> None:
    mem = EngramClient(open_server.url)
    local = open_server.memory
    first = mem.add("I adopted a cat named Miso", user_id="u", tags=["pets"])[0]
    mem.add("Miso the cat likes tuna", user_id="u", kind="fact")
    mem.add("Bob likes tea", user_id="bob")
    assert mem.count(user_id="u") == local.count(user_id="u") == 2
    assert mem.count(user_id="u", filters={"tags": ["pets"]}) == 1
    assert mem.count(user_id="u", filters={"kinds": ["fact"]}) == 1
    trail = mem.audit(user_id="u")
    assert [e.memory_id for e in trail] == [e.memory_id for e in local.audit(user_id="u")]
    assert {e.op for e in trail} == {"add"}
    assert mem.related(first.id, user_id="u") == local.related(first.id, user_id="u")
    with pytest.raises(NotFoundError):
        mem.related("no-such-id", user_id="u")
    with pytest.raises(InvalidInputError, match="no PII vault"):
        mem.reveal(first.id, user_id="u")
    report = mem.consolidate(user_id="u")
    assert report.created or report.updated or report.unchanged
    proc = mem.add_procedure("deploy the app", ["run tests", "tag", "push"], "it worked",
                             user_id="u")
    assert proc.kind.value == "procedure" and local.get(proc.id, user_id="u").content == proc.content
    later = datetime.now(UTC) + timedelta(days=3650)
    stale = mem.archive_stale(user_id="u", now=later, dry_run=True, min_retention=0.99)
    assert first.id in stale and local.get(first.id, user_id="u").status.value == "active"
    with pytest.raises(InvalidInputError):  # was a ValueError, a 500 over REST
        mem.archive_stale(user_id="u", kinds=["bogus"])
    assert mem.forget("u") >= 3  # plus the summaries consolidate wrote
    assert local.count(user_id="u") == 0 and local.count(user_id="bob") == 1
    mem.purge()


def test_keyed_callers_are_confined(keyed: Deployment) -> None:
    keyed.memory.add("acme's user", app_id="acme", user_id="zed")
    keyed.memory.add("globex's user", app_id="globex", user_id="zed")
    alice = EngramClient(keyed.url, api_key=keyed.secrets["alice"])
    with pytest.raises(PermissionDeniedError):
        alice.forget("zed")  # the key is bound to user alice
    acme = EngramClient(keyed.url, api_key=keyed.secrets["acme"])
    assert acme.forget("zed", purge=False) == 1  # only inside the key's app
    assert keyed.memory.count(app_id="globex", user_id="zed") == 1
    with pytest.raises(PermissionDeniedError, match="without API keys"):
        acme.purge()  # store-wide: keyless servers only
    with pytest.raises(PermissionDeniedError):
        acme.count(app_id="globex")


def test_async_doors_carry_every_operation(open_server: Deployment, tmp_path) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        async with async_doors(open_server.url, tmp_path) as doors:
            for door in doors:
                item = (await door.add("Lisbon in May", user_id="u"))[0]
                assert await door.count(user_id="u") == 1
                assert [e.memory_id for e in await door.audit(user_id="u")] == [item.id]
                assert await door.related(item.id, user_id="u") == []
                await door.consolidate(user_id="u")
                proc = await door.add_procedure("task", ["a", "b"], user_id="u")
                assert proc.kind.value == "procedure"
                assert await door.archive_stale(user_id="u", dry_run=True) == []
                with pytest.raises(InvalidInputError):
                    await door.reveal(item.id, user_id="u")
                assert await door.forget("u", purge=False) >= 2
                await door.purge()

    asyncio.run(run())
