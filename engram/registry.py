"""One registry type for every plug point: a config name -> a factory.

Stores, embedders, enrichers, retrievers, rerankers, extractors and update deciders are
each a :class:`Registry`. A value is the factory itself, or a ``"module:attribute"``
path imported on first lookup (so naming a backend never imports its heavy
dependencies). Lookups go through :meth:`Registry.lookup`, which turns an unknown name
into a :class:`~engram.errors.ConfigError` listing the valid ones. Factories of
settings-driven plug points take the :class:`~engram.config.Settings` object: that is the
one way a plugin receives its configuration.
"""

from __future__ import annotations

import importlib
from typing import Any, Generic, TypeVar

from engram.errors import ConfigError

F = TypeVar("F")


class Registry(dict[str, Any], Generic[F]):
    """A name -> factory mapping (a ``dict``, so plugins may add entries) with one lookup."""

    def __init__(self, what: str, entries: dict[str, F | str], *, hint: str = "") -> None:
        super().__init__(entries)
        self.what = what
        self.hint = hint

    def lookup(self, name: str) -> F:
        """The factory registered as ``name``; a lazy ``"module:attr"`` entry is imported."""
        try:
            entry = self[name]
        except (KeyError, TypeError):
            raise ConfigError(f"unknown {self.what} {name!r}; choose one of: "
                              f"{', '.join(sorted(self))}{self.hint}") from None
        if isinstance(entry, str):
            module, _, attr = entry.partition(":")
            entry = getattr(importlib.import_module(module), attr)
        factory: F = entry
        return factory


__all__ = ["Registry"]
