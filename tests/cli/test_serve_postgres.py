"""Two `engram serve` processes, each with its own data dir, on one PostgreSQL database:
every piece of state is the database's, so a key made for one works on the other (and
its revocation too), a vaulted memory written through one is revealed through the
other, and deleting it through either removes its vault rows and cached vectors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram.testing.live_server import wait_until_ready

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")
pytest.importorskip("cryptography", reason="the vault needs the `pii` extra")
CLI = [sys.executable, "-c", "from engram.cli import main; main()"]
EMAIL = "ana.canary@example.org"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def host_env(tmp_path: Path, name: str, pg_url: str) -> dict[str, str]:
    """One host's environment: its own data dir, the shared database and vault key."""
    return {**os.environ, "ENGRAM_DATA_DIR": str(tmp_path / name), "ENGRAM_STORE": "postgres",
            "ENGRAM_DATABASE_URL": pg_url, "ENGRAM_EMBEDDER": "hashing",
            "ENGRAM_EMBEDDING_CACHE": "true", "ENGRAM_ENRICHERS": '["pii", "keys"]',
            "ENGRAM_PII_MODE": "vault", "ENGRAM_VAULT_KEY_PATH": str(tmp_path / "vault.key")}


def wait_ready(url: str, proc: subprocess.Popen[str]) -> None:
    wait_until_ready(url, proc, log=lambda: proc.stderr.read() if proc.stderr else "")


@pytest.fixture
def two_hosts(tmp_path: Path, pg_url: str) -> Iterator[list[tuple[str, dict[str, str]]]]:
    hosts, procs = [], []
    try:
        for name in ("host-a", "host-b"):
            env, port = host_env(tmp_path, name, pg_url), free_port()
            procs.append(subprocess.Popen([*CLI, "serve", "--port", str(port), "--log-level",
                                           "warning"], env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True))
            hosts.append((f"http://127.0.0.1:{port}", env))
        for (url, _), proc in zip(hosts, procs):
            wait_ready(url, proc)
        yield hosts
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(60)
    assert [p.returncode for p in procs] == [0, 0]


def keys_cli(env: dict[str, str], *args: str) -> Any:
    done = subprocess.run([*CLI, "keys", *args, "--json"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_two_servers_share_keys_vault_and_cache(two_hosts: list[tuple[str, dict[str, str]]],
                                                pg_url: str, tmp_path: Path) -> None:
    (url_a, env_a), (url_b, _) = two_hosts
    key = keys_cli(env_a, "create", "--app", "acme")  # made on host A
    auth = {"Authorization": f"Bearer {key['secret']}"}
    for url in (url_a, url_b):  # host B sees the key exists: anonymous calls stop working
        anon = httpx.get(f"{url}/v1/memories", params={"user_id": "u"}, timeout=60)
        assert anon.status_code == 401, anon.text
    added = httpx.post(f"{url_a}/v1/memories", headers=auth, timeout=60,
                       json={"text": f"my email is {EMAIL}", "user_id": "u"})
    assert added.status_code == 201, added.text
    item = added.json()["items"][0]
    assert EMAIL not in item["content"] and "[PII:EMAIL:" in item["content"]
    revealed = httpx.get(f"{url_b}/v1/memories/{item['id']}/reveal", headers=auth,
                         params={"user_id": "u"}, timeout=60)  # written by A, revealed by B
    assert revealed.status_code == 200, revealed.text
    assert revealed.json()["content"] == f"my email is {EMAIL}"
    hits = httpx.post(f"{url_b}/v1/search", headers=auth, timeout=60,
                      json={"query": "email", "user_id": "u"})
    assert [h["item"]["id"] for h in hits.json()["hits"]] == [item["id"]]

    from engram.embed.cache import cache_key
    from engram.embed.hashing import HashingEmbedder
    from engram.store.postgres import PostgresStore
    from engram.store.postgres_side import PostgresVectorCache

    store, cache = PostgresStore(pg_url), PostgresVectorCache(pg_url)
    model = HashingEmbedder()
    passage = cache_key(model.model_id, "passage", item["content"])
    try:
        assert store.secret_count() == 1 and cache.count() == 2  # the passage and the query
        assert set(cache.lookup([passage], model.dim)) == {passage}
        assert not list(tmp_path.rglob("*.sqlite"))  # no host kept anything in a local file
        gone = httpx.delete(f"{url_b}/v1/memories/{item['id']}", headers=auth,
                            params={"user_id": "u"}, timeout=60)
        assert gone.status_code in (200, 204), gone.text
        assert store.secret_count() == 0  # the vault rows went with the memory
        assert cache.lookup([passage], model.dim) == {} and cache.count() == 1  # the query stays
    finally:
        store.close()
        cache.close()

    keys_cli(env_a, "revoke", key["id"])  # revoked on A: refused by B on its next request
    refused = httpx.get(f"{url_b}/v1/memories", headers=auth, params={"user_id": "u"}, timeout=60)
    assert refused.status_code == 401, refused.text
