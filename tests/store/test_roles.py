"""The Store protocol is four role protocols, checked at run time when a store is
opened or handed to the facade; every backend plays every role."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConfigError
from engram.store import ROLES, ItemStore, Maintenance, SearchIndex, Store, check_store, open_store
from engram.store.sqlite import SQLiteStore


def test_every_backend_plays_every_role(store: Store) -> None:
    assert all(isinstance(store, role) for role in ROLES)
    assert check_store(store) is store


class _NoUpkeep:
    """Delegates everything to a real store except the maintenance role."""

    def __init__(self, inner: SQLiteStore) -> None:
        self._inner = inner
        for name in dir(inner):
            if not name.startswith("_") and name not in ("compact", "integrity_check"):
                setattr(self, name, getattr(inner, name))


def test_a_store_missing_a_role_is_refused_with_what_it_lacks(tmp_path: Path) -> None:
    inner = SQLiteStore(tmp_path / "s.db")
    partial: Any = _NoUpkeep(inner)
    assert isinstance(partial, ItemStore) and isinstance(partial, SearchIndex)
    assert not isinstance(partial, Maintenance)
    with pytest.raises(ConfigError, match=r"lacks Maintenance \(compact, integrity_check\)"):
        check_store(partial)
    with pytest.raises(ConfigError, match="not a complete Engram store"):
        Memory(store=partial, embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path))
    inner.close()


def test_open_store_checks_the_backend(tmp_path: Path) -> None:
    store = open_store(Settings(data_dir=tmp_path))
    assert isinstance(store, Store)
    store.close()


def test_postgres_takes_one_connection_string_and_no_ignored_options() -> None:
    from engram.store.postgres import PostgresStore

    params = inspect.signature(PostgresStore).parameters
    assert "dsn" in params
    assert not {"path", "small_scope", "database_url"} & set(params)
