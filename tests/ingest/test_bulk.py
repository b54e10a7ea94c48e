"""Memory.add_many: the same items as separate add() calls, embedded in one sorted pass."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import InvalidInputError
from engram.ingest.bulk import AddRequest
from engram.write import EMBED_BATCH


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, recording every batch it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[list[str]] = []

    def embed(self, texts: Sequence[str], *, role: str = "passage") -> np.ndarray:  # type: ignore[override]
        self.batches.append(list(texts))
        return super().embed(texts, role=role)  # type: ignore[arg-type]


def memory(tmp_path: Path, name: str, embedder: HashingEmbedder) -> Memory:
    settings = Settings(data_dir=tmp_path / name, embedding_cache=False, enrichers=[])
    return Memory(tmp_path / f"{name}.db", settings=settings, embedder=embedder)


SESSIONS = [
    ("s1", datetime(2024, 5, 1, tzinfo=UTC), [{"role": "user", "content": "I moved to Lisbon " * k}
                                              for k in (1, 9, 2)]),
    ("s2", datetime(2024, 6, 2, tzinfo=UTC), [{"role": "user", "content": "Caroline paints " * k}
                                              for k in (5, 1)]),
]


def test_add_many_stores_what_separate_adds_store(tmp_path: Path) -> None:
    one, many = memory(tmp_path, "one", HashingEmbedder()), memory(tmp_path, "many", HashingEmbedder())
    single = [one.add(msgs, user_id="u", session_id=sid, event_time=at) for sid, at, msgs in SESSIONS]
    bulk = many.add_many([{"data": msgs, "user_id": "u", "session_id": sid, "event_time": at}
                          for sid, at, msgs in SESSIONS])
    assert [len(b) for b in bulk] == [len(s) for s in single]
    for got, want in zip((i for b in bulk for i in b), (i for s in single for i in s)):
        assert (got.content, got.scope, got.event_time, got.role) == (want.content, want.scope,
                                                                      want.event_time, want.role)
        assert many.get(got.id, user_id="u").content == got.content
    for _, _, msgs in SESSIONS:
        query = msgs[0]["content"]
        assert [h.item.content for h in many.search(query, user_id="u", limit=3).hits] == \
            [h.item.content for h in one.search(query, user_id="u", limit=3).hits]
    assert [h.op for h in many.history(bulk[0][0].id, user_id="u")] == ["add"]


def test_add_many_embeds_across_calls_sorted_by_length(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    mem = memory(tmp_path, "sorted", embedder)
    requests = [AddRequest(data=[{"role": "user", "content": "word " * ((7 * n) % 50 + 1)}],
                           user_id="u", session_id=f"s{n}") for n in range(EMBED_BATCH + 10)]
    out = mem.add_many(requests)
    assert len(embedder.batches) == 2  # one pass over all calls, not one call per request
    lengths = [len(t) for batch in embedder.batches for t in batch]
    assert lengths == sorted(lengths)
    assert [r[0].content for r in out] == [f"user: {r.data[0]['content']}" for r in requests]


def test_add_many_refuses_unknown_arguments(tmp_path: Path) -> None:
    mem = memory(tmp_path, "bad", HashingEmbedder())
    with pytest.raises(InvalidInputError, match="user_id"):
        mem.add_many([{"data": "x", "userid": "u"}])
