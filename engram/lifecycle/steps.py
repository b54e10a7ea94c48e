"""What every lifecycle step shares: the write service, the settings and the optional LLM.

:class:`~engram.lifecycle.engine.Lifecycle` is a :class:`Steps`; the step modules
(consolidation, links) take a :class:`Steps`, so they never import the engine that
calls them (no import cycle), and nothing here knows the facade.
"""

from __future__ import annotations

from typing import Any

from engram.config import Settings
from engram.embed.base import Embedder
from engram.llm import LLMClient
from engram.model import MemoryItem
from engram.store.base import Store
from engram.write import Writer

ACTOR = "engram:lifecycle"


class Steps:
    def __init__(self, writer: Writer, settings: Settings, llm: LLMClient | None) -> None:
        self.writer = writer
        self.settings = settings
        self.llm = llm

    @property
    def store(self) -> Store:
        return self.writer.store

    @property
    def embedder(self) -> Embedder:
        return self.writer.embedder

    def insert(self, items: list[MemoryItem], *, actor: str = ACTOR) -> list[MemoryItem]:
        """Store derived items (facts, summaries, procedures) as ``add`` would, minus
        the lifecycle hooks (derived items never trigger more derivation)."""
        return self.writer.add(items, actor=actor)

    def revise(self, item: MemoryItem, *, actor: str = ACTOR, **changes: Any) -> MemoryItem:
        """A new version of ``item`` (history keeps the old one, with the op its change
        implies). Unlike ``update`` it can change provenance and keys; a content change
        re-derives keys and the vector."""
        return self.writer.revise(item, changes, actor=actor)


__all__ = ["ACTOR", "Steps"]
