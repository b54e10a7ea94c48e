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
    questions = ["What is my dog's name?", "Where do I live now?", "Where do I work?",
                 "Which food should I avoid cooking when my sister visits?",
                 "What did I say about my commute?"]
    expected = ["Biscuit", "Porto", "Porto", "nuts", "commute"]  # in each question's top hit
    for n, (question, word) in enumerate(zip(questions, expected, strict=True)):
        after = result.output.split(question)[1]
        answer = after.split(questions[n + 1])[0] if n + 1 < len(questions) else after
        first_hit = answer.split("│ 2024")[1]  # up to the next hit's date cell
        assert word in first_hit, (question, answer)
    stats = CliRunner().invoke(app, ["--db", str(db), "stats", "--json"])
    assert '"memories": 0' in stats.output
