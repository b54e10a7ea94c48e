"""Authentication, per-key rate limiting and scope confinement.

The server is multi-tenant through API keys: a key is bound to an ``app_id``
(and optionally a ``user_id``). :meth:`Principal.confine` forces those into
every request's scope and refuses (403) a request that names a different
one, so a key can only ever reach its own memories — the store's own scope
checks then do the rest.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread
from fastapi import Request
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from engram.memory import Memory
from engram.server import wire
from engram.server.errors import ApiError, drain_body, send_error
from engram.store.keys import ApiKey, ApiKeys

PRUNE_AT = 10_000  # buckets kept before idle ones are dropped
PRINCIPAL = "engram_principal"


class RateLimiter:
    """An in-process token bucket per caller: ``per_minute`` requests, refilled evenly.

    In-process on purpose: one server process per store is the supported
    deployment (SQLite); a shared limiter would need a shared service.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute < 1:
            raise ValueError("the rate limit must be at least 1 request per minute")
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def acquire(self, caller: str, *, take: bool = True) -> float:
        """Take one token; returns 0 when allowed, else the seconds to wait.
        With ``take=False`` only look: the failed-key limiter checks before verifying."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(caller, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if not take:
                return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate
            if tokens >= 1.0:
                self._buckets[caller] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[caller] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
            if len(self._buckets) > PRUNE_AT:
                self._prune(now)
        return wait

    def _prune(self, now: float) -> None:
        full_after = self.capacity / self.rate
        for caller, (_, last) in list(self._buckets.items()):
            if now - last >= full_after:
                del self._buckets[caller]


@dataclass
class ServerState:
    """What the request handlers need; stored on ``app.state.engram``."""

    memory: Memory
    keys: ApiKeys | None
    require_auth: bool
    limiter: RateLimiter | None = None
    max_body_bytes: int = 2_000_000
    failures: RateLimiter | None = None  # invalid keys, per client address
    extras: dict[str, Any] = field(default_factory=dict)
    _no_keys_at: bytes | None = None  # keys-file stamp when it last held no active key

    def auth_required(self) -> bool:
        """True when configured so, or once any active key has existed: creating the
        first key locks down a server that was started keyless, without a restart, and
        revoking every key afterwards keeps it locked (it never silently reopens
        anonymous access; restarting the server is the explicit way back).

        The keys are only queried when their stamp (:meth:`ApiKeys.stamp`) changed: opening
        the keys file on every anonymous request was a per-request cost under load (#17)."""
        if self.require_auth or self.keys is None:
            return self.require_auth
        stamp = self.keys.stamp()
        if stamp is not None and stamp == self._no_keys_at:
            return False
        if self.keys.active_count() > 0:
            self.require_auth = True
        else:
            self._no_keys_at = stamp
        return self.require_auth

    def settled_open(self) -> bool:
        """Whether an anonymous request is known to be allowed without touching the keys
        database (so the middleware may decide on the event loop, without a thread hop)."""
        if self.require_auth or self.keys is None:
            return not self.require_auth
        stamp = self.keys.stamp()
        return stamp is not None and stamp == self._no_keys_at


@dataclass(frozen=True)
class Principal:
    """Who is calling: an API key, or nobody (a server running without keys)."""

    key: ApiKey | None

    def confine(self, fields: dict[str, str | None]) -> dict[str, Any]:
        """The request's scope ids with the key's app_id/user_id forced in.

        Raises 403 when the request names another app_id or user_id.
        """
        if self.key is None:
            return dict(fields)
        out = dict(fields)
        for name, bound in (("app_id", self.key.app_id), ("user_id", self.key.user_id)):
            if bound is None:
                continue
            asked = out.get(name)
            if asked is not None and asked != bound:
                raise ApiError(403, wire.FORBIDDEN,
                               f"this API key is limited to {name}={bound!r}; leave {name} out "
                               "or use a key issued for the scope you need")
            out[name] = bound
        return out

    def actor(self, requested: str | None) -> str | None:
        """History's actor: the key id when there is one (cannot be spoofed)."""
        return f"key:{self.key.id}" if self.key is not None else requested

    @property
    def admin(self) -> bool:
        """Only a keyless (local, loopback-only) server allows all-scope exports and stats."""
        return self.key is None


def _secret(headers: Headers) -> str | None:
    header = headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
        raise ApiError(401, wire.UNAUTHORIZED,
                       "the Authorization header must be 'Bearer <secret>'")
    key = headers.get("x-api-key")
    return key.strip() if key and key.strip() else None


def _too_many(seconds: float, what: str) -> ApiError:
    wait = max(1, math.ceil(seconds))
    return ApiError(429, wire.RATE_LIMITED, f"rate limit exceeded for {what}; retry in {wait} s",
                    headers={"Retry-After": str(wait)})


def _verify(state: ServerState, headers: Headers, client: str) -> ApiKey | None:
    """The presented key, or None when none is presented. Failed attempts are counted
    per client address and, past the limit, refused before the key is even looked at,
    so guessing keys costs the guesser time (issue #14: 300 guesses ran at 142/s)."""
    failures, caller = state.failures, f"ip:{client}"
    try:
        secret = _secret(headers)
    except ApiError:
        if failures is not None:
            failures.acquire(caller)
        raise
    if secret is None or state.keys is None:
        return None
    if failures is not None:
        wait = failures.acquire(caller, take=False)
        if wait > 0:
            raise _too_many(wait, "requests with invalid API keys from this address")
    key = state.keys.verify(secret)
    if key is None:
        if failures is not None:
            failures.acquire(caller)
        raise ApiError(401, wire.UNAUTHORIZED,
                       "the API key is unknown or has been revoked; ask the operator "
                       "for a new one (`engram keys create --app APP`)",
                       headers={"WWW-Authenticate": "Bearer"})
    return key


def identify(state: ServerState, headers: Headers, client: str, *,
             known_open: bool = False) -> Principal:
    """Authenticate, then rate-limit; raises ApiError 401/429. ``known_open``: the caller
    has just checked that anonymous requests are allowed (:meth:`ServerState.settled_open`)."""
    key = _verify(state, headers, client)
    if key is None and not known_open and state.auth_required():
        raise ApiError(401, wire.UNAUTHORIZED,
                       "this server requires an API key: send 'Authorization: Bearer <secret>' "
                       "or 'X-API-Key: <secret>' (create one with `engram keys create --app APP`; "
                       "a server whose keys were all revoked stays locked until restarted)",
                       headers={"WWW-Authenticate": "Bearer"})
    if state.limiter is not None:
        wait = state.limiter.acquire(f"key:{key.id}" if key else f"ip:{client}")
        if wait > 0:
            raise _too_many(wait, "this API key")
    return Principal(key)


class AuthMiddleware:
    """Authenticates ``/v1`` requests before FastAPI reads or parses the body.

    Why middleware and not only a dependency: FastAPI parses the JSON body
    before it runs dependencies, so an anonymous caller would learn about
    validation errors (and make the server read its body) before being told
    to authenticate.
    """

    def __init__(self, app: ASGIApp, state: ServerState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == "/v1" or path.startswith("/v1/")):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        headers = Headers(scope=scope)
        try:
            if _anonymous(headers) and self.state.settled_open():
                # Nothing to look up: decide here, not in a worker thread (one thread hop
                # per request was a large share of the event loop's time, issue #17).
                principal = identify(self.state, headers, client[0] if client else "?",
                                     known_open=True)
            else:
                principal = await anyio.to_thread.run_sync(
                    identify, self.state, headers, client[0] if client else "?")
        except ApiError as exc:
            await drain_body(receive)  # an unread body would turn the close into a reset
            await send_error(send, exc.status_code, exc.code, str(exc.detail),
                             dict(exc.headers or {}))
            return
        scope.setdefault("state", {})[PRINCIPAL] = principal
        await self.app(scope, receive, send)


async def current_memory(request: Request) -> Memory:
    """FastAPI dependency: the served :class:`Memory` (async: no thread hop)."""
    state: ServerState = request.app.state.engram
    return state.memory


def _anonymous(headers: Headers) -> bool:
    return "authorization" not in headers and "x-api-key" not in headers


async def authenticate(request: Request) -> Principal:
    """FastAPI dependency: the caller identified by :class:`AuthMiddleware`. Async (it
    runs on the event loop) so that it costs no thread hop; only a request that bypassed
    the middleware is identified here, in a worker thread."""
    principal = request.scope.get("state", {}).get(PRINCIPAL)  # where the middleware put it
    if isinstance(principal, Principal):
        return principal
    state: ServerState = request.app.state.engram
    return await anyio.to_thread.run_sync(
        identify, state, request.headers, request.client.host if request.client else "?")


__all__ = ["AuthMiddleware", "Principal", "RateLimiter", "ServerState", "authenticate", "current_memory",
           "identify"]
