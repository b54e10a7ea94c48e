"""Per-key rate limiting: a token bucket per key, 429 with Retry-After."""

from __future__ import annotations

import httpx
import pytest

from engram.client import EngramClient, RateLimitError
from engram.server.deps import RateLimiter


def test_token_bucket_refills_evenly() -> None:
    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])  # one per second, burst of 60
    assert all(limiter.acquire("a") == 0 for _ in range(60))
    assert limiter.acquire("a") == pytest.approx(1.0)
    assert limiter.acquire("b") == 0  # buckets are per caller
    now[0] += 0.5
    assert limiter.acquire("a") == pytest.approx(0.5)
    now[0] += 0.5
    assert limiter.acquire("a") == 0
    with pytest.raises(ValueError):
        RateLimiter(0)


def test_429_with_retry_after_per_key(deploy) -> None:  # type: ignore[no-untyped-def]
    dep = deploy(require_auth=True, rate_limit=3)
    _, first = dep.keys.create("acme")
    _, second = dep.keys.create("globex")
    headers = {"x-api-key": first}
    assert [httpx.get(dep.url + "/v1/stats", headers=headers).status_code for _ in range(3)] == [200] * 3
    limited = httpx.get(dep.url + "/v1/stats", headers=headers)
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert int(limited.headers["retry-after"]) >= 1
    with pytest.raises(RateLimitError) as caught:
        EngramClient(dep.url, api_key=first).stats()
    assert caught.value.retry_after and caught.value.retry_after >= 1
    # another key has its own bucket; health checks are never limited
    assert httpx.get(dep.url + "/v1/stats", headers={"x-api-key": second}).status_code == 200
    assert httpx.get(dep.url + "/healthz").status_code == 200
    # a rate-limited write writes nothing
    before = dep.total()
    response = httpx.post(dep.url + "/v1/memories", json={"text": "x"}, headers=headers)
    assert response.status_code == 429 and dep.total() == before
