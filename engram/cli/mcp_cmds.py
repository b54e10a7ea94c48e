"""``engram mcp``: serve memory to agents over the Model Context Protocol."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from engram.cli.app import AgentOpt, AppOpt, SessionOpt, UserOpt, command, err, is_loopback, open_memory
from engram.errors import ConfigError


class Transport(str, Enum):
    stdio = "stdio"
    http = "http"


@command("mcp")
def mcp(
    ctx: typer.Context,
    transport: Annotated[Transport, typer.Option(
        "--transport", "-t", help="stdio for desktop agents; http serves Streamable HTTP at /mcp.")] = Transport.stdio,
    host: Annotated[str, typer.Option("--host", help="address to bind (http only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="port to bind (http only)")] = 8765,
    user: UserOpt = None,
    agent: AgentOpt = None,
    session: SessionOpt = None,
    app_id: AppOpt = None,
    pin_scope: Annotated[bool, typer.Option(
        "--pin-scope/--no-pin-scope", help="refuse tool calls that name another user_id/agent_id/"
        "session_id/app_id than the ones given here (default); --no-pin-scope makes them "
        "defaults only")] = True,
) -> None:
    """Run an MCP server exposing add / search / update / delete / list / delete_all / history / profile.

    The scope options set the scope of tool calls, so an agent configured with
    ``--user me`` never has to pass a user id — and, pinned, cannot reach another's.
    """
    from engram.memory import resolve_scope
    from engram.server.mcp import build_mcp  # deferred: the SDK is an optional extra

    if transport is Transport.http and not is_loopback(host):
        # The MCP HTTP transport has no authentication: anyone who reaches it owns the memory.
        raise ConfigError(f"refusing to serve MCP over HTTP on {host}: it has no authentication. "
                          "Listen on 127.0.0.1 (the default), or use `engram serve` with API keys")
    ids = {"user_id": user, "agent_id": agent, "session_id": session, "app_id": app_id}
    default = resolve_scope(None, **ids) if any(ids.values()) else None
    memory = open_memory(ctx, new_ok=True)
    try:
        server = build_mcp(memory, default_scope=default, pin_scope=pin_scope)
        if transport is Transport.stdio:
            # stdout carries the protocol: anything human-readable goes to stderr.
            server.run("stdio")
        else:
            err.print(f"Engram MCP server on http://{host}:{port}/mcp")
            server.run("streamable-http", host=host, port=port)
    except KeyboardInterrupt:
        pass
    finally:
        memory.close()
