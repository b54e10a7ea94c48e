"""Drop-in entry points for code written against other memory libraries.

:mod:`engram.compat.mem0` speaks mem0's API (``Memory``, ``AsyncMemory``,
``MemoryClient``) over Engram; :mod:`engram.compat.mem0_import` moves an existing
mem0 store into Engram. See docs/migrating-from-mem0.md.
"""
