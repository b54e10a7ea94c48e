"""Optional second-stage reranking with a cross-encoder behind an HTTP endpoint.

No PyPI package ships cross-encoder weights, so Engram bundles none; but most local
model servers expose one: llama.cpp (``--reranking``), vLLM (``--task score``), Hugging
Face TEI, Infinity, and the hosted Jina/Cohere/Voyage APIs all answer
``POST {base_url}/rerank`` with a query and documents. A cross-encoder reads query and
memory together, which a bi-encoder cannot; it is the usual last step of a retrieval
stack (Nogueira & Cho, 2019). Configure ``reranker="http"`` with
``reranker_base_url``/``reranker_model`` (docs in README "Retrieval").

The reranker reorders only the head of the fused ranking (``rerank_depth`` items); the
rest keep their fused order below it. If the server fails, the search still answers
with the fused order and a warning (an enhancer must never take search down).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import httpx

from engram.config import Settings
from engram.errors import ConfigError, RerankerError
from engram.http import HTTPBackend, Unreachable
from engram.registry import Registry
from engram.retrieve.base import Ranked

logger = logging.getLogger(__name__)

MAX_DOCUMENT_CHARS = 4000  # a cross-encoder reads ~512 tokens; longer text only costs bandwidth


class Reranker(Protocol):
    def score(self, query: str, documents: Sequence[str]) -> list[float]:
        """Relevance of each document to the query, aligned with ``documents``
        (higher is better; any scale)."""
        ...


class HTTPReranker(HTTPBackend):
    """Client for ``POST {base_url}/rerank``.

    Sends ``{"model", "query", "documents", "top_n", "return_documents": false}`` plus
    ``"texts"`` (TEI's name for the documents). Accepts the two reply shapes in use:
    ``{"results": [{"index", "relevance_score"}]}`` (Jina, Cohere, vLLM, llama.cpp) and
    ``[{"index", "score"}]`` (TEI). Documents the server leaves out score lowest.
    """

    def __init__(self, base_url: str, model: str = "", api_key: str | None = None, *,
                 timeout: float = 30.0, max_retries: int = 2, backoff: float = 0.5,
                 client: httpx.Client | None = None) -> None:
        if not base_url:
            raise ConfigError("a reranker base_url is required, e.g. http://localhost:8080/v1 "
                                "(set ENGRAM_RERANKER_BASE_URL)")
        super().__init__(api_key=api_key, timeout=timeout, max_retries=max_retries,
                         backoff=backoff, client=client)
        self.url = f"{base_url.rstrip('/')}/rerank"
        self.model = model

    def score(self, query: str, documents: Sequence[str]) -> list[float]:
        if not documents:
            return []
        docs = [d[:MAX_DOCUMENT_CHARS] for d in documents]
        body: dict[str, Any] = {"query": query, "documents": docs, "texts": docs,
                                "top_n": len(docs), "return_documents": False}
        if self.model:
            body["model"] = self.model
        try:
            reply = self._send(self.url, body, "rerank")
        except Unreachable as exc:
            raise RerankerError(f"cannot reach the reranker at {self.url} ({exc.reason}); "
                                "is it running?") from None
        if reply.status_code >= 400:
            hint = {401: "check ENGRAM_RERANKER_API_KEY", 404: "check ENGRAM_RERANKER_BASE_URL "
                    "(the server must serve /rerank) and ENGRAM_RERANKER_MODEL"}.get(
                        reply.status_code, "check the server logs")
            raise RerankerError(f"the reranker at {self.url} answered HTTP {reply.status_code}; {hint}")
        return _parse(reply, len(docs), self.url)


def _parse(reply: httpx.Response, expected: int, url: str) -> list[float]:
    try:
        payload = reply.json()
        results = payload["results"] if isinstance(payload, dict) else payload
        scores = [float("-inf")] * expected
        for entry in results:
            index = int(entry["index"])
            value = entry.get("relevance_score", entry.get("score"))
            if not 0 <= index < expected or value is None:
                raise ValueError("index out of range or no score")
            scores[index] = float(value)
    except (ValueError, KeyError, TypeError):
        raise RerankerError(f"the reranker at {url} sent a reply without results[].index and "
                            "relevance_score (or TEI's [].score); is it a rerank endpoint?") from None
    return scores


def rerank(ranked: list[Ranked], texts: dict[str, str], query: str, reranker: Reranker,
           depth: int) -> list[Ranked]:
    """``ranked`` with its first ``depth`` items (those with text) reordered by the
    reranker; their score becomes 1 + the min-max scaled reranker score, the rest are
    scaled below 1, so scores still sort. On a server failure: unchanged, with a warning."""
    head = [r for r in ranked[:depth] if r.id in texts]
    if len(head) < 2:
        return ranked
    try:
        scores = reranker.score(query, [texts[r.id] for r in head])
    except RerankerError as exc:
        logger.warning("reranking skipped, fused order kept: %s", exc)
        return ranked
    finite = [s for s in scores if s != float("-inf")] or [0.0]
    low, span = min(finite), (max(finite) - min(finite)) or 1.0
    for r, s in zip(head, scores):
        scaled = (max(s, low) - low) / span
        r.channels = {**r.channels, "rerank": scaled}
        r.score = 1.0 + scaled
    chosen = {r.id for r in head}
    rest = [r for r in ranked if r.id not in chosen]
    top = max((r.score for r in rest), default=0.0)
    for r in rest:
        r.score = r.score / top * 0.999 if top > 0 else 0.0
    return sorted(head, key=lambda r: (-r.score, r.id)) + rest


RERANKERS: Registry[Callable[[Settings], Reranker]] = Registry("reranker", {
    "http": lambda s: HTTPReranker(s.reranker_base_url or "", s.reranker_model, s.reranker_api_key,
                                   timeout=s.reranker_timeout_s),
}, hint=" (or unset ENGRAM_RERANKER)")


def make_reranker(settings: Settings) -> Reranker | None:
    """The configured reranker, or None (the default: no reranking)."""
    if not settings.reranker:
        return None
    return RERANKERS.lookup(settings.reranker)(settings)
