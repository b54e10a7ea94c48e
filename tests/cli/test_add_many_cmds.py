"""``engram add-many``: the CLI door of Memory.add_many (issue #15), on a real SQLite
file and the real bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engram import Memory
from engram.cli import app
from engram.store.sqlite import SQLiteStore

runner = CliRunner()
CHAT = [{"role": "user", "content": "I adopted a cat"}, {"role": "assistant", "content": "Name?"},
        {"role": "user", "content": "Miso"}, {"role": "assistant", "content": "Cute!"}]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    SQLiteStore(path).close()
    return path


def said(result) -> str:  # type: ignore[no-untyped-def]
    """The output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


def _jsonl(path: Path, *rows: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_a_file_of_adds_goes_in_batches_in_order(db: Path, tmp_path: Path) -> None:
    rows = [{"content": f"fact number {n}", "tags": ["n"]} for n in range(5)]
    rows[2] = {"messages": CHAT, "session_id": "s1", "user_id": "bob"}
    src = _jsonl(tmp_path / "in.jsonl", *rows[:3], "", *rows[3:])  # a blank line is skipped
    result = runner.invoke(app, ["add-many", str(src), "--db", str(db), "-u", "alice",
                                 "--batch", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["requests"] == 5 and report["memories"] == 6
    assert [len(ids) for ids in report["ids"]] == [1, 1, 2, 1, 1]
    with Memory(db, create=False) as mem:
        assert mem.count(user_id="alice") == 4  # --user fills in what a line leaves out
        assert mem.count(user_id="bob", session_id="s1") == 2  # a line's own ids win
        first = mem.get(report["ids"][0][0], user_id="alice")
        assert first.content == "fact number 0" and first.tags == ["n"]
        assert mem.get(report["ids"][4][0], user_id="alice").content == "fact number 4"


def test_stdin_and_quiet(db: Path) -> None:
    result = runner.invoke(app, ["--db", str(db), "add-many", "-", "-u", "u", "-q"],
                           input='{"content": "one"}\n{"content": "two"}\n')
    assert result.exit_code == 0, result.output
    ids = result.output.split()
    assert len(ids) == 2
    with Memory(db, create=False) as mem:
        assert [mem.get(i, user_id="u").content for i in ids] == ["one", "two"]


def test_any_bad_line_fails_the_file_before_anything_is_written(db: Path, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "bad.jsonl", {"content": "fine"}, {"content": "x", "user": "typo"},
                 "not json", {"content": "a", "messages": CHAT})
    result = runner.invoke(app, ["add-many", str(src), "--db", str(db), "-u", "u"])
    assert result.exit_code == 2
    for expected in ("nothing was added", "line 2", "line 3", "line 4"):
        assert expected in said(result)
    assert "line 1:" not in said(result)
    with Memory(db, create=False) as mem:
        assert mem.count(user_id="u") == 0


def test_missing_inputs_are_errors(db: Path, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", {"content": "x"})
    no_scope = runner.invoke(app, ["add-many", str(src), "--db", str(db)])
    assert no_scope.exit_code == 2 and "scope" in said(no_scope)
    absent = runner.invoke(app, ["add-many", str(tmp_path / "absent.jsonl"), "--db", str(db)])
    assert absent.exit_code == 2 and "does not exist" in said(absent)
    typo = runner.invoke(app, ["add-many", str(src), "--db", str(tmp_path / "typo.db"), "-u", "u"])
    assert typo.exit_code == 2 and "--create" in said(typo)
    assert not (tmp_path / "typo.db").exists()

