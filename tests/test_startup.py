"""Start-up stays light: heavy libraries are imported when first used, not on import.

A behaviour test (which modules a fresh interpreter has loaded), not a timing test:
`engram --help` must not pay for numpy or the model runtime, and `from engram import
Memory` must not pay for the ONNX runtime, faiss, scipy, dateparser, yake or the server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Needed only once a model runs, a large store is searched, a date is parsed, keys are
# extracted or a server starts.
RUNTIME_HEAVY = ["onnxruntime", "tokenizers", "faiss", "scipy", "dateparser", "yake",
                 "fastapi", "starlette", "uvicorn", "psycopg", "mcp"]
# Not needed by `engram --help` / `--version` either.
CLI_HEAVY = [*RUNTIME_HEAVY, "numpy", "pydantic", "pydantic_settings", "httpx"]


def _loaded_after(code: str) -> list[str]:
    """Top-level packages present in ``sys.modules`` after running ``code`` in a fresh python."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("code", ["import engram", "import engram.cli",
                                  "import engram; engram.EngramError; engram.__version__"])
def test_package_and_cli_import_nothing_heavy(code: str) -> None:
    loaded = set(_loaded_after(code))
    assert loaded.isdisjoint(CLI_HEAVY), sorted(loaded & set(CLI_HEAVY))


def test_memory_import_defers_runtime_libraries() -> None:
    loaded = set(_loaded_after("from engram import AsyncMemory, Memory, MemoryItem, Scope"))
    assert "engram" in loaded and "numpy" in loaded  # the probe really imported the facade
    assert loaded.isdisjoint(RUNTIME_HEAVY), sorted(loaded & set(RUNTIME_HEAVY))


def test_lazy_names_resolve_to_the_real_objects() -> None:
    import engram
    from engram.memory import Memory
    from engram.model import Scope

    assert engram.Memory is Memory and engram.Scope is Scope
    assert set(engram.__all__) <= set(dir(engram))
    with pytest.raises(AttributeError):
        engram.NoSuchThing  # noqa: B018


def test_version_flag_prints_the_package_version() -> None:
    import engram

    done = subprocess.run([sys.executable, "-c", "from engram.cli import main; main()", "--version"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"engram {engram.__version__}"
