"""``engram forget`` / ``engram purge``, and the CLI's exit code 2 (a message, no
traceback) for hostile import files and unwritable export paths (issue #14, items 3, 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engram.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGRAM_EMBEDDER", "hashing")


def run(db: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--db", str(db), "--create", *args], input=input)


def flat(text: str) -> str:
    """Rich wraps long messages; compare them as one line."""
    return " ".join(text.split())


def test_forget_and_purge(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    for who, text in (("victim", "qjkwombatfig one"), ("victim", "qjkwombatfig two"), ("other", "keep")):
        assert run(db, "add", text, "-u", who, "--app", "a").exit_code == 0
    assert run(db, "forget", "victim", input="n\n").exit_code == 1  # asks first
    result = run(db, "forget", "victim", "--yes")
    assert result.exit_code == 0, result.output
    assert "forgot 2 memories" in result.output
    assert json.loads(run(db, "stats", "-u", "victim", "--json").output)["memories"] == 0
    assert json.loads(run(db, "stats", "-u", "other", "--json").output)["memories"] == 1
    assert run(db, "purge").exit_code == 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files and not [p for p in files if b"wombatfig" in p.read_bytes()]


def test_deep_import_file_and_missing_export_folder_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    assert run(db, "add", "hello", "-u", "u").exit_code == 0
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "\n")
    imported = run(db, "import", str(deep))
    assert imported.exit_code == 2, imported.output
    assert "nested too deeply" in flat(imported.output) and "Traceback" not in imported.output
    exported = run(db, "export", "-u", "u", "-o", "/nonexistent_dir/x")
    assert exported.exit_code == 2, exported.output
    assert "cannot write /nonexistent_dir/x" in flat(exported.output)
    assert exported.exception is None or isinstance(exported.exception, SystemExit)
