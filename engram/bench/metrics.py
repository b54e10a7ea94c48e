"""Retrieval metrics for the memory benchmarks, as plain functions over ids.

LongMemEval reports Recall@k and NDCG@k at session and turn level; LoCoMo evaluations
count a question as hit when the top-k covers its evidence turns, with "any" and "all"
variants. Because the reader sees a token budget rather than a fixed k, we also report
recall at a budget (ConvoMem-style cost-aware evaluation).

A ranked entry may be one id or a collection of ids (a retrieved item that covers
several turns, e.g. a chunk or a summary); it covers every id it contains. A question
with no relevant ids gets ``None`` (not 0): aggregation leaves it out of that metric.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Literal

import numpy as np

RankedEntry = str | Collection[str]
RecallMode = Literal["any", "all", "fraction"]


def _ids(entry: RankedEntry) -> Collection[str]:
    return (entry,) if isinstance(entry, str) else entry


def _covered(ranked: Iterable[RankedEntry]) -> set[str]:
    out: set[str] = set()
    for entry in ranked:
        out.update(_ids(entry))
    return out


def _recall(found: set[str], relevant: Collection[str], mode: RecallMode) -> float | None:
    rel = set(relevant)
    if not rel:
        return None
    hit = len(rel & found)
    if mode == "any":
        return 1.0 if hit else 0.0
    if mode == "all":
        return 1.0 if hit == len(rel) else 0.0
    if mode == "fraction":
        return hit / len(rel)
    raise ValueError(f"unknown recall mode {mode!r}; use 'any', 'all' or 'fraction'")


def recall_at_k(ranked_ids: Sequence[RankedEntry], relevant: Collection[str], k: int,
                mode: RecallMode = "any") -> float | None:
    """1.0 when the top ``k`` cover any / all relevant ids (or the covered fraction)."""
    if k < 0:
        raise ValueError("k must be >= 0")
    return _recall(_covered(ranked_ids[:k]), relevant, mode)


def ndcg_at_k(ranked_ids: Sequence[RankedEntry], relevant: Collection[str], k: int) -> float | None:
    """Binary-relevance NDCG@k; an entry gains once per relevant id it newly covers."""
    rel = set(relevant)
    if not rel:
        return None
    seen: set[str] = set()
    dcg = 0.0
    for rank, entry in enumerate(ranked_ids[:k]):
        new = (set(_ids(entry)) & rel) - seen
        seen |= new
        dcg += len(new) / math.log2(rank + 2)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(rel), k)))
    return dcg / ideal if ideal > 0 else 0.0


def recall_at_budget(ranked_ids: Sequence[RankedEntry], relevant: Collection[str],
                     costs: Sequence[int], budget: int, mode: RecallMode = "any") -> float | None:
    """Recall over the entries a packer would keep: in rank order, skipping any entry
    whose token cost would overflow ``budget`` (mirrors ``retrieve.pack.pack_context``)."""
    if len(costs) != len(ranked_ids):
        raise ValueError("costs must give one token count per ranked entry")
    kept: list[RankedEntry] = []
    used = 0
    for entry, cost in zip(ranked_ids, costs):
        if used + cost <= budget:
            kept.append(entry)
            used += cost
    return _recall(_covered(kept), relevant, mode)


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default); None for no values."""
    if not values:
        return None
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def p50(values: Sequence[float]) -> float | None:
    return percentile(values, 50)


def p95(values: Sequence[float]) -> float | None:
    return percentile(values, 95)


def latency_summary(values_ms: Sequence[float]) -> dict[str, float | int | None]:
    """``{"n", "mean", "p50", "p95", "max"}`` of latencies in milliseconds."""
    if not values_ms:
        return {"n": 0, "mean": None, "p50": None, "p95": None, "max": None}
    return {"n": len(values_ms), "mean": float(np.mean(values_ms)), "p50": p50(values_ms),
            "p95": p95(values_ms), "max": float(max(values_ms))}


def aggregate(records: Sequence[Mapping[str, object]], metrics: Sequence[str] | None = None,
              group_key: str = "question_type") -> dict[str, dict[str, object]]:
    """Mean of each metric overall and per ``group_key``, as plain dicts.

    Each record is one question, e.g. ``{"question_type": "temporal", "recall@5": 1.0}``.
    A metric that is None (or missing) in a record is left out of that metric's mean, and
    ``n_<metric>`` says how many records were averaged; ``n`` counts all records.
    Returns ``{"overall": {...}, "by_type": {type: {...}}}`` with types sorted.
    """
    if metrics is None:
        names: dict[str, None] = {}
        for rec in records:
            for key, value in rec.items():
                if key != group_key and isinstance(value, (int, float)) and not isinstance(value, bool):
                    names.setdefault(key, None)
        metrics = list(names)
    groups: dict[str, list[Mapping[str, object]]] = {}
    for rec in records:
        groups.setdefault(str(rec.get(group_key, "unknown")), []).append(rec)
    return {
        "overall": _summarize(records, metrics),
        "by_type": {name: _summarize(groups[name], metrics) for name in sorted(groups)},
    }


def _summarize(records: Sequence[Mapping[str, object]], metrics: Sequence[str]) -> dict[str, object]:
    out: dict[str, object] = {"n": len(records)}
    for metric in metrics:
        values = [float(v) for rec in records
                  if isinstance(v := rec.get(metric), (int, float)) and not isinstance(v, bool)
                  and not math.isnan(float(v))]
        out[metric] = sum(values) / len(values) if values else None
        out[f"n_{metric}"] = len(values)
    return out
