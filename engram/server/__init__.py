"""Network adapters over :class:`engram.memory.Memory`: REST (``engram.server.app``)
and MCP (``engram.server.mcp``).

Kept import-free on purpose: :mod:`engram.client` uses
:mod:`engram.server.wire` and must work without the ``server`` extra.
"""
