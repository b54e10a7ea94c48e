"""``engram demo``: the main job on the embedded default, end to end in seconds.

It runs on a temporary store that is removed afterwards, so it never touches your
memories; with ``--db`` it uses (and cleans its demo user out of) that store.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from engram.cli.app import JsonOpt, command, open_memory, out, print_json, store_options


@command("demo")
def demo(
    ctx: typer.Context,
    keep: Annotated[bool, typer.Option("--keep", help="keep the demo memories afterwards (with --db)")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Remember a short multi-session conversation, then answer questions from memory."""
    from engram.config import Settings  # deferred: keeps `import engram.cli` light

    if store_options(ctx).db is not None or Settings().db is not None:
        with open_memory(ctx, new_ok=True) as memory:
            _run(memory, keep=keep, as_json=as_json, where=str(memory.settings.db_path))
        return
    from engram.memory import Memory

    with tempfile.TemporaryDirectory(prefix="engram-demo-") as folder:
        settings = Settings().model_copy(update={"db": Path(folder) / "demo.db"})
        with Memory(settings=settings) as memory:
            _run(memory, keep=True, as_json=as_json, where="a temporary store, removed afterwards")


def _run(memory: Any, *, keep: bool, as_json: bool, where: str) -> None:
    data = json.loads(resources.files("engram.data").joinpath("demo_conversation.json").read_text())
    user = data["user_id"]
    memory.delete_all(user_id=user)
    started = time.perf_counter()
    count = 0
    for session in data["sessions"]:
        stamp = datetime.fromisoformat(session["time"].replace("Z", "+00:00"))
        count += len(memory.add(session["messages"], user_id=user,
                                session_id=session["session_id"], event_time=stamp))
    took = time.perf_counter() - started
    answers = []
    if not as_json:
        out.print(f"[bold]Stored {count} rounds from {len(data['sessions'])} sessions[/] "
                  f"in {took:.2f}s (database: {where})\n")
    for question in data["questions"]:
        started = time.perf_counter()
        hits = memory.search(question, user_id=user, limit=2).hits
        took_ms = (time.perf_counter() - started) * 1000
        answers.append({"question": question, "ms": round(took_ms, 1), "hits": [
            {"id": h.item.id, "event_time": h.item.event_time, "content": h.item.content} for h in hits]})
        if as_json:
            continue
        table = Table(title=f"{question}  [dim]({took_ms:.0f} ms)[/]", title_justify="left",
                      show_header=False, expand=True)
        table.add_column("when", width=10)
        table.add_column("memory")
        for hit in hits:
            when = hit.item.event_time.strftime("%Y-%m-%d") if hit.item.event_time else ""
            table.add_row(when, hit.item.content)
        out.print(table)
    if as_json:
        print_json({"stored": count, "sessions": len(data["sessions"]), "database": where,
                    "answers": answers})
    if not keep:
        memory.delete_all(user_id=user)
