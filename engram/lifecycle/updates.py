"""Knowledge updates: decide what a new fact does to the stored ones.

mem0 (Chhikara et al., 2025) asks an LLM to choose ADD / UPDATE / DELETE / NOOP for
every new fact and *overwrites* or *deletes* the loser. Engram keeps the operations but
makes them bi-temporal like Zep/Graphiti (Rasmussen et al., 2025): the replaced fact is
never destroyed, it gets ``valid_to`` and status ``superseded`` through the facade's
:meth:`~engram.Memory.update`, so its history records the change, it stops ranking for
questions about the present, and it stays findable for questions about the past.

The heuristic decider (default) works on the fact's slot ``(subject, attribute)``:

* single-valued slots (``cardinality="one"``: location, employer, diet, favorite_*):
  a different value UPDATEs (supersedes) the current one; the same value is a NOOP that
  reinforces it; a *more specific* value ("New York" → "New York City") also updates;
* multi-valued slots (likes, plans, events): the same value is a NOOP, anything else ADDs;
* negations ("I don't eat sushi anymore") DELETE (supersede) the matching value; a
  closing without a value ("I quit", "we broke up", "I moved out", "sold it") DELETEs
  the slot's current value (the most recent one of a multi-valued slot);
* a fact whose statement is near-identical to a stored one (cosine ≥
  ``duplicate_similarity`` *and* word overlap ≥ 0.5) is a duplicate (NOOP) - across
  slots only when the values agree (different LLM attribute names for one thing).

With an LLM configured, the ``decide_update`` prompt chooses among the same candidates;
a malformed or impossible reply (unknown target) falls back to the heuristic decision.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from engram.ingest.extract import Fact, norm_value
from engram.llm import LLMClient, LLMError, render
from engram.model import MemoryItem

logger = logging.getLogger(__name__)

Op = Literal["ADD", "UPDATE", "DELETE", "NOOP"]
MIN_OVERLAP = 0.5
MAX_TARGETS = 20  # one decision retires at most this many facts
PRONOUNS = frozenset({"it", "them", "that", "this", "one"})


@dataclass
class Decision:
    """What to do with a new fact. ``targets`` are stored fact ids: superseded for
    UPDATE/DELETE, reinforced for NOOP. UPDATE and DELETE also store the new fact
    (a negation is itself current knowledge: "no longer lives in Lisbon")."""

    op: Op
    targets: list[str] = field(default_factory=list)
    reason: str = ""


@dataclass
class Candidate:
    """A stored active fact the new one may relate to, with its statement similarity."""

    item: MemoryItem
    similarity: float


class Decider(Protocol):
    def decide(self, fact: Fact, candidates: Sequence[Candidate]) -> Decision: ...


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of word sets (0 when either is empty)."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def same_value(a: str, b: str) -> bool:
    return norm_value(a) == norm_value(b)


def refines(new: str, old: str) -> bool:
    """``new`` says more than ``old`` about the same thing ("NYC" aside): old's words ⊂ new's."""
    wn, wo = words(norm_value(new)), words(norm_value(old))
    return bool(wo) and wo < wn


class HeuristicDecider:
    """Slot-based decisions plus an embedding+lexical duplicate check (no model)."""

    def __init__(self, duplicate_similarity: float = 0.9) -> None:
        self.duplicate_similarity = duplicate_similarity

    def decide(self, fact: Fact, candidates: Sequence[Candidate]) -> Decision:
        slot = [c for c in candidates if c.item.metadata.get("slot") == fact.slot]
        positive = [c for c in slot if not c.item.metadata.get("negated")]
        negative = [c for c in slot if c.item.metadata.get("negated")]
        value = fact.value
        if fact.negated:
            return _negation(value, fact.cardinality, positive, negative)
        same = [c for c in positive if same_value(c.item.metadata.get("value", ""), value)
                or (fact.cardinality == "one" and refines(c.item.metadata.get("value", ""), value))]
        if same:
            return Decision("NOOP", [same[0].item.id], "same slot and value")
        # a stored negation of this very value is now outdated ("I live in Lisbon again")
        revived = [c.item.id for c in negative if same_value(c.item.metadata.get("value", ""), value)]
        if fact.cardinality == "one" and fact.attribute != "event":
            # a new value of a single-valued slot also retires earlier negations of it:
            # "works at Stripe" makes "no longer works at Google" history, not news
            replaced = [c.item.id for c in positive + negative]
            if replaced:
                return Decision("UPDATE", replaced, "new value for a single-valued slot")
        elif revived:
            return Decision("UPDATE", revived, "value restored after a negation")
        for c in candidates:
            other_slot = c.item.metadata.get("slot") not in (None, fact.slot)
            if other_slot and not _matches(c, value):
                continue  # "works as a nurse at X" and "works at X" are two slots, not a duplicate
            if c.similarity >= self.duplicate_similarity and \
                    overlap(c.item.content, fact.statement) >= MIN_OVERLAP and \
                    not c.item.metadata.get("negated"):
                return Decision("NOOP", [c.item.id], "near-duplicate statement")
        return Decision("ADD", [], "new information")


def _negation(value: str, cardinality: str, positive: list[Candidate], negative: list[Candidate]) -> Decision:
    """What a negation does: a closing without a value ("I quit", "we broke up", "sold it")
    retires the slot's current value (the most recent one of a multi-valued slot), and is
    dropped when there is none; a negation with a value retires the stored values it matches."""
    if not value or norm_value(value) in PRONOUNS:
        closed = positive if cardinality == "one" else sorted(
            positive, key=lambda c: (c.item.valid_from or c.item.created_at, c.item.id))[-1:]
        # nothing to close: storing "no longer works at Google" as a job title would outlive
        # the next job (the sentence's employer closing already records the change)
        return Decision("DELETE", [c.item.id for c in closed], "closes the slot") if closed else \
            Decision("NOOP", [], "nothing to close")
    same_neg = [c.item.id for c in negative if same_value(c.item.metadata.get("value", ""), value)]
    if same_neg:
        return Decision("NOOP", same_neg[:1], "negation already known")
    hits = [c.item.id for c in positive if _matches(c, value)]
    return Decision("DELETE", hits, "negates a stored value") if hits else \
        Decision("ADD", [], "negation of an unknown value")


def _matches(candidate: Candidate, value: str) -> bool:
    stored = str(candidate.item.metadata.get("value", ""))
    return same_value(stored, value) or refines(stored, value) or refines(value, stored)


class _LLMDecision(BaseModel):
    model_config = ConfigDict(extra="ignore")

    op: Op
    target: str | None = None
    targets: list[str] = Field(default_factory=list, max_length=MAX_TARGETS)

    def ids(self) -> list[str]:
        return list(dict.fromkeys([*self.targets, *([self.target] if self.target else [])]))


class LLMDecider:
    """mem0-style decision by the ``decide_update`` prompt: the model chooses the operation
    and the stored facts it applies to (``target``, or ``targets`` when a change retires
    several, e.g. "I quit" closes both the job title and the employer). Replies naming an
    unknown id, or no target where one is required, fall back to the heuristic."""

    def __init__(self, client: LLMClient, fallback: HeuristicDecider) -> None:
        self.client = client
        self.fallback = fallback

    def decide(self, fact: Fact, candidates: Sequence[Candidate]) -> Decision:
        if not candidates:
            return Decision("ADD", [], "nothing stored to compare with")
        listing = "\n".join(f"{c.item.id}: {c.item.content}" for c in candidates)
        prompt = render("decide_update", fact=fact.statement, candidates=listing)
        try:
            reply = self.client.json([{"role": "user", "content": prompt}], _LLMDecision,
                                     task="update decision")
        except LLMError as exc:
            logger.warning("LLM update decision failed (%s); using the heuristic", exc)
            reply = None
        if reply is None:
            return self.fallback.decide(fact, candidates)
        if reply.op == "ADD":
            return Decision("ADD", [], "llm")
        known = {c.item.id for c in candidates}
        ids = reply.ids()
        if not ids or not set(ids) <= known:
            logger.warning("LLM update decision named no known memory; using the heuristic")
            return self.fallback.decide(fact, candidates)
        return Decision(reply.op, ids, "llm")


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0
