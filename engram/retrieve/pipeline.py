"""The ranking pipeline: the one place where a search is ranked.

Stages, in order:

1. **Query analysis** (:mod:`engram.retrieve.analysis`): content words, past or
   present, the period named.
   It also finds the query's facets (:mod:`engram.retrieve.facets`): the two events
   of "how many days between X and Y", the options of "which first, X or Y".
2. **Channels and fusion** (:class:`engram.retrieve.hybrid.HybridRetriever` or any
   :class:`~engram.retrieve.base.Retriever`): lexical, dense and time candidates,
   calibrated and fused, spread to session neighbours, with the session prior. Each
   facet is ranked too (with the whole query's time analysis), and a memory keeps its
   best score over the query and its facets, so each facet's best memory is near the top.
3. **Learned relevance** (opt-in, :mod:`engram.retrieve.learned`): a logistic model fitted on
   the dev splits re-scores the head from its fused scores and text cues (the share of
   the question's words a round holds, where, its length, its session), so the score is
   an estimated chance of holding evidence.
4. **Currency** (:mod:`engram.retrieve.currency`): the one "no longer current"
   signal, then current-state ordering of rival values; the rival gate
   (:mod:`engram.retrieve.rival_gate`, a logistic model fitted on the dev splits) decides
   which newer rival may move above the top one.
5. **Rerank** (optional, :mod:`engram.retrieve.rerank`).
6. **Retention** (optional): the MemoryBank forgetting curve supplied by
   :mod:`engram.lifecycle.decay`.

Packing under a token budget (:mod:`engram.retrieve.pack`) follows in the facade.
Stages 3-6 look at a fixed head of :data:`HEAD` hits (the learned model's depth when it
runs, more when reranking), never at ``limit``, so ``search(q, limit=k)`` is the first k of ``search(q, limit=100)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from engram.embed.base import Embedder
from engram.lifecycle import decay
from engram.model import MemoryItem, MemoryStatus
from engram.retrieve import currency, learned, rival_gate
from engram.retrieve.analysis import QueryAnalysis
from engram.retrieve.base import Query, Ranked, Retriever
from engram.retrieve.learned import RankerModel
from engram.retrieve.rerank import Reranker, rerank
from engram.store.base import Store

HEAD = 30


@dataclass
class RankingPipeline:
    """Runs the stages above for one search; cheap to build per call."""

    retriever: Retriever
    reranker: Reranker | None = None
    rerank_depth: int = 30
    retention_weight: float = 0.0
    retention_base_days: float = 30.0
    current_state: bool = True  # off for the single-channel baselines in benchmarks
    facets: bool = True  # likewise
    model: RankerModel | None = None  # the learned-relevance stage (off when None)
    head: int | None = None  # hits the stages after fusion reorder: the model's depth, else HEAD
    rival_gate: RankerModel | None = None  # which rivals the current-state stage may move (all when None)

    def candidates(self, query: Query, store: Store, embedder: Embedder, *,
                   explicit_statuses: bool = False) -> Candidates:
        """Stages 1-2: the fused head, the tail after it and the head's items."""
        analysis = QueryAnalysis.of(query.text, query.now)
        if analysis.past and not explicit_statuses:  # the past also lives in superseded facts
            statuses = list(dict.fromkeys([*query.filters.statuses, MemoryStatus.SUPERSEDED]))
            query = replace(query, filters=query.filters.model_copy(update={"statuses": statuses}))
        fused = self.retriever.retrieve(query, store, embedder, analysis=analysis)
        if self.facets and analysis.facets:
            fused = best_of([fused, *(self.retriever.retrieve(replace(query, text=facet), store,
                                                              embedder, analysis=analysis)
                                      for facet in analysis.facets)])
        head_size = self.head_size()
        items = _fetch(store, query, [r.id for r in fused[:head_size]])
        return Candidates(query, analysis, fused[:head_size], fused[head_size:], items)

    def head_size(self) -> int:
        """How many fused hits the later stages reorder: the learned model's depth (or
        :data:`HEAD`), the rerank depth if larger, never past the retriever's own depth."""
        head = self.head or (self.model.depth if self.model is not None else HEAD)
        return min(max(head, self.rerank_depth if self.reranker else 0), self.retriever.depth)

    def rank(self, query: Query, store: Store, embedder: Embedder, *,
             explicit_statuses: bool = False) -> tuple[list[Ranked], dict[str, MemoryItem]]:
        """The first ``query.limit`` hits and the items they name (fetched once)."""
        found = self.candidates(query, store, embedder, explicit_statuses=explicit_statuses)
        query, analysis, items = found.query, found.analysis, found.items
        head, tail = self.relevance_order(found)
        if self.current_state:
            admit = rival_gate.gated(self.rival_gate) if self.rival_gate is not None else None
            head = currency.current_state(head, items, analysis, admit)
        if self.reranker is not None:
            texts = {i: item.content for i, item in items.items()}
            head = rerank(head, texts, query.text, self.reranker, self.rerank_depth)
        if self.retention_weight:
            head = self._retain(head, items, analysis)
        ranked = (head + tail)[: query.limit]  # the head's order is final; the tail follows fused
        missing = [r.id for r in ranked if r.id not in items]
        if missing:
            items.update(_fetch(store, query, missing))
        return ranked, items

    def relevance_order(self, found: Candidates) -> tuple[list[Ranked], list[Ranked]]:
        """Stage 3 and the "no longer current" signal: the head in the order the
        current-state ordering starts from, and the tail after it."""
        head, tail, items, analysis = found.head, found.tail, found.items, found.analysis
        if self.model is not None and not (self.facets and analysis.facets):
            # a question with facets keeps fusion's best-of-facets order: the model reads
            # the whole question's words, and the wordier facet would crowd the other out
            head = learned.rescore(head, items, analysis, self.model)
            tail = _below(tail, head)
        head = currency.validity(head, items, analysis)
        head.sort(key=lambda r: (-r.score, r.id))
        return head, tail

    def _retain(self, head: list[Ranked], items: dict[str, MemoryItem],
                analysis: QueryAnalysis) -> list[Ranked]:
        for r in head:
            item = items.get(r.id)
            if item is None:
                continue
            factor = decay.retention_weight(item, analysis.now, self.retention_base_days,
                                            self.retention_weight)
            r.score *= factor
            r.channels = {**r.channels, "retention": factor}
        return sorted(head, key=lambda r: (-r.score, r.id))


@dataclass
class Candidates:
    """What stages 1-2 hand the rest: the (status-widened) query, its analysis, the fused
    head that the later stages reorder, the tail that follows it, and the head's items."""

    query: Query
    analysis: QueryAnalysis
    head: list[Ranked]
    tail: list[Ranked]
    items: dict[str, MemoryItem]


def _below(tail: list[Ranked], head: list[Ranked]) -> list[Ranked]:
    """The tail's scores capped at the head's lowest, so scores fall along the order."""
    floor = min((r.score for r in head), default=0.0)
    for r in tail:
        r.score = min(r.score, floor)
    return tail


def best_of(rankings: Sequence[list[Ranked]]) -> list[Ranked]:
    """One ranking from several of the same store: each memory at its best score (the
    fused scores are calibrated to 0-1, so they compare across queries)."""
    best: dict[str, Ranked] = {}
    for ranking in rankings:
        for r in ranking:
            if r.id not in best or r.score > best[r.id].score:
                best[r.id] = r
    return sorted(best.values(), key=lambda r: (-r.score, r.id))


def _fetch(store: Store, query: Query, ids: Sequence[str]) -> dict[str, MemoryItem]:
    return {i.id: i for i in store.get(query.scope, list(ids))} if ids else {}
