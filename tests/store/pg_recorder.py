"""A stand-in for PostgresStore's pool that records every statement the store sends
through ``Connection.execute``, and the transactions it opens (the tests of partition
pruning and of round trips per operation read them)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


class Recorder:
    """Hands out the pool's connections, wrapped so that every ``execute`` is recorded
    (the SQL and the bound values, as the store sent them)."""

    def __init__(self, pool: Any) -> None:
        self.pool, self.sent = pool, []
        self.transactions = 0

    @contextlib.contextmanager
    def connection(self) -> Iterator[Any]:
        with self.pool.connection() as conn:
            yield _Conn(conn, self)


class _Conn:
    def __init__(self, conn: Any, recorder: Recorder) -> None:
        self._conn, self._recorder = conn, recorder

    def execute(self, sql: str, params: Any = None, **kwargs: Any) -> Any:
        self._recorder.sent.append((sql, params))
        return self._conn.execute(sql, params, **kwargs)

    def transaction(self, *args: Any, **kwargs: Any) -> Any:
        self._recorder.transactions += 1
        return self._conn.transaction(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)
