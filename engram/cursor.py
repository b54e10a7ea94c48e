"""Opaque, scope-bound pagination cursors.

A cursor names the last id seen and a digest of the scope it came from, so a
cursor cannot be replayed against another tenant's listing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid

from engram.errors import InvalidInputError
from engram.model import Scope


def _scope_digest(scope: Scope) -> str:
    return hashlib.sha256(scope.model_dump_json().encode()).hexdigest()[:16]


def encode_cursor(after_id: str, scope: Scope) -> str:
    raw = json.dumps({"a": after_id, "s": _scope_digest(scope)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, scope: Scope) -> str:
    """The id to continue after; InvalidInputError for anything not made by us."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        after = str(uuid.UUID(data["a"]))
        valid = data["s"] == _scope_digest(scope)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeError):
        valid = False
    if not valid:
        raise InvalidInputError(
            "invalid cursor; pass the next_cursor value from the previous page of the same listing")
    return after
