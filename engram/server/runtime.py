"""How the server runs its blocking route handlers: one thread hop per request.

Why (issue #17, the 50-client profile): FastAPI runs a plain ``def`` handler in its thread pool and then, because the
handler was not a coroutine, validates the returned model in the thread pool *again* —
two thread hand-offs per request, each a wake-up and two GIL transfers. :func:`offload`
turns a ``def`` handler into a coroutine that runs the handler's body in one hop; the
response (already the declared model) is then checked and encoded on the event loop,
where checking a model instance of the declared type is an ``isinstance``.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

import anyio.to_thread

P = ParamSpec("P")
T = TypeVar("T")


def offload(handler: Callable[P, T]) -> Callable[P, Awaitable[T]]:
    """Decorator for a blocking route handler: FastAPI sees a coroutine (same signature,
    through ``__wrapped__``) whose body runs ``handler`` in the thread pool, once."""

    @functools.wraps(handler)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return await anyio.to_thread.run_sync(functools.partial(handler, *args, **kwargs))

    return run


__all__ = ["offload"]
