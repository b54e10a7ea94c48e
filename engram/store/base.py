"""The Store protocol: what every storage backend (SQLite, PostgreSQL) provides.

It is the sum of five role protocols, so code can ask for only the role it uses:
:class:`ItemStore` (items, vectors, history), :class:`SearchIndex` (lexical and
vector ranking, neighbours), :class:`LinkStore` (memory links), :class:`SecretRows`
(the PII vault's encrypted originals, written with their memory) and
:class:`Maintenance` (compaction, integrity checks). :func:`check_store` verifies
a backend at run time when it is opened or handed to the facade.

The facade owns policy (scoping rules, versioning, lifecycle); a store owns
persistence and indexing. Every method takes the caller's :class:`Scope` and
must never read, count, change or delete anything outside it: tenant isolation
is enforced here, at the lowest layer, and tested by one contract suite run
against every backend.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

import numpy as np

from engram.errors import ConfigError
from engram.model import Filters, HistoryEntry, MemoryItem, Scope, Stats, utcnow

ScoredIds = builtins.list[tuple[str, float]]


@dataclass(frozen=True)
class Link:
    """A directed link between two memories of one scope (A-MEM's note links), with the
    reason it was made (e.g. ``"similar 0.81; shares lisbon"``) and a strength score."""

    src: str
    dst: str
    reason: str
    score: float = 0.0
    created_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True)
class Neighbors:
    """The ids of the items just before and after one item in its session, and the
    session itself (the ranking pipeline's session prior groups hits by it)."""

    prev: str | None = None
    next: str | None = None
    session: str | None = field(default=None, compare=False)  # an annotation, not identity


@dataclass(frozen=True)
class SecretRow:
    """One vaulted PII original of a memory: its token in the stored text and the
    ciphertext (the store never sees the key). Written in the memory's own transaction
    and deleted with it."""

    memory_id: str
    token: str
    kind: str
    secret: bytes


@runtime_checkable
class ItemStore(Protocol):
    """Items, their vectors and their history: the role every write and read needs.

    Writes are atomic: a call either applies completely or not at all.
    ``vectors`` rows align with ``items``; ``None`` means "no vector".
    """

    def add(
        self,
        items: Sequence[MemoryItem],
        vectors: np.ndarray | None,
        history: Sequence[HistoryEntry],
        *,
        model_id: str | None = None,
        links: Sequence[Link] = (),
        secrets: Sequence[SecretRow] = (),
    ) -> None:
        """Insert new items (ids must be new) with their vectors, history rows, the
        ``links`` between them (links with an end outside ``items`` are ignored) and their
        vaulted ``secrets``, all in one transaction: an import of a whole file commits
        completely or not at all, and a failed add leaves no vault row behind."""
        ...

    def replace(
        self,
        item: MemoryItem,
        vector: np.ndarray | None,
        history: HistoryEntry,
        *,
        expected_version: int,
        model_id: str | None = None,
        secrets: Sequence[SecretRow] = (),
    ) -> None:
        """Overwrite an existing item if its stored version is ``expected_version``,
        adding the new version's vaulted ``secrets`` in the same transaction.

        Raises ConflictError when the version moved, NotFoundError when missing.
        ``vector=None`` keeps the stored vector.
        """
        ...

    def get(self, scope: Scope | None, ids: Sequence[str]) -> builtins.list[MemoryItem]:
        """Items with these ids inside ``scope`` (any status), in the order given.
        ``None`` is the administrator's whole store (an unscoped import finds the ids
        that other scopes hold with it); the facade never passes it for a tenant."""
        ...

    def list(
        self,
        scope: Scope,
        filters: Filters,
        *,
        limit: int,
        after_id: str | None = None,
        descending: bool = True,
    ) -> builtins.list[MemoryItem]:
        """A page of items ordered by id (= creation time), starting after ``after_id``."""
        ...

    def count(self, scope: Scope, filters: Filters) -> int: ...

    def iter_items(self, scope: Scope | None, *, batch: int = 500) -> Iterator[MemoryItem]:
        """Every item (any status) in ``scope`` — or in the whole store when None
        (administrative export only) — in id order."""
        ...

    def history(self, scope: Scope, memory_ids: Sequence[str]) -> builtins.list[HistoryEntry]:
        """History rows of these memories, oldest first: by version, then time."""
        ...

    def delete(self, scope: Scope, ids: Sequence[str], tombstones: Sequence[HistoryEntry]) -> int:
        """Remove items completely (row, lexical index, vectors, links, vault rows) and
        blank the content of their history, leaving the given tombstone rows. Returns how
        many were removed."""
        ...

    def delete_scope(self, scope: Scope, *, actor: str | None) -> int:
        """Delete every item in ``scope`` as :meth:`delete` does; returns the count."""
        ...

    def scope_history(self, scope: Scope, *, since: datetime | None = None,
                      limit: int = 100) -> builtins.list[HistoryEntry]:
        """History rows of every memory in ``scope`` (deleted ones too), newest first
        (the audit log)."""
        ...

    def record_access(self, scope: Scope, ids: Sequence[str]) -> None:
        """Bump access stats (count, last access) without creating a new version."""
        ...

    def stats(self, scope: Scope | None) -> Stats: ...

    def embedding_model(self) -> str | None:
        """The embedder ``model_id`` the stored vectors were made with, if any."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class SearchIndex(Protocol):
    """Ranked candidates for retrieval (lexical, vector) and the context around a hit."""

    def lexical_search(
        self, scope: Scope, query: str, filters: Filters, *, limit: int, context: bool = False
    ) -> ScoredIds:
        """BM25-style ranking of ``query`` (plain text: operators are never executed).
        ``context`` also ranks each round by the words of its session neighbours (the
        index's context field): a lexical form of neighbour spread, off by default."""
        ...

    def vector_search(
        self, scope: Scope, vector: np.ndarray, filters: Filters, *, limit: int
    ) -> ScoredIds:
        """Cosine-similarity ranking (vectors are unit-norm, so dot product)."""
        ...

    def vectors(self, scope: Scope, ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def neighbors(self, scope: Scope, ids: Sequence[str],
                  filters: Filters | None = None) -> dict[str, Neighbors]:
        """For each given id in ``scope``: the active episodic items right before and
        after it in its session (ordered by ``event_time``, NULL first, then insertion). Items
        without a ``session_id``, or not episodic, get ``Neighbors(None, None)``, and
        a neighbour that ``filters`` exclude is ``None``; ids not in ``scope`` are
        left out."""
        ...

    def recent_texts(self, scope: Scope, filters: Filters, *, limit: int) -> builtins.list[str]:
        """The content of the newest ``limit`` items matching ``filters``: a cheap,
        bounded sample (no model parsing) used to spot query words that occur almost
        everywhere in a scope, such as a speaker's own name."""
        ...


@runtime_checkable
class LinkStore(Protocol):
    """Links between memories of one scope (engram.lifecycle.links)."""

    def add_links(self, scope: Scope, links: Sequence[Link]) -> int:
        """Insert or refresh links whose both ends are in ``scope``; links touching
        anything outside it are ignored. Returns how many were written."""
        ...

    def links(self, scope: Scope, ids: Sequence[str]) -> builtins.list[Link]:
        """Links from or to these ids whose both ends are in ``scope``. :meth:`delete`
        removes the links of deleted memories."""
        ...


@runtime_checkable
class SecretRows(Protocol):
    """The PII vault's rows (:class:`SecretRow`), kept beside the memories so that every
    server process on the backend reads the same vault. Rows are written by
    :meth:`ItemStore.add` / :meth:`ItemStore.replace` and removed by the deletes."""

    def secrets(self, memory_id: str) -> dict[str, bytes]:
        """Token -> ciphertext of one memory (the caller has checked its scope)."""
        ...

    def secret_count(self) -> int:
        """How many vault rows the backend holds (all memories)."""
        ...

    def add_secrets(self, secrets: Sequence[SecretRow]) -> None:
        """Insert rows outside a memory write, one transaction (a stored token keeps its
        row): only to move an old data dir's ``vault.sqlite`` in (engram.ingest.pii_legacy)."""
        ...


@runtime_checkable
class Maintenance(Protocol):
    """Upkeep an operator runs: making deletions physical and checking the files."""

    def compact(self) -> None:
        """Make past deletions physical: no deleted text may remain in the backend's
        files or tables afterwards (merge indexes, checkpoint, VACUUM)."""
        ...

    def integrity_check(self) -> builtins.list[str]:
        """Problems found in the stored data (empty when healthy)."""
        ...


@runtime_checkable
class Store(ItemStore, SearchIndex, LinkStore, SecretRows, Maintenance, Protocol):
    """A complete backend: every role above (what :func:`engram.store.open_store`
    returns and :class:`engram.Memory` requires)."""


ROLES: tuple[type, ...] = (ItemStore, SearchIndex, LinkStore, SecretRows, Maintenance)


def check_store(store: object) -> Store:
    """``store`` if it plays every role; else a ConfigError naming what is missing
    (checked once, when a store is opened or handed to the facade)."""
    missing = [f"{role.__name__} ({', '.join(_missing(store, role))})" for role in ROLES
               if not isinstance(store, role)]
    if missing:
        raise ConfigError(f"{type(store).__name__} is not a complete Engram store: it lacks "
                          f"{'; '.join(missing)}; implement those methods (see engram.store.base)")
    assert isinstance(store, Store)
    return store


def _missing(store: object, role: type) -> builtins.list[str]:
    present = set(dir(store))
    return [n for n, v in vars(role).items()
            if not n.startswith("_") and callable(v) and n not in present]


def keep_access_stats(item: MemoryItem, stored_count: int, stored_last: datetime | None) -> MemoryItem:
    """``record_access`` bumps access stats without a new version, so a ``replace``
    built from an older copy must never lower them (that would lose reads)."""
    latest = max(filter(None, (item.last_accessed_at, stored_last)), default=None)
    return item.model_copy(update={"access_count": max(item.access_count, stored_count),
                                   "last_accessed_at": latest})


def links_among(links: Sequence[Link], ids: Collection[str]) -> builtins.list[Link]:
    """The links whose both ends are in ``ids`` (and not self-links): what
    :meth:`Store.add` writes next to the items it inserts."""
    return [l for l in links if l.src in ids and l.dst in ids and l.src != l.dst]
