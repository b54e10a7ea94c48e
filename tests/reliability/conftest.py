"""Shared fixtures for the reliability suite: small real stores (hashing embedder,
so tests never load a model) and a live uvicorn server on loopback."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.testing.live_server import LiveServer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data"


def record(name: str, figures: dict[str, Any]) -> None:
    """Print measured figures (``pytest -s`` shows them); with ENGRAM_RELIABILITY_OUT set,
    also write ``<dir>/reliability-<name>.json`` — the source of benchmarks/reliability.md."""
    print(f"\nRELIABILITY {name} {json.dumps(figures, default=str)}")
    out = os.environ.get("ENGRAM_RELIABILITY_OUT")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / f"reliability-{name}.json").write_text(json.dumps(figures, indent=1, default=str))


@pytest.fixture
def make_memory(tmp_path: Path) -> Iterator[Callable[..., Memory]]:
    """Factory: ``make_memory(**settings)`` opens a Memory in tmp_path (hashing embedder)."""
    opened: list[Memory] = []

    def build(name: str = "mem", **options: Any) -> Memory:
        options.setdefault("embedding_cache", False)
        settings = Settings(data_dir=tmp_path / f"{name}-data", **options)
        mem = Memory(tmp_path / f"{name}.db", settings=settings, embedder=HashingEmbedder())
        opened.append(mem)
        return mem

    yield build
    for mem in opened:
        with contextlib.suppress(Exception):  # already closed by the test
            mem.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., LiveServer]]:
    """Factory: ``serve(memory, **create_app_options)`` starts a live server."""
    pytest.importorskip("fastapi", reason="needs the `server` extra")
    from engram.server.app import create_app

    servers: list[LiveServer] = []

    def start(memory: Memory, **options: Any) -> LiveServer:
        server = LiveServer(create_app(memory, **options))
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
