"""Storage backends, chosen by name (``ENGRAM_STORE``) through :data:`STORES`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from engram.registry import Registry
from engram.store.base import ROLES, ItemStore, LinkStore, Maintenance, SearchIndex, Store, check_store

if TYPE_CHECKING:
    from engram.config import Settings


def _sqlite(settings: Settings, create: bool) -> Store:
    from engram.store.sqlite import SQLiteStore

    return SQLiteStore(settings.db_path, create=create, ann_threshold=settings.ann_threshold,
                       vector_dtype=settings.vector_dtype)


def _postgres(settings: Settings, create: bool) -> Store:
    from engram.store.postgres import PostgresStore  # psycopg is the `postgres` extra

    return PostgresStore(dsn=settings.database_url, create=create,
                         ann_threshold=settings.ann_threshold, vector_dtype=settings.vector_dtype,
                         partitions=settings.pg_partitions)


# name -> factory(settings, create); backends import their heavy dependencies lazily.
STORES: Registry[Callable[[Settings, bool], Store]] = Registry("store", {
    "sqlite": _sqlite,
    "postgres": _postgres,
})


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Instantiate the backend that ``settings.store`` names."""
    return check_store(STORES.lookup(settings.store)(settings, create))


__all__ = ["ROLES", "STORES", "ItemStore", "LinkStore", "Maintenance", "SearchIndex", "Store", "check_store",
           "open_store"]
