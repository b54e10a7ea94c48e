"""The operation table: every facade operation, defined once.

Each :class:`Operation` names its positional parameters, its keyword arguments (a
``TypedDict``: the request model), its return type (the response model), its REST
route, its MCP tool and its ``engram`` command — or why a door cannot carry it.
:class:`MemoryAPI` is the same contract as a ``typing.Protocol``. ``Memory``,
``AsyncMemory``, ``EngramClient``, ``AsyncEngramClient``, the REST app, the MCP server
and the CLI are checked against this table by ``tests/test_operations.py``, which fails
when a door lacks an operation or disagrees on an argument's name or type (the CLI:
on its scope options).

This module imports neither FastAPI nor httpx: the clients use it without the
``server`` extra.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypedDict, Unpack, runtime_checkable

from engram import model as m
from engram.ingest.bulk import AddRequest
from engram.lifecycle.audit import AuditEntry
from engram.lifecycle.consolidate import ConsolidationReport
from engram.lifecycle.links import RelatedMemory
from engram.validation import ScopeLike

Conversation = str | Sequence[m.Message | dict[str, Any]]
# add_many's input: add()'s arguments per call, as an AddRequest or a dict of its fields.
AddBatch = Iterable[AddRequest | dict[str, Any]]
DOORS = ("Memory", "AsyncMemory", "EngramClient", "AsyncEngramClient", "rest", "mcp", "cli")
# Arguments only a Python door can carry: a Scope object (REST/MCP take the four ids)
# and a progress callback.
PYTHON_ONLY = frozenset({"scope", "progress"})


# -- request models: the keyword arguments of each operation ------------------------
class ScopeArgs(TypedDict, total=False):
    scope: ScopeLike
    user_id: str | None
    agent_id: str | None
    session_id: str | None
    app_id: str | None


class AddArgs(ScopeArgs, total=False):
    kind: m.MemoryKind | str
    metadata: dict[str, Any] | None
    tags: Sequence[str]
    event_time: datetime | None
    importance: float
    source: str | None
    actor: str | None


class SearchArgs(ScopeArgs, total=False):
    filters: m.Filters | dict[str, Any] | None
    limit: int
    since: datetime | None
    until: datetime | None
    now: datetime | None
    token_budget: int | None


class ListArgs(ScopeArgs, total=False):
    filters: m.Filters | dict[str, Any] | None
    limit: int
    cursor: str | None
    oldest_first: bool


class CountArgs(ScopeArgs, total=False):
    filters: m.Filters | dict[str, Any] | None


class UpdateArgs(ScopeArgs, total=False):
    content: str | None
    metadata: dict[str, Any] | None
    tags: Sequence[str] | None
    importance: float | None
    event_time: datetime | None
    status: m.MemoryStatus | str | None
    valid_to: datetime | None
    actor: str | None
    expected_version: int | None


class ActorArgs(ScopeArgs, total=False):
    actor: str | None


class AdminArgs(ScopeArgs, total=False):
    all_scopes: bool


class ImportArgs(TypedDict, total=False):
    scope: ScopeLike
    skip_bad: bool
    actor: str | None
    on_conflict: m.OnConflict
    progress: Callable[[int, int], None] | None


class ForgetArgs(TypedDict, total=False):
    actor: str | None
    purge: bool


class NoArgs(TypedDict, total=False):
    pass


class AuditArgs(ScopeArgs, total=False):
    since: datetime | None
    limit: int


class ArchiveArgs(TypedDict, total=False):
    scope: ScopeLike
    user_id: str | None
    agent_id: str | None
    app_id: str | None
    now: datetime | None
    min_retention: float
    max_importance: float
    kinds: Sequence[str]
    dry_run: bool
    actor: str | None


class FeedbackArgs(ScopeArgs, total=False):
    actor: str | None


class ProcedureArgs(ScopeArgs, total=False):
    success: bool
    actor: str | None


# -- the table ----------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    """A REST route; ``wrap`` names the JSON field holding a bare return value."""

    method: str
    path: str
    wrap: str | None = None
    extra: tuple[str, ...] = ()  # REST-only parameters, each explained where it is declared


@dataclass(frozen=True)
class Operation:
    name: str
    params: tuple[tuple[str, Any], ...]  # positional parameters (name, type)
    args: type  # a TypedDict: the keyword arguments
    returns: Any
    rest: Route | None
    mcp: str | None = None
    absent: Mapping[str, str] = field(default_factory=dict)  # door -> why it lacks the operation
    optional: tuple[tuple[str, Any], ...] = ()  # positional-or-keyword params with a default
    cli: str | None = None  # the `engram` command (and option) that runs it


_AGENT = ("not an agent tool: the MCP tool list stays the small set agents know (add, search, "
          "update, delete, list, delete_all, history, profile); use REST or Python")
_MAINTENANCE = ("maintenance, not an agent tool: a prompt-injected agent must not be able to "
                "run it; use REST or Python")
_BULK = ("bulk ingest, not an agent tool: an agent stores what it learns with add, which "
         "already takes a whole conversation; batches come from imports (REST, Python, CLI)")
_ERASE = ("erasure beyond the pinned scope: an agent gets delete and delete_all, confined to "
          "the user it serves; erasing a user everywhere is the operator's call (REST, Python)")

_VERDICT = ("the guard's judge, not an agent tool: a prompt-injected agent must not be able to "
            "clear the flag on the memory it is being poisoned with; use REST, Python or the CLI")

OPERATIONS: tuple[Operation, ...] = (
    Operation("add", (("data", Conversation),), AddArgs, list[m.MemoryItem],
              Route("POST", "/v1/memories", "items"), "add", cli="add"),
    # One HTTP request for many add calls; its rounds together are capped like one add's.
    Operation("add_many", (("requests", AddBatch),), NoArgs, list[list[m.MemoryItem]],
              Route("POST", "/v1/memories/batch", "items"), absent={"mcp": _BULK},
              cli="add-many"),
    Operation("search", (("query", str),), SearchArgs, m.SearchResult,
              Route("POST", "/v1/search"), "search", cli="search"),
    Operation("get", (("memory_id", str),), ScopeArgs, m.MemoryItem,
              Route("GET", "/v1/memories/{memory_id}"), absent={"mcp": _AGENT}, cli="get"),
    Operation("list", (), ListArgs, m.Page, Route("GET", "/v1/memories"), "list", cli="list"),
    Operation("count", (), CountArgs, int, Route("GET", "/v1/count", "count"),
              absent={"mcp": _AGENT}, cli="count"),
    Operation("update", (("memory_id", str),), UpdateArgs, m.MemoryItem,
              Route("PATCH", "/v1/memories/{memory_id}"), "update", cli="update"),
    Operation("delete", (("memory_id", str),), ActorArgs, type(None),
              Route("DELETE", "/v1/memories/{memory_id}"), "delete", cli="delete"),
    # confirm=true: a guard against wiping a scope by a stray curl; the facade call is explicit.
    Operation("delete_all", (), ActorArgs, int,
              Route("DELETE", "/v1/memories", "deleted", extra=("confirm",)), "delete_all",
              cli="delete --all"),
    Operation("history", (("memory_id", str),), ScopeArgs, list[m.HistoryEntry],
              Route("GET", "/v1/memories/{memory_id}/history"), "history", cli="history"),
    Operation("export", (), AdminArgs, Iterator[str], Route("GET", "/v1/export"),
              absent={"mcp": _MAINTENANCE}, cli="export"),
    Operation("import_", (("lines", Iterable[str] | str | Path),), ImportArgs, m.ImportReport,
              Route("POST", "/v1/import"), absent={"mcp": _MAINTENANCE}, cli="import"),
    Operation("stats", (), AdminArgs, m.Stats, Route("GET", "/v1/stats"), absent={"mcp": _AGENT},
              cli="stats"),
    Operation("forget", (("user_id", str),), ForgetArgs, int,
              Route("POST", "/v1/forget", "deleted"), absent={"mcp": _ERASE}, cli="forget"),
    Operation("purge", (), NoArgs, type(None), Route("POST", "/v1/purge"),
              absent={"mcp": _MAINTENANCE}, cli="purge"),
    Operation("audit", (), AuditArgs, list[AuditEntry], Route("GET", "/v1/audit"),
              absent={"mcp": _MAINTENANCE}, cli="audit"),
    Operation("reveal", (("memory_id", str),), ScopeArgs, m.MemoryItem,
              Route("GET", "/v1/memories/{memory_id}/reveal"),
              absent={"mcp": "it returns vaulted PII in clear text: never to an agent"},
              cli="get --reveal"),
    Operation("consolidate", (), ScopeArgs, ConsolidationReport,
              Route("POST", "/v1/consolidate"), absent={"mcp": _MAINTENANCE}, cli="consolidate"),
    Operation("archive_stale", (), ArchiveArgs, list[str],
              Route("POST", "/v1/archive-stale", "archived"), absent={"mcp": _MAINTENANCE},
              cli="archive"),
    Operation("related", (("memory_id", str),), ScopeArgs, list[RelatedMemory],
              Route("GET", "/v1/memories/{memory_id}/related"), absent={"mcp": _AGENT}, cli="related"),
    # An operator's verdict on a flagged memory ("benign" or "malicious"), kept as a lesson.
    Operation("guard_feedback", (("memory_id", str), ("verdict", str)), FeedbackArgs, m.MemoryItem,
              Route("POST", "/v1/memories/{memory_id}/guard-feedback"), absent={"mcp": _VERDICT},
              cli="guard-feedback"),
    Operation("add_procedure", (("task", str), ("steps", Sequence[str])), ProcedureArgs,
              m.MemoryItem, Route("POST", "/v1/procedures"), absent={"mcp": _AGENT},
              optional=(("outcome", str),), cli="procedure"),
)
BY_NAME: dict[str, Operation] = {op.name: op for op in OPERATIONS}
# MCP-only tool: profile renders list(kinds=profile, fact) as Markdown for the agent.
MCP_TOOLS = tuple(op.mcp for op in OPERATIONS if op.mcp) + ("profile",)


@runtime_checkable
class MemoryAPI(Protocol):
    """What every Python door offers (``AsyncMemory`` and ``AsyncEngramClient``: the
    same, awaitable, with ``export`` returning the list of lines)."""

    def add(self, data: Conversation, **args: Unpack[AddArgs]) -> builtins.list[m.MemoryItem]: ...
    def add_many(self, requests: AddBatch) -> builtins.list[builtins.list[m.MemoryItem]]: ...
    def search(self, query: str, **args: Unpack[SearchArgs]) -> m.SearchResult: ...
    def get(self, memory_id: str, **args: Unpack[ScopeArgs]) -> m.MemoryItem: ...
    def list(self, **args: Unpack[ListArgs]) -> m.Page: ...
    def count(self, **args: Unpack[CountArgs]) -> int: ...
    def update(self, memory_id: str, **args: Unpack[UpdateArgs]) -> m.MemoryItem: ...
    def delete(self, memory_id: str, **args: Unpack[ActorArgs]) -> None: ...
    def delete_all(self, **args: Unpack[ActorArgs]) -> int: ...
    def history(self, memory_id: str, **args: Unpack[ScopeArgs]) -> builtins.list[m.HistoryEntry]: ...
    def export(self, **args: Unpack[AdminArgs]) -> Iterator[str]: ...
    def import_(self, lines: Iterable[str] | str | Path,
                **args: Unpack[ImportArgs]) -> m.ImportReport: ...
    def stats(self, **args: Unpack[AdminArgs]) -> m.Stats: ...
    def forget(self, user_id: str, **args: Unpack[ForgetArgs]) -> int: ...
    def purge(self) -> None: ...
    def audit(self, **args: Unpack[AuditArgs]) -> builtins.list[AuditEntry]: ...
    def reveal(self, memory_id: str, **args: Unpack[ScopeArgs]) -> m.MemoryItem: ...
    def consolidate(self, **args: Unpack[ScopeArgs]) -> ConsolidationReport: ...
    def archive_stale(self, **args: Unpack[ArchiveArgs]) -> builtins.list[str]: ...
    def related(self, memory_id: str, **args: Unpack[ScopeArgs]) -> builtins.list[RelatedMemory]: ...
    def guard_feedback(self, memory_id: str, verdict: str,
                       **args: Unpack[FeedbackArgs]) -> m.MemoryItem: ...
    def add_procedure(self, task: str, steps: Sequence[str], outcome: str = "",
                      **args: Unpack[ProcedureArgs]) -> m.MemoryItem: ...


__all__ = [
    "BY_NAME", "DOORS", "MCP_TOOLS", "OPERATIONS", "PYTHON_ONLY", "ActorArgs", "AddArgs",
    "AddBatch", "AddRequest",
    "AdminArgs", "ArchiveArgs", "AuditArgs", "Conversation", "CountArgs", "ForgetArgs",
    "FeedbackArgs", "ImportArgs", "ListArgs", "MemoryAPI", "NoArgs", "Operation", "ProcedureArgs", "Route",
    "ScopeArgs", "SearchArgs", "UpdateArgs",
]
