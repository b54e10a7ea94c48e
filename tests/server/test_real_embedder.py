"""The server with the real default embedder (bundled MiniLM), end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engram import Memory
from engram.client import EngramClient
from engram.config import Settings

from .conftest import Deployment


def test_semantic_search_over_rest(tmp_path: Path, deploy: Callable[..., Deployment]) -> None:
    with Memory(tmp_path / "real.db", settings=Settings(data_dir=tmp_path / "real")) as memory:
        dep = deploy(memory=memory)
        mem = EngramClient(dep.url)
        pet = mem.add("We adopted a golden retriever puppy last spring", user_id="ivy")[0]
        mem.add("The quarterly budget review is scheduled for Monday", user_id="ivy")
        mem.add("My favourite programming language is Rust", user_id="ivy")
        result = mem.search("what kind of dog do they have?", user_id="ivy", limit=3)
        assert result.hits[0].item.id == pet.id
        assert result.hits[0].score > result.hits[-1].score
