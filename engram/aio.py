"""AsyncMemory: the facade for asyncio code, running each call in a worker thread.

SQLite and the ONNX embedder are blocking; a thread keeps the event loop free
while the store's own lock keeps calls consistent.
"""

from __future__ import annotations

import asyncio
import builtins
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from engram.memory import Memory

T = TypeVar("T")


def _threaded(name: str) -> Any:
    method: Callable[..., Any] = getattr(Memory, name)

    @functools.wraps(method)
    async def call(self: AsyncMemory, *args: Any, **kwargs: Any) -> Any:
        return await asyncio.to_thread(getattr(self.sync, name), *args, **kwargs)

    return call


class AsyncMemory:
    """Same methods as :class:`Memory`, awaitable. ``export`` returns a list of lines."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.sync = Memory(*args, **kwargs)

    add = _threaded("add")
    search = _threaded("search")
    get = _threaded("get")
    list = _threaded("list")
    count = _threaded("count")
    update = _threaded("update")
    delete = _threaded("delete")
    delete_all = _threaded("delete_all")
    history = _threaded("history")
    import_ = _threaded("import_")
    stats = _threaded("stats")

    async def export(self, **kwargs: Any) -> builtins.list[str]:
        return await asyncio.to_thread(lambda: list(self.sync.export(**kwargs)))

    async def close(self) -> None:
        await asyncio.to_thread(self.sync.close)

    async def __aenter__(self) -> AsyncMemory:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()
