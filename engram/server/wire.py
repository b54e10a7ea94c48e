"""The REST wire contract shared by the server and :mod:`engram.client`.

Every error body is ``{"error": {"code": str, "message": str}}``. ``code`` is
the :attr:`EngramError.code` of the facade error, or one of the HTTP-only codes
below; the client maps it back to the same exception class, so code written
against the embedded :class:`~engram.Memory` catches the same errors remotely.

This module imports neither FastAPI nor httpx, so the client works without the
``server`` extra.
"""

from __future__ import annotations

from typing import Any

from engram import errors as E

# HTTP-only codes (no facade equivalent).
INVALID_REQUEST = "invalid_request"      # 422: malformed JSON, wrong types, unknown fields
BODY_TOO_LARGE = "body_too_large"        # 413: request body above the server's limit
UNAUTHORIZED = "unauthorized"            # 401: missing, invalid or revoked API key
FORBIDDEN = "forbidden"                  # 403: request names a scope outside its key
RATE_LIMITED = "rate_limited"            # 429: too many requests for this key
METHOD_NOT_ALLOWED = "method_not_allowed"
UNAVAILABLE = "unavailable"              # 503: store not reachable
INTERNAL_ERROR = "internal_error"        # 500: a server bug; never caused by input

# Facade error code -> HTTP status. Subclasses not listed inherit their parent's.
STATUS_BY_CODE: dict[str, int] = {
    E.InvalidInputError.code: 400,
    E.ScopeError.code: 400,
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
        code = getattr(cls, "code", None)
        if isinstance(code, str) and code in STATUS_BY_CODE:
            return STATUS_BY_CODE[code]
    return 500


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


# -- errors that only exist over the network ------------------------------------
class RemoteError(E.EngramError):
    """The server failed (5xx) or sent something the client cannot understand."""

    code = INTERNAL_ERROR

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AuthenticationError(E.EngramError):
    """The API key is missing, unknown or revoked; pass a valid ``api_key``."""

    code = UNAUTHORIZED


class PermissionDeniedError(E.EngramError, PermissionError):
    """The request names an app_id/user_id outside the API key's scope."""

    code = FORBIDDEN


class RateLimitError(E.EngramError):
    """Too many requests for this key; wait ``retry_after`` seconds."""

    code = RATE_LIMITED

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServiceUnavailableError(E.StoreError):
    """The server is up but its store is not reachable."""

    code = UNAVAILABLE


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
        METHOD_NOT_ALLOWED: RemoteError,
    }
    if code in special:
        return special[code]
    for cls in [E.EngramError, *_all_subclasses(E.EngramError)]:
        if cls.__dict__.get("code") == code:
            return cls
    if status == 404:
        return E.NotFoundError
    if status == 409:
        return E.ConflictError
    if 400 <= status < 500:
        return E.InvalidInputError
    return RemoteError


__all__ = [
    "AuthenticationError", "PermissionDeniedError", "RateLimitError", "RemoteError",
    "ServiceUnavailableError", "error_body", "error_class", "status_for",
]
