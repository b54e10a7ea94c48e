"""Privacy commands: ``forget`` (right to erasure), ``purge`` (make deletions physical) and
``audit`` (who changed what); ``get --reveal`` shows vaulted PII."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from engram.cli.app import (
    AgentOpt,
    AppOpt,
    JsonOpt,
    SessionOpt,
    UserOpt,
    command,
    open_memory,
    out,
    print_json,
    scope_of,
)
from engram.cli.memory_cmds import when_option


@command("forget")
def forget(
    ctx: typer.Context,
    user: Annotated[str, typer.Argument(help="the user_id whose memories to erase")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="do not ask for confirmation")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Erase everything of a user in every app, agent and session, then compact the files
    so no bytes of it remain (history keeps content-free tombstones)."""
    if not yes and not typer.confirm(f"Erase ALL memories of user {user!r}, in every app?", err=as_json):
        raise typer.Exit(1)
    with open_memory(ctx, create=False) as memory:
        count = memory.forget(user, actor="cli")
    if as_json:
        print_json({"forgotten": count, "user_id": user})
        return
    out.print(f"[green]forgot {count} memories[/] of user {user}", highlight=False)


@command("purge")
def purge(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Compact the store, embedding cache and PII vault (VACUUM): reclaims the space of
    past deletions. Slow on big stores; deleted text is already unrecoverable without it."""
    with open_memory(ctx, create=False) as memory:
        memory.purge()
    if as_json:
        print_json({"purged": True})
        return
    out.print("[green]purged[/]: deleted rows compacted out of every file")


@command("audit")
def audit(
    ctx: typer.Context,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    since: Annotated[str | None, typer.Option(help="only changes at/after this ISO time")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 100,
    as_json: JsonOpt = False,
) -> None:
    """Who changed what in a scope, newest first (content only if the store logs content)."""
    with open_memory(ctx, create=False) as memory:
        entries = memory.audit(scope=scope_of(user, agent, session, app_id),
                               since=when_option(since, "--since"), limit=limit)
    if as_json:
        print_json([e.model_dump(mode="json") for e in entries])
        return
    table = Table(header_style="bold")
    for name in ("at", "actor", "op", "memory id", "version", "changed"):
        table.add_column(name, no_wrap=name == "memory id", overflow="fold")
    for e in entries:
        table.add_row(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor or "", e.op, e.memory_id,
                      str(e.version), ", ".join(e.changed))
    out.print(table)

