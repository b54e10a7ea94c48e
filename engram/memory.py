"""The public facade. REST, MCP and CLI layers are thin adapters over it.

The facade owns policy: scoping, validation, versioning and history; stores
own persistence. Every method requires a scope — there is no unscoped read.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from engram.config import Settings
from engram.cursor import decode_cursor, encode_cursor
from engram.embed import CachedEmbedder, make_embedder
from engram.embed.base import Embedder
from engram.embed.batching import MicroBatcher
from engram.embed.lru import QueryLRU
from engram.errors import EngramError, InvalidInputError, NotFoundError
from engram.ingest.bulk import AddRequest, add_many, new_items
from engram.ingest.pipeline import ENRICHERS, Enricher
from engram.memory_base import MAX_LIMIT as MAX_LIMIT
from engram.memory_portability import PortabilityOps
from engram.memory_privacy import PrivacyOps, lessons_of, vault_of
from engram.model import (
    Filters,
    HistoryEntry,
    MemoryItem,
    MemoryKind,
    MemoryStatus,
    Message,
    Page,
    SearchHit,
    SearchResult,
    utcnow,
)
from engram.protocols import Closeable, ReadsStore, UsesEmbedder
from engram.retrieve import rival_gate
from engram.retrieve.base import Query, Retriever
from engram.retrieve.hybrid import RETRIEVERS
from engram.retrieve.learned import model_for
from engram.retrieve.pack import exhaustive, pack_context
from engram.retrieve.pipeline import RankingPipeline
from engram.retrieve.rerank import Reranker, make_reranker
from engram.store import Store, backend, check_store, open_store
from engram.store.access_buffer import AccessBuffer
from engram.validation import (
    ScopeLike,
    check_actor,
    resolve_scope,
    utc_time,
)
from engram.validation import (
    validated as _validated,
)
from engram.write import Writer

if TYPE_CHECKING:
    from engram.lifecycle.consolidate import ConsolidationReport
    from engram.lifecycle.engine import Lifecycle
    from engram.lifecycle.links import RelatedMemory

log = logging.getLogger("engram")

Conversation = str | Sequence[Message | dict[str, Any]]


# delete, delete_all, forget, purge, audit, reveal, guard_feedback: memory_privacy.py;
# export, import_, stats: memory_portability.py; shared state and checks: memory_base.py.
class Memory(PrivacyOps, PortabilityOps):
    """Long-term memory for agents, embedded (SQLite + bundled model) by default.

    >>> mem = Memory("/tmp/demo.db")                           # doctest: +SKIP
    >>> mem.add("I moved to Lisbon in May", user_id="alice")  # doctest: +SKIP
    >>> mem.search("where does she live?", user_id="alice")   # doctest: +SKIP
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        settings: Settings | None = None,
        store: Store | None = None,
        embedder: Embedder | None = None,
        retriever: Retriever | None = None,
        enrichers: Sequence[Enricher] | None = None,
        reranker: Reranker | None = None,
        create: bool = True,
    ) -> None:
        self.settings = settings or Settings()
        if path is not None:
            self.settings = self.settings.model_copy(update={"db": Path(path)})
        store = check_store(store) if store is not None else open_store(self.settings, create=create)
        self._own_embedder = embedder is None  # then its cache (a file or a pool) is ours to close
        if embedder is None:
            # MicroBatcher: threads embedding at once (server requests) share one model run
            embedder = MicroBatcher(make_embedder(self.settings.embedder, **self.settings.embedder_options))
            if self.settings.embedding_cache:
                embedder = CachedEmbedder(embedder, backend(self.settings).vector_cache(self.settings))
            embedder = QueryLRU(embedder)  # repeated questions skip the model and the disk cache
        self.retriever: Retriever = retriever or RETRIEVERS.lookup(self.settings.retriever)(
            depth=self.settings.search_depth)
        self.reranker = reranker if reranker is not None else make_reranker(self.settings)
        self.enrichers = list(enrichers) if enrichers is not None else [
            ENRICHERS.lookup(name)(self.settings) for name in self.settings.enrichers]
        self._lifecycle: Lifecycle | None = None  # built on first use (it may open an LLM client)
        for enricher in self.enrichers:  # the guard's lessons, the PII vault's rows
            if isinstance(enricher, ReadsStore):
                enricher.bind_store(store)
        self.vault = vault_of(self.enrichers)  # -- privacy hook: the PII vault --
        # -- the one write path, shared with the lifecycle and imports --
        self.writer = Writer(store, embedder, self.enrichers, self.settings.max_content_chars,
                             vault=self.vault)
        self.access = AccessBuffer(store, self.settings.access_flush_s)  # search statistics
        for enricher in self.enrichers:
            if isinstance(enricher, UsesEmbedder):  # the guard's consensus compares vectors
                enricher.bind_embedder(self.embedder)
        self.lessons = lessons_of(self.enrichers)  # -- privacy hook: the guard's lessons --

    # -- lifecycle ------------------------------------------------------------
    def close(self) -> None:
        try:
            self.access.close()  # buffered access statistics go in before the store closes
        finally:
            self.store.close()
            if self.lessons is not None:
                self.lessons.close()
        if self._own_embedder and isinstance(self.embedder, Closeable):
            self.embedder.close()
        if isinstance(self.reranker, Closeable):
            self.reranker.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writes ---------------------------------------------------------------
    def add(
        self,
        data: Conversation,
        *,
        scope: ScopeLike = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        session_id: str | None = None,
        app_id: str | None = None,
        kind: MemoryKind | str = MemoryKind.EPISODIC,
        metadata: dict[str, Any] | None = None,
        tags: Sequence[str] = (),
        event_time: datetime | None = None,
        importance: float = 0.5,
        source: str | None = None,
        actor: str | None = None,
    ) -> builtins.list[MemoryItem]:
        """Store text, or a conversation as one episodic item per round."""
        request = AddRequest(data=data, scope=scope, user_id=user_id, agent_id=agent_id,
                             session_id=session_id, app_id=app_id, kind=kind, metadata=metadata,
                             tags=tags, event_time=event_time, importance=importance,
                             source=source, actor=actor)
        now = utcnow()
        items = self.writer.add(new_items(self.writer, request, now,
                                          max_rounds=self.settings.max_rounds_per_add),
                                actor=actor, at=now)
        self._after_add(items)  # -- lifecycle hook: extraction, links, consolidation --
        log.debug("added %d memories", len(items))
        return items

    def add_many(self, requests: Iterable[AddRequest | dict[str, Any]]) -> builtins.list[builtins.list[MemoryItem]]:
        """Many ``add`` calls at once (each a dict of add()'s arguments, or an AddRequest):
        their rounds are embedded in one length-sorted pass and stored in few transactions,
        so bulk imports run at the embedder's pace. Returns each call's items, in order."""
        return add_many(self.writer, requests, self._after_add,
                        max_rounds=self.settings.max_rounds_per_add)

    def update(
        self,
        memory_id: str,
        *,
        scope: ScopeLike = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        session_id: str | None = None,
        app_id: str | None = None,
        content: str | None = None,
        metadata: dict[str, Any] | None = None,
        tags: Sequence[str] | None = None,
        importance: float | None = None,
        event_time: datetime | None = None,
        status: MemoryStatus | str | None = None,
        valid_to: datetime | None = None,
        actor: str | None = None,
        expected_version: int | None = None,
    ) -> MemoryItem:
        """Change a memory; the old version is kept in its history."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        check_actor(actor)
        current = self._one(memory_id, target)
        if status is not None and status == MemoryStatus.DELETED:  # a str enum: "deleted" too
            raise InvalidInputError(
                "status=deleted would hide the memory but keep its content; delete it with "
                "delete() (REST: DELETE /v1/memories/{id}), which erases it for good")
        changes = {name: value for name, value in (
            ("content", content), ("metadata", metadata), ("importance", importance),
            ("event_time", event_time), ("status", status), ("valid_to", valid_to),
            ("tags", None if tags is None else list(tags))) if value is not None}
        return self.writer.revise(current, changes, actor=actor, expected_version=expected_version)

    # -- reads ----------------------------------------------------------------
    def get(self, memory_id: str, *, scope: ScopeLike = None, user_id: str | None = None,
            agent_id: str | None = None, session_id: str | None = None,
            app_id: str | None = None) -> MemoryItem:
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        return self._one(memory_id, target)

    def list(self, *, scope: ScopeLike = None, user_id: str | None = None,
             agent_id: str | None = None, session_id: str | None = None,
             app_id: str | None = None, filters: Filters | dict[str, Any] | None = None,
             limit: int = 50, cursor: str | None = None, oldest_first: bool = False) -> Page:
        """A page of memories, newest first; pass ``next_cursor`` back for the next page."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        flt = self._filters(filters)
        limit = self._limit(limit)
        after = decode_cursor(cursor, target) if cursor else None
        items = self.store.list(target, flt, limit=limit + 1, after_id=after,
                                descending=not oldest_first)
        more = len(items) > limit
        items = items[:limit]
        return Page(items=items,
                    next_cursor=encode_cursor(items[-1].id, target) if more and items else None)

    def count(self, *, scope: ScopeLike = None, filters: Filters | dict[str, Any] | None = None,
              **ids: str | None) -> int:
        return self.store.count(resolve_scope(scope, **ids), self._filters(filters))

    def history(self, memory_id: str, *, scope: ScopeLike = None, user_id: str | None = None,
                agent_id: str | None = None, session_id: str | None = None,
                app_id: str | None = None) -> builtins.list[HistoryEntry]:
        """Every version of a memory, oldest first (tombstones included)."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        entries = self.store.history(target, [memory_id])
        if not entries:
            raise NotFoundError(f"no history for {memory_id!r} in scope {target}")
        return entries

    def search(
        self,
        query: str,
        *,
        scope: ScopeLike = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        session_id: str | None = None,
        app_id: str | None = None,
        filters: Filters | dict[str, Any] | None = None,
        limit: int = 10,
        since: datetime | None = None,
        until: datetime | None = None,
        now: datetime | None = None,
        token_budget: int | None = None,
    ) -> SearchResult:
        """Hybrid search inside the scope, best first.

        With ``token_budget``, hits come in reading order (sessions and events
        chronological) with ``context``, a rendered string that fits the budget;
        if the whole (filtered) history fits, it is returned whole (ConvoMem's
        finding for small histories) and ``mode`` is ``"exhaustive"``.
        """
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        if not isinstance(query, str) or not query.strip():
            raise InvalidInputError("the search query is empty; pass some text to search for")
        self.writer.check_size(query)
        if token_budget is not None and (not isinstance(token_budget, int) or token_budget < 1):
            raise InvalidInputError("token_budget must be a positive integer (tokens)")
        flt = self._filters(filters)
        if since or until:
            flt = _validated(Filters, **{**flt.model_dump(), "since": since or flt.since,
                                         "until": until or flt.until})
        request = Query(text=query, scope=target, filters=flt, limit=self._limit(limit),
                        now=utc_time(now, "now") if now else utcnow())
        if token_budget is not None:
            whole = exhaustive(self.store, request, token_budget, self.settings.exhaustive_max_items)
            if whole is not None:
                self.access.record(target, [h.item.id for h in whole.hits])
                return whole
        ranked, items = self.pipeline().rank(request, self.store, self.embedder,
                                             explicit_statuses=_chose_statuses(filters))
        hits = [SearchHit(item=items[r.id], score=r.score, channels=r.channels)
                for r in ranked if r.id in items]
        if hits:
            self.access.record(target, [h.item.id for h in hits])
        if token_budget is None:
            return SearchResult(hits=hits)
        packed = pack_context([h.item for h in hits], token_budget, query=query)
        by_id = {h.item.id: h for h in hits}
        return SearchResult(hits=[by_id[i.id] for i in packed.items], context=packed.text,
                            context_tokens=packed.tokens)

    def pipeline(self, retriever: str | None = None) -> RankingPipeline:
        """The ranking pipeline for this memory's retriever, reranker and settings;
        ``retriever`` names the retriever in use when it is not the configured one (the
        learned stage runs only for the retriever it was fitted on)."""
        name = retriever or self.settings.retriever
        model = model_for(name) if self.settings.learned_ranking else None
        gate = model_for(name, rival_gate.shipped()) if self.settings.rival_gate else None
        return RankingPipeline(self.retriever, reranker=self.reranker, model=model, rival_gate=gate,
                               rerank_depth=self.settings.rerank_depth,
                               retention_weight=self.settings.retention_weight,
                               retention_base_days=self.settings.retention_base_days)

    # -- lifecycle (consolidation, links, procedures) --------------------------------
    # Logic lives in engram.lifecycle (docs/lifecycle.md); these methods only delegate.
    @property
    def lifecycle(self) -> Lifecycle:
        if self._lifecycle is None:
            from engram.lifecycle.engine import Lifecycle

            self._lifecycle = Lifecycle(self.writer, self.settings)
        return self._lifecycle

    def _after_add(self, items: Sequence[MemoryItem]) -> None:
        if self.settings.extraction or self.settings.links or self.settings.consolidate_on_add:
            self.lifecycle.after_add(items)

    def consolidate(self, *, scope: ScopeLike = None, **ids: str | None) -> ConsolidationReport:
        """Update the scope's session summaries, rolling summary and profile
        (incremental, idempotent); returns a ConsolidationReport."""
        report: ConsolidationReport = self.lifecycle.consolidate(resolve_scope(scope, **ids))
        return report

    def archive_stale(self, *, scope: ScopeLike = None, user_id: str | None = None,
                      agent_id: str | None = None, app_id: str | None = None,
                      now: datetime | None = None, min_retention: float = 0.05,
                      max_importance: float = 0.5, kinds: Sequence[str] = ("episodic", "fact"),
                      dry_run: bool = False, actor: str | None = None) -> builtins.list[str]:
        """Archive (never delete) long-unused, unimportant items; returns their ids."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id, app_id=app_id)
        check_actor(actor)
        return self.lifecycle.archive_stale(target, now=now, min_retention=min_retention,
                                            max_importance=max_importance, kinds=kinds,
                                            dry_run=dry_run, actor=actor)

    def related(self, memory_id: str, *, scope: ScopeLike = None,
                **ids: str | None) -> builtins.list[RelatedMemory]:
        """Memories linked to this one (A-MEM links), strongest first, with the reason."""
        target = resolve_scope(scope, **ids)
        self._one(memory_id, target)
        return self.lifecycle.related(memory_id, target)

    def add_procedure(self, task: str, steps: Sequence[str], outcome: str = "", *,
                      success: bool = True, scope: ScopeLike = None, actor: str | None = None,
                      **ids: str | None) -> MemoryItem:
        """Remember how a task was done, or the lesson of a failure (kind=procedure);
        find it with ``search(task, filters={"kinds": ["procedure"]})``."""
        check_actor(actor)
        return self.lifecycle.add_procedure(resolve_scope(scope, **ids), task, steps, outcome,
                                            success=success, actor=actor)


def _chose_statuses(filters: Filters | dict[str, Any] | None) -> bool:
    """Whether the caller picked statuses (then past questions do not add superseded)."""
    if isinstance(filters, Filters):
        return "statuses" in filters.model_fields_set
    return isinstance(filters, dict) and "statuses" in filters


__all__ = ["EngramError", "Memory", "resolve_scope"]
