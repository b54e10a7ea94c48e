"""The PostgreSQL store's connection pool: a health check only for connections that sat idle.

Why: psycopg_pool's ``check=ConnectionPool.check_connection`` sends an empty query — one
network round trip — on *every* check-out. A search checks out a connection 4 times, a
delete 6 times, so in the load benchmark's mix over a quarter of the store's round trips
were these probes (benchmarks/load_round_trips.py). A connection in use moments ago is
known to work; one idle for longer than ``IDLE_CHECK_S`` may have been dropped (a server
restart, a firewall's idle timeout) and is still probed and replaced before a request sees
it. What is given up: a connection killed within ``IDLE_CHECK_S`` of its last use fails the
one request that gets it (the pool then replaces it), as it would have mid-request anyway.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

IDLE_CHECK_S = 2.0  # probe a connection that has not been used for this long


class IdleCheck:
    """The ``check`` callback of a psycopg ConnectionPool: probe a connection on check-out
    only when its previous check-out began more than ``idle_s`` ago, or never happened.

    Measured from the previous check-out, not the return (a ``reset`` callback would do
    that, but makes psycopg_pool return every connection through a worker thread): a
    connection's idle time is never longer than that, so nothing idle is left unprobed."""

    def __init__(self, probe: Callable[[Any], None], *, idle_s: float = IDLE_CHECK_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.probe = probe
        self.idle_s = idle_s
        self.clock = clock
        self.probes = 0  # round trips spent on checks (observability, tests)
        self._taken: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()

    def __call__(self, conn: Any) -> None:
        now = self.clock()
        last = self._taken.get(conn)
        self._taken[conn] = now
        if last is None or now - last > self.idle_s:
            self.probes += 1
            self.probe(conn)


def open_pool(pool_module: Any, url: str, *, size: int, timeout_s: float,
              configure: Callable[[Any], None]) -> tuple[Any, IdleCheck]:
    """An open pool of up to ``size`` autocommit connections, and its idle check."""
    idle = IdleCheck(pool_module.ConnectionPool.check_connection)
    pool = pool_module.ConnectionPool(
        url, min_size=1, max_size=max(1, size), open=True, name="engram",
        kwargs={"autocommit": True}, configure=configure, check=idle,
        timeout=timeout_s,
    )
    return pool, idle


__all__ = ["IDLE_CHECK_S", "IdleCheck", "open_pool"]
