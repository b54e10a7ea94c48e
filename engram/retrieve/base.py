"""What a retriever is given and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from engram.embed.base import Embedder
from engram.model import Filters, Scope
from engram.store.base import Store

if TYPE_CHECKING:
    from engram.retrieve.analysis import QueryAnalysis


@dataclass(frozen=True)
class Query:
    text: str
    scope: Scope
    filters: Filters
    limit: int
    now: datetime


@dataclass
class Ranked:
    """One retrieved id with its score (fused, then re-scored by later stages) and per-channel parts."""

    id: str
    score: float
    channels: dict[str, float] = field(default_factory=dict)


class Retriever(Protocol):
    """Channels and fusion: every candidate, best first (the pipeline cuts to ``limit``).
    ``analysis`` is the pipeline's query analysis, computed once per search. The first
    ``depth`` candidates never depend on the query's limit, so the pipeline's stages look
    at no more than those."""

    depth: int

    def retrieve(self, query: Query, store: Store, embedder: Embedder, *,
                 analysis: QueryAnalysis | None = None) -> list[Ranked]: ...
