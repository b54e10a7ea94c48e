"""Engram: long-term memory for LLM agents, local by default.

The public names are resolved on first access (PEP 562), so ``import engram`` — and
with it every ``engram`` CLI call — does not pay for numpy, pydantic or the model
runtime until a command actually needs them (issue #17: ``engram --help`` <= 0.3 s).
"""

import importlib
import typing

from engram.errors import EngramError

if typing.TYPE_CHECKING:
    from engram.aio import AsyncMemory
    from engram.memory import Memory
    from engram.model import Filters, HistoryEntry, MemoryItem, MemoryKind, MemoryStatus, Message, Scope

__version__ = "0.1.0"

__all__ = [
    "AsyncMemory", "EngramError", "Filters", "HistoryEntry", "Memory", "MemoryItem",
    "MemoryKind", "MemoryStatus", "Message", "Scope", "__version__",
]

_LAZY = {
    "AsyncMemory": "engram.aio",
    "Memory": "engram.memory",
    **{name: "engram.model" for name in
       ("Filters", "HistoryEntry", "MemoryItem", "MemoryKind", "MemoryStatus", "Message", "Scope")},
}


def __getattr__(name: str) -> object:
    """Import a public name's module on first use and cache the name on the package."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'engram' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
