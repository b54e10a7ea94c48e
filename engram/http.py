"""One retry policy for every optional HTTP backend (embeddings, LLM, reranker).

Transient failures — connection errors, timeouts, 408/409/425/429/5xx — are retried
with exponential backoff, honouring ``Retry-After`` (capped at 30 s). Callers turn the
outcome into their own :class:`engram.EngramError` subclass; log lines name the URL
and the failure, never the request body (it is personal data).
"""

from __future__ import annotations

import logging
import time
from typing import Any, Self

import httpx

logger = logging.getLogger(__name__)

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 30.0


class Unreachable(Exception):
    """Every attempt failed before any HTTP reply; ``reason`` says how (no content)."""

    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts


class HTTPBackend:
    """Base of the optional HTTP backends: bearer auth, one retry policy, and an httpx
    client it owns (closed by :meth:`close`) or borrows (left open)."""

    def __init__(self, *, api_key: str | None, timeout: float, max_retries: int, backoff: float,
                 client: httpx.Client | None) -> None:
        self.max_retries = max_retries
        self.backoff = backoff
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = client or httpx.Client(timeout=timeout, headers=headers)
        self._owns_client = client is None

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _send(self, url: str, body: dict[str, Any], what: str) -> httpx.Response:
        return post_with_retries(self._client, url, body, max_retries=self.max_retries,
                                 backoff=self.backoff, what=what)


def post_with_retries(client: httpx.Client, url: str, body: dict[str, Any], *, max_retries: int,
                      backoff: float, what: str) -> httpx.Response:
    """The first non-retryable reply, or the last reply once retries run out.

    Raises :class:`Unreachable` when the last attempt got no reply at all."""
    for attempt in range(max_retries + 1):
        retry_after = 0.0
        try:
            reply = client.post(url, json=body)
        except httpx.TimeoutException:
            reason = "the request timed out"
        except httpx.TransportError as exc:
            reason = f"could not connect ({type(exc).__name__})"
        else:
            if reply.status_code not in RETRY_STATUS or attempt == max_retries:
                return reply
            reason, retry_after = f"HTTP {reply.status_code}", _retry_after(reply)
        if attempt == max_retries:
            raise Unreachable(reason, attempt + 1)
        delay = max(backoff * (2 ** attempt), retry_after)
        logger.warning("%s request to %s failed (%s); retry %d in %.1fs", what, url, reason,
                       attempt + 1, delay)
        time.sleep(delay)
    raise AssertionError("unreachable")


def _retry_after(reply: httpx.Response) -> float:
    try:
        return min(float(reply.headers.get("retry-after", 0)), MAX_RETRY_AFTER_S)
    except ValueError:
        return 0.0
