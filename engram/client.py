"""EngramClient / AsyncEngramClient: the facade's API over HTTP.

Same method names, keyword arguments, return models and exceptions as
:class:`engram.Memory` / :class:`engram.AsyncMemory`, so going remote is one
line::

    mem = Memory()                                               # embedded
    mem = EngramClient("http://memory:8080", api_key="egk_...")  # remote
    mem.add("I moved to Lisbon", user_id="alice")

Errors come back as the same :class:`~engram.errors.EngramError` subclasses
(mapped from the error ``code``), plus the network-only
:class:`AuthenticationError`, :class:`PermissionDeniedError`,
:class:`RateLimitError` and :class:`RemoteError`. Only ``httpx`` is needed.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Self, Unpack

import httpx

from engram import operations as op
from engram.client_http import default_headers, error_from, parse_op, parse_response, transport_error
from engram.lifecycle.audit import AuditEntry
from engram.lifecycle.consolidate import ConsolidationReport
from engram.lifecycle.links import RelatedMemory
from engram.model import HistoryEntry, ImportReport, MemoryItem, Page, SearchResult, Stats
from engram.server.wire import (
    AuthenticationError,
    Call,
    PermissionDeniedError,
    RateLimitError,
    RemoteError,
    add_call,
    add_many_call,
    import_call,
    list_call,
    more_calls,
    params_of,
    quote_id,
    search_call,
    update_call,
)

DEFAULT_URL = "http://127.0.0.1:8080"
__all__ = [
    "AsyncEngramClient", "AuthenticationError", "EngramClient", "PermissionDeniedError", "RateLimitError",
    "RemoteError",
]


class EngramClient:
    """A :class:`engram.Memory` look-alike that talks to ``engram serve``."""

    def __init__(self, base_url: str = DEFAULT_URL, api_key: str | None = None, *,
                 timeout: float = 30.0, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(base_url=self.base_url, headers=default_headers(api_key),
                                  timeout=timeout, transport=transport)

    def _send(self, call: Call, *, stream: bool = False) -> httpx.Response:
        request = self._http.build_request(
            call.method, call.path, params=call.params or None, json=call.json,
            content=call.content,
            headers=_content_type(call))
        try:
            response = self._http.send(request, stream=stream)
        except httpx.HTTPError as exc:
            raise transport_error(self.base_url, exc) from None
        if response.status_code >= 400:
            response.read()
            response.close()
            raise error_from(response)
        return response

    def _run(self, call: Call, model: Any) -> Any:
        return parse_response(model, self._send(call))

    def add(self, data: op.Conversation, **args: Unpack[op.AddArgs]) -> list[MemoryItem]:
        result: list[MemoryItem] = self._run(add_call(data, args), "items")
        return result

    def add_many(self, requests: op.AddBatch) -> builtins.list[builtins.list[MemoryItem]]:
        """One request for many add calls; the server caps its rounds like one add's."""
        result: builtins.list[builtins.list[MemoryItem]] = parse_op(
            "add_many", self._send(add_many_call(requests)))
        return result

    def search(self, query: str, **args: Unpack[op.SearchArgs]) -> SearchResult:
        result: SearchResult = self._run(search_call(query, args), SearchResult)
        return result

    def get(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> MemoryItem:
        call = Call("GET", f"/v1/memories/{quote_id(memory_id)}", params_of(args))
        result: MemoryItem = self._run(call, MemoryItem)
        return result

    def list(self, **args: Unpack[op.ListArgs]) -> Page:
        result: Page = self._run(list_call(args), Page)
        return result

    def update(self, memory_id: str, **args: Unpack[op.UpdateArgs]) -> MemoryItem:
        result: MemoryItem = self._run(update_call(memory_id, args), MemoryItem)
        return result

    def delete(self, memory_id: str, **args: Unpack[op.ActorArgs]) -> None:
        params = params_of(args, actor=args.get("actor"))
        self._run(Call("DELETE", f"/v1/memories/{quote_id(memory_id)}", params), None)

    def delete_all(self, **args: Unpack[op.ActorArgs]) -> int:
        params = params_of(args, confirm=True, actor=args.get("actor"))
        deleted: int = self._run(Call("DELETE", "/v1/memories", params), "deleted")
        return deleted

    def history(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> builtins.list[HistoryEntry]:
        call = Call("GET", f"/v1/memories/{quote_id(memory_id)}/history", params_of(args))
        result: builtins.list[HistoryEntry] = self._run(call, "history")
        return result

    def export(self, **args: Unpack[op.AdminArgs]) -> Iterator[str]:
        """JSON lines, streamed; errors (scope, auth) are raised here, before iterating."""
        params = params_of(args, all_scopes=args.get("all_scopes", False))
        response = self._send(Call("GET", "/v1/export", params), stream=True)

        def lines() -> Iterator[str]:
            try:
                for line in response.iter_lines():
                    if line.strip():
                        yield line
            except httpx.HTTPError as exc:
                raise transport_error(self.base_url, exc) from None
            finally:
                response.close()

        return lines()

    def import_(self, lines: Iterable[str] | str | Path, **args: Unpack[op.ImportArgs]) -> ImportReport:
        report: ImportReport = self._run(import_call(lines, args), ImportReport)
        _report_progress(args, report)
        return report

    def stats(self, **args: Unpack[op.AdminArgs]) -> Stats:
        params = params_of(args, all_scopes=args.get("all_scopes", False))
        result: Stats = self._run(Call("GET", "/v1/stats", params), Stats)
        return result

    def count(self, **args: Unpack[op.CountArgs]) -> int:
        result: int = parse_op("count", self._send(more_calls("count", **args)))
        return result

    def forget(self, user_id: str, **args: Unpack[op.ForgetArgs]) -> int:
        result: int = parse_op("forget", self._send(more_calls("forget", user_id, **args)))
        return result

    def purge(self) -> None:
        self._send(more_calls("purge"))

    def audit(self, **args: Unpack[op.AuditArgs]) -> builtins.list[AuditEntry]:
        result: builtins.list[AuditEntry] = parse_op("audit", self._send(more_calls("audit", **args)))
        return result

    def reveal(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> MemoryItem:
        result: MemoryItem = parse_op("reveal", self._send(more_calls("reveal", memory_id, **args)))
        return result

    def consolidate(self, **args: Unpack[op.ScopeArgs]) -> ConsolidationReport:
        result: ConsolidationReport = parse_op("consolidate",
                                               self._send(more_calls("consolidate", **args)))
        return result

    def archive_stale(self, **args: Unpack[op.ArchiveArgs]) -> builtins.list[str]:
        result: builtins.list[str] = parse_op("archive_stale",
                                              self._send(more_calls("archive_stale", **args)))
        return result

    def related(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> builtins.list[RelatedMemory]:
        result: builtins.list[RelatedMemory] = parse_op(
            "related", self._send(more_calls("related", memory_id, **args)))
        return result

    def guard_feedback(self, memory_id: str, verdict: str,
                       **args: Unpack[op.FeedbackArgs]) -> MemoryItem:
        call = more_calls("guard_feedback", memory_id, verdict, **args)
        result: MemoryItem = parse_op("guard_feedback", self._send(call))
        return result

    def add_procedure(self, task: str, steps: Sequence[str], outcome: str = "",
                      **args: Unpack[op.ProcedureArgs]) -> MemoryItem:
        call = more_calls("add_procedure", task, steps, outcome=outcome, **args)
        result: MemoryItem = parse_op("add_procedure", self._send(call))
        return result

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class AsyncEngramClient:
    """A :class:`engram.AsyncMemory` look-alike: the same methods, awaitable.

    As with AsyncMemory, ``export`` returns the list of lines.
    """

    def __init__(self, base_url: str = DEFAULT_URL, api_key: str | None = None, *,
                 timeout: float = 30.0, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url, headers=default_headers(api_key),
                                       timeout=timeout, transport=transport)

    async def _send(self, call: Call) -> httpx.Response:
        try:
            response = await self._http.request(
                call.method, call.path, params=call.params or None, json=call.json,
                content=call.content, headers=_content_type(call))
        except httpx.HTTPError as exc:
            raise transport_error(self.base_url, exc) from None
        if response.status_code >= 400:
            raise error_from(response)
        return response

    async def _run(self, call: Call, model: Any) -> Any:
        return parse_response(model, await self._send(call))

    async def add(self, data: op.Conversation, **args: Unpack[op.AddArgs]) -> list[MemoryItem]:
        result: list[MemoryItem] = await self._run(add_call(data, args), "items")
        return result

    async def add_many(self, requests: op.AddBatch) -> builtins.list[builtins.list[MemoryItem]]:
        result: builtins.list[builtins.list[MemoryItem]] = parse_op(
            "add_many", await self._send(add_many_call(requests)))
        return result

    async def search(self, query: str, **args: Unpack[op.SearchArgs]) -> SearchResult:
        result: SearchResult = await self._run(search_call(query, args), SearchResult)
        return result

    async def get(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> MemoryItem:
        call = Call("GET", f"/v1/memories/{quote_id(memory_id)}", params_of(args))
        result: MemoryItem = await self._run(call, MemoryItem)
        return result

    async def list(self, **args: Unpack[op.ListArgs]) -> Page:
        result: Page = await self._run(list_call(args), Page)
        return result

    async def update(self, memory_id: str, **args: Unpack[op.UpdateArgs]) -> MemoryItem:
        result: MemoryItem = await self._run(update_call(memory_id, args), MemoryItem)
        return result

    async def delete(self, memory_id: str, **args: Unpack[op.ActorArgs]) -> None:
        params = params_of(args, actor=args.get("actor"))
        await self._run(Call("DELETE", f"/v1/memories/{quote_id(memory_id)}", params), None)

    async def delete_all(self, **args: Unpack[op.ActorArgs]) -> int:
        params = params_of(args, confirm=True, actor=args.get("actor"))
        deleted: int = await self._run(Call("DELETE", "/v1/memories", params), "deleted")
        return deleted

    async def history(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> builtins.list[HistoryEntry]:
        call = Call("GET", f"/v1/memories/{quote_id(memory_id)}/history", params_of(args))
        result: builtins.list[HistoryEntry] = await self._run(call, "history")
        return result

    async def export(self, **args: Unpack[op.AdminArgs]) -> builtins.list[str]:
        params = params_of(args, all_scopes=args.get("all_scopes", False))
        response = await self._send(Call("GET", "/v1/export", params))
        return [line for line in response.text.splitlines() if line.strip()]

    async def import_(self, lines: Iterable[str] | str | Path,
                      **args: Unpack[op.ImportArgs]) -> ImportReport:
        report: ImportReport = await self._run(import_call(lines, args), ImportReport)
        _report_progress(args, report)
        return report

    async def stats(self, **args: Unpack[op.AdminArgs]) -> Stats:
        params = params_of(args, all_scopes=args.get("all_scopes", False))
        result: Stats = await self._run(Call("GET", "/v1/stats", params), Stats)
        return result

    async def count(self, **args: Unpack[op.CountArgs]) -> int:
        result: int = parse_op("count", await self._send(more_calls("count", **args)))
        return result

    async def forget(self, user_id: str, **args: Unpack[op.ForgetArgs]) -> int:
        result: int = parse_op("forget", await self._send(more_calls("forget", user_id, **args)))
        return result

    async def purge(self) -> None:
        await self._send(more_calls("purge"))

    async def audit(self, **args: Unpack[op.AuditArgs]) -> builtins.list[AuditEntry]:
        result: builtins.list[AuditEntry] = parse_op("audit", await self._send(more_calls("audit", **args)))
        return result

    async def reveal(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> MemoryItem:
        result: MemoryItem = parse_op("reveal", await self._send(more_calls("reveal", memory_id, **args)))
        return result

    async def consolidate(self, **args: Unpack[op.ScopeArgs]) -> ConsolidationReport:
        result: ConsolidationReport = parse_op("consolidate",
                                               await self._send(more_calls("consolidate", **args)))
        return result

    async def archive_stale(self, **args: Unpack[op.ArchiveArgs]) -> builtins.list[str]:
        result: builtins.list[str] = parse_op("archive_stale",
                                              await self._send(more_calls("archive_stale", **args)))
        return result

    async def related(self, memory_id: str, **args: Unpack[op.ScopeArgs]) -> builtins.list[RelatedMemory]:
        result: builtins.list[RelatedMemory] = parse_op(
            "related", await self._send(more_calls("related", memory_id, **args)))
        return result

    async def guard_feedback(self, memory_id: str, verdict: str,
                             **args: Unpack[op.FeedbackArgs]) -> MemoryItem:
        call = more_calls("guard_feedback", memory_id, verdict, **args)
        result: MemoryItem = parse_op("guard_feedback", await self._send(call))
        return result

    async def add_procedure(self, task: str, steps: Sequence[str], outcome: str = "",
                      **args: Unpack[op.ProcedureArgs]) -> MemoryItem:
        call = more_calls("add_procedure", task, steps, outcome=outcome, **args)
        result: MemoryItem = parse_op("add_procedure", await self._send(call))
        return result

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()


def _content_type(call: Call) -> dict[str, str] | None:
    return {"content-type": "application/x-ndjson"} if call.content is not None else None


def _report_progress(args: op.ImportArgs, report: ImportReport) -> None:
    """The facade reports progress per batch; remotely there is one batch."""
    progress = args.get("progress")
    if progress is not None:
        done = report.imported + report.skipped
        progress(done, done)
