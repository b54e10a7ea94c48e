"""Every code block in README.md and docs/*.md runs (the sqlite-utils approach).

A block runs by its fence language: ``python`` blocks of one file run in order in one
namespace; ``bash``/``sh`` blocks run in bash with ``set -e``, where ``engram`` is this
checkout's CLI; ``json`` and ``toml`` blocks must parse; ``text`` blocks are prose.
Everything runs in a temporary folder with ``ENGRAM_DATA_DIR`` pointing into it, so the
default store is a fresh one (``chat.json``, ``adds.jsonl`` and the checkout's ``tests/`` are there too). A block that cannot run here (it installs packages,
starts a server that blocks, or needs a network service) carries the line
``<!-- docs-test: skip: <why> -->`` just before its fence; SKIP_BUDGET caps how many.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\S*)\s*$")
SKIP = re.compile(r"^<!-- docs-test: skip: (.+?) -->$")
LANGS = {"python", "bash", "sh", "json", "toml", "text"}
SKIP_BUDGET = 16
CONVERSATION = [{"role": "user", "content": "I adopted a cat named Miso"},
                {"role": "assistant", "content": "Lovely name!"}]
ADDS = [{"content": "I play the cello"}, {"messages": CONVERSATION, "session_id": "s2"}]


@dataclass
class Block:
    path: Path
    line: int
    lang: str
    code: str
    skip: str | None

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    n = 0
    while n < len(lines):
        opened = FENCE.match(lines[n])
        if not opened:
            n += 1
            continue
        end = next(i for i in range(n + 1, len(lines)) if lines[i].startswith("```"))
        marker = SKIP.match(lines[n - 1].strip()) if n else None
        found.append(Block(path, n + 1, opened.group(1), "\n".join(lines[n + 1:end]) + "\n",
                           marker.group(1) if marker else None))
        n = end + 1
    return found


ALL = [b for f in FILES for b in blocks(f)]


def test_every_block_has_a_known_language_and_skips_are_few() -> None:
    unknown = [f"{b.name} ({b.lang or 'no language'})" for b in ALL if b.lang not in LANGS]
    assert not unknown, f"label these fences with one of {sorted(LANGS)}: {unknown}"
    skipped = [b for b in ALL if b.skip]
    assert len(skipped) <= SKIP_BUDGET, [f"{b.name}: {b.skip}" for b in skipped]
    assert all(len(b.skip or "") >= 12 for b in skipped), "say why a block is skipped"


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A folder and environment in which the docs' commands find what they name."""
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith("ENGRAM_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGRAM_CONFIG", str(tmp_path / "absent.toml"))
    (tmp_path / "chat.json").write_text(json.dumps(CONVERSATION))
    (tmp_path / "adds.jsonl").write_text("".join(json.dumps(line) + "\n" for line in ADDS))
    (tmp_path / "tests").symlink_to(ROOT / "tests")  # docs name checkout paths like tests/fixtures
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "engram"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "from engram.cli import main; main()" "$@"\n')
    shim.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
               PYTHONPATH=f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    return env


def run_python(code: str, namespace: dict[str, Any]) -> None:
    exec(compile(code, "<docs>", "exec"), namespace)  # noqa: S102 - the docs are ours


def run_shell(code: str, env: dict[str, str]) -> None:
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"


@pytest.mark.parametrize("path", FILES, ids=[str(f.relative_to(ROOT)) for f in FILES])
def test_snippets_run(path: Path, sandbox: dict[str, str]) -> None:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for block in blocks(path):
        if block.skip or block.lang == "text":
            continue
        try:
            if block.lang == "python":
                run_python(block.code, namespace)
            elif block.lang in ("bash", "sh"):
                run_shell(block.code, sandbox)
            elif block.lang == "json":
                json.loads(block.code)
            elif block.lang == "toml":
                tomllib.loads(block.code)
        except Exception as exc:  # report which block failed, with its first line
            raise AssertionError(f"{block.name} ({block.lang}) failed: {exc}") from exc
    for value in namespace.values():  # the snippets' Memory objects
        if type(value).__name__ in ("Memory", "EngramClient") and hasattr(value, "close"):
            value.close()
