"""Learned relevance: a logistic model re-scores the fused head with cues fusion cannot see.

Fusion adds calibrated channel scores with fixed weights, so a long assistant essay that is
close to the question in embedding space can outrank the short user turn that holds every
word the question asks about. This stage reads, for each of the head's hits, what fusion
knew (its fused score, rank and channel parts, relative to the head's best) and what only
the text tells (the share of the question's content words the round holds, in its opening
turn and in the rest, its length, how many head hits share its session), and returns

    p = σ(w · standardised features + b),

an estimate of the chance that the hit holds evidence for the question. That makes the
score a probability that compares across queries and across stores of any size.

The weights are fitted by ``benchmarks/train_ranker.py`` on the declared dev splits of
LoCoMo, BEAM and LongMemEval together (:mod:`engram.bench.splits`) and judged on their
test halves; the file :data:`MODEL_PATH` records the data, the command and the figures.
Only the head's order changes: the set of candidates is fusion's.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from engram.errors import ConfigError
from engram.model import MemoryItem
from engram.retrieve.analysis import PREFIX, QueryAnalysis, prefixes
from engram.retrieve.base import Ranked

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "ranker.json"
FEATURES = ("fused", "fused_rel", "rank", "lexical", "lexical_rel", "dense", "dense_rel",
            "both", "lexical_top", "dense_top", "time", "coverage", "coverage_opening", "coverage_rest", "you_rest",
            "length", "session_hits", "session_best", "gathers_new_session")
# The opening turn of a stored round ("user: ..." up to the next "name: " line).
_NEXT_SPEAKER = re.compile(r"\n[^\n:]{1,40}: ")
_YOU = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
# A question that gathers from several places ("how many ...", "in total"): a session's
# first hit may then matter more than a second hit of a session already seen.
_GATHERS = re.compile(r"\b(?:how many|how much|in total|total|all (?:the|of)|each|different|times)\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class RankerModel:
    """Standardisation and logistic weights over :data:`FEATURES`, with where they came from."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    bias: float
    features: tuple[str, ...] = FEATURES
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def depth(self) -> int:
        """How many fused hits it was fitted to reorder (the pipeline's head when it runs)."""
        return int(self.provenance.get("depth", 30))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({
            "features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
            "coef": self.coef.tolist(), "bias": self.bias, "provenance": self.provenance}, indent=1) + "\n")

    @classmethod
    def load(cls, path: Path, expected: tuple[str, ...] = FEATURES,
             trainer: str = "benchmarks/train_ranker.py",
             switch: str = "ENGRAM_LEARNED_RANKING=false") -> RankerModel:
        """The model in ``path``, which must be fitted for the ``expected`` features
        (another stage's logistic model passes its own, its trainer and its off switch)."""
        try:
            raw = json.loads(path.read_text())
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the model {path}: {exc}; reinstall engram or "
                              f"set {switch}") from None
        features = tuple(raw["features"])
        if features != expected:
            raise ConfigError(f"the model {path} was fitted for features {list(features)}, "
                              f"this engram computes {list(expected)}; refit it with "
                              f"{trainer} or set {switch}")
        return cls(mean=np.array(raw["mean"]), scale=np.array(raw["scale"]), coef=np.array(raw["coef"]),
                   bias=float(raw["bias"]), features=features, provenance=raw.get("provenance", {}))


@functools.lru_cache(maxsize=1)
def shipped() -> RankerModel:
    """The model fitted on the dev splits and shipped with the package."""
    return RankerModel.load(MODEL_PATH)


def model_for(retriever: str, model: RankerModel | None = None) -> RankerModel | None:
    """``model`` (the shipped ranking model by default) when it was fitted on ``retriever``'s
    fused heads, else None (its weights mean nothing for another retriever's scores)."""
    model = model or shipped()
    return model if model.provenance.get("retriever", "hybrid") == retriever else None


def _coverage(words: Sequence[str], text: str) -> float:
    if not words:
        return 0.0
    tokens = prefixes(text)
    return sum(1 for w in words if w[:PREFIX] in tokens) / len(words)


def features(head: Sequence[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis) -> np.ndarray:
    """One row of :data:`FEATURES` per hit of ``head`` (fused order, best first)."""
    if not head:
        return np.zeros((0, len(FEATURES)))
    top = max(head[0].score, 1e-9)
    best = {c: max((r.channels.get(c, 0.0) for r in head), default=0.0) for c in ("lexical", "dense")}
    sessions = [_session(items.get(r.id), r.id) for r in head]
    counts = Counter(sessions)
    seen: set[str] = set()
    words = analysis.words
    asks_you = 1.0 if _YOU.search(analysis.text) else 0.0
    gathers = 1.0 if _GATHERS.search(analysis.text) else 0.0
    rows = []
    for n, (r, session) in enumerate(zip(head, sessions, strict=True)):
        item = items.get(r.id)
        text = item.content if item is not None else ""
        split = _NEXT_SPEAKER.search(text)
        opening, rest = (text[:split.start()], text[split.start():]) if split else (text, "")
        lexical, dense = r.channels.get("lexical", 0.0), r.channels.get("dense", 0.0)
        rest_coverage = _coverage(words, rest)
        lexical_rel = lexical / best["lexical"] if best["lexical"] > 0 else 0.0
        dense_rel = dense / best["dense"] if best["dense"] > 0 else 0.0
        first_of_session = 0.0 if session in seen else 1.0
        rows.append([
            r.score, r.score / top, 1.0 / (1.0 + n), lexical, lexical_rel, dense, dense_rel,
            lexical_rel * dense_rel, float(lexical_rel >= 1.0), float(dense_rel >= 1.0),
            r.channels.get("time", 0.0),
            _coverage(words, text), _coverage(words, opening), rest_coverage, asks_you * rest_coverage,
            math.log1p(len(text.split())) / 8.0,
            counts[session] / len(head), first_of_session, gathers * first_of_session,
        ])
        seen.add(session)
    return np.array(rows, dtype=float)


def _session(item: MemoryItem | None, fallback: str) -> str:
    return (item.scope.session_id if item is not None else None) or fallback


def rescore(head: list[Ranked], items: Mapping[str, MemoryItem], analysis: QueryAnalysis,
            model: RankerModel) -> list[Ranked]:
    """The head re-scored by ``model`` and re-sorted; each hit keeps its fused score as
    ``channels["fused"]`` and shows ``channels["learned"]``."""
    if not head:
        return head
    probabilities = model.probabilities(features(head, items, analysis))
    for r, p in zip(head, probabilities, strict=True):
        r.channels = {**r.channels, "fused": r.score, "learned": float(p)}
        r.score = float(p)
    return sorted(head, key=lambda r: (-r.score, r.id))


__all__ = ["FEATURES", "MODEL_PATH", "RankerModel", "features", "model_for", "rescore", "shipped"]
