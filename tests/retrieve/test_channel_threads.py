"""Channels run side by side (retrieve.channels.run_channels): the same rankings as one
after the other, the query embedded once, and a failing channel's error raised."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import pytest

from engram import Memory
from engram.embed.base import Embedder
from engram.model import Filters, Scope
from engram.retrieve import channels
from engram.retrieve.base import Query
from engram.retrieve.channels import CHANNELS, Context, run_channels

U = Scope(user_id="u")
NOW = datetime(2024, 6, 30, 12, tzinfo=UTC)
TEXT = "what did I buy for the lake trips in May?"  # names a period: the time channel runs too


class CountingEmbedder:
    """The memory's real embedder, counting query embeddings (and slowed, so that
    concurrent callers overlap)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.queries, self._lock = inner, 0, threading.Lock()
        self.dim, self.model_id = inner.dim, inner.model_id

    def embed(self, texts: Sequence[str], role: str = "document") -> np.ndarray:
        if role == "query":
            with self._lock:
                self.queries += 1
            threading.Event().wait(0.05)
        return self.inner.embed(texts, role=role)


@pytest.fixture
def filled(memory: Memory) -> Memory:
    for n, text in enumerate(["I bought a red kayak for the lake trips", "Filed my taxes",
                              "We hiked the ridge trail in June", "The kayak paddles arrived"]):
        memory.add(text, user_id="u", event_time=datetime(2024, 5, 2 + n, tzinfo=UTC))
    return memory


def query() -> Query:
    return Query(text=TEXT, scope=U, filters=Filters(), limit=10, now=NOW)


def test_concurrent_channels_rank_as_sequential_ones(filled: Memory) -> None:
    names = ("lexical", "dense", "time")
    ctx = Context(filled.embedder, depth=10, text=TEXT, lexical_text="buy lake trips May")
    together = run_channels(names, query(), filled.store, ctx)
    alone = {n: CHANNELS[n](query(), filled.store, Context(filled.embedder, depth=10, text=TEXT,
                                                             lexical_text="buy lake trips May"))
             for n in names}
    assert together == alone
    assert together["lexical"] and together["dense"] and together["time"]


def test_the_query_is_embedded_once_whatever_the_channels(filled: Memory) -> None:
    counting = CountingEmbedder(filled.embedder)
    ctx = Context(counting, depth=10, text=TEXT, lexical_text="buy lake trips May")  # type: ignore[arg-type]
    run_channels(("dense", "time", "lexical"), query(), filled.store, ctx)
    assert counting.queries == 1


def test_an_error_in_one_channel_is_raised(filled: Memory, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> list[tuple[str, float]]:
        raise RuntimeError("channel down")

    monkeypatch.setitem(channels.CHANNELS, "time", broken)
    with pytest.raises(RuntimeError, match="channel down"):
        run_channels(("lexical", "time"), query(), filled.store,
                     Context(filled.embedder, depth=10, text=TEXT))
