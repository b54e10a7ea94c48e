"""The error hierarchy: every exception class lives in engram.errors (older import paths
still work), and every install hint names an extra that exists."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

import engram
from engram import errors
from engram.errors import ConfigError, MissingDependencyError

PACKAGE = Path(engram.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _hints() -> list[tuple[str, object]]:
    """(file, extra) of every ``MissingDependencyError(feature, extra)`` in the package."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "MissingDependencyError":
                extra = node.args[1] if len(node.args) > 1 else None
                found.append((path.name, ast.literal_eval(extra) if extra is not None else None))
    return found


def test_every_install_hint_names_a_real_extra() -> None:
    extras = set(tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"])
    hints = _hints()
    assert len(hints) >= 5
    wrong = [(f, e) for f, e in hints if e is not None and e not in extras]
    assert wrong == []


def test_a_missing_core_dependency_says_reinstall() -> None:
    message = str(MissingDependencyError("the default MiniLM ONNX embedder", None))
    assert "[" not in message and "`pip install --force-reinstall -e .`" in message
    assert "`pip install -e '.[pii]'`" in str(MissingDependencyError("the PII vault", "pii"))


def test_no_message_or_doc_names_the_uninstallable_distribution() -> None:
    """Issue #15: hints said `pip install 'engramdb[server]'`, which cannot be installed
    (the distribution is not on PyPI); they name the checkout form `pip install -e '.[x]'`."""
    root = PACKAGE.parent
    files = [*PACKAGE.rglob("*.py"), *(root / "docs").rglob("*.md"), root / "README.md"]
    named = [str(f.relative_to(root)) for f in files if "engramdb" in f.read_text(encoding="utf-8")]
    assert named == []


def test_every_engram_error_is_defined_in_errors() -> None:
    """No EngramError subclass is defined outside engram.errors (internal transport
    signals such as engram.http.Unreachable are not EngramErrors and never escape)."""
    outside = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "errors.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    ast.unparse(base).split(".")[-1] in vars(errors) for base in node.bases):
                outside.append(f"{path.name}:{node.name}")
    assert outside == []


def test_the_old_import_paths_still_work() -> None:
    from engram.llm import client as llm_client
    from engram.server import wire

    for name in ("RemoteError", "AuthenticationError", "PermissionDeniedError", "RateLimitError",
                 "ServiceUnavailableError"):
        assert getattr(wire, name) is getattr(errors, name)
    assert llm_client.LLMError is errors.LLMError


def test_openai_embedder_bad_config_is_a_config_error() -> None:
    from engram.embed.openai_compat import OpenAIEmbedder

    with pytest.raises(ConfigError, match="base_url"):
        OpenAIEmbedder("", "m")
    with pytest.raises(ConfigError, match="batch_size"):
        OpenAIEmbedder("http://127.0.0.1:9/v1", "m", batch_size=0)
