"""Conversation-aware steps around the channels: query focus and neighbour spread.

Both come from failure analysis on LoCoMo (benchmarks/results/locomo-*.md):

* **Focus.** A word found in most of a scope's memories, typically a speaker's own
  name ("What did *Caroline* research?" asked of a chat where every round starts
  with "Caroline:"), tells the rankers nothing about *which* memory is wanted, yet
  it dominates a small embedding model's query vector. Dropping such words before
  ranking lifts dense Recall@10 (measured by ``engram bench locomo``; figures in the
  results files, not here). It is BM25's IDF made per
  scope and applied to the dense query as well.
* **Spread.** In a dialogue, the turn that answers a question often sits next to
  the turn that matches its words (a question in one round, its answer at the
  start of the next). Each item therefore also scores ``spread`` × the score of its
  session neighbours (a max, not a sum, so a good hit is never diluted); compare the
  ``hybrid-plain`` (fusion alone) and ``hybrid`` rows of benchmarks/results/locomo-*.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from engram.ingest.keys import STOPWORDS
from engram.model import Filters, Scope
from engram.store.base import Neighbors, Store

FOCUS_MAX_SHARE = 0.3  # a word in more than this share of a scope's memories is dropped
FOCUS_SAMPLE = 200  # the share is measured on the scope's newest memories (bounded cost)
FOCUS_MIN_ITEMS = 20  # below this many memories, shares are too noisy to act on
_CANDIDATE = re.compile(r"\b([A-Z][\w-]*)(?:'s|’s)?")


def focus_text(text: str, scope: Scope, filters: Filters, store: Store, *,
               max_share: float = FOCUS_MAX_SHARE) -> str:
    """``text`` without the capitalised words (names) that occur in more than
    ``max_share`` of the scope's memories; unchanged if nothing would be left.

    The share is measured on the newest :data:`FOCUS_SAMPLE` memories, so the cost
    is one bounded read whatever the scope's size (an exact count over a 100k-item
    scope took over a second per query)."""
    candidates = [w for w in dict.fromkeys(m.group(1) for m in _CANDIDATE.finditer(text))
                  if w.lower() not in STOPWORDS]
    if not candidates:
        return text
    sample = store.recent_texts(scope, filters, limit=FOCUS_SAMPLE)
    if len(sample) < FOCUS_MIN_ITEMS:
        return text
    folded = [t.casefold() for t in sample]
    common = {word for word in candidates if _share(word, sample, folded) > max_share}
    if not common:
        return text
    kept = _CANDIDATE.sub(lambda m: "" if m.group(1) in common else m.group(0), text)
    kept = re.sub(r"\s+", " ", kept).strip()
    return kept if re.search(r"\w", kept) else text


def _share(word: str, texts: list[str], folded: list[str]) -> float:
    """The share of ``texts`` that contain ``word`` as a whole word (a case-folded
    substring test first: the regex then runs only on texts that hold the letters)."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    needle = word.casefold()
    return sum(1 for t, f in zip(texts, folded) if needle in f and pattern.search(t)) / len(texts)


def spread(scores: Mapping[str, float], neighbors: Mapping[str, Neighbors],
           weight: float) -> dict[str, float]:
    """max(own score, ``weight`` × each session neighbour's score), over the scored
    items and their neighbours (which may not have been scored at all)."""
    out = dict(scores)
    for item_id, score in scores.items():
        around = neighbors.get(item_id)
        if around is None:
            continue
        for other in (around.prev, around.next):
            if other is not None and weight * score > out.get(other, 0.0):
                out[other] = weight * score
    return out
