"""Many ``add`` calls as one write: the bulk path for imports and benchmark ingest.

``Memory.add`` embeds one call's rounds at a time, so a haystack of 500 rounds added
session by session runs the model on many small batches, each padded to its longest
round (issue #17: 116 of 126 s of a LongMemEval ingest). :func:`add_many` builds the items
of many calls, embeds them in one pass (sorted by length, in fixed-size chunks:
``Writer.embed``) and stores them in a few transactions, then runs the lifecycle hook per
call exactly as separate ``add`` calls would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engram.errors import ContentTooLargeError, InvalidInputError
from engram.ingest.rounds import to_units
from engram.model import MemoryItem, MemoryKind, Provenance, Scope, utcnow
from engram.validation import check_actor, resolve_scope, utc_time, validated
from engram.write import Writer

BULK_ITEMS = 2048  # items per store transaction: bounds memory and lock time on big imports


@dataclass
class AddRequest:
    """One ``Memory.add`` call's arguments (``data`` is text or a list of messages)."""

    data: Any
    scope: Any = None
    user_id: str | None = None
    agent_id: str | None = None
    session_id: str | None = None
    app_id: str | None = None
    kind: MemoryKind | str = MemoryKind.EPISODIC
    metadata: dict[str, Any] | None = None
    tags: Sequence[str] = field(default_factory=tuple)
    event_time: datetime | None = None
    importance: float = 0.5
    source: str | None = None
    actor: str | None = None


def new_items(writer: Writer, request: AddRequest, now: datetime, *,
              max_rounds: int | None = None) -> list[MemoryItem]:
    """The validated items one ``add`` call stores: one per round of a conversation
    (at most ``max_rounds`` of them, else ContentTooLargeError)."""
    target: Scope = resolve_scope(request.scope, user_id=request.user_id, agent_id=request.agent_id,
                                  session_id=request.session_id, app_id=request.app_id)
    when = utc_time(request.event_time, "event_time") if request.event_time else None
    units = to_units(request.data, when)
    if max_rounds is not None and len(units) > max_rounds:
        raise ContentTooLargeError(
            f"this conversation has {len(units):,} rounds, above the limit of "
            f"{max_rounds:,} per call; add it in several calls "
            "(e.g. one per session) or raise ENGRAM_MAX_ROUNDS_PER_ADD")
    check_actor(request.actor)
    provenance = validated(Provenance, source=request.source, actor=request.actor)
    return [writer.item(
        scope=target, kind=request.kind, content=unit.text, role=unit.role,
        tags=list(request.tags), event_time=unit.at or now, created_at=now, updated_at=now,
        valid_from=unit.at or now, importance=request.importance,
        metadata=request.metadata if request.metadata is not None else {},
        provenance=provenance.model_copy(update={"source_ids": unit.source_ids}),
    ) for unit in units]


def as_request(raw: dict[str, Any]) -> AddRequest:
    """A dict of add()'s arguments as an AddRequest; unknown names are an InvalidInputError."""
    try:
        return AddRequest(**raw)
    except TypeError:
        known = ", ".join(AddRequest.__dataclass_fields__)
        raise InvalidInputError(f"an add_many request takes the arguments of add(): {known}; "
                                f"got {', '.join(sorted(map(str, raw)))}") from None


def add_many(writer: Writer, requests: Iterable[AddRequest | dict[str, Any]],
             after_add: Callable[[Sequence[MemoryItem]], None], *,
             chunk: int = BULK_ITEMS, max_rounds: int | None = None) -> list[list[MemoryItem]]:
    """Store every request's items; returns them per request, in request order.

    Requests are validated as they are read; a bad one raises before anything of its
    chunk is written (earlier chunks stay written, as earlier ``add`` calls would)."""
    out: list[list[MemoryItem]] = []
    pending: list[tuple[AddRequest, list[MemoryItem]]] = []

    def flush() -> None:
        by_actor: dict[str | None, list[tuple[AddRequest, list[MemoryItem]]]] = {}
        for request, items in pending:
            by_actor.setdefault(request.actor, []).append((request, items))
        stored: dict[str, MemoryItem] = {}
        for actor, group in by_actor.items():
            flat = [item for _, items in group for item in items]
            stored.update((i.id, i) for i in writer.add(flat, actor=actor, at=now))
        for _, items in pending:
            kept = [stored[i.id] for i in items if i.id in stored]
            out.append(kept)
            if kept:
                after_add(kept)
        pending.clear()

    now = utcnow()
    size = 0
    for raw in requests:
        request = raw if isinstance(raw, AddRequest) else as_request(raw)
        items = new_items(writer, request, now, max_rounds=max_rounds)
        pending.append((request, items))
        size += len(items)
        if size >= chunk:
            flush()
            size, now = 0, utcnow()
    if pending:
        flush()
    return out
