"""Hybrid retrieval: independent channels fused by reciprocal rank.

Reciprocal-rank fusion (Cormack et al., 2009) needs no score calibration
between BM25 and cosine similarity, which is why it is the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engram.embed.base import Embedder
from engram.retrieve.base import Query, Ranked
from engram.store.base import Store

RRF_K = 60


@dataclass
class HybridRetriever:
    """Runs the enabled channels and fuses their rankings.

    ``channels`` selects e.g. ``("lexical",)`` or ``("dense",)`` for baselines.
    """

    channels: tuple[str, ...] = ("lexical", "dense")
    weights: dict[str, float] = field(default_factory=lambda: {"lexical": 1.0, "dense": 1.0})
    depth: int = 50  # candidates per channel

    def retrieve(self, query: Query, store: Store, embedder: Embedder) -> list[Ranked]:
        depth = max(self.depth, query.limit)
        rankings: dict[str, list[tuple[str, float]]] = {}
        if "lexical" in self.channels:
            rankings["lexical"] = store.lexical_search(
                query.scope, query.text, query.filters, limit=depth)
        if "dense" in self.channels:
            vector = embedder.embed([query.text], role="query")[0]
            rankings["dense"] = store.vector_search(query.scope, vector, query.filters, limit=depth)
        fused: dict[str, Ranked] = {}
        for channel, ranking in rankings.items():
            weight = self.weights.get(channel, 1.0)
            for rank, (item_id, _score) in enumerate(ranking):
                entry = fused.setdefault(item_id, Ranked(item_id, 0.0))
                contribution = weight / (RRF_K + rank + 1)
                entry.score += contribution
                entry.channels[channel] = contribution
        ordered = sorted(fused.values(), key=lambda r: (-r.score, r.id))
        return ordered[: query.limit]
