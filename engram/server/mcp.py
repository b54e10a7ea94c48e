"""The MCP server: Engram's memory as tools an agent can call.

A thin adapter over :class:`engram.memory.Memory` built on the official MCP
Python SDK (``mcp>=2``, whose ``MCPServer`` is the former ``FastMCP``). The
tools are the names agents already know from mem0-style memory servers: ``add``,
``search``, ``update``, ``delete`` (one memory), ``list``, ``delete_all``,
``history`` and ``profile`` (see :data:`engram.operations.MCP_TOOLS`).

Tools take the scope as optional arguments; whatever an agent leaves out comes
from ``default_scope`` (``engram mcp --user me``). The ids in the default scope
are *pinned* unless ``pin_scope=False`` (``--no-pin-scope``): a tool call that
names another ``user_id`` is refused, so a prompt-injected agent cannot read or
erase another user's memories (issue #14, item 9).

Errors an agent can fix (bad input, unknown id) come back as tool errors that
carry the :class:`~engram.errors.EngramError` message and code; anything else
is reported by the SDK as a bare "Error executing tool" — never a traceback.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

import anyio.to_thread

from engram.errors import EngramError, InvalidInputError, MissingDependencyError, PermissionDeniedError
from engram.memory import Memory
from engram.model import SCOPE_FIELDS, Filters, HistoryEntry, MemoryItem, MemoryKind, Scope

try:
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceError, ToolError
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise MissingDependencyError("the MCP server", "mcp") from exc

log = logging.getLogger("engram.server.mcp")

P = ParamSpec("P")
T = TypeVar("T")

SERVER_NAME = "engram"
INSTRUCTIONS = (
    "Engram is this user's long-term memory. Call `search` before answering questions that may "
    "depend on earlier conversations, `add` to store durable facts, preferences and events, "
    "`update` when a stored fact changed, and `delete` when the user asks you to delete a "
    "memory. `profile` summarises what is known about the user."
)
PROFILE_KINDS = (MemoryKind.PROFILE, MemoryKind.FACT)
PROFILE_MAX_ITEMS = 200


def _tool_errors(func: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    """Turn EngramError into a ToolError so the agent sees a message it can act on."""

    @functools.wraps(func)
    async def call(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await func(*args, **kwargs)
        except EngramError as exc:
            log.info("tool %s failed: %s", func.__name__, exc.code)
            raise ToolError(f"{exc} [{exc.code}]") from None

    return call


# Every tool but profile takes the four scope ids as optional arguments.
_SCOPE_PARAMS = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                   annotation=str | None) for name in SCOPE_FIELDS]


def _scoped(tools: _Tools) -> Callable[[Callable[..., Awaitable[T]]], Callable[..., Awaitable[T]]]:
    """A tool whose first parameter is the resolved ``Scope``: the tool the SDK sees takes
    the scope ids instead (appended to its signature, which builds the input schema), and
    EngramErrors become ToolErrors (:func:`_tool_errors`)."""

    def wrap(func: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
        signature = inspect.signature(func, eval_str=True)
        own = list(signature.parameters.values())[1:]  # after the scope

        @functools.wraps(func)
        async def call(**kwargs: Any) -> T:
            ids = {name: kwargs.pop(name, None) for name in SCOPE_FIELDS}
            return await func(tools.scope(**ids), **kwargs)

        call.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own),
                        *_SCOPE_PARAMS])
        return _tool_errors(call)

    return wrap


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _item_view(item: MemoryItem) -> dict[str, Any]:
    """The fields an agent needs; internal bookkeeping (keys, counters) stays out."""
    return {
        "id": item.id, "content": item.content, "kind": item.kind.value,
        "event_time": _iso(item.event_time), "tags": item.tags, "entities": item.entities,
        "version": item.version, "metadata": item.metadata, "scope": item.scope.fields(),
    }


def _history_view(entry: HistoryEntry) -> dict[str, Any]:
    snapshot = entry.new or entry.old or {}
    return {"version": entry.version, "op": entry.op, "at": _iso(entry.at),
            "actor": entry.actor, "content": snapshot.get("content")}


class _Tools:
    """The tool implementations' shared parts: one Memory and one default scope."""

    def __init__(self, memory: Memory, default_scope: Scope | None, pinned: bool) -> None:
        self.memory = memory
        self.default = default_scope
        self.pinned = pinned and default_scope is not None

    def scope(self, **ids: str | None) -> Scope:
        """Explicit ids override the default scope's — unless pinned, where naming a
        different value for a default id is refused; unset ones are inherited."""
        fields: dict[str, str | None] = dict(self.default.fields()) if self.default else {}
        for name, value in ids.items():
            if value is None:
                continue
            bound = fields.get(name)
            if self.pinned and bound is not None and bound != value:
                raise PermissionDeniedError(
                    f"this memory server is pinned to {name}={bound!r}; leave {name} out "
                    "(the operator can start it with --no-pin-scope to allow other scopes)")
            fields[name] = value
        if not any(fields.values()):
            raise InvalidInputError(
                "no scope: pass user_id (or agent_id, session_id, app_id), "
                "or start the server with `engram mcp --user <id>`")
        from engram.memory import resolve_scope

        return resolve_scope({k: v for k, v in fields.items() if k in SCOPE_FIELDS and v})

    async def run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Memory is blocking (SQLite, ONNX); keep the event loop responsive."""
        return await anyio.to_thread.run_sync(functools.partial(func, *args, **kwargs))

    async def profile(self, user_id: str | None) -> str:
        target = self.scope(user_id=user_id)
        page = await self.run(self.memory.list, scope=target, limit=PROFILE_MAX_ITEMS,
                              filters=Filters(kinds=list(PROFILE_KINDS)))
        return render_profile(target.user_id or str(target), page.items)


def build_mcp(memory: Memory, *, default_scope: Scope | None = None,
              pin_scope: bool = True) -> MCPServer:
    """An MCP server exposing ``memory``; run it with ``.run("stdio")`` or mount its HTTP app.

    ``pin_scope`` (default) confines every call to ``default_scope``'s ids.
    """
    from engram import __version__

    tools = _Tools(memory, default_scope, pin_scope)
    scoped = _scoped(tools)
    # WARNING: the SDK configures root logging on construction; keep stdio's stderr quiet.
    server: MCPServer = MCPServer(SERVER_NAME, instructions=INSTRUCTIONS, version=__version__,
                                  log_level="WARNING")

    @server.tool(name="add", description="Store something worth remembering: a fact, preference "
                 "or event. Pass `content` (text) or `messages` (a conversation of {role, content} "
                 "turns, stored as one memory per round). Returns the stored memories with ids.")
    @scoped
    async def add(
        target: Scope,
        content: str | None = None,
        messages: list[dict[str, Any]] | None = None,
        kind: MemoryKind = MemoryKind.EPISODIC,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        event_time: datetime | None = None,
    ) -> dict[str, Any]:
        if (content is None) == (messages is None):
            raise InvalidInputError("pass exactly one of `content` or `messages`")
        data: Any = content if content is not None else messages
        items = await tools.run(memory.add, data, scope=target, kind=kind, tags=tags or (),
                                metadata=metadata, event_time=event_time, source="mcp", actor="mcp")
        return {"memories": [_item_view(i) for i in items]}

    @server.tool(name="search", description="Search long-term memory, best matches first. With "
                 "`token_budget`, also returns `context`: the hits packed into about that many "
                 "tokens, ready to paste into a prompt.")
    @scoped
    async def search(
        target: Scope,
        query: str,
        limit: int = 10,
        token_budget: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> dict[str, Any]:
        if token_budget is not None and token_budget < 1:
            raise InvalidInputError("token_budget must be a positive number of tokens")
        result = await tools.run(memory.search, query, scope=target, limit=limit, since=since,
                                 until=until, token_budget=token_budget)
        out: dict[str, Any] = {"hits": [{**_item_view(h.item), "score": round(h.score, 4)}
                                        for h in result.hits]}
        if token_budget:
            out.update(context=result.context, context_tokens=result.context_tokens)
        return out

    @server.tool(name="update", description="Change one memory (new `content`, `tags`, `metadata` "
                 "or `event_time`); the previous version stays in its history. Use it when a "
                 "stored fact changed, instead of adding a contradicting memory.")
    @scoped
    async def update(
        target: Scope,
        memory_id: str,
        content: str | None = None,
        tags: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
        event_time: datetime | None = None,
    ) -> dict[str, Any]:
        item = await tools.run(memory.update, memory_id, scope=target, content=content, tags=tags,
                               metadata=metadata, event_time=event_time, actor="mcp")
        return _item_view(item)

    @server.tool(name="delete", description="Delete one memory for good, by id (its history keeps "
                 "a content-free tombstone).")
    @scoped
    async def delete(target: Scope, memory_id: str) -> dict[str, Any]:
        await tools.run(memory.delete, memory_id, scope=target, actor="mcp")
        return {"deleted": memory_id}

    @server.tool(name="list", description="List memories, newest first. Pass `next_cursor` back "
                 "as `cursor` for the next page.")
    @scoped
    async def list_(
        target: Scope,
        kind: MemoryKind | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> dict[str, Any]:
        filters = Filters(kinds=[kind]) if kind else None
        page = await tools.run(memory.list, scope=target, filters=filters, limit=limit, cursor=cursor)
        return {"items": [_item_view(i) for i in page.items], "next_cursor": page.next_cursor}

    @server.tool(name="delete_all", description="Delete every memory in the scope (by default the "
                 "user this server serves). Only when the user explicitly asks to erase everything; "
                 "returns how many were deleted.")
    @scoped
    async def delete_all(target: Scope) -> dict[str, Any]:
        return {"deleted": await tools.run(memory.delete_all, scope=target, actor="mcp")}

    @server.tool(name="history", description="Every version of one memory, oldest first: how it "
                 "changed and when.")
    @scoped
    async def history(target: Scope, memory_id: str) -> dict[str, Any]:
        entries: list[HistoryEntry] = await tools.run(memory.history, memory_id, scope=target)
        return {"memory_id": memory_id, "versions": [_history_view(e) for e in entries]}

    @server.tool(name="profile", description="What is known about the user: their profile and "
                 "fact memories, as Markdown.")
    @_tool_errors
    async def profile_tool(user_id: str | None = None) -> dict[str, Any]:
        return {"profile": await tools.profile(user_id)}

    @server.resource("engram://profile/{user_id}", name="profile", mime_type="text/markdown",
                     description="What Engram knows about a user: their profile and fact memories.")
    async def profile(user_id: str) -> str:
        try:
            return await tools.profile(user_id)
        except EngramError as exc:
            raise ResourceError(f"{exc} [{exc.code}]") from None

    return server


def render_profile(user_id: str, items: list[MemoryItem]) -> str:
    """Markdown text of a user's profile; a clear note when there is none yet."""
    if not items:
        return (f"No profile yet for user {user_id!r}: Engram holds no memories of kind "
                "'profile' or 'fact' for them. Store some with the `add` tool and kind='fact'.")
    lines = [f"# Profile of {user_id}"]
    for kind, title in ((MemoryKind.PROFILE, "Profile"), (MemoryKind.FACT, "Facts")):
        chosen = [i for i in items if i.kind == kind]
        if chosen:
            lines += ["", f"## {title}", *(f"- {i.content}" for i in chosen)]
    return "\n".join(lines) + "\n"


__all__ = ["build_mcp", "render_profile"]
