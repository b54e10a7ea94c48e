"""Static checks as tests, so the README's one test command (which ``.ci/run`` calls)
also enforces them: ``ruff`` with the rule set pinned in pyproject.toml, and
``mypy --strict`` over the package. Both tools are in the ``test`` extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_finds_nothing() -> None:
    result = _run("mypy", "--strict", "engram")
    assert result.returncode == 0, result.stdout + result.stderr
