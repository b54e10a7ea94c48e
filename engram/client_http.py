"""What the sync and async REST clients share: error and response decoding, headers.

Kept apart from :mod:`engram.client` so the two client classes stay readable; the
request side lives in :mod:`engram.server.wire`.
"""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import TypeAdapter, ValidationError

from engram import __version__
from engram.errors import EngramError
from engram.model import HistoryEntry, MemoryItem
from engram.operations import BY_NAME
from engram.server.wire import RateLimitError, RemoteError, error_class


def error_from(response: httpx.Response) -> EngramError:
    """The EngramError for an error response (the body is ``{"error": {...}}``)."""
    try:
        detail = response.json()["error"]
        code, message = str(detail["code"]), str(detail["message"])
    except (ValueError, KeyError, TypeError):
        code, message = "", f"HTTP {response.status_code} from {response.request.url}"
    cls = error_class(code, response.status_code)
    if cls is RateLimitError:
        retry = response.headers.get("retry-after")
        return RateLimitError(message, float(retry) if retry and retry.isdigit() else None)
    if cls is RemoteError:
        return RemoteError(message, response.status_code)
    try:
        return cls(message)
    except TypeError:  # an error class with a richer constructor
        exc = cls.__new__(cls)
        Exception.__init__(exc, message)
        return exc


def parse_response(model: Any, response: httpx.Response) -> Any:
    try:
        if model is None:
            return None
        if model == "items":
            return [MemoryItem.model_validate(i) for i in response.json()["items"]]
        if model == "history":
            return [HistoryEntry.model_validate(h) for h in response.json()]
        if model == "deleted":
            return int(response.json()["deleted"])
        return model.model_validate(response.json())
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise RemoteError(f"unexpected response from the server ({type(exc).__name__}); "
                          "is the client version compatible with the server?",
                          response.status_code) from None


def parse_op(name: str, response: httpx.Response) -> Any:
    """The return value of operation ``name`` (its type in the operation table)."""
    op = BY_NAME[name]
    if op.returns is type(None):
        return None
    try:
        data = response.json()
        if op.rest is not None and op.rest.wrap:
            data = data[op.rest.wrap]
        return TypeAdapter(op.returns).validate_python(data)
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise RemoteError(f"unexpected response from the server ({type(exc).__name__}); "
                          "is the client version compatible with the server?",
                          response.status_code) from None


def default_headers(api_key: str | None) -> dict[str, str]:
    headers = {"user-agent": f"engram-client/{__version__}"}
    if api_key:
        headers["authorization"] = f"Bearer {api_key}"
    return headers


def transport_error(base_url: str, exc: httpx.HTTPError) -> RemoteError:
    return RemoteError(f"cannot talk to the Engram server at {base_url} ({type(exc).__name__}: "
                       f"{exc}); check that it is running and the URL is right")


__all__ = ["default_headers", "error_from", "parse_op", "parse_response", "transport_error"]
