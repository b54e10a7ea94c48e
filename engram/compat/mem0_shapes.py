"""mem0's data shapes on Engram's models: result dicts, scopes, filters, history rows.

mem0 keeps a memory's scope and metadata in one flat payload and promotes a few
keys (``user_id``, ``agent_id``, ``run_id``, ``actor_id``, ``role``) to the top of
each result; everything else is ``metadata``. Engram keeps scope, role and
metadata apart, so this module maps between the two and nothing else.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from engram.errors import InvalidInputError
from engram.model import HistoryEntry, MemoryItem, Scope

DEFAULT_APP = "mem0"  # mem0's default collection name: the compat object's tenancy boundary
ENTITY_KEYS = ("user_id", "agent_id", "run_id")
PROMOTED_META = ("actor_id", "role")  # kept in Engram metadata, promoted like mem0 does
OPERATORS = {"eq", "ne", "in", "nin", "gt", "gte", "lt", "lte", "contains", "icontains"}
LOGICAL = ("AND", "OR", "NOT")
EVENTS = {"add": "ADD", "import": "ADD", "delete": "DELETE"}  # every other op is an UPDATE

Predicate = Callable[[Mapping[str, Any]], bool]


def content_hash(text: str) -> str:
    """mem0's ``hash`` field: the MD5 hex digest of the memory text (not a security use)."""
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def entity_id(value: Any, name: str) -> str | None:
    """mem0 coerces ids to str and rejects blank ones or ones with whitespace inside."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or re.search(r"\s", text):
        raise InvalidInputError(f"invalid {name} {value!r}: pass a non-empty id without spaces")
    return text


def scope_of(app_id: str | None, ids: Mapping[str, Any]) -> Scope | None:
    """Engram scope for mem0 ids: ``run_id`` is Engram's ``session_id``; the compat
    object's ``app_id`` is always added, so nothing outside it is ever touched."""
    fields = {("session_id" if k == "run_id" else k): entity_id(ids.get(k), k) for k in ENTITY_KEYS}
    fields = {k: v for k, v in fields.items() if v}
    if not fields:
        return None
    return Scope(app_id=app_id, **fields)


def require_scope(app_id: str | None, ids: Mapping[str, Any], method: str) -> Scope:
    scope = scope_of(app_id, ids)
    if scope is None:
        raise InvalidInputError(
            f"{method}() needs at least one of user_id, agent_id or run_id "
            "(as a keyword or inside filters=), e.g. filters={'user_id': 'alice'}")
    return scope


def to_result(item: MemoryItem, score: float | None = None, *, with_score: bool = True) -> dict[str, Any]:
    """One memory as mem0 returns it from ``get``/``get_all``/``search``."""
    out: dict[str, Any] = {"id": item.id, "memory": item.content, "hash": content_hash(item.content),
                           "metadata": None, "created_at": item.created_at.isoformat(),
                           "updated_at": item.updated_at.isoformat()}
    if with_score:
        out["score"] = score
    for key, value in (("user_id", item.scope.user_id), ("agent_id", item.scope.agent_id),
                       ("run_id", item.scope.session_id)):
        if value:
            out[key] = value
    meta = dict(item.metadata)
    for key in PROMOTED_META:
        if key in meta:
            out[key] = meta.pop(key)
    if item.role and "role" not in out:
        out["role"] = item.role
    if meta:
        out["metadata"] = meta
    return out


def to_history(entry: HistoryEntry, role: str | None = None) -> dict[str, Any]:
    """One row of mem0's ``history()`` (old and new text, event name)."""
    old = (entry.old or {}).get("content")
    new = (entry.new or {}).get("content")
    meta = (entry.new or entry.old or {}).get("metadata") or {}
    return {"id": entry.id, "memory_id": entry.memory_id, "old_memory": old, "new_memory": new,
            "event": EVENTS.get(entry.op, "UPDATE"), "created_at": entry.at.isoformat(),
            "updated_at": entry.at.isoformat(), "is_deleted": entry.op == "delete",
            "actor_id": meta.get("actor_id"), "role": meta.get("role", role)}


@dataclass
class SplitFilters:
    """mem0 ``filters`` taken apart: scope ids, plain equalities Engram can push down,
    and a predicate for the operators (``in``, ``gt``, ``AND``/``OR``/``NOT``, ``*``)."""

    ids: dict[str, Any] = field(default_factory=dict)
    equal: dict[str, Any] = field(default_factory=dict)
    check: Predicate | None = None


def split_filters(filters: Mapping[str, Any] | None) -> SplitFilters:
    out = SplitFilters()
    rest: dict[str, Any] = {}
    for key, value in (filters or {}).items():
        if key in ENTITY_KEYS:
            out.ids[key] = value
        elif key in LOGICAL or isinstance(value, dict) or value == "*" or isinstance(value, list):
            rest[key] = value
        elif isinstance(value, (str, int, float, bool)):
            out.equal[key] = value
        else:
            raise InvalidInputError(f"filter {key!r} has an unsupported value {value!r}")
    if rest:
        out.check = _predicate(rest)
    return out


def _predicate(spec: Mapping[str, Any]) -> Predicate:
    parts = [_one(key, value) for key, value in spec.items()]
    return lambda meta: all(p(meta) for p in parts)


def _one(key: str, value: Any) -> Predicate:
    if key in LOGICAL:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise InvalidInputError(f"filters {key} takes a list of filter dicts")
        subs = [_predicate(v) for v in value]
        if key == "AND":
            return lambda meta: all(s(meta) for s in subs)
        if key == "OR":
            return lambda meta: any(s(meta) for s in subs)
        return lambda meta: not any(s(meta) for s in subs)
    if value == "*":
        return lambda meta: key in meta
    if isinstance(value, list):
        value = {"in": value}
    if not isinstance(value, dict):
        return lambda meta: meta.get(key) == value
    unknown = set(value) - OPERATORS
    if unknown:
        raise InvalidInputError(f"unknown filter operator(s) {sorted(unknown)} for {key!r}; "
                                f"use one of {sorted(OPERATORS)}")
    tests = [_compare(op, arg) for op, arg in value.items()]
    return lambda meta: key in meta and all(t(meta[key]) for t in tests)


def _compare(op: str, arg: Any) -> Callable[[Any], bool]:
    def safe(test: Callable[[Any], bool]) -> Callable[[Any], bool]:
        def run(found: Any) -> bool:
            try:
                return bool(test(found))
            except TypeError:  # e.g. "a" > 3: not a match, as in a vector store's filter
                return False
        return run

    table: dict[str, Callable[[Any], bool]] = {
        "eq": lambda v: v == arg, "ne": lambda v: v != arg,
        "in": lambda v: v in arg, "nin": lambda v: v not in arg,
        "gt": lambda v: v > arg, "gte": lambda v: v >= arg,
        "lt": lambda v: v < arg, "lte": lambda v: v <= arg,
        "contains": lambda v: str(arg) in str(v),
        "icontains": lambda v: str(arg).lower() in str(v).lower(),
    }
    return safe(table[op])


def matches(item: MemoryItem, check: Predicate | None) -> bool:
    return check is None or check(item.metadata)
