"""The state and helpers every group of :class:`~engram.memory.Memory`'s operations shares.

The facade is one class assembled from small mixins (memory_privacy, memory_portability)
so each module stays readable; they all inherit this base, which declares what
``Memory.__init__`` builds and the few lookups and checks they have in common.
"""

from __future__ import annotations

from typing import Any

from engram.config import Settings
from engram.embed.base import Embedder
from engram.errors import InvalidInputError, NotFoundError
from engram.ingest.pipeline import Enricher
from engram.model import Filters, MemoryItem, Scope
from engram.protocols import SecretVault
from engram.store import Store
from engram.validation import validated
from engram.write import Writer

MAX_LIMIT = 1000


class FacadeBase:
    """What the facade's mixins read; ``Memory.__init__`` sets every attribute."""

    settings: Settings
    writer: Writer  # the one write path, shared with the lifecycle and imports
    enrichers: list[Enricher]
    vault: SecretVault | None  # -- privacy hook: the PII vault --
    lessons: Any  # -- privacy hook: the guard's lessons --

    @property
    def store(self) -> Store:
        return self.writer.store

    @property
    def embedder(self) -> Embedder:
        return self.writer.embedder

    def _one(self, memory_id: str, scope: Scope) -> MemoryItem:
        found = self.store.get(scope, [memory_id])
        if not found:
            raise NotFoundError(f"no memory {memory_id!r} in scope {scope}; check the id and scope")
        return found[0]

    @staticmethod
    def _filters(filters: Filters | dict[str, Any] | None) -> Filters:
        if isinstance(filters, Filters):
            return filters
        return validated(Filters, **(filters or {}))

    @staticmethod
    def _limit(limit: int) -> int:
        if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise InvalidInputError(f"limit must be an integer from 1 to {MAX_LIMIT}")
        return limit


__all__ = ["MAX_LIMIT", "FacadeBase"]
