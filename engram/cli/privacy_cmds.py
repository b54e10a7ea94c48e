"""Privacy commands: ``forget`` (right to erasure) and ``purge`` (make deletions physical)."""

from __future__ import annotations

from typing import Annotated

import typer

from engram.cli.app import JsonOpt, command, open_memory, out, print_json


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
