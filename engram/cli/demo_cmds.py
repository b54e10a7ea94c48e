"""``engram demo``: the main job on the embedded default, end to end in seconds."""

from __future__ import annotations

import json
import time
from datetime import datetime
from importlib import resources
from typing import Annotated

import typer
from rich.table import Table

from engram.cli.app import command, open_memory, out


@command("demo")
def demo(
    ctx: typer.Context,
    keep: Annotated[bool, typer.Option(help="keep the demo memories afterwards")] = False,
) -> None:
    """Remember a short multi-session conversation, then answer questions from memory."""
    data = json.loads(resources.files("engram.data").joinpath("demo_conversation.json").read_text())
    user = data["user_id"]
    with open_memory(ctx) as memory:
        memory.delete_all(user_id=user)
        started = time.perf_counter()
        count = 0
        for session in data["sessions"]:
            stamp = datetime.fromisoformat(session["time"].replace("Z", "+00:00"))
            count += len(memory.add(session["messages"], user_id=user,
                                    session_id=session["session_id"], event_time=stamp))
        took = time.perf_counter() - started
        out.print(f"[bold]Stored {count} rounds from {len(data['sessions'])} sessions[/] "
                  f"in {took:.2f}s (database: {memory.settings.db_path})\n")
        for question in data["questions"]:
            started = time.perf_counter()
            hits = memory.search(question, user_id=user, limit=2).hits
            took_ms = (time.perf_counter() - started) * 1000
            table = Table(title=f"{question}  [dim]({took_ms:.0f} ms)[/]", title_justify="left",
                          show_header=False, expand=True)
            table.add_column("when", width=10)
            table.add_column("memory")
            for hit in hits:
                when = hit.item.event_time.strftime("%Y-%m-%d") if hit.item.event_time else ""
                table.add_row(when, hit.item.content)
            out.print(table)
        if not keep:
            memory.delete_all(user_id=user)
