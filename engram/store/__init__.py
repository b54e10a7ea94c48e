"""Storage backends, chosen by name (``ENGRAM_STORE``) through :data:`STORES`.

A backend (:class:`~engram.store.backends.Backend`) opens the memory store and the side
stores that belong with it: API keys, the embedding cache and the guard's lessons (the
PII vault's rows are a table of the store itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engram.registry import Registry
from engram.store.backends import Backend, PostgresBackend, SQLiteBackend
from engram.store.base import (
    ROLES,
    ItemStore,
    LinkStore,
    Maintenance,
    SearchIndex,
    SecretRows,
    Store,
    check_store,
)

if TYPE_CHECKING:
    from engram.config import Settings

# name -> backend; backends import their heavy dependencies lazily.
STORES: Registry[Backend] = Registry("store", {
    "sqlite": SQLiteBackend(),
    "postgres": PostgresBackend(),
})


def backend(settings: Settings) -> Backend:
    """The backend that ``settings.store`` names."""
    return STORES.lookup(settings.store)


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Instantiate the store of the backend that ``settings.store`` names."""
    return check_store(backend(settings).open_store(settings, create))


__all__ = ["ROLES", "STORES", "Backend", "ItemStore", "LinkStore", "Maintenance", "SearchIndex",
           "SecretRows", "Store", "backend", "check_store", "open_store"]
