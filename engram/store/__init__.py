"""Storage backends, chosen by name (``ENGRAM_STORE``)."""

from __future__ import annotations

import importlib
from typing import Any

from engram.errors import ConfigError
from engram.store.base import Store

# name -> "module:Class"; backends import their heavy dependencies lazily.
STORES: dict[str, str] = {
    "sqlite": "engram.store.sqlite:SQLiteStore",
    "postgres": "engram.store.postgres:PostgresStore",
}


def open_store(name: str, **options: Any) -> Store:
    """Instantiate the backend registered under ``name``."""
    try:
        target = STORES[name]
    except KeyError:
        raise ConfigError(
            f"unknown store {name!r}; choose one of: {', '.join(sorted(STORES))}"
        ) from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    store: Store = cls(**options)
    return store


__all__ = ["STORES", "Store", "open_store"]
