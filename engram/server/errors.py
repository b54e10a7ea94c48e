"""Turn every failure into ``{"error": {"code", "message"}}`` with the right status.

Three layers, because failures happen at three points of a request:

* :class:`GuardMiddleware` (pure ASGI, outermost of ours) refuses oversize
  bodies — by ``Content-Length`` before reading anything, and by counting the
  bytes actually streamed, for chunked uploads or lying headers — and turns
  any unhandled exception into a 500 envelope without logging its message
  (exception messages can quote memory content).
* Exception handlers map FastAPI's validation errors (422 ``invalid_request``),
  HTTP errors (404, 405, 401/403/429 raised as :class:`ApiError`) and
  :class:`~engram.errors.EngramError` subclasses (by their ``code``).
* Validation messages name the field and the problem, never the input value.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engram.errors import EngramError
from engram.server import wire

log = logging.getLogger("engram.server")
MAX_REPORTED = 5


class ApiError(StarletteHTTPException):
    """An HTTP error with an Engram error code.

    It subclasses Starlette's HTTPException on purpose: FastAPI re-raises
    HTTPExceptions raised while it reads the body (anything else becomes a
    generic 400), which is how a streamed oversize body still ends as a 413.
    """

    def __init__(self, status_code: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status_code, detail=message, headers=headers)
        self.code = code


def body_too_large(limit: int) -> ApiError:
    return ApiError(413, wire.BODY_TOO_LARGE,
                    f"the request body is larger than this server's limit of {limit:,} bytes; "
                    "send less per request (split imports or long texts), or start the server "
                    "with a larger --max-body-bytes")


def envelope(status: int, code: str, message: str,
             headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(wire.error_body(code, message), status_code=status, headers=headers)


def describe(errors: Sequence[Any]) -> str:
    """``field: problem`` for the first few errors — no input values echoed."""
    parts = []
    for err in list(errors)[:MAX_REPORTED]:
        loc = [str(p) for p in err.get("loc", ())]
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        where = ".".join(loc) or "body"
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if where == "body" and err.get("type") in ("model_attributes_type", "dict_type"):
            msg = "the body must be a JSON object (send Content-Type: application/json)"
        if err.get("type") == "json_invalid":
            detail = (err.get("ctx") or {}).get("error")
            msg = f"the body is not valid JSON ({detail})" if detail else "the body is not valid JSON"
            where = "body"
        parts.append(f"{where}: {msg}")
    more = len(errors) - MAX_REPORTED
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, (RequestValidationError, ValidationError)) else []
    return envelope(422, wire.INVALID_REQUEST,
                    f"invalid request: {describe(errors)}; see /openapi.json for the schema")


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if isinstance(exc, ApiError):
        return envelope(exc.status_code, exc.code, str(exc.detail), headers)
    status = exc.status_code
    if status == 404:
        return envelope(404, "not_found",
                        f"no endpoint {request.method} {request.url.path}; see /openapi.json")
    if status == 405:
        return envelope(405, wire.METHOD_NOT_ALLOWED,
                        f"{request.method} is not allowed on {request.url.path}", headers)
    if status == 413:
        return envelope(413, wire.BODY_TOO_LARGE, str(exc.detail))
    code = wire.INVALID_REQUEST if 400 <= status < 500 else wire.INTERNAL_ERROR
    return envelope(status, code, str(exc.detail), headers)


async def _engram(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EngramError)
    status = wire.status_for(exc)
    if status >= 500:
        log.error("%s (%s) while serving a request", type(exc).__name__, exc.code)
    return envelope(status, exc.code, str(exc))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(EngramError, _engram)


class GuardMiddleware:
    """Body-size limit and last-resort 500s, as raw ASGI so nothing is buffered."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared == -1:
            await send_error(send, 400, wire.INVALID_REQUEST,
                             "the Content-Length header is not a number; fix the client")
            return
        if declared is not None and declared > self.max_body_bytes:
            exc = body_too_large(self.max_body_bytes)
            await send_error(send, 413, exc.code, str(exc.detail))
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise body_too_large(self.max_body_bytes)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except ApiError as exc:
            if not started:
                await send_error(send, exc.status_code, exc.code, str(exc.detail))
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            # The traceback without the exception message: messages can quote content.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("unhandled %s on %s %s\n%s", type(exc).__name__, scope.get("method"),
                      scope.get("path"), frames)
            if not started:
                await send_error(send, 500, wire.INTERNAL_ERROR,
                                 "the server failed unexpectedly; this is a bug in Engram, "
                                 "please report it with the server log (it holds no content)")


def _content_length(scope: Scope) -> int | None:
    """The declared body length; None when absent, -1 when malformed."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else -1
    return None


async def drain_body(receive: Receive) -> None:
    """Read (and drop) the rest of the request body. A server that answers early and then
    closes the connection with body bytes still unread makes the kernel send a TCP RST,
    which can reach the client before the response does ("connection reset by peer")."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def send_error(send: Send, status: int, code: str, message: str,
                     headers: dict[str, str] | None = None) -> None:
    """Send an error envelope straight from ASGI middleware (before any route runs)."""
    body = json.dumps(wire.error_body(code, message)).encode()
    extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *extra]})
    await send({"type": "http.response.body", "body": body})


__all__ = [
    "ApiError", "GuardMiddleware", "body_too_large", "drain_body", "envelope", "install_error_handlers",
    "send_error",
]
