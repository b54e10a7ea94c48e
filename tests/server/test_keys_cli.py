"""KeyStore, `engram keys ...` and `engram serve`'s safety rules, via Typer's CliRunner."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from engram.cli import server_cmds
from engram.cli.app import app
from engram.errors import InvalidInputError, NotFoundError
from engram.store.keys import SECRET_PREFIX, KeyStore

runner = CliRunner()


def test_keystore_lifecycle(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "keys.sqlite")
    key_id, secret = keys.create("acme", user_id="alice", name="ci")
    assert secret.startswith(SECRET_PREFIX) and len(secret) > 40
    found = keys.verify(secret)
    assert found is not None and (found.id, found.app_id, found.user_id) == (key_id, "acme", "alice")
    assert found.scope.fields() == {"user_id": "alice", "app_id": "acme"}
    assert keys.verify(secret + "x") is None and keys.verify("") is None
    raw = (tmp_path / "keys.sqlite").read_bytes()
    assert secret.encode() not in raw  # only the hash is stored
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "keys.sqlite").stat().st_mode) == 0o600
    assert keys.active_count() == 1
    assert keys.revoke(key_id).revoked_at is not None
    assert keys.verify(secret) is None and keys.active_count() == 0
    assert [k.id for k in keys.list()] == [key_id]
    assert keys.list(include_revoked=False) == []
    with pytest.raises(NotFoundError):
        keys.revoke("no-such-key")
    with pytest.raises(InvalidInputError):
        keys.create("")


def test_keys_cli(tmp_path: Path) -> None:
    db = str(tmp_path / "k.sqlite")
    created = runner.invoke(app, ["keys", "create", "--app", "acme", "--user", "alice",
                                  "--name", "laptop", "--keys-db", db, "--json"])
    assert created.exit_code == 0, created.output
    data = json.loads(created.stdout)
    assert data["secret"].startswith(SECRET_PREFIX) and data["app_id"] == "acme"
    assert KeyStore(db).verify(data["secret"]) is not None

    plain = runner.invoke(app, ["keys", "create", "--app", "globex", "--keys-db", db])
    assert plain.exit_code == 0 and "secret: egk_" in plain.stdout

    listed = runner.invoke(app, ["keys", "list", "--keys-db", db, "--json"])
    rows = json.loads(listed.stdout)
    assert [r["app_id"] for r in rows] == ["acme", "globex"]
    assert "secret" not in listed.stdout and data["secret"] not in listed.stdout
    table = runner.invoke(app, ["keys", "list", "--keys-db", db])
    assert "acme" in table.stdout and "active" in table.stdout

    revoked = runner.invoke(app, ["keys", "revoke", data["id"], "--keys-db", db])
    assert revoked.exit_code == 0 and "revoked" in revoked.stdout
    assert KeyStore(db).verify(data["secret"]) is None
    missing = runner.invoke(app, ["keys", "revoke", "nope", "--keys-db", db])
    assert missing.exit_code == 2 and "engram keys list" in missing.output
    no_app = runner.invoke(app, ["keys", "create", "--keys-db", db])
    assert no_app.exit_code != 0


def test_keys_db_defaults_to_the_data_dir(tmp_path: Path) -> None:
    result = runner.invoke(app, ["keys", "create", "--app", "acme"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "keys.sqlite").exists()  # ENGRAM_DATA_DIR from tests/conftest.py


@pytest.fixture
def fake_uvicorn(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def run(api: Any, host: str, port: int, log_level: str) -> None:
        seen.update(app=api, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


def test_serve_without_keys_refuses_public_addresses(tmp_path: Path, fake_uvicorn: dict[str, Any]) -> None:
    db = str(tmp_path / "k.sqlite")
    result = runner.invoke(app, ["--db", str(tmp_path / "m.db"), "serve", "--host", "0.0.0.0",
                                 "--keys-db", db])
    assert result.exit_code == 2
    assert "refusing" in result.output and "engram keys create" in result.output
    assert "app" not in fake_uvicorn


def test_serve_without_keys_on_loopback_warns(tmp_path: Path, fake_uvicorn: dict[str, Any]) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "m.db"), "serve", "--port", "9999",
                                 "--keys-db", str(tmp_path / "k.sqlite")])
    assert result.exit_code == 0, result.output
    assert "WARNING" in result.output and "NO authentication" in result.output
    assert fake_uvicorn["host"] == "127.0.0.1" and fake_uvicorn["port"] == 9999
    assert fake_uvicorn["app"].state.engram.require_auth is False


def test_serve_with_keys_requires_auth(tmp_path: Path, fake_uvicorn: dict[str, Any]) -> None:
    db = tmp_path / "k.sqlite"
    KeyStore(db).create("acme")
    result = runner.invoke(app, ["--db", str(tmp_path / "m.db"), "serve", "--host", "0.0.0.0",
                                 "--keys-db", str(db), "--rate-limit", "5"])
    assert result.exit_code == 0, result.output
    state = fake_uvicorn["app"].state.engram
    assert state.require_auth is True and state.limiter.capacity == 5
    assert fake_uvicorn["host"] == "0.0.0.0"


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.4", False), ("example.com", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert server_cmds.is_loopback(host) is loopback


def test_serve_checks_host_and_origin_flags(tmp_path: Path, fake_uvicorn: dict[str, Any]) -> None:
    """`engram serve` passes the bound address (+ --allowed-host) and --cors-origin to the app."""
    from fastapi.testclient import TestClient

    db = tmp_path / "k.sqlite"
    KeyStore(db).create("acme")
    result = runner.invoke(app, ["--db", str(tmp_path / "m.db"), "serve", "--host", "0.0.0.0",
                                 "--keys-db", str(db), "--allowed-host", "mem.example",
                                 "--cors-origin", "https://app.example"])
    assert result.exit_code == 0, result.output
    api = fake_uvicorn["app"]
    assert TestClient(api, base_url="http://mem.example:8080").get("/healthz").status_code == 200
    assert TestClient(api, base_url="http://attacker.example").get("/healthz").status_code == 400
    allowed = TestClient(api, base_url="http://mem.example").get(
        "/healthz", headers={"origin": "https://app.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    result = runner.invoke(app, ["--db", str(tmp_path / "m2.db"), "serve",
                                 "--keys-db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 0, result.output
    local = fake_uvicorn["app"]
    assert TestClient(local, base_url="http://localhost:8080").get("/healthz").status_code == 200
    assert TestClient(local, base_url="http://rebound.example").get("/healthz").status_code == 400
