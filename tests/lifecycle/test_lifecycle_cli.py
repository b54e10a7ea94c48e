"""``engram consolidate / archive / related / procedure`` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engram.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ENGRAM_EMBEDDER", "hashing")
    monkeypatch.setenv("ENGRAM_EXTRACTION", "true")
    return tmp_path / "cli.db"


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--db", str(db), "--create", *args])


def test_consolidate_twice_then_nothing_changes(db: Path, tmp_path: Path) -> None:
    convo = tmp_path / "c.json"
    convo.write_text(json.dumps([{"role": "user", "content": "I live in Lisbon and I love jazz."},
                                 {"role": "assistant", "content": "Nice!"}]))
    assert run(db, "add", "--messages", str(convo), "-u", "a", "-s", "s1").exit_code == 0
    first = run(db, "consolidate", "-u", "a", "--json")
    assert first.exit_code == 0, first.output
    assert len(json.loads(first.output)["created"]) == 3
    second = json.loads(run(db, "consolidate", "-u", "a", "--json").output)
    assert second["created"] == second["updated"] == [] and len(second["unchanged"]) == 3
    assert "0 created, 0 updated, 3 unchanged" in run(db, "consolidate", "-u", "a").output


def test_archive_dry_run_and_related_and_procedure(db: Path) -> None:
    added = json.loads(run(db, "add", "I live in Lisbon", "-u", "a", "--event-time", "2020-01-01",
                           "--json").output)
    dry = json.loads(run(db, "archive", "-u", "a", "--now", "2030-01-01", "--dry-run", "--json").output)
    assert added[0]["id"] in dry["candidates"] and dry["archived"] == []
    rel = json.loads(run(db, "related", added[0]["id"], "-u", "a", "--json").output)
    assert [r["reason"] for r in rel] == ["derived from this round"]
    done = run(db, "archive", "-u", "a", "--now", "2030-01-01")
    assert done.exit_code == 0 and "archived" in done.output
    proc = run(db, "procedure", "book a flight", "--step", "search", "--step", "pay", "--failed",
               "--outcome", "card declined", "-u", "a", "--json")
    assert proc.exit_code == 0, proc.output
    assert json.loads(proc.output)["tags"] == ["procedure", "lesson"]
    bad = run(db, "archive", "-u", "a", "--now", "someday")
    assert bad.exit_code == 2 and "ISO" in bad.output
