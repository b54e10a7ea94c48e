"""The CLI through Typer's runner, on a real SQLite file and the real bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engram.cli import app
from engram.store.sqlite import SQLiteStore

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An existing (empty) store: a --db that does not exist is an error without --create."""
    path = tmp_path / "cli.db"
    SQLiteStore(path).close()
    return path


def run(db: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--db", str(db), *args], input=input)


def test_add_search_list_history_flow(db: Path, tmp_path: Path) -> None:
    added = run(db, "add", "My sister Ana lives in Berlin", "-u", "alice", "--json")
    assert added.exit_code == 0, added.output
    memory_id = json.loads(added.output)[0]["id"]
    convo = tmp_path / "c.json"
    convo.write_text(json.dumps([{"role": "user", "content": "I play the cello"},
                                 {"role": "assistant", "content": "Lovely instrument!"}]))
    assert run(db, "add", "--messages", str(convo), "-u", "alice", "-s", "s2").exit_code == 0
    found = run(db, "search", "where does my sister live", "-u", "alice", "--json")
    assert found.exit_code == 0
    assert json.loads(found.output)["hits"][0]["item"]["id"] == memory_id
    listed = json.loads(run(db, "list", "-u", "alice", "--json").output)
    assert len(listed["items"]) == 2
    assert run(db, "update", memory_id, "-u", "alice", "--content", "Ana moved to Rome").exit_code == 0
    history = json.loads(run(db, "history", memory_id, "-u", "alice", "--json").output)
    assert [h["op"] for h in history] == ["add", "update"]
    table = run(db, "history", memory_id, "-u", "alice")
    assert "Ana moved to Rome" in table.output
    stats = json.loads(run(db, "stats", "--json").output)
    assert stats["memories"] == 2
    assert run(db, "search", "cello", "-u", "bob", "--json").output.count('"item"') == 0


def test_stdin_add_and_delete_all_confirmation(db: Path) -> None:
    assert run(db, "add", "-", "-u", "u", input="from stdin\n").exit_code == 0
    refused = run(db, "delete", "--all", "-u", "u", input="n\n")
    assert refused.exit_code == 1
    assert json.loads(run(db, "stats", "-u", "u", "--json").output)["memories"] == 1
    assert run(db, "delete", "--all", "-u", "u", "--yes").exit_code == 0
    assert json.loads(run(db, "stats", "-u", "u", "--json").output)["memories"] == 0


def test_export_import_roundtrip_with_progress(db: Path, tmp_path: Path) -> None:
    for n in range(3):
        run(db, "add", f"fact number {n}", "-u", "u")
    dump = tmp_path / "dump.jsonl"
    assert run(db, "export", "-u", "u", "-o", str(dump)).exit_code == 0
    assert len(dump.read_text().splitlines()) == 4
    other = tmp_path / "other.db"
    result = run(other, "import", str(dump), "--create")
    assert result.exit_code == 0 and "imported 3" in result.output
    assert json.loads(run(other, "stats", "--json").output)["memories"] == 3


def test_bad_input_exits_2_with_a_message(db: Path, tmp_path: Path) -> None:
    assert run(db, "add", "x").exit_code == 2  # no scope
    missing = run(tmp_path / "nope.db", "search", "x", "-u", "u")
    assert missing.exit_code == 2 and "no Engram store" in missing.output
    run(db, "add", "ok", "-u", "u")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    result = run(db, "import", str(bad))
    assert result.exit_code == 2 and "line 1" in result.output and "--skip-bad" in result.output
    assert run(db, "import", str(tmp_path / "absent.jsonl")).exit_code == 2
    assert run(db, "add", "x", "-u", "u", "--event-time", "yesterday-ish").exit_code == 2
    assert run(db, "get", "01a21c02-1acd-70e2-aade-0f7d5caab9dc", "-u", "u").exit_code == 2
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 1000)
    assert run(corrupt, "list", "-u", "u").exit_code == 2
