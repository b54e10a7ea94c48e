"""`engram demo` — the README's main job — runs and answers from memory."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from engram.cli import app


def test_demo_answers_questions_and_cleans_up(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["--db", str(db), "demo"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Stored 8 rounds from 4 sessions" in result.output
    dog_answer = result.output.split("What is my dog's name?")[1].split("Where do I live")[0]
    assert "Biscuit" in dog_answer
    stats = CliRunner().invoke(app, ["--db", str(db), "stats", "--json"])
    assert '"memories": 0' in stats.output
