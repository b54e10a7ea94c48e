"""Candidate channels for hybrid retrieval. Each returns (id, score) best-first;
scores are comparable only within a channel (fusion normalizes them).

A channel is a function ``(query, store, context) -> ScoredIds``; adding one
means adding a function and a name in :data:`CHANNELS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np

from engram.embed.base import Embedder
from engram.index.graph import EntityGraph
from engram.ingest.keys import normalize_entity, query_entities
from engram.model import Filters
from engram.retrieve.base import Query
from engram.retrieve.fusion import rrf
from engram.retrieve.timeparse import TimeQuery, parse_time_query
from engram.store.base import ScoredIds, Store

GRAPH_MAX_ITEMS = 5000  # above this, building the graph per query costs more than it returns
SEED_MAX_SHARE = 0.1  # seed entities mentioned in more than this share of items are dropped
# A memory's event_time is when something was *said*; people report events after
# they happen ("yesterday I went bowling"). The time channel therefore also accepts
# memories said shortly after the asked period: half its length, within these bounds.
REPORT_LAG_MIN = timedelta(days=3)
REPORT_LAG_MAX = timedelta(days=15)


@dataclass
class Context:
    """Per-query state shared by channels (the query vector is computed once)."""

    embedder: Embedder
    depth: int
    text: str  # the query as the rankers see it (after focus, see retrieve.context)
    lexical_text: str = ""  # its content words, for the lexical rankers (retrieve.analysis)
    lexical_context: bool = False  # rank rounds by their neighbours' words too (Store.lexical_search)
    _vector: np.ndarray | None = field(default=None, repr=False)
    _time: TimeQuery | None = field(default=None, repr=False)

    def vector(self) -> np.ndarray:
        if self._vector is None:
            self._vector = self.embedder.embed([self.text], role="query")[0]
        return self._vector

    def time(self, query: Query) -> TimeQuery:
        if self._time is None:
            self._time = parse_time_query(query.text, query.now)
        return self._time


Channel = Callable[[Query, Store, Context], ScoredIds]


def lexical(query: Query, store: Store, ctx: Context) -> ScoredIds:
    return store.lexical_search(query.scope, ctx.lexical_text or ctx.text, query.filters,
                                limit=ctx.depth, context=ctx.lexical_context)


def dense(query: Query, store: Store, ctx: Context) -> ScoredIds:
    return store.vector_search(query.scope, ctx.vector(), query.filters, limit=ctx.depth)


def graph(query: Query, store: Store, ctx: Context) -> ScoredIds:
    """HippoRAG: personalized PageRank from the query's entities over the scope's
    item–entity graph; reaches items that share no words with the query (multi-hop)."""
    seeds = query_entities(query.text)
    if not seeds:
        seeds = [normalize_entity(w) for w in query.text.split() if len(w) > 3]
    if not seeds or store.count(query.scope, query.filters) > GRAPH_MAX_ITEMS:
        return []
    items = store.list(query.scope, query.filters, limit=GRAPH_MAX_ITEMS)
    built = EntityGraph.build({i.id: i.entities for i in items if i.entities})
    if not len(built):
        return []
    # An entity in most memories (e.g. a speaker's own name) carries no signal:
    # seed only specific entities (HippoRAG's node specificity, made a cut-off).
    cutoff = max(3, SEED_MAX_SHARE * len(built))
    specific = [e for e in built.match_seeds(seeds) if 1 / built.specificity(e) <= cutoff]
    scores = built.personalized_pagerank(specific) if specific else {}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return ranked[: ctx.depth]


def time(query: Query, store: Store, ctx: Context) -> ScoredIds:
    """Time-aware retrieval (LongMemEval): when the query names a period, rank the
    memories said inside it, or up to :func:`report_lag` after it, by lexical+dense
    relevance."""
    parsed = ctx.time(query)
    if not parsed.ranges:
        return []
    start = min(r[0] for r in parsed.ranges)
    end = max(r[1] for r in parsed.ranges)
    end += report_lag(end - start)
    since = max(start, query.filters.since) if query.filters.since else start
    until = min(end, query.filters.until) if query.filters.until else end
    if since >= until:
        return []
    windowed = Filters(**{**query.filters.model_dump(), "since": since, "until": until})
    dense_ids = [i for i, _ in store.vector_search(query.scope, ctx.vector(), windowed,
                                                    limit=ctx.depth)]
    lexical_ids = [i for i, _ in store.lexical_search(query.scope, ctx.lexical_text or ctx.text,
                                                      windowed, limit=ctx.depth,
                                                      context=ctx.lexical_context)]
    return [(item_id, score) for item_id, score, _ in rrf({"dense": dense_ids, "lexical": lexical_ids})]


def report_lag(span: timedelta) -> timedelta:
    """How long after a period a memory may still be about it (LoCoMo: "on 16 March"
    is answered by a round said on 17 March, "yesterday I went bowling")."""
    return min(max(span / 2, REPORT_LAG_MIN), REPORT_LAG_MAX)


CHANNELS: dict[str, Channel] = {"lexical": lexical, "dense": dense, "graph": graph, "time": time}
