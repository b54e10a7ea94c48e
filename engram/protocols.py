"""Small capability protocols for optional features of plug-ins.

A plug-in declares a capability by having the method; the code that uses it asks
``isinstance(obj, Capability)`` (these are ``runtime_checkable``) instead of probing
attributes by name, so the contract is written down and type-checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Closeable(Protocol):
    """Holds a resource (connection, pool, file) to release on ``close``."""

    def close(self) -> None: ...


@runtime_checkable
class Compactable(Protocol):
    """Keeps data in files or tables where deleted text can linger until compacted."""

    def compact(self) -> None:
        """Make past deletions physical (checkpoint, VACUUM, merge indexes)."""
        ...


@runtime_checkable
class Settleable(Protocol):
    """Can make a just-committed delete physical cheaply (WAL checkpoint, index merge)."""

    def settle(self) -> None: ...


@runtime_checkable
class ForgetsTexts(Protocol):
    """Caches something derived from texts (an embedding cache) that must be erasable."""

    def forget(self, texts: Sequence[str]) -> int:
        """Drop every entry derived from these texts; returns how many went."""
        ...


@runtime_checkable
class SecretVault(Protocol):
    """Keeps originals that redaction replaced by tokens (the PII vault)."""

    def reveal(self, memory_id: str, text: str) -> str:
        """``text`` with this memory's tokens replaced by their originals."""
        ...

    def forget(self, memory_ids: Sequence[str]) -> int:
        """Drop these memories' originals for good; returns how many rows went."""
        ...

    def compact(self) -> None: ...


@runtime_checkable
class ReadsStore(Protocol):
    """An enricher that reads the store it writes to (the guard's lessons)."""

    def bind_store(self, store: Any) -> None: ...


@runtime_checkable
class HasVault(Protocol):
    """An enricher that writes to a :class:`SecretVault` (``None`` when not in vault mode)."""

    vault: SecretVault | None


__all__ = ["Closeable", "Compactable", "ForgetsTexts", "HasVault", "ReadsStore", "SecretVault", "Settleable"]
