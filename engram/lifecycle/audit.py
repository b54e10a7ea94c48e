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
transitively) and embedding-cache rows for every version of the text (the store's own
delete removes PII-vault rows, in the same transaction). :func:`compact` then
checkpoints and VACUUMs each file, so the bytes are gone from disk
(``tests/reliability/test_deletion.py`` greps the raw files for canaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from engram.model import Filters, HistoryEntry, MemoryItem, MemoryKind, MemoryStatus, Scope, tombstone
from engram.protocols import Compactable, ForgetsTexts, Settleable
from engram.store.base import ItemStore, Maintenance

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


def changed_fields(entry: HistoryEntry) -> list[str]:
    if entry.old is None or entry.new is None:  # add/import, or blanked by a deletion
        return []
    ignore = {"version", "updated_at"}
    return sorted(k for k in {*entry.old, *entry.new}
                  if k not in ignore and entry.old.get(k) != entry.new.get(k))


def audit(store: ItemStore, scope: Scope, *, since: datetime | None = None, limit: int = 100,
          log_content: bool = False) -> list[AuditEntry]:
    """Changes to memories in ``scope``, newest first (see module docs)."""
    out = []
    for entry in store.scope_history(scope, since=since, limit=limit):
        out.append(AuditEntry(
            at=entry.at, actor=entry.actor, op=entry.op, memory_id=entry.memory_id,
            version=entry.version, changed=changed_fields(entry),
            old=entry.old if log_content else None, new=entry.new if log_content else None))
    return out


@dataclass
class Residue:
    """What deleting some memories must also remove, gathered *before* the delete."""

    texts: set[str] = field(default_factory=set)
    derived: dict[str, Scope] = field(default_factory=dict)  # id -> its scope
    memory_ids: set[str] = field(default_factory=set)
    sources: dict[str, set[str]] = field(default_factory=dict)  # derived id -> its source ids

    def erase_order(self) -> list[list[str]]:
        """The derived ids in layers, each layer referenced by no item of a later one:
        an item goes only after everything derived from it, so a crash between two
        deletes never leaves a summary pointing at a deleted summary."""
        left = set(self.derived)
        layers: list[list[str]] = []
        while left:
            referenced = {s for d in left for s in self.sources.get(d, ()) if s in left}
            layer = sorted(left - referenced) or sorted(left)  # a cycle: no safe order exists
            layers.append(layer)
            left -= set(layer)
        return layers


def _texts(store: ItemStore, scope: Scope, ids: Sequence[str],
           items: Sequence[MemoryItem] | None = None) -> set[str]:
    """Every version of the content these memories ever had (from their history);
    ``items``: these memories, when the caller has read them already."""
    found = {i.content for i in (store.get(scope, list(ids)) if items is None else items)}
    for entry in store.history(scope, list(ids)):
        for snap in (entry.old, entry.new):
            if snap and isinstance(snap.get("content"), str):
                found.add(snap["content"])
    return found


def _derived_from(store: ItemStore, scope: Scope, sources: set[str], residue: Residue) -> None:
    """Add to ``residue`` the items in ``scope`` whose provenance points at ``sources``,
    transitively, with their source ids (for :meth:`Residue.erase_order`)."""
    flt = Filters(kinds=_DERIVED_KINDS, statuses=_ALL_STATUSES)
    if not sources or store.count(scope, flt) == 0:
        return
    candidates, after = [], None
    while True:
        page = store.list(scope, flt, limit=_PAGE, after_id=after, descending=False)
        candidates += page
        if len(page) < _PAGE:
            break
        after = page[-1].id
    found: dict[str, MemoryItem] = {}
    frontier = set(sources)
    while frontier:
        hit = {c.id: c for c in candidates
               if c.id not in found and c.id not in sources
               and frontier.intersection(c.provenance.source_ids)}
        found.update(hit)
        frontier = set(hit)
    for item in found.values():
        if item.id not in residue.memory_ids:
            residue.derived[item.id] = item.scope
            residue.sources[item.id] = set(item.provenance.source_ids)


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


def collect(store: ItemStore, scope: Scope, ids: Sequence[str],
            items: Sequence[MemoryItem] | None = None) -> Residue:
    """Gather the residue of deleting ``ids`` from ``scope`` (call before the delete);
    ``items``: what ``store.get(scope, ids)`` returns, when the caller holds it already
    (Memory.delete has just read the item: each read is a round trip on PostgreSQL)."""
    residue = Residue(memory_ids=set(ids))
    if items is None:
        items = store.get(scope, list(ids))
    residue.texts = _texts(store, scope, ids, items)
    owners = {_owner_scope(i.scope, scope) for i in items} or {scope}
    for owner in owners:
        _derived_from(store, owner, set(ids), residue)
    if residue.derived:
        by_scope: dict[Scope, list[str]] = {}
        for did, dscope in residue.derived.items():
            by_scope.setdefault(dscope, []).append(did)
        for dscope, dids in by_scope.items():
            residue.texts |= _texts(store, dscope, dids)
    return residue


def collect_scope(store: ItemStore, scope: Scope) -> Residue:
    """The residue of deleting every memory in ``scope``."""
    ids = [i.id for i in store.iter_items(scope)]
    residue = Residue(memory_ids=set(ids))
    for start in range(0, len(ids), _PAGE):
        part = collect(store, scope, ids[start:start + _PAGE])
        residue.texts |= part.texts
        for did, dscope in part.derived.items():
            if did not in residue.memory_ids:
                residue.derived[did] = dscope
                residue.sources[did] = part.sources.get(did, set())
    return residue


def erase(store: ItemStore, residue: Residue, *, embedder: object = None,
          lessons: Any = None, actor: str | None = None) -> int:
    """Remove the residue (after the main delete); returns how many derived items went."""
    removed = 0
    for layer in residue.erase_order():
        by_scope: dict[Scope, list[str]] = {}
        for did in layer:
            by_scope.setdefault(residue.derived[did], []).append(did)
        for dscope, dids in by_scope.items():
            current = {i.id: i.version for i in store.get(dscope, dids)}
            removed += store.delete(dscope, list(current),
                                    [tombstone(i, v, actor) for i, v in current.items()])
    if isinstance(embedder, ForgetsTexts) and residue.texts:  # an embedding cache
        embedder.forget(sorted(residue.texts))
    if lessons is not None:  # the guard's benign lessons are the user's own text
        lessons.forget(sorted(residue.memory_ids | set(residue.derived)))
    return removed


def settle(store: Maintenance, *, embedder: object = None, lessons: object = None) -> None:
    """Make a delete physical before it returns: each file that can settle (the SQLite
    store, with its vault table, and the embedding cache) drops what its WAL and indexes still keep of the
    deleted rows. Cheaper than :func:`compact`, which also VACUUMs."""
    for target in (store, embedder, lessons):
        if isinstance(target, Settleable):
            target.settle()


def compact(store: Maintenance, *, embedder: object = None, lessons: object = None) -> None:
    """Make deletions physical: merge FTS segments, checkpoint WALs and VACUUM every file
    or table (the store with its vault, and the embedding cache when the embedder is one)."""
    store.compact()
    if isinstance(embedder, Compactable):
        embedder.compact()
    if isinstance(lessons, Compactable):  # the guard's lesson store
        lessons.compact()


__all__ = ["AuditEntry", "Residue", "audit", "changed_fields", "collect", "collect_scope", "compact", "erase", "settle"]
