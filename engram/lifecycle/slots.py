"""Slot keys: which ``(subject, attribute)`` a memory states a value for.

Current-state ranking needs to know that "I work as a nurse" (January) and "now I teach
biology at Lincoln High" (June) answer the same question, so the newer one can rank first.
Extracted facts carry their slot in ``metadata["slot"]`` (``"subject:attribute"``, written
by :mod:`engram.lifecycle.engine`); raw rounds do not, so :func:`slots_of` reads them with
the heuristic extractor's first-person patterns (regular expressions over regex-split
sentences, no model call, no time parsing: ~1 ms for a LongMemEval round on a loaded 2-core box).

Only single-valued slots count (``cardinality="one"``: employer, job_title, location,
partner, pet, diet, age, favourite_*, counts): a multi-valued slot ("likes") never makes
an older value stale.

Fact metadata written by extraction (all plain JSON, see ``Lifecycle._fact_item``):
``subject``, ``attribute``, ``slot`` (``"subject:attribute"``), ``value``, ``value_norm``,
``cardinality`` (``"one"``/``"many"``), ``negated``, ``source_round`` (the round id);
a superseded or closed fact also has ``superseded_by`` and/or ``closed_by`` (the id of the
round that ended it) and the item's bi-temporal ``valid_to``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from engram.model import MemoryItem, MemoryKind, Scope

if TYPE_CHECKING:
    from engram.ingest.extract import HeuristicExtractor

SlotKey = tuple[str, str]


def parse_slot(value: object) -> SlotKey | None:
    """``"user:employer"`` → ``("user", "employer")``; anything else → None."""
    if not isinstance(value, str) or ":" not in value:
        return None
    subject, _, attribute = value.partition(":")
    return (subject, attribute) if subject and attribute else None


@lru_cache(maxsize=1)
def _extractor() -> HeuristicExtractor:
    from engram.ingest.extract import HeuristicExtractor
    from engram.ingest.sentences import quick_sentences

    # slot keys need neither exact value ends nor dates: the regex splitter, no time parsing
    return HeuristicExtractor(splitter=lambda text: [s.strip() for s in quick_sentences(text)], dates=False)


def slots_of(item: MemoryItem) -> list[SlotKey]:
    """Every single-valued slot ``item`` states a value for, in order of appearance.

    A fact answers with its stored slot (negations included: "no longer works at Acme"
    is the current state of ``user:employer``); a raw round with the slots its
    first-person statements fill; summaries, profiles and procedures with none."""
    slot = parse_slot(item.metadata.get("slot"))
    if slot is not None:
        return [] if item.metadata.get("cardinality", "one") != "one" else [slot]
    if item.kind != MemoryKind.EPISODIC:
        return []
    return list(_round_slots(item.content, item.role))


@lru_cache(maxsize=4096)  # a ranking stage sees the same rounds query after query
def _round_slots(content: str, role: str | None) -> tuple[SlotKey, ...]:
    item = MemoryItem(scope=Scope(user_id="slot"), content=content, role=role)
    out: dict[SlotKey, None] = {}
    for fact in _extractor().extract(item):
        if fact.cardinality == "one" and fact.attribute != "event":
            out[(fact.subject, fact.attribute)] = None
    return tuple(out)


def slot_of(item: MemoryItem) -> SlotKey | None:
    """The first single-valued slot ``item`` states a value for, or None. Cheap: no
    model call. Two memories of one scope with the same slot state competing values;
    the newer (``event_time``) is the current one unless it was itself superseded."""
    found = slots_of(item)
    return found[0] if found else None


# Question words → the attributes they ask about (subject "user" unless a relative is named).
_QUESTION_ATTRIBUTES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), attributes) for pattern, attributes in (
        (r"\b(?:work|works|working|job|employer|company|employed|occupation|profession|career)\b",
         ("employer", "job_title")),
        (r"\b(?:live|lives|living|home|reside|based|moved|city|address|apartment)\b", ("location",)),
        (r"\b(?:partner|boyfriend|girlfriend|wife|husband|dating|married|spouse)\b", ("partner",)),
        (r"\b(?:pet|dog|cat|puppy|kitten)\b", ("pet",)),
        (r"\b(?:diet|vegan|vegetarian|eat meat)\b", ("diet",)),
        (r"\bhow old\b|\bage\b", ("age",)),
    ))


def query_slots(text: str, subject: str = "user") -> list[SlotKey]:
    """Slots a question asks about ("where do I work these days?" → employer and
    job_title of ``subject``): the query side of :func:`slot_of`, equally cheap."""
    out: dict[SlotKey, None] = {}
    for pattern, attributes in _QUESTION_ATTRIBUTES:
        if pattern.search(text):
            for attribute in attributes:
                out[(subject, attribute)] = None
    return list(out)
