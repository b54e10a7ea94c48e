"""Ingest enrichers: steps that annotate new items before they are stored.

Each enricher is small and independent (keys, later guard and PII); the facade
runs them in order. Selection is by name through :data:`ENRICHERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from engram.config import Settings
from engram.ingest.keys import KeyExtractor
from engram.model import MemoryItem
from engram.registry import Registry

MAX_KEYS = 24


class Enricher(Protocol):
    def enrich(self, items: Sequence[MemoryItem]) -> list[MemoryItem]:
        """Return the items to store (annotated copies, or the same objects)."""
        ...


@dataclass
class KeyExpansion:
    """LongMemEval's key expansion: index each round under its text plus extracted
    keyphrases, user facts and normalized dates (``keys``) and entities (``entities``).
    Keys feed the lexical index; entities feed the entity graph."""

    keyphrases: Literal["fast", "yake", "auto"] = "fast"
    _extractor: KeyExtractor | None = field(default=None, init=False, repr=False)

    def enrich(self, items: Sequence[MemoryItem]) -> list[MemoryItem]:
        if self._extractor is None:
            self._extractor = KeyExtractor(self.keyphrases)
        out = []
        for item in items:
            found = self._extractor.extract(item.content, event_time=item.event_time)
            keys = list(dict.fromkeys([*item.keys, *found.facts, *found.keyphrases, *found.dates]))
            entities = list(dict.fromkeys([*item.entities, *found.entities]))
            out.append(item.model_copy(update={"keys": keys[:MAX_KEYS], "entities": entities[:MAX_KEYS]}))
        return out


def _guard(settings: Settings) -> Enricher:
    from engram.ingest.guard import PoisonGuard

    guard = PoisonGuard()
    guard.configure(settings)
    return guard


def _pii(settings: Settings) -> Enricher:
    from engram.ingest.pii import PIIRedactor

    redactor = PIIRedactor()
    redactor.configure(settings)  # mode, phone regions, and the vault's key file
    return redactor


# name -> factory(settings): every plug point hands a plugin its settings this one way
ENRICHERS: Registry[Callable[[Settings], Enricher]] = Registry("enricher", {
    "keys": lambda _settings: KeyExpansion(),
    "keys-yake": lambda _settings: KeyExpansion(keyphrases="yake"),
    # trust (docs/trust.md): modes, trusted sources and the vault come from Settings
    "guard": _guard,
    "pii": _pii,
})
