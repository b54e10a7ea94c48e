"""The PostgreSQL pool probes only connections that sat idle (engram/store/postgres_pool.py).

Before: every check-out sent an empty query first (psycopg_pool's check_connection), a
round trip per check-out — 4 per search. The probes are counted at the driver."""

from __future__ import annotations

import time
from typing import Any

import pytest

from engram.model import Filters, Scope

psycopg = pytest.importorskip("psycopg", reason="the postgres extra is not installed")
ALICE = Scope(user_id="alice")


class Clock:
    def __init__(self) -> None:
        self.now = time.monotonic()  # stamps taken before the swap stay comparable

    def __call__(self) -> float:
        return self.now


def _empty_queries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every empty query sent through psycopg (the pool's probe) is recorded."""
    seen: list[str] = []
    original = psycopg.Cursor.execute

    def execute(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        if not str(query).strip():
            seen.append("probe")
        return original(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", execute)
    return seen


def test_busy_connections_are_not_probed_on_every_checkout(pg_url: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, pool_size=1)
    try:
        clock = Clock()
        store.idle_check.clock = clock
        probes = _empty_queries(monkeypatch)
        for _ in range(5):  # five reads back to back on the one pooled connection
            store.count(ALICE, Filters())
        assert len(probes) <= 1  # at most the first check-out of a connection never stamped
        before = len(probes)
        clock.now += store.idle_check.idle_s + 1  # the connection now sat idle too long
        store.count(ALICE, Filters())
        assert len(probes) == before + 1
    finally:
        store.close()


def test_a_dead_idle_connection_is_replaced_before_a_read_sees_it(pg_url: str) -> None:
    """The probe still does its job: a connection killed on the server side while idle
    fails its check-out probe, and the read gets a fresh connection instead of an error."""
    from engram.store.postgres import PostgresStore

    store = PostgresStore(pg_url, pool_size=1)
    try:
        clock = Clock()
        store.idle_check.clock = clock
        store.count(ALICE, Filters())
        with store._pool.connection() as conn:  # the pooled connection's backend
            pid = conn.info.backend_pid
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        clock.now += store.idle_check.idle_s + 1
        assert store.count(ALICE, Filters()) == 0
    finally:
        store.close()
