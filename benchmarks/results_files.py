"""A benchmark's result files under one stem: the JSON, its Markdown table and, optionally, a plot.

Shared by the scripts that write ``benchmarks/results/<name>-<date>.{json,md,png}``; each keeps
its own ``markdown(result)`` and ``plot(result, path)``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, Any]


def write_results(stem: Path, result: Result, markdown: Callable[[Result], str],
                  plot: Callable[[Result, Path], None] | None = None, *, indent: int = 2) -> str:
    """Write ``stem``.json and ``stem``.md (and ``stem``.png with ``plot``); returns the Markdown."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(result, indent=indent) + "\n")
    text = markdown(result)
    stem.with_suffix(".md").write_text(text)
    if plot is not None:
        plot(result, stem.with_suffix(".png"))
    return text
