"""The user profile: what is true now, one line per slot, with the past kept in history.

Think-in-Memory (Liu et al., 2023) keeps conclusions rather than re-reading history; Zep
(Rasmussen et al., 2025) keeps every superseded edge with its validity interval. The
profile does both: its content lists only the *current* value of each slot (active,
non-negated facts; the newest value of a single-valued slot), so a prompt that includes it
never states a stale job; ``metadata["history"]`` lists, per slot, every value that was
once true with its ``valid_from``/``valid_to`` and the fact and round that closed it, so
"where did I work before?" still has an answer. The item's own version history records
each change of the profile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any, Literal

from engram.lifecycle.steps import Steps
from engram.model import MemoryItem, MemoryKind, MemoryStatus, Provenance, Scope, utcnow

ACTOR = "engram:consolidate"


def digest(items: Iterable[MemoryItem]) -> str:
    """A stamp of the inputs (ids and versions): unchanged inputs, unchanged output."""
    h = hashlib.sha256()
    for item in sorted(items, key=lambda i: i.id):
        h.update(f"{item.id}:{item.version};".encode())
    return h.hexdigest()[:32]


def _slot(fact: MemoryItem) -> str:
    return str(fact.metadata.get("slot") or f"user:{fact.metadata.get('attribute', 'note')}")


def _when(fact: MemoryItem) -> Any:
    return fact.valid_from or fact.event_time or fact.created_at


def current_slots(facts: Iterable[MemoryItem]) -> dict[str, dict[str, Any]]:
    """``slot → {"values", "evidence"}`` from the active, non-negated facts."""
    slots: dict[str, dict[str, Any]] = {}
    for fact in sorted(facts, key=lambda f: (_when(f), f.id)):
        if fact.status != MemoryStatus.ACTIVE or fact.metadata.get("negated"):
            continue
        entry = slots.setdefault(_slot(fact), {"values": [], "evidence": []})
        value = str(fact.metadata.get("value") or fact.content)
        if fact.metadata.get("cardinality", "one") == "one":
            entry["values"], entry["evidence"] = [value], [fact.id]
        elif value not in entry["values"]:
            entry["values"].append(value)
            entry["evidence"].append(fact.id)
    return slots


def past_slots(facts: Iterable[MemoryItem]) -> dict[str, list[dict[str, Any]]]:
    """``slot → [{"value", "valid_from", "valid_to", "fact", "closed_by"}]``, oldest first,
    from the superseded positive facts: every value that was true once and is not now."""
    out: dict[str, list[dict[str, Any]]] = {}
    for fact in sorted(facts, key=lambda f: (_when(f), f.id)):
        if fact.status != MemoryStatus.SUPERSEDED or fact.metadata.get("negated"):
            continue
        out.setdefault(_slot(fact), []).append({
            "value": str(fact.metadata.get("value") or fact.content),
            "valid_from": fact.valid_from.isoformat() if fact.valid_from else None,
            "valid_to": fact.valid_to.isoformat() if fact.valid_to else None,
            "fact": fact.id, "closed_by": fact.metadata.get("closed_by")})
    return out


def render(slots: dict[str, dict[str, Any]]) -> str:
    lines = ["Profile:"]
    for slot, entry in sorted(slots.items()):
        subject, _, attribute = slot.partition(":")
        who = "" if subject == "user" else f"{subject}'s "
        lines.append(f"- {who}{attribute.replace('_', ' ')}: {', '.join(entry['values'])}")
    return "\n".join(lines)


def upsert_profile(steps: Steps, existing: MemoryItem | None, scope: Scope, facts: list[MemoryItem]
                   ) -> tuple[Literal["created", "updated", "unchanged"], str]:
    """Create or revise the scope's profile from its facts (every status); unchanged when
    neither a current nor a past fact changed. Returns the outcome and the profile id."""
    facts = [f for f in facts if f.status in (MemoryStatus.ACTIVE, MemoryStatus.SUPERSEDED)]
    stamp = digest(facts)
    if existing is not None and existing.metadata.get("digest") == stamp:
        return "unchanged", existing.id
    slots = current_slots(facts)
    metadata = {"summary_of": "profile", "digest": stamp, "profile": slots, "history": past_slots(facts)}
    evidence = [e for entry in slots.values() for e in entry["evidence"]]
    provenance = Provenance(source_ids=evidence, source="consolidation", actor=ACTOR)
    last = max((f.event_time or f.created_at for f in facts), default=utcnow())
    if existing is None:
        [item] = steps.insert([MemoryItem(
            scope=scope, kind=MemoryKind.PROFILE, content=render(slots), event_time=last,
            valid_from=last, importance=0.8, metadata=metadata, provenance=provenance)], actor=ACTOR)
        return "created", item.id
    item = steps.revise(existing, content=render(slots), metadata=metadata, provenance=provenance,
                        event_time=last, actor=ACTOR)
    return "updated", item.id
