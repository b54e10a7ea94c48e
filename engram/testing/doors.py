"""Deleting one memory through each of Engram's doors, for the deletion tests that scan
the files afterwards (tests/reliability/test_deletion.py for SQLite,
tests/store/test_postgres_deletion.py for PostgreSQL): the Python API, REST (a live
server on loopback), the CLI (``engram delete`` in-process) and MCP (an in-memory client).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

DOORS = ("api", "rest", "cli", "mcp")


def delete_through(door: str, memory: Any, memory_id: str, *, user_id: str,
                   cli_args: Sequence[str] = ()) -> None:
    """Delete ``memory_id`` of ``user_id`` through ``door``. For ``cli`` the caller has set
    the ``ENGRAM_*`` environment (and closed ``memory`` if the CLI must open the file);
    ``cli_args`` come before the command (``["--db", path]``)."""
    if door == "api":
        memory.delete(memory_id, user_id=user_id)
    elif door == "rest":
        import httpx

        from engram.server.app import create_app
        from engram.testing.live_server import LiveServer

        with LiveServer(create_app(memory)) as server:
            response = httpx.delete(f"{server.url}/v1/memories/{memory_id}",
                                    params={"user_id": user_id})
            if response.status_code != 204:
                raise AssertionError(f"REST delete answered {response.status_code}")
    elif door == "cli":
        from typer.testing import CliRunner

        from engram.cli import app

        result = CliRunner().invoke(app, [*cli_args, "delete", memory_id, "-u", user_id])
        if result.exit_code != 0:
            raise AssertionError(f"engram delete exited {result.exit_code}: {result.output}")
    elif door == "mcp":
        import anyio
        from mcp import Client

        from engram.server.mcp import build_mcp

        async def main() -> None:
            async with Client(build_mcp(memory), raise_exceptions=False) as client:
                result = await client.call_tool("delete", {"memory_id": memory_id,
                                                           "user_id": user_id})
                if result.is_error:
                    raise AssertionError(f"MCP delete failed: {result.content}")

        anyio.run(main)
    else:
        raise ValueError(f"unknown door {door!r}; one of {DOORS}")


__all__ = ["DOORS", "delete_through"]
