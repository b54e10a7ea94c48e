"""Privacy commands: ``forget`` (right to erasure) and ``purge`` (make deletions physical)."""

from __future__ import annotations

from typing import Annotated

import typer

from engram.cli.app import command, open_memory, out


@command("forget")
def forget(
    ctx: typer.Context,
    user: Annotated[str, typer.Argument(help="the user_id whose memories to erase")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="do not ask for confirmation")] = False,
) -> None:
    """Erase everything of a user in every app, agent and session, then compact the files
    so no bytes of it remain (history keeps content-free tombstones)."""
    if not yes and not typer.confirm(f"Erase ALL memories of user {user!r}, in every app?"):
        raise typer.Exit(1)
    with open_memory(ctx, create=False) as memory:
        count = memory.forget(user, actor="cli")
    out.print(f"[green]forgot {count} memories[/] of user {user}", highlight=False)


@command("purge")
def purge(ctx: typer.Context) -> None:
    """Compact the store, embedding cache and PII vault (VACUUM): reclaims the space of
    past deletions. Slow on big stores; deleted text is already unrecoverable without it."""
    with open_memory(ctx, create=False) as memory:
        memory.purge()
    out.print("[green]purged[/]: deleted rows compacted out of every file")
