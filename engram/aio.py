"""AsyncMemory: the facade for asyncio code, running each call in a worker thread.

SQLite and the ONNX embedder are blocking; a thread keeps the event loop free
while the store's own lock keeps calls consistent. Every operation of
:data:`engram.operations.OPERATIONS` is here, with the facade's argument and
return types (``tests/test_operations.py`` checks them).
"""

from __future__ import annotations

import asyncio
import builtins
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Unpack

from engram import operations as op
from engram.lifecycle.audit import AuditEntry
from engram.lifecycle.consolidate import ConsolidationReport
from engram.lifecycle.links import RelatedMemory
from engram.memory import Memory
from engram.model import HistoryEntry, ImportReport, MemoryItem, Page, SearchResult, Stats


class AsyncMemory:
    """Same methods as :class:`Memory`, awaitable. ``export`` returns a list of lines."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.sync = Memory(*args, **kwargs)

    async def add(self, data: op.Conversation, **args: Unpack[op.AddArgs]) -> builtins.list[MemoryItem]:
        return await asyncio.to_thread(self.sync.add, data, **args)

    async def add_many(self, requests: op.AddBatch) -> builtins.list[builtins.list[MemoryItem]]:
        return await asyncio.to_thread(self.sync.add_many, requests)

    async def search(self, query: str, **args: Unpack[op.SearchArgs]) -> SearchResult:
        return await asyncio.to_thread(self.sync.search, query, **args)

    async def get(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> MemoryItem:
        return await asyncio.to_thread(self.sync.get, memory_id, **args)

    async def list(self, **args: Unpack[op.ListArgs]) -> Page:
        return await asyncio.to_thread(self.sync.list, **args)

    async def count(self, **args: Unpack[op.CountArgs]) -> int:
        return await asyncio.to_thread(self.sync.count, **args)

    async def update(self, memory_id: str, **args: Unpack[op.UpdateArgs]) -> MemoryItem:
        return await asyncio.to_thread(self.sync.update, memory_id, **args)

    async def delete(self, memory_id: str, **args: Unpack[op.ActorArgs]) -> None:
        await asyncio.to_thread(self.sync.delete, memory_id, **args)

    async def delete_all(self, **args: Unpack[op.ActorArgs]) -> int:
        return await asyncio.to_thread(self.sync.delete_all, **args)

    async def history(self, memory_id: str,
                      **args: Unpack[op.ScopeArgs]) -> builtins.list[HistoryEntry]:
        return await asyncio.to_thread(self.sync.history, memory_id, **args)

    async def export(self, **args: Unpack[op.AdminArgs]) -> builtins.list[str]:
        return await asyncio.to_thread(lambda: builtins.list(self.sync.export(**args)))

    async def import_(self, lines: Iterable[str] | str | Path,
                      **args: Unpack[op.ImportArgs]) -> ImportReport:
        return await asyncio.to_thread(self.sync.import_, lines, **args)

    async def stats(self, **args: Unpack[op.AdminArgs]) -> Stats:
        return await asyncio.to_thread(self.sync.stats, **args)

    async def forget(self, user_id: str, **args: Unpack[op.ForgetArgs]) -> int:
        return await asyncio.to_thread(self.sync.forget, user_id, **args)

    async def purge(self) -> None:
        await asyncio.to_thread(self.sync.purge)

    async def audit(self, **args: Unpack[op.AuditArgs]) -> builtins.list[AuditEntry]:
        return await asyncio.to_thread(self.sync.audit, **args)

    async def reveal(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> MemoryItem:
        return await asyncio.to_thread(self.sync.reveal, memory_id, **args)

    async def consolidate(self, **args: Unpack[op.ScopeArgs]) -> ConsolidationReport:
        return await asyncio.to_thread(self.sync.consolidate, **args)

    async def archive_stale(self, **args: Unpack[op.ArchiveArgs]) -> builtins.list[str]:
        return await asyncio.to_thread(self.sync.archive_stale, **args)

    async def related(self, memory_id: str,
                      **args: Unpack[op.ScopeArgs]) -> builtins.list[RelatedMemory]:
        return await asyncio.to_thread(self.sync.related, memory_id, **args)

    async def guard_feedback(self, memory_id: str, verdict: str,
                             **args: Unpack[op.FeedbackArgs]) -> MemoryItem:
        return await asyncio.to_thread(self.sync.guard_feedback, memory_id, verdict, **args)

    async def add_procedure(self, task: str, steps: Sequence[str], outcome: str = "",
                            **args: Unpack[op.ProcedureArgs]) -> MemoryItem:
        return await asyncio.to_thread(self.sync.add_procedure, task, steps, outcome, **args)

    async def close(self) -> None:
        await asyncio.to_thread(self.sync.close)

    async def __aenter__(self) -> AsyncMemory:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()
