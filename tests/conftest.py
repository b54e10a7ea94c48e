"""Shared fixtures: real SQLite files in tmp dirs; the hashing embedder for speed
where semantics don't matter, the real bundled model where they do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real data or config directories."""
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGRAM_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def memory(tmp_path: Path, settings: Settings) -> Iterator[Memory]:
    with Memory(tmp_path / "mem.db", settings=settings, embedder=HashingEmbedder()) as mem:
        yield mem


@pytest.fixture(scope="session")
def real_embedder():  # type: ignore[no-untyped-def]
    from engram.embed import make_embedder

    return make_embedder("minilm-onnx")


@pytest.fixture
def real_memory(tmp_path: Path, settings: Settings, real_embedder) -> Iterator[Memory]:  # type: ignore[no-untyped-def]
    with Memory(tmp_path / "real.db", settings=settings, embedder=real_embedder) as mem:
        yield mem
