"""API keys: authentication, scope confinement and cross-tenant isolation."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from engram.client import (
    AsyncEngramClient,
    AuthenticationError,
    EngramClient,
    PermissionDeniedError,
)
from engram.errors import ImportFormatError, NotFoundError

from .conftest import Deployment


def _code(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_missing_invalid_and_revoked_keys_are_401(keyed: Deployment) -> None:
    url, before = keyed.url, keyed.total()
    body = {"text": "should not be stored", "app_id": "acme"}
    for headers in ({}, {"authorization": "Bearer egk_forged"}, {"x-api-key": "nope"},
                    {"authorization": "Bearer " + keyed.secrets["revoked"]},
                    {"x-api-key": keyed.secrets["revoked"]}, {"authorization": "Bearer"}):
        response = httpx.post(url + "/v1/memories", json=body, headers=headers)
        assert _code(response) == (401, "unauthorized"), headers
    assert httpx.get(url + "/v1/export", params={"app_id": "acme"}).status_code == 401
    assert httpx.get(url + "/v1/memories", params={"app_id": "acme"}).status_code == 401
    with pytest.raises(AuthenticationError):
        EngramClient(url).add("nope", app_id="acme")
    with pytest.raises(AuthenticationError):
        EngramClient(url, api_key=keyed.secrets["revoked"]).list()
    assert keyed.total() == before
    # health checks stay open for load balancers
    assert httpx.get(url + "/healthz").status_code == 200
    assert httpx.get(url + "/readyz").status_code == 200


def test_auth_is_checked_before_the_body(keyed: Deployment) -> None:
    response = httpx.post(keyed.url + "/v1/memories", content=b"{not json",
                          headers={"content-type": "application/json"})
    assert _code(response) == (401, "unauthorized")


def test_revocation_takes_effect_on_the_next_request(keyed: Deployment) -> None:
    key_id, secret = keyed.keys.create("acme", name="temp")
    mem = EngramClient(keyed.url, api_key=secret)
    mem.add("temporary access", user_id="zed")
    keyed.keys.revoke(key_id)
    with pytest.raises(AuthenticationError):
        mem.list(user_id="zed")


def test_key_scope_is_forced_into_requests(keyed: Deployment) -> None:
    acme = EngramClient(keyed.url, api_key=keyed.secrets["acme"])
    item = acme.add("Acme ships on Fridays")[0]          # no scope given: the key's app_id
    assert item.scope.app_id == "acme" and item.scope.user_id is None
    history = acme.history(item.id)
    assert history[0].actor == f"key:{keyed.key_ids['acme']}"  # the actor cannot be spoofed

    alice = EngramClient(keyed.url, api_key=keyed.secrets["alice"])
    mine = alice.add("Alice's note", agent_id="helper")[0]
    assert (mine.scope.app_id, mine.scope.user_id, mine.scope.agent_id) == ("acme", "alice", "helper")
    # the app-wide key sees alice's memory (same app); alice's key does not see app-level ones
    assert {i.id for i in acme.list().items} == {item.id, mine.id}
    assert [i.id for i in alice.list().items] == [mine.id]
    with pytest.raises(NotFoundError):
        alice.get(item.id)


@pytest.mark.parametrize("label, fields", [
    ("acme", {"app_id": "globex"}),
    ("alice", {"user_id": "bob"}),
    ("alice", {"app_id": "globex", "user_id": "alice"}),
])
def test_naming_another_scope_is_403(keyed: Deployment, label: str, fields: dict[str, str]) -> None:
    url, before = keyed.url, keyed.total()
    headers = {"authorization": "Bearer " + keyed.secrets[label]}
    responses = [
        httpx.post(url + "/v1/memories", json={"text": "sneaky", **fields}, headers=headers),
        httpx.post(url + "/v1/search", json={"query": "x", **fields}, headers=headers),
        httpx.get(url + "/v1/memories", params=fields, headers=headers),
        httpx.get(url + "/v1/memories/some-id", params=fields, headers=headers),
        httpx.patch(url + "/v1/memories/some-id", json={"content": "y", **fields}, headers=headers),
        httpx.delete(url + "/v1/memories/some-id", params=fields, headers=headers),
        httpx.delete(url + "/v1/memories", params={**fields, "confirm": "true"}, headers=headers),
        httpx.get(url + "/v1/memories/some-id/history", params=fields, headers=headers),
        httpx.get(url + "/v1/export", params=fields, headers=headers),
        httpx.post(url + "/v1/import", params=fields, content=b"", headers=headers),
        httpx.get(url + "/v1/stats", params=fields, headers=headers),
    ]
    for response in responses:
        assert _code(response) == (403, "forbidden"), response.request.url
    with pytest.raises(PermissionDeniedError):
        EngramClient(url, api_key=keyed.secrets[label]).list(**fields)  # type: ignore[arg-type]
    assert keyed.total() == before


def test_key_a_can_never_reach_key_b(keyed: Deployment) -> None:
    """Cross-tenant: acme's key cannot read, list, search, change, delete or export globex's
    memories, even knowing their ids, and cannot import into globex."""
    acme = EngramClient(keyed.url, api_key=keyed.secrets["acme"])
    globex = EngramClient(keyed.url, api_key=keyed.secrets["globex"])
    secret_item = globex.add("Globex merger code word is PINEAPPLE", user_id="ceo")[0]
    acme.add("Acme picnic is on Sunday", user_id="ceo")
    # db_bytes is the whole file's size: a delete's WAL checkpoint moves pages into it
    globex_before = keyed.memory.stats(app_id="globex").model_copy(update={"db_bytes": None})

    for call in (lambda: acme.get(secret_item.id), lambda: acme.get(secret_item.id, user_id="ceo"),
                 lambda: acme.history(secret_item.id),
                 lambda: acme.update(secret_item.id, content="hijacked"),
                 lambda: acme.delete(secret_item.id)):
        with pytest.raises(NotFoundError):
            call()
    assert all(i.scope.app_id == "acme" for i in acme.list().items)
    assert all(i.scope.app_id == "acme" for i in acme.list(user_id="ceo").items)
    hits = acme.search("merger code word PINEAPPLE", user_id="ceo", limit=50).hits
    assert all(h.item.scope.app_id == "acme" for h in hits)
    assert "PINEAPPLE" not in "\n".join(acme.export())
    assert acme.stats().memories == 1
    assert acme.delete_all(user_id="ceo") == 1
    # importing globex's export through acme's key is refused, nothing written
    globex_lines = list(globex.export())
    with pytest.raises(ImportFormatError):
        acme.import_(globex_lines)
    assert keyed.memory.stats(app_id="globex").model_copy(update={"db_bytes": None}) == globex_before
    assert keyed.total()[0] == 1
    assert globex.get(secret_item.id).content == secret_item.content
    assert globex.get(secret_item.id).version == 1


def test_async_client_with_keys(keyed: Deployment) -> None:
    async def main() -> None:
        async with AsyncEngramClient(keyed.url, api_key=keyed.secrets["alice"]) as alice:
            item = (await alice.add("async alice"))[0]
            assert item.scope.user_id == "alice"
            with pytest.raises(PermissionDeniedError):
                await alice.list(user_id="bob")
        async with AsyncEngramClient(keyed.url, api_key=keyed.secrets["globex"]) as globex:
            with pytest.raises(NotFoundError):
                await globex.get(item.id)
        async with AsyncEngramClient(keyed.url) as anonymous:
            with pytest.raises(AuthenticationError):
                await anonymous.stats(app_id="acme")

    asyncio.run(main())


def test_scoped_stats_hide_the_file_size(keyed: Deployment) -> None:
    acme = EngramClient(keyed.url, api_key=keyed.secrets["acme"])
    acme.add("something")
    assert acme.stats().db_bytes is None


def test_first_key_locks_down_a_keyless_server(open_server: Deployment) -> None:
    url = open_server.url
    assert httpx.get(url + "/v1/stats", params={"app_id": "acme"}).status_code == 200
    _, secret = open_server.keys.create("acme")
    assert _code(httpx.get(url + "/v1/stats", params={"app_id": "acme"})) == (401, "unauthorized")
    assert EngramClient(url, api_key=secret).stats().memories == 0
