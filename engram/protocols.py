"""Small capability protocols for optional features of plug-ins.

A plug-in declares a capability by having the method; the code that uses it asks
``isinstance(obj, Capability)`` (these are ``runtime_checkable``) instead of probing
attributes by name, so the contract is written down and type-checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from engram.store.base import SecretRow


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

    def forget(self, texts: Sequence[str], roles: Sequence[str] = ("passage", "query")) -> int:
        """Drop every entry derived from these texts (embedded in these roles); returns
        how many went."""
        ...


@runtime_checkable
class SecretVault(Protocol):
    """Keeps originals that redaction replaced by tokens (the PII vault). Its rows live
    in the store: they are written with their memory and deleted with it."""

    def take(self, memory_ids: Iterable[str]) -> list[SecretRow]:
        """The rows redaction staged for these memories, for the store write."""
        ...

    def reveal(self, memory_id: str, text: str) -> str:
        """``text`` with this memory's tokens replaced by their originals."""
        ...


@runtime_checkable
class ReadsStore(Protocol):
    """An enricher that needs the store it writes to (the guard's lessons read flagged
    memories; the PII vault keeps its rows there)."""

    def bind_store(self, store: Any) -> None: ...


@runtime_checkable
class UsesEmbedder(Protocol):
    """An enricher that compares vectors (the guard's consensus and lessons)."""

    def bind_embedder(self, embedder: Any) -> None: ...


@runtime_checkable
class LearnsVerdicts(Protocol):
    """An enricher that keeps confirmed verdicts as lessons (``Memory.guard_feedback``).
    Its ``lesson_store`` holds memory-derived data, so deletions reach it."""

    lesson_store: Any

    def learn(self, item: Any, verdict: str, actor: str | None = None) -> None: ...


@runtime_checkable
class HasVault(Protocol):
    """An enricher that writes to a :class:`SecretVault` (``None`` when not in vault mode)."""

    vault: SecretVault | None


__all__ = ["Closeable", "Compactable", "ForgetsTexts", "HasVault", "LearnsVerdicts", "ReadsStore",
           "SecretVault", "Settleable", "UsesEmbedder"]
