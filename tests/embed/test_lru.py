"""QueryLRU: repeated queries skip the model; passages never cached; forget drops entries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from engram import Memory
from engram.config import Settings
from engram.embed.cache import CachedEmbedder
from engram.embed.hashing import HashingEmbedder
from engram.embed.lru import QueryLRU


class Counting(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    def embed(self, texts: Sequence[str], *, role: str = "passage") -> np.ndarray:  # type: ignore[override]
        self.seen += [(role, t) for t in texts]
        return super().embed(texts, role=role)  # type: ignore[arg-type]


def test_repeated_queries_run_the_model_once_with_the_same_vectors() -> None:
    inner = Counting()
    lru = QueryLRU(inner, size=2)
    first = lru.embed(["where do I live?", "what is my job?"], role="query")
    again = lru.embed(["what is my job?", "where do I live?"], role="query")
    assert np.array_equal(again, first[::-1])
    assert np.array_equal(first, HashingEmbedder().embed(["where do I live?", "what is my job?"], role="query"))
    assert inner.seen == [("query", "where do I live?"), ("query", "what is my job?")]
    lru.embed(["a third question"], role="query")  # size 2: the least recent ("job") is dropped
    lru.embed(["where do I live?"], role="query")
    assert inner.seen[-1] == ("query", "a third question")
    lru.embed(["what is my job?"], role="query")
    assert inner.seen[-1] == ("query", "what is my job?")
    assert lru.query_hits == 3


def test_passages_are_never_cached_and_results_are_not_shared_buffers() -> None:
    inner = Counting()
    lru = QueryLRU(inner)
    lru.embed(["same text"])
    lru.embed(["same text"])
    assert inner.seen == [("passage", "same text")] * 2
    out = lru.embed(["q"], role="query")
    out[0][:] = 0
    assert np.abs(lru.embed(["q"], role="query")).sum() > 0
    assert lru.embed([], role="query").shape == (0, inner.dim)


def test_forget_drops_the_query_and_the_disk_cache_rows(tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    lru = QueryLRU(cached)
    lru.embed(["secret question"], role="query")
    assert lru.forget(["secret question"]) == 1
    lru.embed(["secret question"], role="query")
    assert inner.seen.count(("query", "secret question")) == 2
    assert cached.hits == 0 and cached.misses == 2  # the disk cache was asked both times


def test_memory_uses_it_by_default(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, embedder="hashing", embedding_cache=False, enrichers=[])
    mem = Memory(tmp_path / "m.db", settings=settings)
    assert isinstance(mem.embedder, QueryLRU)
    mem.add("I live in Lisbon", user_id="u")
    for _ in range(3):
        assert mem.search("where do I live?", user_id="u").hits
    assert mem.embedder.query_hits >= 2
    mem.close()
