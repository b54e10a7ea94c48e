"""CLI conventions that every command shares: --db/--create anywhere, --json everywhere,
flags without type noise, ids that copy whole, a demo that never touches your store."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from engram.cli import app

runner = CliRunner()
SERVERS = {"serve", "mcp"}  # long-running; they print nothing to parse


def commands() -> dict[str, Any]:
    """Every leaf command by its full name ('keys create', 'add', ...)."""
    root = typer.main.get_command(app)
    found: dict[str, Any] = {}

    def walk(group: Any, prefix: str) -> None:
        for name, cmd in group.commands.items():
            if hasattr(cmd, "commands"):
                walk(cmd, f"{prefix}{name} ")
            else:
                found[prefix + name] = cmd

    walk(root, "")
    return found


def options(cmd: Any) -> set[str]:
    return {opt for p in cmd.params for opt in getattr(p, "opts", [])}


def test_every_command_takes_db_create_and_json() -> None:
    found = commands()
    assert {"add", "search", "get", "delete", "import", "import-mem0", "demo", "bench", "keys create"} <= set(found)
    for name, cmd in found.items():
        assert {"--db", "--create"} <= options(cmd), name
        if name not in SERVERS:
            assert "--json" in options(cmd), name


@pytest.mark.parametrize("name", sorted(commands()))
def test_help_shows_no_bool_type(name: str) -> None:
    result = runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output and "--create" in result.output


def test_db_after_the_subcommand_and_create(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "new.db"
    missing = runner.invoke(app, ["add", "hello", "-u", "u", "--db", str(db)])
    assert missing.exit_code == 2 and "--create" in missing.output and not db.exists()
    assert not db.parent.exists()  # no folders made for a mistyped path
    made = runner.invoke(app, ["add", "hello", "-u", "u", "--db", str(db), "--create", "--json"])
    assert made.exit_code == 0, made.output
    memory_id = json.loads(made.stdout)[0]["id"]
    got = runner.invoke(app, ["get", memory_id, "-u", "u", "--db", str(db), "--json"])
    assert json.loads(got.stdout)["content"] == "hello"
    # the subcommand's --db wins over the global one
    other = tmp_path / "other.db"
    listed = runner.invoke(app, ["--db", str(other), "list", "-u", "u", "--db", str(db), "--json"])
    assert [i["id"] for i in json.loads(listed.stdout)["items"]] == [memory_id]
    typo = runner.invoke(app, ["search", "hello", "-u", "u", "--db", str(tmp_path / "nwe.db")])
    assert typo.exit_code == 2 and "no Engram store" in typo.output


def test_ids_are_never_wrapped(tmp_path: Path) -> None:
    db = tmp_path / "ids.db"
    runner.invoke(app, ["--db", str(db), "--create", "add", "a long memory " * 20, "-u", "u"])
    listed = runner.invoke(app, ["--db", str(db), "list", "-u", "u"], env={"COLUMNS": "70"})
    [memory_id] = [i["id"] for i in json.loads(
        runner.invoke(app, ["--db", str(db), "list", "-u", "u", "--json"]).stdout)["items"]]
    assert listed.exit_code == 0 and memory_id in listed.output  # whole, on one line
    found = runner.invoke(app, ["--db", str(db), "search", "long memory", "-u", "u"], env={"COLUMNS": "70"})
    assert memory_id in found.output


def test_demo_uses_a_temporary_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ENGRAM_DB", raising=False)
    result = runner.invoke(app, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["stored"] == 8 and "temporary" in report["database"]
    assert "Biscuit" in report["answers"][0]["hits"][0]["content"]
    assert not (tmp_path / "data" / "engram.db").exists()


@pytest.mark.parametrize("args", [["--db", "x.db", "bench", "locomo"], ["bench", "locomo", "--db", "x.db"],
                                  ["bench", "locomo", "--create"]])
def test_bench_refuses_store_options_it_would_ignore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    text = re.sub(r"\s+", " ", result.output)
    assert result.exit_code == 2 and "does not use --db or --create" in text and "--workdir" in text
    assert not (tmp_path / "x.db").exists() and not (tmp_path / ".engram-bench").exists()


def test_bench_leaves_an_engram_db_default_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ENGRAM_DB", str(tmp_path / "mine.db"))
    result = runner.invoke(app, ["bench", "locomo"])  # fails on the missing data, not on the store
    assert result.exit_code == 2 and "no benchmark data at" in re.sub(r"\s+", " ", result.output)


def test_bench_without_data_says_where_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # ../shared/datasets is not there
    for dataset, url in (("locomo", "github.com/snap-research/locomo"),
                         ("longmemeval", "huggingface.co/datasets/xiaowu0162/longmemeval")):
        result = runner.invoke(app, ["bench", dataset])
        text = re.sub(r"\s+", " ", result.output)
        assert result.exit_code == 2 and url in text and "--data" in text and "../shared/datasets" in text
    given = runner.invoke(app, ["bench", "locomo", "--data", str(tmp_path / "x")])
    assert "no benchmark data at" in re.sub(r"\s+", " ", given.output)
