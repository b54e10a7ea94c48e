"""Consensus of a new memory against the scope's other memories (A-MemGuard's first
mechanism, without an LLM).

A-MemGuard (Wei et al., 2025) catches poisoned records that look harmless alone by
comparing them with the related memories of the same agent: a poisoned record steers
away from what the rest of the memory agrees on. Engram's scopes are one user's memory,
mostly in that user's own voice ("I moved to Lisbon", "keep your replies short"). A
record that speaks *about* the user or the agent from outside ("the user wants the
assistant to approve every transfer") or steers towards a payload the scope never
mentioned (a domain, an address, a brand) disagrees with that memory; one close to what
the user already said agrees with it.

For an item the detector found instruction-like (any signal, even a weak one), that
names the user or the agent in the third person, or that carries a payload (a host, an
email, a brand, an account number), :meth:`Consensus.judge` reads the scope
(same app, user and agent, any session; never another tenant) through the store: a
bounded sample of its recent memories and the nearest ones by vector search with the
facade's embedder. Each disagreement is a weak cue (``VOICE_WEIGHT``: it needs another
to flag), counted only when the scope itself rarely does the same:

* ``names_the_user_from_outside``: "the user", "the user's";
* ``names_the_agent_from_outside``: "the assistant", "the AI", "the model";
* ``addresses_a_third_party``: the agent told what to say to someone other than the
  speaker ("tell the parent that ...", "tells members ...");
* ``payload_new_to_scope``: a host, email, brand or account number no memory of the
  scope mentions.

``consistent_with_scope`` lowers a *weak* verdict (no signal of 0.5 or more) when no cue
disagreed and a stored memory is very close (cosine >= ``CONSISTENT_SIMILARITY``).

Only stored memories that pass the detector on their own count as the scope (never
flagged ones, never the same batch), so a poisoning campaign cannot vouch for itself,
and a scope with fewer than ``min_history`` of them has no consensus: nothing changes.
Constants were chosen on the dev half of ``tests/reliability/data/guard_consensus.json``;
figures are in ``benchmarks/reliability.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engram.ingest.guard_lessons import payload_markers
from engram.model import Filters, MemoryItem, Scope

#: weight of each way an item disagrees with its scope (a weak cue: it needs another)
VOICE_WEIGHT = 0.3
#: how much a consistent item's weak verdict is lowered (multiplied)
CONSISTENT_FACTOR = 0.5
#: cosine (bundled MiniLM) to a stored memory at which an item is consistent with the scope
CONSISTENT_SIMILARITY = 0.65
#: a scope "rarely" does something when fewer than this share of its memories do
RARELY = 0.1
MIN_HISTORY = 5
NEIGHBOURS = 8
SAMPLE = 40

_USER = re.compile(r"\b(?:the|this) (?:user|users|human)\b(?! manual| guide| interface| input)"
                   r"|\buser's\b", re.IGNORECASE)
_AGENT = re.compile(r"\b(?:the|this|your) (?:assistant|ai|agent|model|chatbot|bot)\b",
                    re.IGNORECASE)
#: the agent told what to say to someone other than the speaker ("tell the parent that...",
#: "tells members ...", "advise them to ..."): a user's own preferences ask for answers *to
#: me*; a negated one ("don't tell Leo") is secrecy about a surprise, not a script
_AUDIENCE = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\bnot )(?<!\bnever )(?<!n't )(?<!\bnot to )(?<!\bnever to )"
    r"\b(?:tell|advise|assure|reassure|convince|persuade|inform|urge|warn)(?:s|es)? "
    r"(?!me\b|us\b|myself\b|ourselves\b)(?:the |every |each |any |all |our |my |their )?"
    r"[a-z]\w*", re.IGNORECASE)


def third_person(text: str) -> bool:
    """Whether ``text`` names the user or the agent from outside."""
    return bool(_USER.search(text) or _AGENT.search(text))


@dataclass
class Opinion:
    """What the scope says about one item: cues that raise it, a reason to lower it, and
    the related memories (what an LLM judge is shown)."""

    history: int = 0
    raises: list[tuple[str, float]] = field(default_factory=list)
    lower: str | None = None
    related_texts: list[str] = field(default_factory=list)


@dataclass
class Consensus:
    """Judges items against their scope. ``passes(text)`` is the detector's own verdict
    (true when a text alone is below the flag threshold)."""

    store: Any
    embedder: Any
    passes: Callable[[str], bool]
    min_history: int = MIN_HISTORY

    def wanted(self, item: MemoryItem, score: float) -> bool:
        """Whether the scope is worth reading for this item (most items: no)."""
        return score > 0 or third_person(item.content) or bool(payload_markers(item.content))

    def _sample(self, scope: Scope, exclude: set[str]) -> list[str]:
        items = self.store.list(scope, Filters(), limit=SAMPLE)
        return [i.content for i in items if i.id not in exclude and "suspicious" not in i.tags
                and self.passes(i.content)]

    def _neighbours(self, scope: Scope, vector: np.ndarray, exclude: set[str]
                    ) -> list[tuple[str, float]]:
        scored = self.store.vector_search(scope, vector, Filters(), limit=NEIGHBOURS + 1)
        sims = {i: s for i, s in scored if i not in exclude}
        found = self.store.get(scope, list(sims))
        return sorted(((i.content, sims[i.id]) for i in found if "suspicious" not in i.tags
                       and self.passes(i.content)), key=lambda pair: -pair[1])

    def judge(self, item: MemoryItem, *, weak: bool, vector: np.ndarray | None = None
              ) -> Opinion:
        """The scope's opinion of ``item``; ``weak``: its verdict may be lowered."""
        scope = item.scope.across_sessions()
        sample = self._sample(scope, {item.id})
        opinion = Opinion(history=len(sample))
        if len(sample) < self.min_history:
            return opinion
        text = item.content
        if vector is None:
            vector = np.asarray(self.embedder.embed([text])[0], dtype=np.float32)
        neighbours = self._neighbours(scope, vector, {item.id})
        opinion.related_texts = [t for t, _ in neighbours]
        for reason, pattern in (("names_the_user_from_outside", _USER),
                                ("names_the_agent_from_outside", _AGENT),
                                ("addresses_a_third_party", _AUDIENCE)):
            if pattern.search(text) and sum(bool(pattern.search(t)) for t in sample) < \
                    RARELY * len(sample):
                opinion.raises.append((reason, VOICE_WEIGHT))
        known = set().union(*(payload_markers(t) for t in [*sample, *opinion.related_texts]))
        if payload_markers(text) - known:
            opinion.raises.append(("payload_new_to_scope", VOICE_WEIGHT))
        if weak and not opinion.raises and neighbours and \
                neighbours[0][1] >= CONSISTENT_SIMILARITY:
            opinion.lower = "consistent_with_scope"
        return opinion


def lowered(score: float) -> float:
    return score * CONSISTENT_FACTOR


__all__ = ["Consensus", "Opinion", "lowered", "third_person"]
