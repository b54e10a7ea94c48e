"""The write service: the one path by which a memory (or a new version of one) is stored.

The facade (:class:`engram.Memory`), the lifecycle (facts, summaries, procedures,
supersession) and imports all write through a :class:`Writer`, so every stored item is
validated, size-checked, enriched, versioned, embedded and recorded in history the
same way. The lifecycle depends on this service, never on the facade.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from engram.embed.base import Embedder
from engram.errors import ConflictError, ContentTooLargeError
from engram.ingest.pipeline import Enricher
from engram.model import HistoryEntry, MemoryItem
from engram.protocols import SecretVault
from engram.store.base import Link, SecretRow, Store
from engram.validation import validated
from engram.versioning import revise

log = logging.getLogger(__name__)
EMBED_BATCH = 64  # texts per embedder call: bounds peak memory on large imports


@dataclass
class Writer:
    """Stores new items and new versions; owns no policy beyond the write steps."""

    store: Store
    embedder: Embedder
    enrichers: list[Enricher]
    max_content_chars: int
    vault: SecretVault | None = None  # staged by the PII enricher, stored with the items

    # -- the steps ----------------------------------------------------------------
    def check_size(self, text: str) -> None:
        """Refuse text above ``max_content_chars`` (it would bloat every index)."""
        if len(text) > self.max_content_chars:
            raise ContentTooLargeError(
                f"content has {len(text):,} characters, above the limit of "
                f"{self.max_content_chars:,}; split it or raise ENGRAM_MAX_CONTENT_CHARS"
            )

    def item(self, **fields: Any) -> MemoryItem:
        """A validated, size-checked new item (bad fields raise InvalidInputError)."""
        content = fields.get("content")
        if isinstance(content, str):
            self.check_size(content)
        return validated(MemoryItem, **fields)

    def embed(self, texts: Sequence[str], *,
              progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Vectors for ``texts`` in batches of :data:`EMBED_BATCH`, one row per text;
        ``progress(done, total)`` after each batch.

        Texts are sorted by length first, so each batch (and the model's padding inside
        it) holds rounds of similar length; rows are written back in the callers' order."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        parts = []
        for start in range(0, len(order), EMBED_BATCH):
            rows = order[start:start + EMBED_BATCH]
            parts.append((rows, self.embedder.embed([texts[i] for i in rows])))
            if progress:
                progress(min(start + EMBED_BATCH, len(texts)), len(texts))
        if not parts:
            return np.empty((0, self.embedder.dim), np.float32)
        out = np.empty((len(texts), parts[0][1].shape[1]), np.float32)
        for rows, vectors in parts:
            out[rows] = vectors
        return out

    def enrich(self, items: Sequence[MemoryItem]) -> list[MemoryItem]:
        """Run the enrichers in order; vault rows they stage wait for :meth:`write`."""
        out = list(items)
        try:
            for enricher in self.enrichers:
                out = enricher.enrich(out)
        except BaseException:
            self._secrets(items)  # drop what was staged before the failure
            raise
        return out

    # -- entry points ---------------------------------------------------------------
    def add(self, items: Sequence[MemoryItem], *, actor: str | None,
            at: datetime | None = None) -> list[MemoryItem]:
        """Store new items: size check, enrich, a version-1 ``add`` history row each,
        embed, store. Returns the items as stored (enriched)."""
        for item in items:
            self.check_size(item.content)
        stored = self.enrich(items)
        history = [HistoryEntry(memory_id=i.id, version=1, op="add", actor=actor,
                                at=at or i.created_at, new=i.snapshot()) for i in stored]
        self.write(stored, history)
        return stored

    def write(self, items: Sequence[MemoryItem], history: Sequence[HistoryEntry], *,
              links: Sequence[Link] = (),
              progress: Callable[[int, int], None] | None = None) -> None:
        """Store already-built (and enriched) items with their history rows as given, and
        the links among them, in one store transaction (an import): size check, embed,
        store — no new history. The vault rows enrichment staged for these items are
        written in that same transaction, so a failed write leaves none behind."""
        secrets = self._secrets(items)  # taken first: a failure below must not leave them staged
        for item in items:
            self.check_size(item.content)
        self.store.add(items, self.embed([i.content for i in items], progress=progress), history,
                       model_id=self.embedder.model_id, links=links, secrets=secrets)

    def _secrets(self, items: Sequence[MemoryItem]) -> list[SecretRow]:
        return self.vault.take(i.id for i in items) if self.vault is not None else []

    def revise(self, current: MemoryItem, changes: dict[str, Any], *, actor: str | None,
               expected_version: int | None = None) -> MemoryItem:
        """Store the next version of ``current`` (see :func:`engram.versioning.revise`
        for the op recorded); every revision is re-enriched (so the guard sees tag- and
        metadata-only edits); new content is also size-checked and re-embedded.
        ``expected_version`` guards against a caller's stale copy (ConflictError)."""
        if expected_version is not None and expected_version != current.version:
            raise ConflictError(f"memory {current.id} is at version {current.version}, "
                                f"not {expected_version}; read it again and retry")
        content = changes.get("content")
        if isinstance(content, str):
            self.check_size(content)
        try:
            updated, entry = revise(current, changes, actor=actor, enrichers=self.enrichers)
            vector = self.embed([updated.content])[0] if "content" in changes else None
        finally:
            secrets = self._secrets([current])
        self.store.replace(updated, vector, entry, expected_version=current.version,
                           model_id=self.embedder.model_id, secrets=secrets)
        return updated


__all__ = ["EMBED_BATCH", "Writer"]
