"""What a retriever is given and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from engram.embed.base import Embedder
from engram.model import Filters, Scope
from engram.store.base import Store


@dataclass(frozen=True)
class Query:
    text: str
    scope: Scope
    filters: Filters
    limit: int
    now: datetime


@dataclass
class Ranked:
    """One retrieved id with its fused score and per-channel contributions."""

    id: str
    score: float
    channels: dict[str, float] = field(default_factory=dict)


class Retriever(Protocol):
    def retrieve(self, query: Query, store: Store, embedder: Embedder) -> list[Ranked]: ...
