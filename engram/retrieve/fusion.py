"""Rank fusion and diversification for hybrid retrieval.

* :func:`rrf` — Reciprocal Rank Fusion (Cormack, Clarke & Büttcher, SIGIR 2009): combines
  channels (lexical, dense, entity graph, time) by rank, not score, so channels whose
  scores live on different scales need no calibration. ``k = 60`` is the paper's constant.
  Per-channel weights let a query analysis (e.g. a temporal question) lean on a channel.
* :func:`mmr` — Maximal Marginal Relevance (Carbonell & Goldstein, SIGIR 1998): long chat
  histories repeat themselves, and ConvoMem/LongMemEval-style budgets reward covering
  distinct evidence over near-duplicate turns.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import numpy as np

logger = logging.getLogger(__name__)

Fused = tuple[str, float, dict[str, float]]


def rrf(rankings: Mapping[str, Sequence[str]], weights: Mapping[str, float] | None = None,
        k: int = 60) -> list[Fused]:
    """Fuse ranked id lists: score(d) = Σ_c w_c / (k + rank_c(d)), ranks from 1.

    Returns ``(id, fused score, {channel: contribution})`` sorted by score, ties broken by
    the best single rank and then by id (deterministic). A duplicate id within one
    channel counts once, at its best rank. Channels with weight ≤ 0 are ignored.
    """
    if k < 0:
        raise ValueError("rrf k must be >= 0; the paper's default is 60")
    scores: dict[str, float] = {}
    parts: dict[str, dict[str, float]] = {}
    best: dict[str, int] = {}
    for channel, ids in rankings.items():
        weight = 1.0 if weights is None else float(weights.get(channel, 1.0))
        if weight <= 0:
            continue
        seen: set[str] = set()
        for rank, item_id in enumerate(ids, start=1):
            if item_id in seen:
                continue
            seen.add(item_id)
            contribution = weight / (k + rank)
            scores[item_id] = scores.get(item_id, 0.0) + contribution
            parts.setdefault(item_id, {})[channel] = contribution
            best[item_id] = min(best.get(item_id, rank), rank)
    order = sorted(scores, key=lambda i: (-scores[i], best[i], i))
    return [(i, scores[i], parts[i]) for i in order]


def mmr(ids: Sequence[str], vectors_by_id: Mapping[str, Sequence[float] | np.ndarray],
        query_vec: Sequence[float] | np.ndarray, lambda_: float = 0.7,
        limit: int | None = None) -> list[str]:
    """Re-order ``ids`` greedily by λ·sim(q, d) − (1−λ)·max sim(d, chosen) (cosine).

    Ids without a vector keep their relative order and are appended after the
    diversified ones (they cannot be compared). ``lambda_ = 1`` is pure relevance.
    """
    if not 0.0 <= lambda_ <= 1.0:
        raise ValueError("mmr lambda_ must be between 0 and 1")
    limit = len(ids) if limit is None else max(0, limit)
    unique = list(dict.fromkeys(ids))
    with_vec = [i for i in unique if i in vectors_by_id]
    without = [i for i in unique if i not in vectors_by_id]
    if not with_vec:
        return without[:limit]
    mat = _unit(np.asarray([np.asarray(vectors_by_id[i], dtype=np.float64) for i in with_vec]))
    query = _unit(np.asarray(query_vec, dtype=np.float64).reshape(1, -1))[0]
    relevance = mat @ query
    chosen: list[int] = []
    max_sim = np.full(len(with_vec), -np.inf)
    remaining = np.ones(len(with_vec), dtype=bool)
    while remaining.any() and len(chosen) < limit:
        penalty = np.where(np.isfinite(max_sim), max_sim, 0.0)
        score = lambda_ * relevance - (1.0 - lambda_) * penalty
        score[~remaining] = -np.inf
        pick = int(np.argmax(score))
        chosen.append(pick)
        remaining[pick] = False
        max_sim = np.maximum(max_sim, mat @ mat[pick])
    result = [with_vec[i] for i in chosen]
    return (result + without)[:limit]


def _unit(mat: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    out: np.ndarray = np.divide(mat, norms, out=np.zeros_like(mat), where=norms > 0)
    return out
