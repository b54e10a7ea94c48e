"""``engram count``, ``audit`` and ``get --reveal``: the facade operations the CLI lacked
(issue #15: every operation at every door; ``tests/test_operations.py`` checks that each
has a command). On a real SQLite file and the real bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engram.cli import app
from engram.store.sqlite import SQLiteStore

runner = CliRunner()


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "cli.db"
    SQLiteStore(path).close()
    return path


def test_count_takes_the_list_filters(db: Path) -> None:
    run(db, "add", "Lisbon in May", "-u", "alice", "--tag", "moves")
    run(db, "add", "Alice likes tea", "-u", "alice", "--kind", "fact")
    run(db, "add", "Bob likes chess", "-u", "bob")
    counted = run(db, "count", "-u", "alice", "--json")
    assert counted.exit_code == 0, counted.output
    assert json.loads(counted.output) == {"count": 2, "scope": {"user_id": "alice"}}
    assert run(db, "count", "-u", "alice", "--kind", "fact").output.strip() == "1"
    assert run(db, "count", "-u", "alice", "--tag", "moves").output.strip() == "1"
    assert run(db, "count", "-u", "carol").output.strip() == "0"
    assert run(db, "count").exit_code == 2  # no scope


def test_audit_lists_changes_newest_first(db: Path) -> None:
    memory_id = run(db, "add", "Lisbon in May", "-u", "alice", "-q").output.strip()
    assert run(db, "update", memory_id, "-u", "alice", "--content", "Porto in May").exit_code == 0
    run(db, "add", "Bob likes chess", "-u", "bob")
    entries = json.loads(run(db, "audit", "-u", "alice", "--json").output)
    assert [(e["op"], e["memory_id"], e["version"]) for e in entries] == [
        ("update", memory_id, 2), ("add", memory_id, 1)]
    assert entries[0]["actor"] == "cli" and "content" in entries[0]["changed"]
    table = run(db, "audit", "-u", "alice")
    assert table.exit_code == 0 and memory_id in table.output  # ids never wrap
    assert json.loads(run(db, "audit", "-u", "alice", "--limit", "1", "--json").output)[0]["op"] == "update"


def test_reveal_needs_the_vault_and_restores_pii(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory_id = run(db, "add", "Mail me at ana.canary@example.org", "-u", "u", "-q").output.strip()
    refused = run(db, "get", memory_id, "-u", "u", "--reveal")
    assert refused.exit_code == 2 and "vault" in refused.output
    pytest.importorskip("cryptography", reason="the vault needs the `pii` extra")
    monkeypatch.setenv("ENGRAM_ENRICHERS", '["pii", "keys"]')
    monkeypatch.setenv("ENGRAM_PII_MODE", "vault")
    vaulted = run(db, "add", "Mail me at ana.canary@example.org", "-u", "u", "-q").output.strip()
    stored = json.loads(run(db, "get", vaulted, "-u", "u", "--json").output)
    assert "ana.canary" not in stored["content"]
    shown = json.loads(run(db, "get", vaulted, "-u", "u", "--reveal", "--json").output)
    assert shown["content"] == "Mail me at ana.canary@example.org"
    assert run(db, "get", vaulted, "-u", "mallory", "--reveal").exit_code == 2  # another scope: not found
