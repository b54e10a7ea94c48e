"""Pydantic models: the memory unit, its scope, provenance and history.

A :class:`MemoryItem` plays the role of MemOS's "MemCube": content plus the
metadata needed to manage it as a resource (scope, provenance, validity
interval, status, version).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from engram.ids import new_id

SCOPE_FIELDS = ("user_id", "agent_id", "session_id", "app_id")
MAX_ID_CHARS = 256
MAX_METADATA_DEPTH = 16
# Each filter tag is one SQL condition; ~1,000 of them overflow SQLite's expression-tree
# depth. No real filter needs more than a handful.
MAX_FILTER_TAGS = 64
# Tags are the caller's labels: each is indexed and scanned on every write, so a list of
# 10,000 (or one tag of 100,000 characters) is an input error, not a slow request.
MAX_TAGS = 100
MAX_LABEL_CHARS = 256
MAX_SOURCE_CHARS = 2048  # a URL or a file path
ROLES = ("user", "assistant", "system", "tool", "developer")  # the chat roles of OpenAI-style APIs


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC; aware ones are converted to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("the time is outside the supported range (years 1-9999 in UTC)") from None


def check_text(value: str, what: str) -> str:
    """Reject text that cannot be stored as UTF-8 (lone surrogates) or holds NUL."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{what} is not valid UTF-8 (position {exc.start}); decode your input "
            "with errors='replace' or fix its encoding"
        ) from None
    if "\x00" in value:
        raise ValueError(f"{what} contains a NUL character; strip it before storing")
    return value


def _check_json(value: Any, depth: int = 0) -> None:
    if depth > MAX_METADATA_DEPTH:
        raise ValueError(f"metadata is nested deeper than {MAX_METADATA_DEPTH} levels; flatten it")
    if isinstance(value, dict):
        for key, sub in value.items():
            if not isinstance(key, str):
                raise ValueError("metadata keys must be strings")
            check_text(key, "a metadata key")
            _check_json(sub, depth + 1)
    elif isinstance(value, list):
        for sub in value:
            _check_json(sub, depth + 1)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("metadata numbers must be finite (no NaN or Infinity)")
    elif isinstance(value, str):
        check_text(value, "a metadata value")
    elif value is not None and not isinstance(value, (bool, int)):
        raise ValueError(f"metadata values must be JSON types, not {type(value).__name__}")


class MemoryKind(str, Enum):
    EPISODIC = "episodic"
    FACT = "fact"
    SUMMARY = "summary"
    PROFILE = "profile"
    PROCEDURE = "procedure"


class MemoryStatus(str, Enum):
    ACTIVE = "active"
    SUPERSEDED = "superseded"
    ARCHIVED = "archived"
    DELETED = "deleted"


class Scope(BaseModel):
    """Who a memory belongs to. At least one field is required.

    A query scope matches every item whose fields equal all fields the query
    sets: ``Scope(user_id="u")`` covers all of u's sessions and agents.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_id: str | None = None
    agent_id: str | None = None
    session_id: str | None = None
    app_id: str | None = None

    @field_validator(*SCOPE_FIELDS)
    @classmethod
    def _valid_id(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.strip():
            raise ValueError("scope ids must be non-empty strings")
        if len(value) > MAX_ID_CHARS:
            raise ValueError(f"scope ids are limited to {MAX_ID_CHARS} characters")
        if any(ord(ch) < 32 for ch in value):
            raise ValueError("scope ids must not contain control characters")
        return check_text(value, "a scope id")

    @model_validator(mode="after")
    def _at_least_one(self) -> Scope:
        if not any(getattr(self, name) for name in SCOPE_FIELDS):
            raise ValueError(
                "a scope needs at least one of user_id, agent_id, session_id, app_id"
            )
        return self

    def fields(self) -> dict[str, str]:
        """The fields that are set, in a stable order."""
        return {name: getattr(self, name) for name in SCOPE_FIELDS if getattr(self, name)}

    def covers(self, other: Scope) -> bool:
        """True when every field this scope sets is equal in ``other``."""
        return all(getattr(other, name) == value for name, value in self.fields().items())

    def across_sessions(self) -> Scope:
        """This scope without its session: where facts, profiles and links live, since
        they outlive the session that produced them."""
        fields = {k: v for k, v in self.fields().items() if k != "session_id"}
        return Scope(**fields) if fields else self

    def narrowed(self, **fields: str | None) -> Scope:
        """This scope with extra fields set; refuses to change a set field."""
        merged = dict(self.fields())
        for name, value in fields.items():
            if value is None:
                continue
            if merged.get(name) not in (None, value):
                raise ValueError(f"{name} is already {merged[name]!r} in this scope")
            merged[name] = value
        return Scope(**merged)

    def __str__(self) -> str:
        return ",".join(f"{k}={v}" for k, v in self.fields().items())


class Provenance(BaseModel):
    """Where a memory came from (MemOS: memory as a managed, traceable resource)."""

    model_config = ConfigDict(extra="forbid")

    source_ids: list[str] = Field(default_factory=list)
    source: str | None = Field(default=None, max_length=MAX_SOURCE_CHARS)
    actor: str | None = Field(default=None, max_length=MAX_ID_CHARS)


class Message(BaseModel):
    """One conversation turn given to :meth:`Memory.add`."""

    model_config = ConfigDict(extra="forbid")

    role: str = "user"
    content: str
    name: str | None = None
    id: str | None = None
    timestamp: datetime | None = None

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        if value not in ROLES:
            raise ValueError(f"role {value!r} is not one of {', '.join(ROLES)}; "
                             "put a speaker's name in 'name' instead")
        return value

    @field_validator("content")
    @classmethod
    def _content(cls, value: str) -> str:
        return check_text(value, "message content")

    @field_validator("timestamp")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value) if value else None


class MemoryItem(BaseModel):
    """The unit of memory. ``event_time`` is when it happened in the conversation;
    ``created_at`` is when Engram stored it; ``valid_from``/``valid_to`` bound the
    interval in which the memory was believed true (bi-temporal, as in Zep)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(default_factory=new_id)
    scope: Scope
    kind: MemoryKind = MemoryKind.EPISODIC
    content: str
    role: str | None = None
    keys: list[str] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    event_time: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    importance: float = Field(default=0.5, ge=0.0, le=1.0)
    access_count: int = Field(default=0, ge=0)
    last_accessed_at: datetime | None = None
    provenance: Provenance = Field(default_factory=Provenance)
    status: MemoryStatus = MemoryStatus.ACTIVE
    version: int = Field(default=1, ge=1)
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("content")
    @classmethod
    def _content(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("content is empty; pass some text to remember")
        return check_text(value, "content")

    @field_validator("keys", "entities", "tags")
    @classmethod
    def _labels(cls, values: list[str]) -> list[str]:
        return [check_text(v, "a label") for v in values]

    @field_validator("tags")
    @classmethod
    def _few_short_tags(cls, values: list[str]) -> list[str]:
        if len(values) > MAX_TAGS:
            raise ValueError(f"a memory takes at most {MAX_TAGS} tags (got {len(values)}); "
                             "put the rest in metadata")
        if any(len(v) > MAX_LABEL_CHARS for v in values):
            raise ValueError(f"each tag is limited to {MAX_LABEL_CHARS} characters; "
                             "put longer text in metadata")
        return values

    @field_validator("event_time", "created_at", "updated_at", "valid_from", "valid_to",
                     "last_accessed_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value) if value else None

    @field_validator("metadata")
    @classmethod
    def _metadata(cls, value: dict[str, Any]) -> dict[str, Any]:
        _check_json(value)
        return value

    def snapshot(self) -> dict[str, Any]:
        """A JSON-ready copy, as stored in history and export files."""
        data: dict[str, Any] = json.loads(self.model_dump_json())
        return data


HistoryOp = Literal["add", "update", "delete", "supersede", "archive", "restore", "import"]


class HistoryEntry(BaseModel):
    """One row of a memory's version history: who changed what, when, old → new.

    After deletion, ``old``/``new`` are emptied and a tombstone row remains.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=new_id)
    memory_id: str
    version: int
    op: HistoryOp
    actor: str | None = Field(default=None, max_length=MAX_ID_CHARS)
    at: datetime = Field(default_factory=utcnow)
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return as_utc(value)


class Filters(BaseModel):
    """Narrow a list or search beyond the scope."""

    model_config = ConfigDict(extra="forbid")

    kinds: list[MemoryKind] | None = None
    statuses: list[MemoryStatus] = Field(default_factory=lambda: [MemoryStatus.ACTIVE])
    tags: list[str] | None = None  # all must be present
    since: datetime | None = None  # event_time >= since
    until: datetime | None = None  # event_time < until
    metadata: dict[str, str | int | float | bool] | None = None  # equality on top-level keys

    @field_validator("since", "until")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value) if value else None

    @field_validator("tags")
    @classmethod
    def _few_tags(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(value) > MAX_FILTER_TAGS:
            raise ValueError(f"filter by at most {MAX_FILTER_TAGS} tags (got {len(value)}); "
                             "tag the memories you want with one shared tag instead")
        return value

    @model_validator(mode="after")
    def _range(self) -> Filters:
        if self.since and self.until and self.since >= self.until:
            raise ValueError("filters.since must be earlier than filters.until")
        return self


class SearchHit(BaseModel):
    item: MemoryItem
    score: float
    channels: dict[str, float] = Field(default_factory=dict)


class SearchResult(BaseModel):
    """Ranked hits; with a token budget also a packed context for the prompt."""

    hits: list[SearchHit]
    mode: Literal["retrieval", "exhaustive"] = "retrieval"
    context: str | None = None
    context_tokens: int | None = None


class Page(BaseModel):
    items: list[MemoryItem]
    next_cursor: str | None = None


# What an unscoped import does with an id a memory of another scope holds (engram.portability).
OnConflict = Literal["fail", "skip", "new_id"]


class ImportReport(BaseModel):
    imported: int = 0
    skipped: int = 0
    links: int = 0  # links between imported memories that were restored
    bad_lines: list[int] = Field(default_factory=list)
    # lines whose id a memory of another scope holds (unscoped import, on_conflict skip/new_id)
    conflicts: list[int] = Field(default_factory=list)


class Stats(BaseModel):
    memories: int
    by_kind: dict[str, int]
    by_status: dict[str, int]
    history_rows: int
    vectors: int
    scopes: int
    db_bytes: int | None = None


def tombstone(memory_id: str, version: int, actor: str | None) -> HistoryEntry:
    """The content-free history row that remains after a memory is deleted."""
    return HistoryEntry(memory_id=memory_id, version=version, op="delete", actor=actor)
