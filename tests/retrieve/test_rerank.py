"""Cross-encoder reranking over HTTP, against a real loopback server that answers
``/rerank`` from a scripted scorer (no reranker weights ship offline: this is the fake
at the boundary we cannot reach)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConfigError, RerankerError
from engram.retrieve.base import Ranked
from engram.retrieve.rerank import HTTPReranker, make_reranker, rerank
from engram.testing.fake_openai import FakeOpenAI


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    yield fake
    fake.close()


def by_word(word: str, shape: str = "results") -> Any:
    """A scorer: documents containing ``word`` score 0.9, the rest 0.1 - 0.01 x index."""
    def respond(body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        scores = [0.9 if word in d else 0.1 - 0.01 * n for n, d in enumerate(body["documents"])]
        if shape == "tei":
            return 200, [{"index": n, "score": s} for n, s in enumerate(scores)], {}
        ranked = sorted(range(len(scores)), key=lambda n: -scores[n])
        return 200, {"results": [{"index": n, "relevance_score": scores[n]} for n in ranked]}, {}
    return respond


@pytest.mark.parametrize("shape", ["results", "tei"])
def test_http_reranker_speaks_both_reply_shapes(server: FakeOpenAI, shape: str) -> None:
    server.responder = by_word("kayak", shape)
    reranker = HTTPReranker(server.url, "bge-reranker-v2-m3", api_key="k")
    scores = reranker.score("boat trips", ["a red kayak", "taxes", "kayak lake"])
    assert scores == pytest.approx([0.9, 0.09, 0.9])
    body = server.requests[-1]
    assert body["query"] == "boat trips" and body["documents"] == body["texts"]
    assert body["model"] == "bge-reranker-v2-m3" and body["top_n"] == 3
    assert server.paths[-1] == "/v1/rerank" and server.auth[-1] == "Bearer k"
    reranker.close()


def test_http_reranker_errors_say_what_to_check(server: FakeOpenAI) -> None:
    reranker = HTTPReranker(server.url, max_retries=0)
    server.script({"error": "no such route"}, status=404)
    with pytest.raises(RerankerError, match="RERANKER_BASE_URL"):
        reranker.score("q", ["a", "b"])
    server.script({"results": [{"index": 7, "relevance_score": 1.0}]})
    with pytest.raises(RerankerError, match="relevance_score"):
        reranker.score("q", ["a", "b"])
    with pytest.raises(RerankerError, match="cannot reach"):
        HTTPReranker("http://127.0.0.1:9/v1", max_retries=0).score("q", ["a"])


def test_config_selects_the_reranker_by_name() -> None:
    assert make_reranker(Settings()) is None
    with pytest.raises(ConfigError, match="unknown reranker"):
        make_reranker(Settings(reranker="colbert"))
    with pytest.raises(ConfigError, match="ENGRAM_RERANKER_BASE_URL"):
        make_reranker(Settings(reranker="http"))


def test_rerank_reorders_only_the_head_and_keeps_scores_sorted() -> None:
    ranked = [Ranked(i, s) for i, s in (("a", 3.0), ("b", 2.0), ("c", 1.5), ("d", 1.0))]

    class Reverse:
        def score(self, query: str, documents: list[str]) -> list[float]:
            return [float(n) for n in range(len(documents))]

    out = rerank(ranked, {i: i for i in "abcd"}, "q", Reverse(), depth=3)
    assert [r.id for r in out] == ["c", "b", "a", "d"]
    assert [r.score for r in out] == sorted((r.score for r in out), reverse=True)
    assert out[0].channels["rerank"] == 1.0 and "rerank" not in out[3].channels


@pytest.fixture
def reranked_memory(tmp_path: Path, server: FakeOpenAI) -> Iterator[Memory]:
    settings = Settings(data_dir=tmp_path / "data", reranker="http", reranker_base_url=server.url,
                        reranker_model="bge-reranker")
    with Memory(tmp_path / "r.db", settings=settings, embedder=HashingEmbedder()) as mem:
        for text in ("We booked a boat tour around the islands", "Boat insurance renewal is due",
                     "I bought a red kayak for the lake", "Filed my taxes"):
            mem.add(text, user_id="u")
        mem.add("Another user's kayak", user_id="v")
        yield mem


def test_search_uses_the_reranker_within_the_tenant(reranked_memory: Memory,
                                                   server: FakeOpenAI) -> None:
    server.responder = by_word("kayak")
    reranker, reranked_memory.reranker = reranked_memory.reranker, None
    fused = [h.item.content for h in reranked_memory.search("boat", user_id="u", limit=3).hits]
    assert "kayak" not in fused[0] and not server.requests
    reranked_memory.reranker = reranker
    result = reranked_memory.search("boat", user_id="u", limit=3)
    assert result.hits[0].item.content == "I bought a red kayak for the lake"
    assert result.hits[0].channels["rerank"] == 1.0
    # the server saw this tenant's memories only
    documents = [d for body in server.requests for d in body["documents"]]
    assert documents and not any("Another user" in d for d in documents)


def test_a_failing_reranker_never_fails_search(reranked_memory: Memory, server: FakeOpenAI,
                                               caplog: pytest.LogCaptureFixture) -> None:
    server.responder = lambda body: (503, {"error": "overloaded"}, {"retry-after": "0"})
    with caplog.at_level(logging.WARNING):
        hits = reranked_memory.search("boat", user_id="u", limit=3).hits
    assert hits and all("rerank" not in h.channels for h in hits)
    assert hits[0].item.content.startswith(("We booked", "Boat insurance"))
    assert any("reranking skipped" in r.getMessage() for r in caplog.records)
    assert not any("boat" in r.getMessage().lower() for r in caplog.records)  # no content logged
