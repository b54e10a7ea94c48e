"""Hybrid retrieval: independent channels, fused without learned parameters.

Default fusion is a weighted sum of min-max normalized channel scores (a convex
combination, as in Bruch et al., 2023, "An analysis of fusion functions for
hybrid retrieval"), which keeps how *much* better the top BM25 hit is than the
rest; reciprocal-rank fusion (Cormack et al., 2009) is available as ``"rrf"``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from engram.embed.base import Embedder
from engram.errors import ConfigError
from engram.model import MemoryItem
from engram.retrieve.base import Query, Ranked
from engram.retrieve.channels import CHANNELS, Context
from engram.retrieve.context import focus_text, spread
from engram.retrieve.fusion import mmr, rrf
from engram.store.base import Neighbors, ScoredIds, Store

# Chosen on LoCoMo (benchmarks/results/locomo-*.md; a 5/5 split by conversation is in the
# README): BM25 is the strongest single channel with the bundled MiniLM model, dense
# adds recall on paraphrases (more once focus strips names), and time only fires when
# the query names a period. The entity-graph channel (HippoRAG PPR) measured no
# gain there at twice the latency, so it is opt-in ("hybrid-graph").
DEFAULT_WEIGHTS = {"lexical": 1.0, "dense": 0.8, "time": 0.5, "graph": 0.1}
DEFAULT_CHANNELS = ("lexical", "dense", "time")


def minmax(ranking: ScoredIds) -> dict[str, float]:
    """Scores scaled to [0, 1] within one channel; a single hit scores 1."""
    scores = [s for _, s in ranking]
    low, span = min(scores), max(scores) - min(scores)
    return {item_id: (score - low) / span if span > 0 else 1.0 for item_id, score in ranking}


def minmax_fuse(rankings: Mapping[str, ScoredIds], weights: Mapping[str, float],
                neighbors: Mapping[str, Neighbors] | None = None,
                spread_weight: float = 0.0) -> list[Ranked]:
    """Σ_c w_c · (s − min_c)/(max_c − min_c); a channel with one hit contributes w_c.
    With ``neighbors``, each channel's scores first spread to session neighbours
    (:func:`engram.retrieve.context.spread`)."""
    fused: dict[str, Ranked] = {}
    for channel, ranking in rankings.items():
        weight = weights.get(channel, 1.0)
        if not ranking or weight <= 0:
            continue
        scaled = minmax(ranking)
        if neighbors:
            scaled = spread(scaled, neighbors, spread_weight)
        for item_id, score in scaled.items():
            entry = fused.setdefault(item_id, Ranked(item_id, 0.0))
            entry.score += weight * score
            entry.channels[channel] = weight * score
    return sorted(fused.values(), key=lambda r: (-r.score, r.id))


@dataclass
class HybridRetriever:
    """Runs the enabled channels and fuses their rankings.

    ``channels=("lexical",)`` or ``("dense",)`` give the single-channel baselines
    (registered without focus and spread, so they stay plain BM25 / dense).
    ``focus`` drops scope-ubiquitous names from the query and ``spread_weight``
    lets a hit lift its session neighbours (:mod:`engram.retrieve.context`).
    ``recency_half_life_days`` and ``importance_weight`` optionally tilt the fused
    score (off by default: benchmarks ask about old events as often as new ones);
    ``mmr_lambda`` < 1 re-orders the top for diversity.
    """

    channels: tuple[str, ...] = DEFAULT_CHANNELS
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    fusion: Literal["minmax", "rrf"] = "minmax"
    depth: int = 50
    focus: bool = True
    spread_weight: float = 0.7
    recency_half_life_days: float | None = None
    importance_weight: float = 0.0
    mmr_lambda: float = 1.0

    def __post_init__(self) -> None:
        unknown = set(self.channels) - set(CHANNELS)
        if unknown:
            raise ConfigError(f"unknown retrieval channel(s) {sorted(unknown)}; "
                              f"choose from {sorted(CHANNELS)}")
        if self.fusion not in ("minmax", "rrf"):
            raise ConfigError(f"unknown fusion {self.fusion!r}; use 'minmax' or 'rrf'")

    def retrieve(self, query: Query, store: Store, embedder: Embedder) -> list[Ranked]:
        text = (focus_text(query.text, query.scope, query.filters, store)
                if self.focus else query.text)
        ctx = Context(embedder=embedder, depth=max(self.depth, query.limit), text=text)
        rankings = {name: CHANNELS[name](query, store, ctx) for name in self.channels}
        neighbors: dict[str, Neighbors] = {}
        if self.spread_weight > 0:
            found = {i for ranking in rankings.values() for i, _ in ranking}
            neighbors = store.neighbors(query.scope, sorted(found), query.filters)
        if self.fusion == "rrf":
            fused = [Ranked(i, s, parts) for i, s, parts in rrf(
                {name: [i for i, _ in ranking] for name, ranking in rankings.items()}, self.weights)]
            if neighbors:
                fused = _spread_ranked(fused, neighbors, self.spread_weight)
        else:
            fused = minmax_fuse(rankings, self.weights, neighbors, self.spread_weight)
        if self.recency_half_life_days or self.importance_weight:
            fused = self._reweight(fused, query, store)
        if self.mmr_lambda < 1.0 and fused:
            head = fused[: ctx.depth]
            vectors = store.vectors(query.scope, [r.id for r in head])
            order = mmr([r.id for r in head], vectors, ctx.vector(), self.mmr_lambda)
            by_id = {r.id: r for r in head}
            fused = [by_id[i] for i in order] + fused[ctx.depth:]
        return fused[: query.limit]

    def _reweight(self, fused: list[Ranked], query: Query, store: Store) -> list[Ranked]:
        items = {i.id: i for i in store.get(query.scope, [r.id for r in fused])}
        for ranked in fused:
            item = items.get(ranked.id)
            if item is not None:
                ranked.score *= self._weight(item, query)
        return sorted(fused, key=lambda r: (-r.score, r.id))

    def _weight(self, item: MemoryItem, query: Query) -> float:
        factor = 1.0 + self.importance_weight * (item.importance - 0.5)
        if self.recency_half_life_days and item.event_time:
            age_days = max((query.now - item.event_time).total_seconds() / 86400, 0.0)
            factor *= 0.5 + 0.5 * math.pow(0.5, age_days / self.recency_half_life_days)
        return factor


def _spread_ranked(fused: list[Ranked], neighbors: Mapping[str, Neighbors],
                   weight: float) -> list[Ranked]:
    by_id = {r.id: r for r in fused}
    spreaded = spread({r.id: r.score for r in fused}, neighbors, weight)
    out = [by_id.get(i) or Ranked(i, s, {"spread": s}) for i, s in spreaded.items()]
    for ranked in out:
        ranked.score = spreaded[ranked.id]
    return sorted(out, key=lambda r: (-r.score, r.id))


def make_retriever(spec: str) -> HybridRetriever:
    """A registered name (``hybrid``, ``hybrid-rrf``, ``hybrid-graph``, ``bm25``, ``dense``) or channels
    joined by ``+`` (e.g. ``lexical+dense``), which is how benchmarks run ablations."""
    if spec in RETRIEVERS:
        return RETRIEVERS[spec]()
    channels = tuple(spec.split("+"))
    if set(channels) <= set(CHANNELS):
        return HybridRetriever(channels=channels)
    raise ConfigError(f"unknown retriever {spec!r}; use one of {sorted(RETRIEVERS)} or channels "
                      f"joined by '+' from {sorted(CHANNELS)}")


_PLAIN: dict[str, Any] = {"focus": False, "spread_weight": 0.0}
RETRIEVERS: dict[str, Callable[[], HybridRetriever]] = {
    "hybrid": HybridRetriever,
    "hybrid-rrf": lambda: HybridRetriever(fusion="rrf"),
    "hybrid-graph": lambda: HybridRetriever(channels=(*DEFAULT_CHANNELS, "graph")),
    "bm25": lambda: HybridRetriever(channels=("lexical",), **_PLAIN),
    "dense": lambda: HybridRetriever(channels=("dense",), **_PLAIN),
    "hybrid-plain": lambda: HybridRetriever(**_PLAIN),  # ablation: fusion alone
}
