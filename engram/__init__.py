"""Engram: long-term memory for LLM agents, local by default."""

from engram.aio import AsyncMemory
from engram.errors import EngramError
from engram.memory import Memory
from engram.model import Filters, HistoryEntry, MemoryItem, MemoryKind, MemoryStatus, Message, Scope

__version__ = "0.1.0"

__all__ = [
    "AsyncMemory", "EngramError", "Filters", "HistoryEntry", "Memory", "MemoryItem",
    "MemoryKind", "MemoryStatus", "Message", "Scope", "__version__",
]
