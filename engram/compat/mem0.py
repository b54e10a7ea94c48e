"""mem0's API over Engram: ``from engram.compat.mem0 import Memory`` and mem0 code runs.

Method names, arguments and return shapes follow mem0 (``add`` → ``{"results":
[...]}``, ``search(query, filters=..., top_k=, threshold=)``, ``get_all``,
``update(memory_id, data)``, ``reset``, ``Memory.from_config``), both the 1.x
spelling (``search(query, user_id=..., limit=...)``) and the 2.x one
(``filters={"user_id": ...}``, ``top_k``).

**Tenancy.** mem0 calls ``get``/``update``/``delete``/``history`` with an id and
no scope. Engram never reads without a scope, so every compat object is bound to
one ``app_id`` (default ``"mem0"``, like mem0's default collection; from_config
takes it from ``vector_store.config.collection_name``): all its memories live
under that app, and an id is resolved only inside it. Anyone holding a compat
object can therefore read and change every user's memories of that app — as with
a mem0 collection. Give each tenant its own ``app_id`` (or, over REST, its own
app-bound API key) to keep them apart.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from engram.compat.mem0_shapes import (
    DEFAULT_APP,
    matches,
    require_scope,
    split_filters,
    to_history,
    to_result,
)
from engram.errors import InvalidInputError, Mem0NotFoundError, NotFoundError
from engram.memory import MAX_LIMIT
from engram.memory import Memory as EngramMemory
from engram.model import MemoryItem, Scope

log = logging.getLogger("engram.compat")
T = TypeVar("T")
UPDATED = {"message": "Memory updated successfully!"}
DELETED = {"message": "Memory deleted successfully!"}
DELETED_ALL = {"message": "Memories deleted successfully!"}


def _overfetch(top_k: int) -> int:
    return min(MAX_LIMIT, max(top_k * 4, 60))


class _Mem0API:
    """The mem0 methods over any Engram backend with the facade's method names
    (:class:`engram.Memory` or :class:`engram.client.EngramClient`)."""

    def __init__(self, backend: Any, app_id: str | None) -> None:
        self.engram = backend
        self.app_id = app_id
        self._local = isinstance(backend, EngramMemory)  # metadata push-down, cosine scores

    # -- writes ---------------------------------------------------------------
    def add(self, messages: str | dict[str, Any] | Sequence[dict[str, Any]], *,
            user_id: str | None = None, agent_id: str | None = None, run_id: str | None = None,
            metadata: dict[str, Any] | None = None, infer: bool = True,
            memory_type: str | None = None, prompt: str | None = None) -> dict[str, Any]:
        """``infer=False`` stores each non-system message as it is (mem0's raw mode);
        ``infer=True`` uses Engram's ingest (one memory per round, plus extracted
        facts when ``Settings.extraction`` is on). ``prompt`` is accepted and unused."""
        scope = require_scope(self.app_id, {"user_id": user_id, "agent_id": agent_id,
                                            "run_id": run_id}, "add")
        text = messages if isinstance(messages, str) else None  # plain text stays unprefixed
        given: Any = [{"role": "user", "content": messages}] if isinstance(messages, str) else \
            [messages] if isinstance(messages, dict) else messages
        if not isinstance(given, Sequence) or not all(isinstance(m, dict) for m in given):
            raise InvalidInputError("messages must be a str, a dict or a list of {role, content} dicts")
        turns_in: list[dict[str, Any]] = list(given)
        meta = {k: v for k, v in (metadata or {}).items() if k not in ("user_id", "agent_id", "run_id")}
        kind = "procedure" if memory_type == "procedural_memory" else None
        if infer:
            turns = [m for m in turns_in if m.get("role") != "system"]
            if not turns:
                return {"results": []}
            items = self.engram.add(text if text is not None else turns, scope=scope, metadata=meta,
                                    **({"kind": kind} if kind else {}))
            return {"results": [{"id": i.id, "memory": i.content, "event": "ADD"} for i in items]}
        results = []
        for message in turns_in:
            role, said = message.get("role"), message.get("content")
            if role is None or said is None or role == "system":
                continue  # mem0 skips these too
            own = {**meta, "role": role, **({"actor_id": message["name"]} if message.get("name") else {})}
            [item] = self.engram.add(str(said), scope=scope, metadata=own,
                                     **({"kind": kind} if kind else {}))
            results.append({"id": item.id, "memory": item.content, "event": "ADD",
                            "actor_id": message.get("name"), "role": role})
        return {"results": results}

    def update(self, memory_id: str, text: str | None = None, metadata: dict[str, Any] | None = None,
               data: str | None = None) -> dict[str, str]:
        """``update(id, "new text")``, ``update(id, data=...)`` or ``update(id, text=...)``;
        metadata keys are merged into the memory's metadata, as in mem0."""
        text = text if text is not None else data
        if text is None and metadata is None:
            raise InvalidInputError("update() needs text (or data) and/or metadata")
        item = self._find(memory_id)
        merged = None if metadata is None else {**item.metadata, **{
            k: v for k, v in metadata.items() if k not in ("user_id", "agent_id", "run_id", "actor_id")}}
        self.engram.update(memory_id, scope=item.scope, content=text, metadata=merged)
        return UPDATED

    def delete(self, memory_id: str) -> dict[str, str]:
        item = self._find(memory_id)
        self.engram.delete(memory_id, scope=item.scope)
        return DELETED

    def delete_all(self, user_id: str | None = None, agent_id: str | None = None,
                   run_id: str | None = None) -> dict[str, str]:
        scope = require_scope(self.app_id, {"user_id": user_id, "agent_id": agent_id,
                                            "run_id": run_id}, "delete_all")
        self.engram.delete_all(scope=scope)
        return DELETED_ALL

    def reset(self) -> None:
        """Delete every memory of this compat object's app (never the rest of the store)."""
        if self.app_id is None:
            raise InvalidInputError("reset() needs the compat object to be bound to an app_id")
        self.engram.delete_all(app_id=self.app_id)

    # -- reads ----------------------------------------------------------------
    def get(self, memory_id: str) -> dict[str, Any] | None:
        """The memory, or None when this object cannot see it (mem0 returns None too)."""
        try:
            return to_result(self._find(memory_id), with_score=True)
        except NotFoundError:
            return None

    def history(self, memory_id: str) -> list[dict[str, Any]]:
        try:
            entries = self.engram.history(memory_id, **self._app())
        except NotFoundError:
            return []
        return [to_history(e) for e in entries]

    def get_all(self, *, user_id: str | None = None, agent_id: str | None = None,
                run_id: str | None = None, filters: Mapping[str, Any] | None = None,
                top_k: int | None = None, limit: int | None = None) -> dict[str, Any]:
        """Newest first, at most ``top_k`` (mem0 2.x; ``limit`` in 1.x; default 100)."""
        split = split_filters(filters)
        scope = require_scope(self.app_id, {**split.ids, **_given(user_id, agent_id, run_id)}, "get_all")
        want = _count(top_k, limit, 100, "top_k")
        found: list[MemoryItem] = []
        cursor = None
        push = {"metadata": split.equal} if split.equal and self._local else None
        while len(found) < want:
            page = self.engram.list(scope=scope, filters=push, limit=min(MAX_LIMIT, max(want, 100)),
                                    cursor=cursor)
            found += [i for i in page.items if self._keep(i, split.equal, split.check)]
            cursor = page.next_cursor
            if cursor is None:
                break
        return {"results": [to_result(i, with_score=False) for i in found[:want]]}

    def search(self, query: str, *, user_id: str | None = None, agent_id: str | None = None,
               run_id: str | None = None, filters: Mapping[str, Any] | None = None,
               top_k: int | None = None, limit: int | None = None,
               threshold: float | None = None, rerank: bool = False) -> dict[str, Any]:
        """Engram's hybrid search, best first. Embedded, ``score`` is the cosine
        similarity of query and memory (mem0's scale) and ``threshold`` drops hits
        below it; over REST it is Engram's search score (0-1). ``rerank`` is accepted
        and ignored: configure ``ENGRAM_RERANKER`` instead."""
        split = split_filters(filters)
        scope = require_scope(self.app_id, {**split.ids, **_given(user_id, agent_id, run_id)}, "search")
        want = _count(top_k, limit, 20, "top_k")
        if threshold is not None and not 0 <= threshold <= 1:
            raise InvalidInputError(f"threshold must be between 0 and 1, not {threshold}")
        narrow = split.check is not None or threshold is not None or (split.equal and not self._local)
        push = {"metadata": split.equal} if split.equal and self._local else None
        result = self.engram.search(query, scope=scope, filters=push,
                                    limit=_overfetch(want) if narrow else want)
        hits = [h for h in result.hits if self._keep(h.item, split.equal, split.check)]
        scores = self._cosines(query, scope, [h.item.id for h in hits]) if self._local else {}
        out = []
        for hit in hits:
            score = scores.get(hit.item.id, hit.score)
            if threshold is not None and score < threshold:
                continue
            out.append(to_result(hit.item, round(float(score), 6)))
        return {"results": out[:want]}

    # -- helpers --------------------------------------------------------------
    def _app(self) -> dict[str, str]:
        return {"app_id": self.app_id} if self.app_id else {}

    def _find(self, memory_id: str) -> MemoryItem:
        """The memory with this id inside the compat object's app, whatever its user."""
        if not isinstance(memory_id, str) or not memory_id:
            raise InvalidInputError("memory_id must be a non-empty string")
        try:
            item: MemoryItem = self.engram.get(memory_id, **self._app())
        except NotFoundError:
            raise Mem0NotFoundError(f"Memory with id {memory_id} not found in app "
                                    f"{self.app_id!r}; check the id") from None
        return item

    def _keep(self, item: MemoryItem, equal: Mapping[str, Any], check: Any) -> bool:
        if equal and not self._local and any(item.metadata.get(k) != v for k, v in equal.items()):
            return False
        return matches(item, check)

    def _cosines(self, query: str, scope: Scope, ids: list[str]) -> dict[str, float]:
        """Cosine similarity of the query and each memory's stored vector."""
        if not ids:
            return {}
        vectors = self.engram.store.vectors(scope, ids)
        q = np.asarray(self.engram.embedder.embed([query])[0], dtype=np.float64)
        qn = float(np.linalg.norm(q)) or 1.0
        out = {}
        for memory_id, vector in vectors.items():
            v = np.asarray(vector, dtype=np.float64)
            out[memory_id] = float(v @ q) / ((float(np.linalg.norm(v)) or 1.0) * qn)
        return out

    def close(self) -> None:
        self.engram.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _given(user_id: str | None, agent_id: str | None, run_id: str | None) -> dict[str, str]:
    return {k: v for k, v in (("user_id", user_id), ("agent_id", agent_id), ("run_id", run_id)) if v}


def _count(top_k: int | None, limit: int | None, default: int, name: str) -> int:
    value = top_k if top_k is not None else limit if limit is not None else default
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100_000:
        raise InvalidInputError(f"{name} must be an integer from 1 to 100000, not {value!r}")
    return value


class Memory(_Mem0API):
    """mem0's ``Memory`` on an embedded Engram store (SQLite + bundled model).

    ``Memory()`` uses Engram's default database; ``Memory(path)`` another file;
    ``Memory(memory=engram_memory)`` wraps an existing :class:`engram.Memory`.
    """

    def __init__(self, config: Mapping[str, Any] | str | Path | None = None, *,
                 app_id: str | None = DEFAULT_APP, memory: EngramMemory | None = None) -> None:
        path = config if isinstance(config, (str, Path)) else None
        options = dict(config) if isinstance(config, Mapping) else {}
        app_id, path = _from_mem0_config(options, app_id, path)
        super().__init__(memory if memory is not None else EngramMemory(path), app_id)

    @classmethod
    def from_config(cls, config_dict: Mapping[str, Any]) -> Memory:
        return cls(config_dict)


def _from_mem0_config(config: Mapping[str, Any], app_id: str | None,
                      path: str | Path | None) -> tuple[str | None, str | Path | None]:
    """What of a mem0 config dict Engram uses: the collection name (→ ``app_id``) and
    an ``engram`` section (``{"db": path, "app_id": ...}``). Engram brings its own
    embedder, store and (optional) LLM, so mem0's provider sections are ignored."""
    store = (config.get("vector_store") or {}).get("config") or {}
    if store.get("collection_name"):
        app_id = str(store["collection_name"])
    own = config.get("engram") or {}
    unknown = set(own) - {"db", "app_id"}
    if unknown:
        raise InvalidInputError(f"unknown keys in the 'engram' config section: {sorted(unknown)}; "
                                "use 'db' and 'app_id'")
    ignored = sorted(set(config) & {"llm", "embedder", "graph_store", "reranker", "history_db_path"})
    if ignored:
        log.info("mem0 config sections %s are not used: Engram brings its own", ignored)
    return own.get("app_id", app_id), own.get("db", path)


class MemoryClient(_Mem0API):
    """mem0's ``MemoryClient`` over an Engram REST server (``engram serve``).

    With an app-bound API key pass that key's app as ``app_id`` (or ``None`` to let
    the key decide); a keyless local server uses ``app_id`` (default ``"mem0"``).
    """

    def __init__(self, api_key: str | None = None, host: str | None = None, *,
                 app_id: str | None = DEFAULT_APP) -> None:
        from engram.client import DEFAULT_URL, EngramClient

        super().__init__(EngramClient(host or DEFAULT_URL, api_key=api_key), app_id)


def _in_thread(name: str) -> Any:
    method: Callable[..., Any] = getattr(_Mem0API, name)

    @functools.wraps(method)
    async def call(self: AsyncMemory, *args: Any, **kwargs: Any) -> Any:
        return await asyncio.to_thread(getattr(self.sync, name), *args, **kwargs)

    return call


class AsyncMemory:
    """mem0's ``AsyncMemory``: :class:`Memory`'s methods, awaitable (each runs in a
    worker thread, as :class:`engram.AsyncMemory` does)."""

    def __init__(self, config: Mapping[str, Any] | str | Path | None = None, *,
                 app_id: str | None = DEFAULT_APP, memory: EngramMemory | None = None) -> None:
        self.sync = Memory(config, app_id=app_id, memory=memory)

    @classmethod
    def from_config(cls, config_dict: Mapping[str, Any]) -> AsyncMemory:
        return cls(config_dict)

    add = _in_thread("add")
    search = _in_thread("search")
    get = _in_thread("get")
    get_all = _in_thread("get_all")
    update = _in_thread("update")
    delete = _in_thread("delete")
    delete_all = _in_thread("delete_all")
    history = _in_thread("history")
    reset = _in_thread("reset")

    async def close(self) -> None:
        await asyncio.to_thread(self.sync.close)

    async def __aenter__(self) -> AsyncMemory:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()


__all__ = ["AsyncMemory", "Mem0NotFoundError", "Memory", "MemoryClient"]
