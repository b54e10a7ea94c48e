"""Time-sortable identifiers (UUIDv7, RFC 9562).

UUIDv7 ids sort by creation time, so cursors and "newest first" listings need
no extra column, and they are unique across processes without coordination.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> str:
    """Return a new UUIDv7 string; monotonic within this process."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter >= 1 << 12:  # counter exhausted: borrow the next millisecond
                ms += 1
                _counter = 0
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last_ms = ms
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= (_counter & 0xFFF) << 64
        value |= 0b10 << 62
        value |= rand_b
    return str(uuid.UUID(int=value))


def id_time_ms(memory_id: str) -> int:
    """Milliseconds since the epoch encoded in a UUIDv7 string."""
    return uuid.UUID(memory_id).int >> 80


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ULID = re.compile(r"[0-7][0-9A-HJKMNP-TV-Z]{25}")


def is_valid_id(value: object) -> bool:
    """True for the ids Engram makes or accepts from outside: a canonical UUID string
    (lowercase, hyphenated, as :func:`new_id` writes them) or a ULID. Anything else ("",
    a path, an SQL fragment, 10 kB of text) is refused before it reaches a store."""
    if not isinstance(value, str):
        return False
    if len(value) == 36:
        try:
            return str(uuid.UUID(value)) == value
        except ValueError:
            return False
    return _ULID.fullmatch(value) is not None


def derived_id(original: str, namespace: str) -> str:
    """A UUIDv7 that keeps ``original``'s millisecond time (so listings stay in creation
    order) and takes its other bits from a hash of ``namespace`` and ``original``: the
    same pair always gives the same id, and different namespaces never share one."""
    ms = 0
    if _ULID.fullmatch(original):
        ms = sum(_CROCKFORD.index(ch) << 5 * (9 - n) for n, ch in enumerate(original[:10]))
    elif is_valid_id(original) and uuid.UUID(original).version == 7:
        ms = id_time_ms(original)
    digest = int.from_bytes(hashlib.sha256(f"{namespace}\x00{original}".encode()).digest()[:10], "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((digest >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= digest & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))
