from __future__ import annotations

from collections.abc import Iterator

import pytest

from engram.testing.fake_openai import FakeOpenAI


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAI]:
    """A real OpenAI-compatible HTTP server on loopback with scripted replies."""
    server = FakeOpenAI()
    yield server
    server.close()
