"""Request models for the REST API.

Responses reuse the models of :mod:`engram.model` (MemoryItem, Page,
SearchResult, ...). Requests get their own models because they differ from
stored items: a caller sends ``text`` or ``messages``, never an ``id`` or
``version``. Every request model forbids unknown fields, so a typo such as
``user`` for ``user_id`` is a 422 instead of a silently unscoped call.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from engram.model import SCOPE_FIELDS, Filters, MemoryItem, MemoryKind, MemoryStatus, Message, OnConflict

MAX_LIST_LIMIT = 1000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScopeFields(_Strict):
    """The four scope ids. With an API key, app_id/user_id default to the key's."""

    user_id: str | None = None
    agent_id: str | None = None
    session_id: str | None = None
    app_id: str | None = None

    def scope_fields(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in SCOPE_FIELDS}


class AddRequest(ScopeFields):
    """``content`` for one memory, or ``messages`` for a conversation (one memory per round).
    ``text`` is the deprecated spelling of ``content`` (PATCH and MCP say ``content``)."""

    content: str | None = None
    messages: list[Message] | None = None
    text: str | None = Field(default=None, deprecated="use content")
    kind: MemoryKind = MemoryKind.EPISODIC
    metadata: dict[str, Any] | None = None
    tags: list[str] = Field(default_factory=list)
    event_time: datetime | None = None
    importance: float = Field(default=0.5, ge=0.0, le=1.0)
    source: str | None = None
    actor: str | None = None

    @model_validator(mode="after")
    def _one_payload(self) -> AddRequest:
        given = [v for v in (self.content, self._legacy_text(), self.messages) if v is not None]
        if len(given) != 1:
            raise ValueError("pass exactly one of content or messages")
        return self

    def _legacy_text(self) -> str | None:
        """``text`` without tripping its DeprecationWarning (the caller was warned in /docs)."""
        value: str | None = self.__dict__.get("text")
        return value

    def data(self) -> str | list[Message]:
        text = self.content if self.content is not None else self._legacy_text()
        return text if text is not None else list(self.messages or [])

    def options(self) -> dict[str, Any]:
        """add()'s keyword arguments besides the scope and the actor (which the server
        confines to the caller's key)."""
        return {"kind": self.kind, "metadata": self.metadata, "tags": self.tags,
                "event_time": self.event_time, "importance": self.importance, "source": self.source}


class AddManyRequest(_Strict):
    """Many add calls in one request: each entry is a ``POST /v1/memories`` body."""

    requests: list[AddRequest]


class SearchRequest(ScopeFields):
    query: str
    filters: Filters | None = None
    limit: int = Field(default=10, ge=1, le=MAX_LIST_LIMIT)
    since: datetime | None = None
    until: datetime | None = None
    now: datetime | None = None
    token_budget: int | None = Field(default=None, ge=1)


class UpdateRequest(ScopeFields):
    """Fields left out (or null) keep their current value."""

    content: str | None = None
    metadata: dict[str, Any] | None = None
    tags: list[str] | None = None
    importance: float | None = Field(default=None, ge=0.0, le=1.0)
    event_time: datetime | None = None
    status: MemoryStatus | None = None
    valid_to: datetime | None = None
    expected_version: int | None = Field(default=None, ge=1)
    actor: str | None = None


# -- query-string models (GET / DELETE) -------------------------------------------
class ScopeQuery(ScopeFields):
    pass


class FilterQuery(ScopeFields):
    """``filters`` as a query string: repeat ``kind``, ``status`` and ``tag``."""

    kind: list[MemoryKind] | None = None
    status: list[MemoryStatus] | None = None
    tag: list[str] | None = None
    since: datetime | None = None
    until: datetime | None = None

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kinds": self.kind, "tags": self.tag,
                               "since": self.since, "until": self.until}
        if self.status:
            out["statuses"] = self.status
        return {k: v for k, v in out.items() if v is not None}


class ListQuery(FilterQuery):
    limit: int = Field(default=50, ge=1, le=MAX_LIST_LIMIT)
    cursor: str | None = None
    oldest_first: bool = False


class CountQuery(FilterQuery):
    pass


class AuditQuery(ScopeFields):
    since: datetime | None = None
    limit: int = Field(default=100, ge=1, le=MAX_LIST_LIMIT)


class ForgetRequest(_Strict):
    """Erase ``user_id`` everywhere the caller can reach (every app, agent and session
    on a keyless server; the key's app with an app-bound key)."""

    user_id: str
    purge: bool = True
    actor: str | None = None


class ScopeBody(ScopeFields):
    pass


class ArchiveRequest(_Strict):
    user_id: str | None = None
    agent_id: str | None = None
    app_id: str | None = None
    now: datetime | None = None
    min_retention: float = Field(default=0.05, ge=0.0, le=1.0)
    max_importance: float = Field(default=0.5, ge=0.0, le=1.0)
    kinds: list[MemoryKind] = Field(default_factory=lambda: [MemoryKind.EPISODIC, MemoryKind.FACT])
    dry_run: bool = False
    actor: str | None = None

    def scope_fields(self) -> dict[str, str | None]:
        return {"user_id": self.user_id, "agent_id": self.agent_id, "app_id": self.app_id}


class GuardFeedbackRequest(ScopeFields):
    verdict: Literal["benign", "malicious"]
    actor: str | None = None


class ProcedureRequest(ScopeFields):
    task: str
    steps: list[str]
    outcome: str = ""
    success: bool = True
    actor: str | None = None


class DeleteQuery(ScopeFields):
    actor: str | None = None


class DeleteAllQuery(ScopeFields):
    confirm: bool = False
    actor: str | None = None


class AdminScopeQuery(ScopeFields):
    """``all_scopes`` is honoured only by a server running without API keys."""

    all_scopes: bool = False


class ImportQuery(ScopeFields):
    skip_bad: bool = False
    actor: str | None = None
    on_conflict: OnConflict = "fail"  # unscoped imports only: an id another scope holds


class Deleted(BaseModel):
    deleted: int


class Count(BaseModel):
    count: int


class Archived(BaseModel):
    archived: list[str]


class Health(BaseModel):
    status: str


class AddResponse(BaseModel):
    items: list[MemoryItem]


class AddManyResponse(BaseModel):
    """Each request's stored memories, in request order."""

    items: list[list[MemoryItem]]


__all__ = [
    "AddManyRequest", "AddManyResponse", "AddRequest", "AddResponse", "AdminScopeQuery", "ArchiveRequest", "Archived", "AuditQuery",
    "Count", "CountQuery", "DeleteAllQuery", "DeleteQuery", "Deleted", "FilterQuery", "ForgetRequest",
    "GuardFeedbackRequest", "Health", "ImportQuery", "ListQuery", "ProcedureRequest", "ScopeBody", "ScopeFields",
    "ScopeQuery", "SearchRequest", "UpdateRequest",
]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The shape of every error response."""

    error: ErrorDetail
