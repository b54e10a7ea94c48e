"""The store contract fixture, parametrized over every backend that can run here."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from engram.store import Store

StoreFactory = Callable[..., Store]


def _sqlite(tmp_path: Path) -> StoreFactory:
    from engram.store.sqlite import SQLiteStore

    def make(**options: Any) -> Store:
        return SQLiteStore(tmp_path / "contract.db", **options)

    return make


BACKENDS: dict[str, Callable[[Path], StoreFactory]] = {"sqlite": _sqlite}


@pytest.fixture(params=sorted(BACKENDS))
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    opened: list[Store] = []
    factory = BACKENDS[request.param](tmp_path)

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
