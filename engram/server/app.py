"""The REST API: a thin FastAPI adapter over :class:`engram.memory.Memory`.

No business logic lives here. Each request (1) is authenticated and
rate-limited (:class:`~engram.server.deps.AuthMiddleware`), (2) confines the scope to the
caller's API key, (3) calls one facade method, (4) returns the facade's own
pydantic model. Errors are mapped in :mod:`engram.server.errors`.

Handlers are plain ``def`` functions: FastAPI runs them in its thread pool,
which suits the blocking SQLite store and ONNX embedder (the store serializes
access with its own lock).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from engram.errors import ConfigError, ImportFormatError, InvalidInputError, MissingDependencyError

try:
    from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
    from fastapi.concurrency import run_in_threadpool
    from fastapi.responses import JSONResponse, StreamingResponse
    from fastapi_offline import FastAPIOffline
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise MissingDependencyError("the REST server", "server") from exc

from engram import __version__
from engram.memory import Memory
from engram.model import HistoryEntry, ImportReport, MemoryItem, Page, SearchResult, Stats
from engram.server import routes_more, wire
from engram.server.boundary import LOOPBACK_HOSTS, BoundaryMiddleware, StrictJSONRoute, strict_query
from engram.server.deps import (
    AuthMiddleware,
    Principal,
    RateLimiter,
    ServerState,
    authenticate,
    current_memory,
)
from engram.server.errors import GuardMiddleware, envelope, install_error_handlers
from engram.server.runtime import offload
from engram.server.schemas import (
    AddRequest,
    AddResponse,
    AdminScopeQuery,
    DeleteAllQuery,
    Deleted,
    DeleteQuery,
    ErrorBody,
    Health,
    ImportQuery,
    ListQuery,
    ScopeQuery,
    SearchRequest,
    UpdateRequest,
)
from engram.server.ui import mount_ui
from engram.store.keys import ApiKeys

NDJSON = "application/x-ndjson"
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text} for status, text in (
        (400, ("Invalid input (bad cursor, empty query, ...) or a Host header this server "
              "does not serve")),
        (401, "Missing, unknown or revoked API key"),
        (403, "Scope outside the API key's app_id/user_id, or a cross-origin request"),
        (404, "No such memory in this scope"),
        (409, "Version conflict or duplicate id"),
        (413, "Body or content too large"),
        (415, "A body that is not application/json (application/x-ndjson for imports)"),
        (422, "Malformed JSON, wrong types, unknown fields or misplaced parameters"),
        (429, "Rate limit exceeded (see Retry-After)"),
    )
}

Caller = Annotated[Principal, Depends(authenticate)]


Mem = Annotated[Memory, Depends(current_memory)]
router = APIRouter(prefix="/v1", dependencies=[Depends(authenticate), Depends(strict_query)],
                   responses=_ERRORS, route_class=StrictJSONRoute)


# -- writes ---------------------------------------------------------------------
@router.post("/memories", status_code=201, response_model=AddResponse, tags=["memories"])
@offload
def add_memories(body: AddRequest, who: Caller, mem: Mem) -> AddResponse:
    """Store ``content`` as one memory, or ``messages`` as one memory per conversation round."""
    items = mem.add(body.data(), **who.confine(body.scope_fields()), **body.options(),
                    actor=who.actor(body.actor))
    return AddResponse(items=items)


@router.patch("/memories/{memory_id}", response_model=MemoryItem, tags=["memories"])
@offload
def update_memory(memory_id: str, body: UpdateRequest, who: Caller, mem: Mem) -> MemoryItem:
    """Change a memory; the previous version stays in its history."""
    return mem.update(memory_id, **who.confine(body.scope_fields()), content=body.content,
                      metadata=body.metadata, tags=body.tags, importance=body.importance,
                      event_time=body.event_time, status=body.status, valid_to=body.valid_to,
                      expected_version=body.expected_version, actor=who.actor(body.actor))


@router.delete("/memories/{memory_id}", status_code=204, response_class=Response,
               tags=["memories"])
@offload
def delete_memory(memory_id: str, q: Annotated[DeleteQuery, Query()], who: Caller,
                  mem: Mem) -> Response:
    """Delete completely; the history keeps a content-free tombstone."""
    mem.delete(memory_id, **who.confine(q.scope_fields()), actor=who.actor(q.actor))
    return Response(status_code=204)


@router.delete("/memories", response_model=Deleted, tags=["memories"])
@offload
def delete_all(q: Annotated[DeleteAllQuery, Query()], who: Caller, mem: Mem) -> Deleted:
    """Delete every memory in the scope. Requires ``confirm=true``."""
    scope = who.confine(q.scope_fields())
    if not q.confirm:
        raise InvalidInputError("deleting every memory in a scope needs confirm=true; "
                                "check the scope first with GET /v1/stats")
    return Deleted(deleted=mem.delete_all(**scope, actor=who.actor(q.actor)))


# -- reads ----------------------------------------------------------------------
@router.post("/search", response_model=SearchResult, tags=["search"])
@offload
def search(body: SearchRequest, who: Caller, mem: Mem) -> SearchResult:
    """Hybrid search inside the scope, best first; ``token_budget`` also packs a context."""
    return mem.search(body.query, **who.confine(body.scope_fields()), filters=body.filters,
                      limit=body.limit, since=body.since, until=body.until, now=body.now,
                      token_budget=body.token_budget)


@router.get("/memories/{memory_id}", response_model=MemoryItem, tags=["memories"])
@offload
def get_memory(memory_id: str, q: Annotated[ScopeQuery, Query()], who: Caller,
               mem: Mem) -> MemoryItem:
    return mem.get(memory_id, **who.confine(q.scope_fields()))


@router.get("/memories", response_model=Page, tags=["memories"])
@offload
def list_memories(q: Annotated[ListQuery, Query()], who: Caller, mem: Mem) -> Page:
    """A page of memories, newest first; pass ``next_cursor`` back as ``cursor``."""
    return mem.list(**who.confine(q.scope_fields()), filters=q.filters(), limit=q.limit,
                    cursor=q.cursor, oldest_first=q.oldest_first)


@router.get("/memories/{memory_id}/history", response_model=list[HistoryEntry],
            tags=["memories"])
@offload
def history(memory_id: str, q: Annotated[ScopeQuery, Query()], who: Caller,
            mem: Mem) -> list[HistoryEntry]:
    """Every version of a memory, oldest first (tombstones included)."""
    return mem.history(memory_id, **who.confine(q.scope_fields()))


@router.get("/stats", response_model=Stats, tags=["admin"])
@offload
def stats(q: Annotated[AdminScopeQuery, Query()], who: Caller, mem: Mem) -> Stats:
    if q.all_scopes:
        _require_admin(who, "all_scopes stats")
        return mem.stats(all_scopes=True)
    result = mem.stats(**who.confine(q.scope_fields()))
    # The file size is shared by every tenant: don't reveal it to a scoped key.
    return result if who.admin else result.model_copy(update={"db_bytes": None})


# -- portability ------------------------------------------------------------------
@router.get("/export", tags=["portability"], response_class=StreamingResponse,
            responses={200: {"content": {NDJSON: {}}, "description": "JSONL export"}})
@offload
def export(q: Annotated[AdminScopeQuery, Query()], who: Caller, mem: Mem) -> StreamingResponse:
    """Stream the scope as JSON lines (a header, then ``{"item", "history"}`` per memory)."""
    if q.all_scopes:
        _require_admin(who, "an all_scopes export")
        lines = mem.export(all_scopes=True)
    else:
        lines = mem.export(**who.confine(q.scope_fields()))  # scope checked before streaming

    def body() -> Iterator[str]:
        for line in lines:
            yield line + "\n"

    return StreamingResponse(body(), media_type=NDJSON)


@router.post("/import", response_model=ImportReport, tags=["portability"],
             openapi_extra={"requestBody": {"required": True, "content": {NDJSON: {
                 "schema": {"type": "string"}}}}})
async def import_(request: Request, q: Annotated[ImportQuery, Query()],
                  who: Caller) -> ImportReport:
    """Restore an export (JSON lines body). All-or-nothing unless ``skip_bad=true``;
    memories already present are skipped. With an API key, every line must lie in its scope."""
    lines = _decode_lines(await request.body(), q.skip_bad)
    fields = {k: v for k, v in who.confine(q.scope_fields()).items() if v is not None}
    state: ServerState = request.app.state.engram
    return await run_in_threadpool(state.memory.import_, lines, scope=fields or None,
                                   skip_bad=q.skip_bad, actor=who.actor(q.actor),
                                   on_conflict=q.on_conflict)


def _decode_lines(raw: bytes, skip_bad: bool) -> list[str]:
    """Split the body into lines; a non-UTF-8 line fails the import unless ``skip_bad``."""
    lines: list[str] = []
    bad: list[tuple[int, str]] = []
    for number, chunk in enumerate(raw.split(b"\n"), 1):
        try:
            lines.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            bad.append((number, "not valid UTF-8"))
            lines.append("\x00")  # the import parser rejects (and counts) this line
    if bad and not skip_bad:
        shown = ", ".join(str(n) for n, _ in bad[:10])
        raise ImportFormatError(f"line(s) {shown} are not valid UTF-8, nothing was imported; "
                                "fix the file's encoding or pass skip_bad=true", bad_lines=bad)
    return lines


def _require_admin(who: Principal, what: str) -> None:
    routes_more.require_admin(who, f"{what} (drop all_scopes to use this key's scope)")


# -- the app ------------------------------------------------------------------------
def create_app(
    memory: Memory,
    *,
    keys: ApiKeys | None = None,
    require_auth: bool = False,
    rate_limit_per_minute: int | None = None,
    max_body_bytes: int = 2_000_000,
    allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS,
    cors_origins: Sequence[str] = (),
    auth_failures_per_minute: int | None = 10,
) -> FastAPI:
    """Build the ASGI app serving ``memory``.

    ``require_auth`` needs ``keys``; without it, a presented key is still
    honoured (and confines the request) but anonymous calls are allowed —
    which is why ``engram serve`` only runs keyless on loopback.
    ``allowed_hosts`` are the Host names served (None: any; the default suits a
    loopback bind, see :func:`~engram.server.boundary.hosts_for`); ``cors_origins``
    are the web origins allowed to call cross-origin; ``auth_failures_per_minute``
    bounds invalid-key attempts per client address.
    """
    if require_auth and keys is None:
        raise ConfigError("require_auth=True needs a key store; pass keys=KeyStore(path)")
    if max_body_bytes < 1:
        raise ConfigError("max_body_bytes must be positive")
    # FastAPIOffline: FastAPI whose /docs and /redoc load their assets from the package,
    # not a CDN (issue #15: /docs was blank offline).
    app = FastAPIOffline(
        title="Engram", version=__version__,
        description="Long-term memory for LLM agents. Every error is "
                    '`{"error": {"code", "message"}}`.')
    state = ServerState(
        memory=memory, keys=keys, require_auth=require_auth, max_body_bytes=max_body_bytes,
        limiter=RateLimiter(rate_limit_per_minute) if rate_limit_per_minute else None,
        failures=RateLimiter(auth_failures_per_minute) if auth_failures_per_minute else None)
    app.state.engram = state
    install_error_handlers(app)
    # Outermost last: Guard (size, 500s) > Boundary (Host, Origin, media type) > CORS > Auth.
    app.add_middleware(AuthMiddleware, state=state)      # inner: auth before the body is read
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST", "PATCH", "DELETE"],
                           allow_headers=["authorization", "x-api-key", "content-type"])
    app.add_middleware(BoundaryMiddleware, allowed_hosts=allowed_hosts, cors_origins=cors_origins)
    app.add_middleware(GuardMiddleware, max_body_bytes=max_body_bytes)
    app.include_router(router)
    app.include_router(routes_more.router, responses=_ERRORS)
    mount_ui(app)  # the web UI at /ui, served from package files (no build step)

    @app.get("/healthz", response_model=Health, tags=["health"])
    def healthz() -> Health:
        """Liveness: the process answers."""
        return Health(status="ok")

    @app.get("/readyz", response_model=Health, tags=["health"],
             responses={503: {"model": ErrorBody}})
    def readyz() -> Any:
        """Readiness: the store answers a query."""
        try:
            memory.store.embedding_model()
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
            return envelope(503, wire.UNAVAILABLE,
                            f"the store is not reachable ({type(exc).__name__}); check the "
                            "database file and the server log")
        return Health(status="ready")

    return app


__all__ = ["JSONResponse", "create_app"]
