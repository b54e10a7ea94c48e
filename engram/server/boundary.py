"""Checks at the HTTP boundary, before any route runs: Host, Origin, body media type,
and strict query strings.

Why each one exists (issue #14, item 5): a keyless server on loopback is safe only
if a web page cannot drive it. DNS rebinding points a page's own host name at
127.0.0.1, so the Host header is checked against the names the server is bound to;
a cross-origin ``fetch`` carries an ``Origin`` header, refused unless allow-listed;
and a "simple" cross-origin request (``text/plain``, no preflight) is refused
because every body must be ``application/json`` (``application/x-ndjson`` for
imports). Strict queries (item 4): a parameter the route does not take, or a
scalar given twice, is a 422 instead of being silently ignored or last-wins; the
same holds for a key repeated inside a JSON body (:class:`StrictJSONRoute`).
"""

from __future__ import annotations

import ipaddress
import types
import typing
from collections.abc import Callable, Coroutine, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from engram.server import wire
from engram.server.errors import ApiError, drain_body, send_error
from engram.validation import loads_unique

LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
ANY_HOST = "*"
JSON = "application/json"
NDJSON = "application/x-ndjson"
BODYLESS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})
# Routes whose body is JSON lines; every other body must be a JSON document.
NDJSON_PATHS = frozenset({"/v1/import"})


def host_name(value: str) -> str:
    """``"[::1]:8080"`` -> ``"::1"``, ``"Example.com:80"`` -> ``"example.com"``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].partition("]")[0]
    if value.count(":") > 1:  # a bare IPv6 address without a port
        return value
    return value.partition(":")[0].rstrip(".")


def hosts_for(bind: str, extra: Iterable[str] = ()) -> tuple[str, ...] | None:
    """The Host names to accept for a server bound to ``bind``; None accepts any.

    Loopback binds accept the loopback names; a specific address accepts itself;
    a wildcard bind (``0.0.0.0``, ``::``) cannot know its public names, so it accepts
    any unless ``extra`` (``--allowed-host``) lists them.
    """
    names = [host_name(h) for h in extra]
    if ANY_HOST in names:
        return None
    bound = host_name(bind)
    try:
        address = ipaddress.ip_address(bound)
    except ValueError:
        address = None
    if bound == "localhost" or (address is not None and address.is_loopback):
        return tuple(dict.fromkeys([*LOOPBACK_HOSTS, bound, *names]))
    if address is not None and address.is_unspecified:
        return tuple(names) or None
    return tuple(dict.fromkeys([bound, *names]))


class BoundaryMiddleware:
    """Refuses foreign Host headers (400), cross-origin requests (403), bodies on
    GET/DELETE (422) and bodies that are not JSON (415), as raw ASGI."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Sequence[str] | None,
                 cors_origins: Sequence[str] = ()) -> None:
        self.app = app
        self.hosts = None if allowed_hosts is None else frozenset(host_name(h) for h in allowed_hosts)
        self.origins = frozenset(o.rstrip("/").lower() for o in cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self.check(scope["method"], scope.get("path", ""), Headers(scope=scope))
        if problem is not None:
            await drain_body(receive)  # closing on an unread body resets the connection
            await send_error(send, problem.status_code, problem.code, str(problem.detail))
            return
        await self.app(scope, receive, send)

    def check(self, method: str, path: str, headers: Headers) -> ApiError | None:
        host = headers.get("host", "")
        if self.hosts is not None and host_name(host) not in self.hosts:
            return ApiError(400, wire.HOST_NOT_ALLOWED,
                            "the Host header names a host this server does not serve; connect "
                            "with the address it listens on, or start it with --allowed-host NAME")
        origin = headers.get("origin")
        if origin is not None and not self._same_origin(origin, host) \
                and origin.rstrip("/").lower() not in self.origins:
            return ApiError(403, wire.ORIGIN_NOT_ALLOWED,
                            "cross-origin requests are refused; to call this server from a web "
                            "page on another origin, start it with --cors-origin ORIGIN")
        if not _has_body(headers):
            return None
        if method in BODYLESS:
            return ApiError(422, wire.INVALID_REQUEST,
                            f"{method} {path} takes no request body; pass the scope and options "
                            "as query parameters (for example ?user_id=alice)")
        media = headers.get("content-type", "").partition(";")[0].strip().lower()
        accepted = (NDJSON, JSON) if path in NDJSON_PATHS else (JSON,)
        if media not in accepted:
            return ApiError(415, wire.UNSUPPORTED_MEDIA_TYPE,
                            f"the request body must be sent as {' or '.join(accepted)} "
                            f"(Content-Type was {media or 'missing'})")
        return None

    @staticmethod
    def _same_origin(origin: str, host: str) -> bool:
        parts = urlsplit(origin.strip())
        return bool(parts.netloc) and parts.netloc.lower() == host.strip().lower()


def _has_body(headers: Headers) -> bool:
    length = headers.get("content-length")
    if length is not None:
        return length.strip() not in ("", "0")
    return "transfer-encoding" in headers


# -- strict JSON bodies -----------------------------------------------------------------
class StrictJSONRequest(Request):
    """A request whose JSON body refuses repeated keys; FastAPI turns the
    ``JSONDecodeError`` into its usual 422 ``json_invalid`` answer."""

    async def json(self) -> Any:
        return loads_unique(await self.body())  # FastAPI reads it once; body() is cached


class StrictJSONRoute(APIRoute):
    """The route class of every ``/v1`` router: parses bodies with :class:`StrictJSONRequest`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(StrictJSONRequest(request.scope, request.receive))

        return strict


# -- strict query strings -------------------------------------------------------------
def _is_multi(annotation: object) -> bool:
    """True for list-like annotations (``list[str] | None``), which may repeat."""
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset, Sequence):
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_multi(arg) for arg in typing.get_args(annotation))
    return False


def _query_names(dependant: Dependant) -> dict[str, bool]:
    """Every query parameter a route declares -> whether it may repeat."""
    names: dict[str, bool] = {}
    for param in dependant.query_params:
        annotation = param.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            for name, info in annotation.model_fields.items():
                names[info.alias or name] = _is_multi(info.annotation)
        else:
            names[param.alias] = _is_multi(annotation)
    for sub in dependant.dependencies:
        names.update(_query_names(sub))
    return names


_DECLARED: dict[int, dict[str, bool]] = {}  # by id(route): routes live as long as their app


def _declared(route: object) -> dict[str, bool]:
    found = _DECLARED.get(id(route))
    if found is None:
        found = _query_names(route.dependant) if isinstance(route, APIRoute) else {}
        _DECLARED[id(route)] = found
    return found


async def strict_query(request: Request) -> None:
    """Router dependency (async: it runs on the event loop, no thread hop): a query parameter the route does not declare, or a scalar one
    given twice, is a 422 — never silently ignored (``POST /v1/search?user_id=carol``
    used to search the whole app) and never last-wins."""
    route = request.scope.get("route")
    declared = _declared(route) if route is not None else {}
    params = request.query_params
    unknown = sorted({k for k in params if k not in declared})
    if unknown:
        where = ("in the JSON body" if request.method in ("POST", "PATCH", "PUT")
                 else "among the documented query parameters")
        raise ApiError(422, wire.INVALID_REQUEST,
                       f"unknown query parameter(s) {unknown} for {request.method} "
                       f"{request.url.path}; put them {where} (see /openapi.json)")
    repeated = sorted({k for k in params if not declared[k] and len(params.getlist(k)) > 1})
    if repeated:
        raise ApiError(422, wire.INVALID_REQUEST,
                       f"query parameter(s) {repeated} are given more than once; pass each once")


__all__ = ["LOOPBACK_HOSTS", "BoundaryMiddleware", "StrictJSONRoute", "host_name", "hosts_for",
           "strict_query"]
