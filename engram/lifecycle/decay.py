"""The forgetting curve (MemoryBank, Zhong et al., AAAI 2024) and validity-aware ranking.

MemoryBank models retention with Ebbinghaus' curve ``R = exp(-Δt / S)``: ``S`` (strength)
grows every time a memory is recalled and ``Δt`` restarts at each recall, so memories that
keep being useful persist while unused ones fade. Engram uses it two ways, both opt-in:

* as a ranking weight (``Settings.retention_weight``): ``(1 - w) + w · R``, never zero, so a
  faded memory still surfaces when nothing else matches;
* to archive long-unused, low-importance items (:func:`stale`) — archived, never deleted,
  and still searchable with ``filters={"statuses": ["archived"]}``.

``S`` here is ``base_days · (1 + access_count) · (0.5 + importance)``: an item at the default
importance 0.5 that was never recalled has ``S = base_days``. ``Δt`` runs from the latest
of its last access and its event time (the conversation's time, so replayed histories age
as they happened, not as they were imported).

Validity (Zep's bi-temporal model) is not weighed here: the ranking pipeline's currency
stage (:mod:`engram.retrieve.currency`) holds the one "no longer current" signal.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from engram.model import MemoryItem
from engram.retrieve.analysis import asks_about_past

__all__ = ["asks_about_past", "retention", "retention_weight", "stale", "strength_days"]

def strength_days(item: MemoryItem, base_days: float) -> float:
    return base_days * (1 + item.access_count) * (0.5 + item.importance)


def retention(item: MemoryItem, now: datetime, base_days: float) -> float:
    """``exp(-Δt / S)`` in [0, 1]; 1 for items from the future or just recalled."""
    anchor = max(t for t in (item.last_accessed_at, item.event_time or item.created_at) if t)
    age_days = max((now - anchor) / timedelta(days=1), 0.0)
    return math.exp(-age_days / strength_days(item, base_days))


def retention_weight(item: MemoryItem, now: datetime, base_days: float, weight: float) -> float:
    return (1.0 - weight) + weight * retention(item, now, base_days)


def stale(items: list[MemoryItem], now: datetime, *, base_days: float, min_retention: float,
          max_importance: float) -> list[MemoryItem]:
    """Items that faded below ``min_retention`` and matter at most ``max_importance``."""
    return [i for i in items if i.importance <= max_importance
            and retention(i, now, base_days) < min_retention]
