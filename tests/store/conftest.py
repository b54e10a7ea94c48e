"""The store contract fixture, parametrized over every backend.

PostgreSQL runs on a throwaway server started once per session (see
``pg_server.py``); each test gets its own fresh schema. When no server can
be started the ``postgres`` cases skip with the exact error — set
``ENGRAM_REQUIRE_POSTGRES=1`` (CI does) to make that a failure instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from engram.store import Store

StoreFactory = Callable[..., Store]
SQLITE_ONLY = frozenset({"small_scope"})


def _sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    from engram.store.sqlite import SQLiteStore

    def make(**options: Any) -> Store:
        return SQLiteStore(tmp_path / "contract.db", **options)

    return make


def _postgres(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    from engram.store.postgres import PostgresStore

    url: str = request.getfixturevalue("pg_url")

    def make(**options: Any) -> Store:
        # small_scope tunes SQLite's in-Python scoring; PostgreSQL scores in SQL and has
        # no such knob, so a case that sets it runs with its other options here
        return PostgresStore(url, **{k: v for k, v in options.items() if k not in SQLITE_ONLY})

    return make


BACKENDS: dict[str, Callable[[pytest.FixtureRequest, Path], StoreFactory]] = {
    "sqlite": _sqlite,
    "postgres": _postgres,
}


# pg_server and pg_url (a fresh schema per test) live in tests/conftest.py: the facade
# suite runs on PostgreSQL too.


@pytest.fixture(params=sorted(BACKENDS))
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    opened: list[Store] = []
    factory = BACKENDS[request.param](request, tmp_path)

    def make(**options: Any) -> Store:
        store = factory(**options)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: StoreFactory) -> Store:
    return make_store()
