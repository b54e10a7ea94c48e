"""Every case of the hostile-input corpus (tests/reliability/hostile_corpus.py, >= 200
cases, the issue's own inputs among them) sent as raw HTTP to a real server on loopback:
never a 5xx; a refused input is a 4xx with the error body and a message that says what to
do. Afterwards the store is intact and the other tenant's memory untouched."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi")

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.ids import new_id
from engram.store.keys import KeyStore

from .conftest import LiveServer, record
from .hostile_corpus import Case, cases

CORPUS = cases()


@dataclass
class Target:
    memory: Memory
    open_url: str
    keyed_url: str
    key: str
    ids: dict[str, str]


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    from engram.server.app import create_app

    tmp: Path = tmp_path_factory.mktemp("hostile")
    mem = Memory(tmp / "hostile.db", embedder=HashingEmbedder(),
                 settings=Settings(data_dir=tmp / "data", embedding_cache=False,
                                   enrichers=["keys", "pii", "guard"]))
    [mine] = mem.add("my note about Lisbon", user_id="u", app_id="acme")
    [theirs] = mem.add("victim secret", user_id="victim", app_id="globex")
    keys = KeyStore(tmp / "keys.sqlite")
    _, secret = keys.create("acme")
    open_server = LiveServer(create_app(mem))
    keyed_server = LiveServer(create_app(mem, keys=keys, require_auth=True,
                                         auth_failures_per_minute=None))
    ids = {"{id}": mine.id, "{other}": theirs.id, "{missing}": new_id(), "{ID_UPPER}": mine.id.upper()}
    yield Target(mem, open_server.url, keyed_server.url, secret, ids)
    open_server.stop()
    keyed_server.stop()
    mem.close()


def fill(text: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        text = text.replace(name, value)
    return text


def send(case: Case, target: Target) -> httpx.Response:
    headers = {"Host": "127.0.0.1"}
    if case.content_type is not None:
        headers["Content-Type"] = case.content_type
    if case.keyed:
        headers["Authorization"] = f"Bearer {target.key}"
    headers.update(case.headers)
    body = fill(case.body.decode("utf-8", "surrogateescape"), target.ids).encode(
        "utf-8", "surrogateescape") if case.body is not None else None
    base = target.keyed_url if case.keyed else target.open_url
    request = httpx.Request(case.method, base + fill(case.path, target.ids),
                            params=[(k, fill(v, target.ids)) for k, v in case.params],
                            headers=headers, content=body)
    if case.content_type is None and body is not None:
        request.headers.pop("Content-Type", None)
    with httpx.Client(timeout=60) as client:
        return client.send(request)


def test_the_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 200
    issue = [c for c in CORPUS if "(issue)" in c.name]
    assert len(issue) >= 8  # the inputs issue #14 reported are in it


@pytest.fixture(scope="module")
def tally() -> Iterator[dict[str, int]]:
    counts = {"cases": 0, "2xx": 0, "4xx": 0, "5xx": 0}
    yield counts
    record("hostile-corpus", counts)


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c.name)
def test_hostile_input_is_never_a_server_error(case: Case, target: Target,
                                               tally: dict[str, int]) -> None:
    response = send(case, target)
    tally["cases"] += 1
    tally[f"{response.status_code // 100}xx"] = tally.get(f"{response.status_code // 100}xx", 0) + 1
    assert response.status_code < 500, f"{case.name}: {response.status_code} {response.text[:300]}"
    if case.expect == "4xx":
        assert 400 <= response.status_code < 500, f"{case.name}: accepted ({response.status_code})"
    if response.status_code >= 400 and case.method != "HEAD":
        error = response.json()["error"]
        assert error["code"] and len(error["message"]) > 10, error
    assert target.memory.get(target.ids["{other}"], app_id="globex").content == "victim secret"


def test_the_store_is_intact_after_the_corpus(target: Target) -> None:
    assert target.memory.store.integrity_check() == []
