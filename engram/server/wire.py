"""The REST wire contract shared by the server and :mod:`engram.client`.

Every error body is ``{"error": {"code": str, "message": str}}``. ``code`` is
the :attr:`EngramError.code` of the facade error, or one of the HTTP-only codes
below; the client maps it back to the same exception class, so code written
against the embedded :class:`~engram.Memory` catches the same errors remotely.

It also builds requests from facade-style arguments, shared by the sync and async
clients. It imports neither FastAPI nor httpx, so the client works without the
``server`` extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import quote

from pydantic import BaseModel, ValidationError

from engram import errors as E
from engram.ingest.bulk import as_request
from engram.model import SCOPE_FIELDS, Filters, Message, Scope
from engram.operations import (
    BY_NAME,
    ActorArgs,
    AddArgs,
    AddBatch,
    AddRequest,
    AdminArgs,
    Conversation,
    ImportArgs,
    ListArgs,
    ScopeArgs,
    SearchArgs,
    UpdateArgs,
)

# HTTP-only codes (no facade equivalent).
INVALID_REQUEST = "invalid_request"      # 422: malformed JSON, wrong types, unknown fields
BODY_TOO_LARGE = "body_too_large"        # 413: request body above the server's limit
UNAUTHORIZED = "unauthorized"            # 401: missing, invalid or revoked API key
FORBIDDEN = "forbidden"                  # 403: request names a scope outside its key
RATE_LIMITED = "rate_limited"            # 429: too many requests for this key
METHOD_NOT_ALLOWED = "method_not_allowed"
HOST_NOT_ALLOWED = "host_not_allowed"    # 400: Host header is not a name the server serves
ORIGIN_NOT_ALLOWED = "origin_not_allowed"  # 403: cross-origin request without a CORS allow-list
UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"  # 415: a body that is not JSON / JSON lines
UNAVAILABLE = "unavailable"              # 503: store not reachable
INTERNAL_ERROR = "internal_error"        # 500: a server bug; never caused by input

# Facade error code -> HTTP status. Subclasses not listed inherit their parent's.
STATUS_BY_CODE: dict[str, int] = {
    E.InvalidInputError.code: 400,
    E.ImportFormatError.code: 400,
    E.ContentTooLargeError.code: 413,
    E.NotFoundError.code: 404,
    E.ConflictError.code: 409,
    E.StoreError.code: 503,
    E.EmbedderError.code: 503,
    E.ConfigError.code: 500,
}


def status_for(exc: E.EngramError) -> int:
    """The HTTP status for a facade error, walking up its class hierarchy."""
    for cls in type(exc).__mro__:
        if issubclass(cls, E.EngramError) and cls.code in STATUS_BY_CODE:
            return STATUS_BY_CODE[cls.code]
    return 500


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


# -- errors that only exist over the network: defined in engram.errors, named here too
RemoteError = E.RemoteError
AuthenticationError = E.AuthenticationError
PermissionDeniedError = E.PermissionDeniedError
RateLimitError = E.RateLimitError
ServiceUnavailableError = E.ServiceUnavailableError


def _all_subclasses(cls: type[E.EngramError]) -> list[type[E.EngramError]]:
    found: list[type[E.EngramError]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


def error_class(code: str, status: int) -> type[E.EngramError]:
    """The exception class for an error ``code`` (falling back on the status)."""
    special: dict[str, type[E.EngramError]] = {
        INVALID_REQUEST: E.InvalidInputError, BODY_TOO_LARGE: E.ContentTooLargeError,
        METHOD_NOT_ALLOWED: RemoteError, HOST_NOT_ALLOWED: E.InvalidInputError,
        ORIGIN_NOT_ALLOWED: PermissionDeniedError, UNSUPPORTED_MEDIA_TYPE: E.InvalidInputError,
    }
    if code in special:
        return special[code]
    candidates: list[type[E.EngramError]] = [E.EngramError, *_all_subclasses(E.EngramError)]
    for cls in candidates:
        if cls.__dict__.get("code") == code:
            return cls
    if status == 404:
        return E.NotFoundError
    if status == 409:
        return E.ConflictError
    if 400 <= status < 500:
        return E.InvalidInputError
    return RemoteError


# -- request building, shared by EngramClient and AsyncEngramClient ------------------
# The argument TypedDicts live in the operation table (one definition per operation).
@dataclass
class Call:
    """One HTTP request, built the same way for the sync and async clients."""

    method: str
    path: str
    params: list[tuple[str, str | int | float | bool | None]] = field(default_factory=list)
    json: Any = None
    content: bytes | None = None


def jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def scope_fields(args: Mapping[str, Any]) -> dict[str, str]:
    """Scope ids from ``scope=`` and/or ``user_id=``-style keywords (none is fine:
    a key-bound server fills them in)."""
    given = args.get("scope")
    fields: dict[str, Any] = dict(given.fields() if isinstance(given, Scope) else given or {})
    for name in SCOPE_FIELDS:
        value = args.get(name)
        if value is not None:
            if fields.get(name) not in (None, value):
                raise E.InvalidInputError(f"{name} is given twice with different values")
            fields[name] = value
    unknown = set(fields) - set(SCOPE_FIELDS)
    if unknown:
        raise E.InvalidInputError(f"unknown scope field(s) {sorted(unknown)}; use {SCOPE_FIELDS}")
    return {k: v for k, v in fields.items() if v is not None}


def body_of(args: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    body: dict[str, Any] = dict(scope_fields(args))
    for name in names:
        if args.get(name) is not None:
            value = args[name]
            body[name] = [jsonable(v) for v in value] if isinstance(value, (list, tuple)) \
                else jsonable(value)
    return body


def params_of(args: Mapping[str, Any],
              **extra: Any) -> list[tuple[str, str | int | float | bool | None]]:
    out: list[tuple[str, str | int | float | bool | None]] = list(scope_fields(args).items())
    for name, value in extra.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if v is None or v is False:
                continue
            out.append((name, "true" if v is True else str(jsonable(v))))
    return out


M = TypeVar("M", bound=BaseModel)


def _model(cls: type[M], value: Any) -> M:
    """Validate client-side what the facade would validate, with the facade's error type."""
    if isinstance(value, cls):
        return value
    try:
        return cls.model_validate(dict(value))
    except (ValidationError, TypeError, ValueError) as exc:
        raise E.InvalidInputError(f"invalid {cls.__name__.lower()}: {exc}") from None


def add_call(data: Conversation, args: AddArgs) -> Call:
    body = body_of(args, ["kind", "metadata", "tags", "event_time", "importance", "source", "actor"])
    if isinstance(data, str):
        body["content"] = data
    else:
        body["messages"] = [_model(Message, m).model_dump(mode="json", exclude_none=True)
                            for m in data]
    return Call("POST", "/v1/memories", json=body)


def add_many_call(requests: AddBatch) -> Call:
    """One batch request: each entry is the body ``add`` would send (the facade's
    AddRequest fields, or a dict of them, validated here as the facade would)."""
    bodies = []
    for raw in requests:
        request = raw if isinstance(raw, AddRequest) else as_request(raw)
        args = {f.name: getattr(request, f.name) for f in fields(request) if f.name != "data"}
        bodies.append(add_call(request.data, cast(AddArgs, args)).json)
    route = BY_NAME["add_many"].rest
    assert route is not None
    return Call(route.method, route.path, json={"requests": bodies})


def search_call(query: str, args: SearchArgs) -> Call:
    filters = _model(Filters, args.get("filters")) if args.get("filters") is not None else None
    body = body_of({**args, "filters": filters},
                 ["filters", "limit", "since", "until", "now", "token_budget"])
    return Call("POST", "/v1/search", json={"query": query, **body})


def filter_params(filters: Any) -> dict[str, Any]:
    """``filters`` spelled as a query string (repeated kind/status/tag, since, until)."""
    flt = _model(Filters, filters or {})
    if flt.metadata:
        raise E.InvalidInputError("metadata filters are not available on REST GET endpoints; "
                                  "use search(filters=...) or filter the results client-side")
    return {"kind": flt.kinds or None, "status": flt.statuses, "tag": flt.tags,
            "since": flt.since, "until": flt.until}


def list_call(args: ListArgs) -> Call:
    return Call("GET", "/v1/memories", params_of(
        args, limit=args.get("limit", 50), cursor=args.get("cursor"),
        oldest_first=args.get("oldest_first", False), **filter_params(args.get("filters"))))


def route_call(name: str, args: Mapping[str, Any], *, memory_id: str | None = None,
               **fields: Any) -> Call:
    """The request for operation ``name`` of the table: scope and ``fields`` go in the query
    string of a GET/DELETE and in the JSON body otherwise."""
    route = BY_NAME[name].rest
    assert route is not None, name
    path = route.path.replace("{memory_id}", quote_id(memory_id)) if memory_id is not None \
        else route.path
    if route.method in ("GET", "DELETE"):
        return Call(route.method, path, params_of(args, **fields))
    return Call(route.method, path, json=body_of({**args, **fields}, list(fields)))


def update_call(memory_id: str, args: UpdateArgs) -> Call:
    body = body_of(args, ["content", "metadata", "tags", "importance", "event_time", "status",
                        "valid_to", "actor", "expected_version"])
    return Call("PATCH", f"/v1/memories/{quote_id(memory_id)}", json=body)


def more_calls(name: str, *positional: Any, **args: Any) -> Call:
    """Requests for the operations beyond CRUD, search and portability."""
    if name == "count":
        return route_call(name, args, **filter_params(args.get("filters")))
    if name == "forget":
        return Call("POST", "/v1/forget", json={"user_id": positional[0], **{
            k: v for k, v in args.items() if v is not None}})
    if name in ("reveal", "related"):
        return route_call(name, args, memory_id=positional[0])
    if name == "audit":
        return route_call(name, args, since=args.get("since"), limit=args.get("limit"))
    if name == "archive_stale":
        return route_call(name, args, **{k: v for k, v in args.items()
                                         if k not in ("scope", "user_id", "agent_id", "app_id")})
    if name == "guard_feedback":
        memory_id, verdict = positional
        return route_call(name, args, memory_id=memory_id, verdict=verdict, actor=args.get("actor"))
    if name == "add_procedure":
        task, steps = positional
        return route_call(name, args, task=task, steps=list(steps), outcome=args.get("outcome"),
                          success=args.get("success"), actor=args.get("actor"))
    return route_call(name, args)  # consolidate, purge


def import_body(lines: Iterable[str] | str | Path) -> bytes:
    """Like :meth:`Memory.import_`: a str or Path is a file name, else an iterable of lines."""
    if isinstance(lines, (str, Path)):
        try:
            return Path(lines).read_bytes()
        except OSError as exc:
            raise E.InvalidInputError(f"cannot read {lines}: {exc.strerror or exc}") from None
    return "\n".join(line.rstrip("\n") for line in lines).encode("utf-8")


def import_call(lines: Iterable[str] | str | Path, args: Mapping[str, Any]) -> Call:
    """``POST /v1/import`` for :meth:`Memory.import_`'s arguments (``progress`` stays local)."""
    return Call("POST", "/v1/import", params_of(args, skip_bad=args.get("skip_bad", False),
                                               actor=args.get("actor"),
                                               on_conflict=args.get("on_conflict")),
                content=import_body(lines))


def quote_id(memory_id: str) -> str:
    if not isinstance(memory_id, str) or not memory_id:
        raise E.InvalidInputError("memory_id must be a non-empty string")
    return quote(memory_id, safe="")


__all__ = [
    "ActorArgs",
    "AddArgs",
    "AdminArgs",
    "AuthenticationError",
    "Call",
    "Conversation",
    "ImportArgs",
    "ListArgs",
    "PermissionDeniedError",
    "RateLimitError",
    "RemoteError",
    "ScopeArgs",
    "SearchArgs",
    "ServiceUnavailableError",
    "UpdateArgs",
    "add_call",
    "add_many_call",
    "body_of",
    "error_body",
    "error_class",
    "filter_params",
    "import_body",
    "import_call",
    "list_call",
    "more_calls",
    "params_of",
    "quote_id",
    "route_call",
    "scope_fields",
    "search_call",
    "status_for",
    "update_call",
]
