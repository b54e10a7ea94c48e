"""Shared fixtures for the embedder tests."""

from __future__ import annotations

import pytest

from engram.embed.onnx_minilm import OnnxMiniLMEmbedder


@pytest.fixture(scope="session")
def minilm() -> OnnxMiniLMEmbedder:
    """One loaded default model for the whole session (loading costs ~0.3 s)."""
    return OnnxMiniLMEmbedder()
