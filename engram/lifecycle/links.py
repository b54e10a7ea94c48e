"""Links between memories and their evolution (A-MEM, Xu et al., 2025).

A-MEM treats each memory as a Zettelkasten note: on insert it is linked to its nearest
related notes, and the arrival of a new note may *evolve* the old ones (their keywords
and context absorb the new evidence). Engram does both without a model:

* candidates are the new item's nearest neighbours by embedding within the scope;
  a link is made when the cosine similarity reaches ``link_min_similarity``, or
  ``LINK_ENTITY_SLACK`` below it when the two share an entity; the link records why
  (``"similar 0.71; shares lisbon"``) and a score;
* evolution: a linked neighbour that shares an entity gains up to ``EVOLVE_KEYS`` of the
  new item's entities/keyphrases as index keys (a new version, actor ``engram:evolve``),
  so a search for the new context also reaches the older note.

Links live in the store (``links`` table), are scoped through their two ends, and are
removed when either end is deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from engram.lifecycle.steps import Steps
from engram.model import Filters, MemoryItem, MemoryKind, MemoryStatus, Scope
from engram.store.base import Link

log = logging.getLogger(__name__)
LINK_ENTITY_SLACK = 0.15
EVOLVE_KEYS = 3
MAX_KEYS = 24
LINKABLE = [MemoryKind.EPISODIC, MemoryKind.FACT, MemoryKind.PROCEDURE]


@dataclass(frozen=True)
class RelatedMemory:
    """A memory linked to the one asked about, with the link's reason and score."""

    item: MemoryItem
    reason: str
    score: float
    direction: str  # "out" (asked → item) or "in" (item → asked)


def link_new(lifecycle: Steps, items: Sequence[MemoryItem]) -> list[Link]:
    """Link each new item to its nearest related memories; evolve linked notes."""
    settings, store = lifecycle.settings, lifecycle.store
    items = [i for i in items if i.kind in LINKABLE]
    if not items or settings.link_max == 0:
        return []
    made: list[Link] = []
    for item in items:
        scope = item.scope.across_sessions()
        vector = store.vectors(item.scope, [item.id]).get(item.id)
        if vector is None:
            continue
        flt = Filters(kinds=LINKABLE, statuses=[MemoryStatus.ACTIVE])
        hits = [(i, s) for i, s in store.vector_search(scope, vector, flt, limit=settings.link_max * 3 + 1)
                if i != item.id]
        neighbours = {n.id: n for n in store.get(scope, [i for i, _ in hits])}
        links: list[Link] = []
        for other_id, sim in hits:
            other = neighbours.get(other_id)
            if other is None or other.metadata.get("source_round") == item.id \
                    or item.metadata.get("source_round") == other.id:
                continue  # fact ↔ its own round: already linked as "derived"
            shared = sorted(set(item.entities) & set(other.entities))
            threshold = settings.link_min_similarity - (LINK_ENTITY_SLACK if shared else 0.0)
            if sim < threshold:
                continue
            reason = f"similar {sim:.2f}" + (f"; shares {', '.join(shared[:3])}" if shared else "")
            links.append(Link(item.id, other.id, reason, round(float(sim), 4)))
            if shared:
                _evolve(lifecycle, other, item)
            if len(links) >= settings.link_max:
                break
        store.add_links(scope, links)
        made += links
    return made


def _evolve(lifecycle: Steps, note: MemoryItem, evidence: MemoryItem) -> None:
    """A-MEM memory evolution, heuristic form: the older note absorbs a few of the new
    note's entities/keys as index keys (never its content), recorded in history."""
    fresh = [k for k in [*evidence.entities, *evidence.keys]
             if k not in note.keys and k not in note.entities][:EVOLVE_KEYS]
    if not fresh or len(note.keys) >= MAX_KEYS:
        return
    [current] = lifecycle.store.get(note.scope, [note.id]) or [note]
    keys = list(dict.fromkeys([*current.keys, *fresh]))[:MAX_KEYS]
    if keys != current.keys:
        lifecycle.revise(current, keys=keys, actor="engram:evolve")


def related(lifecycle: Steps, memory_id: str, scope: Scope) -> list[RelatedMemory]:
    """Memories linked to ``memory_id`` within ``scope``, strongest first."""
    store = lifecycle.store
    links = store.links(scope, [memory_id])
    others = {i.id: i for i in store.get(scope, [l.dst if l.src == memory_id else l.src for l in links])}
    out: list[RelatedMemory] = []
    for link in links:
        other_id, direction = (link.dst, "out") if link.src == memory_id else (link.src, "in")
        if other_id in others:
            out.append(RelatedMemory(others[other_id], link.reason, link.score, direction))
    return sorted(out, key=lambda r: (-r.score, r.item.id))
