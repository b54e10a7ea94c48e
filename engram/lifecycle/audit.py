"""Audit log and verifiable deletion: the privacy half of the memory lifecycle.

*Audit.* Every write already leaves a history row (who, what, when, old → new). The
audit view turns those rows into :class:`AuditEntry` records — time, actor, operation,
memory id, version and the *names* of the fields that changed — without any content,
unless ``Settings.log_content`` is set. Deleted memories keep their tombstones, so the
log still shows that (and by whom) they were deleted.

*Verifiable deletion.* Deleting a memory must leave nothing derived from its text:
the store drops the row, FTS entry and vector and blanks the history content; this
module finds and removes what the store cannot see — items derived from the deleted
ones (summaries and profiles whose ``provenance.source_ids`` point at them, followed
transitively), embedding-cache rows for every version of the text, and PII-vault rows.
:func:`compact` then checkpoints and VACUUMs each file, so the bytes are gone from disk
(``tests/reliability/test_deletion.py`` greps the raw files for canaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from engram.model import Filters, HistoryEntry, MemoryKind, MemoryStatus, Scope, tombstone
from engram.store.base import Store

_DERIVED_KINDS: list[MemoryKind] = [k for k in MemoryKind if k != MemoryKind.EPISODIC]
_ALL_STATUSES = list(MemoryStatus)
_PAGE = 500


class AuditEntry(BaseModel):
    """One audited change. ``old``/``new`` are set only when content logging is enabled."""

    at: datetime
    actor: str | None
    op: str
    memory_id: str
    version: int
    changed: list[str] = []
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None


def _changed(entry: HistoryEntry) -> list[str]:
    if entry.old is None or entry.new is None:  # add/import, or blanked by a deletion
        return []
    ignore = {"version", "updated_at"}
    return sorted(k for k in {*entry.old, *entry.new}
                  if k not in ignore and entry.old.get(k) != entry.new.get(k))


def audit(store: Store, scope: Scope, *, since: datetime | None = None, limit: int = 100,
          log_content: bool = False) -> list[AuditEntry]:
    """Changes to memories in ``scope``, newest first (see module docs)."""
    out = []
    for entry in store.scope_history(scope, since=since, limit=limit):
        out.append(AuditEntry(
            at=entry.at, actor=entry.actor, op=entry.op, memory_id=entry.memory_id,
            version=entry.version, changed=_changed(entry),
            old=entry.old if log_content else None, new=entry.new if log_content else None))
    return out


@dataclass
class Residue:
    """What deleting some memories must also remove, gathered *before* the delete."""

    texts: set[str] = field(default_factory=set)
    derived: dict[str, Scope] = field(default_factory=dict)  # id -> its scope
    memory_ids: set[str] = field(default_factory=set)


def _texts(store: Any, scope: Scope, ids: Sequence[str]) -> set[str]:
    """Every version of the content these memories ever had (from their history)."""
    found = {i.content for i in store.get(scope, list(ids))}
    for entry in store.history(scope, list(ids)):
        for snap in (entry.old, entry.new):
            if snap and isinstance(snap.get("content"), str):
                found.add(snap["content"])
    return found


def _derived_from(store: Any, scope: Scope, sources: set[str]) -> dict[str, Scope]:
    """Items in ``scope`` whose provenance points at ``sources``, transitively."""
    flt = Filters(kinds=_DERIVED_KINDS, statuses=_ALL_STATUSES)
    if not sources or store.count(scope, flt) == 0:
        return {}
    candidates, after = [], None
    while True:
        page = store.list(scope, flt, limit=_PAGE, after_id=after, descending=False)
        candidates += page
        if len(page) < _PAGE:
            break
        after = page[-1].id
    derived: dict[str, Scope] = {}
    frontier = set(sources)
    while frontier:
        hit = {c.id: c.scope for c in candidates
               if c.id not in derived and c.id not in sources
               and frontier.intersection(c.provenance.source_ids)}
        derived.update(hit)
        frontier = set(hit)
    return derived


def _owner_scope(scope: Scope, caller: Scope) -> Scope:
    """Where derived items may live: the item's owner (user, else agent, else app), which
    is wider than its session — a user's profile is built from many sessions — but never
    outside the caller's app, so a cascade cannot cross tenants (API keys carry app_id)."""
    for name in ("user_id", "agent_id", "app_id"):
        value = getattr(scope, name)
        if value:
            fields = {name: value}
            if caller.app_id:
                fields["app_id"] = caller.app_id
            return Scope(**fields)
    return scope


def collect(store: Any, scope: Scope, ids: Sequence[str]) -> Residue:
    """Gather the residue of deleting ``ids`` from ``scope`` (call before the delete)."""
    residue = Residue(memory_ids=set(ids))
    items = store.get(scope, list(ids))
    residue.texts = _texts(store, scope, ids)
    owners = {_owner_scope(i.scope, scope) for i in items} or {scope}
    for owner in owners:
        residue.derived.update(_derived_from(store, owner, set(ids)))
    if residue.derived:
        by_scope: dict[Scope, list[str]] = {}
        for did, dscope in residue.derived.items():
            by_scope.setdefault(dscope, []).append(did)
        for dscope, dids in by_scope.items():
            residue.texts |= _texts(store, dscope, dids)
    return residue


def collect_scope(store: Any, scope: Scope) -> Residue:
    """The residue of deleting every memory in ``scope``."""
    ids = [i.id for i in store.iter_items(scope)]
    residue = Residue(memory_ids=set(ids))
    for start in range(0, len(ids), _PAGE):
        part = collect(store, scope, ids[start:start + _PAGE])
        residue.texts |= part.texts
        residue.derived.update({k: v for k, v in part.derived.items() if k not in residue.memory_ids})
    return residue


def erase(store: Any, residue: Residue, *, embedder: Any = None, vault: Any = None,
          actor: str | None = None) -> int:
    """Remove the residue (after the main delete); returns how many derived items went."""
    removed = 0
    by_scope: dict[Scope, list[str]] = {}
    for did, dscope in residue.derived.items():
        by_scope.setdefault(dscope, []).append(did)
    for dscope, dids in by_scope.items():
        current = {i.id: i.version for i in store.get(dscope, dids)}
        removed += store.delete(dscope, list(current),
                                [tombstone(i, v, actor) for i, v in current.items()])
    forget = getattr(embedder, "forget", None)
    if forget is not None and residue.texts:
        forget(sorted(residue.texts))
    if vault is not None:
        vault.forget(sorted(residue.memory_ids | set(residue.derived)))
    return removed


def compact(store: Any, *, embedder: Any = None, vault: Any = None) -> None:
    """Make deletions physical: merge FTS segments, checkpoint WALs and VACUUM every file."""
    for target in (store, embedder, vault):
        method = getattr(target, "compact", None)
        if method is not None:
            method()


__all__ = ["AuditEntry", "Residue", "audit", "collect", "collect_scope", "compact", "erase"]
