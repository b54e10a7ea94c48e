"""Versioning policy: how a change to a memory becomes its next version plus the
history row that records it (MemOS: every memory change is a traceable version)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram.errors import InvalidInputError
from engram.ingest.pipeline import Enricher
from engram.model import HistoryEntry, HistoryOp, MemoryItem, MemoryStatus, utcnow
from engram.validation import validated

_STATUS_OPS: dict[str, HistoryOp] = {"superseded": "supersede", "archived": "archive"}


def revise(current: MemoryItem, changes: dict[str, Any], *, actor: str | None,
           enrichers: Sequence[Enricher] = ()) -> tuple[MemoryItem, HistoryEntry]:
    """The next version of ``current`` with ``changes`` applied, and its history row.

    The enrichers run on every revision (new content also re-derives keys and entities),
    so indexes never describe text the memory no longer has and no edit escapes a scan.
    """
    if not changes:
        raise InvalidInputError("nothing to update; pass content, metadata, tags, importance, "
                                "event_time, status or valid_to")
    now = utcnow()
    fields = {**current.model_dump(), **changes, "scope": current.scope,
              "version": current.version + 1, "updated_at": now}
    if "content" in changes:
        fields["keys"], fields["entities"] = [], []
    updated: MemoryItem = validated(MemoryItem, **fields)
    # every write is re-checked, metadata- and tag-only ones included: the guard must see
    # an edit that drops its `suspicious` tag while the text stays (issue #14)
    for enricher in enrichers:
        [updated] = enricher.enrich([updated])
    # the op names what changed: a status move (supersede / archive / restore), else an update
    op: HistoryOp = "update"
    if updated.status != current.status:
        op = _STATUS_OPS.get(updated.status.value, "update")
    if current.status != MemoryStatus.ACTIVE and updated.status == MemoryStatus.ACTIVE:
        op = "restore"
    entry = HistoryEntry(memory_id=current.id, version=updated.version, op=op, actor=actor,
                         at=now, old=current.snapshot(), new=updated.snapshot())
    return updated, entry
