"""Input validation shared by the facade and its adapters: scopes, models, times.

Pydantic errors become :class:`InvalidInputError` with a short, readable message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from pydantic import ValidationError

from engram.errors import InvalidInputError
from engram.model import MAX_ID_CHARS, Scope, as_utc, check_text

T = TypeVar("T")

ScopeLike = Scope | dict[str, Any] | None


def resolve_scope(scope: ScopeLike = None, **ids: str | None) -> Scope:
    """Build a scope from a Scope, a dict, and/or ``user_id=``-style keywords."""
    try:
        base = scope if isinstance(scope, Scope) else Scope.model_construct()
        fields = dict(base.fields()) if isinstance(scope, Scope) else dict(scope or {})
        for name, value in ids.items():
            if value is not None:
                if fields.get(name) not in (None, value):
                    raise InvalidInputError(f"{name} is given twice with different values")
                fields[name] = value
        return Scope(**fields)
    except ValidationError as exc:
        raise InvalidInputError(explain(exc)) from None


def explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "input"
        parts.append(f"{where}: {err['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)


def validated(factory: Callable[..., T], **fields: Any) -> T:
    try:
        return factory(**fields)
    except ValidationError as exc:
        raise InvalidInputError(explain(exc)) from None


def check_actor(actor: object) -> str | None:
    """The ``actor`` a write records in history: None or a short clean string (it is
    stored on every history row, so 100 kB of it is an input error, not a row)."""
    if actor is None:
        return None
    if not isinstance(actor, str) or len(actor) > MAX_ID_CHARS:
        raise InvalidInputError(f"actor must be a string of at most {MAX_ID_CHARS} characters "
                                "(who made the change, e.g. 'cli' or 'agent:planner')")
    try:
        return check_text(actor, "actor")
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from None


def utc_time(value: Any, what: str) -> datetime:
    """A caller-supplied time as aware UTC; anything else is an InvalidInputError."""
    if not isinstance(value, datetime):
        raise InvalidInputError(f"{what} must be a datetime, not {type(value).__name__}")
    try:
        return as_utc(value)
    except ValueError as exc:
        raise InvalidInputError(f"{what}: {exc}") from None


class RepeatedKeyError(ValueError):
    """A JSON object names the same key twice (``json`` keeps the last one silently)."""


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        shown = key if len(key) <= 40 else key[:40] + "..."
        raise RepeatedKeyError(f"the key {shown!r} appears twice in one object; give each key once")
    return data


def loads_unique(text: str | bytes) -> Any:
    """``json.loads`` that refuses a repeated key at any depth, as a ``JSONDecodeError``.

    Why: ``{"user_id": "a", "user_id": "b"}`` is last-wins in ``json``, so a proxy or
    a check that reads the first value and Engram, which would use the second, could
    disagree about the scope (issue #14, item 4).
    """
    try:
        return json.loads(text, object_pairs_hook=_unique_pairs)
    except RepeatedKeyError as exc:
        raise json.JSONDecodeError(str(exc), text if isinstance(text, str) else "", 0) from None
