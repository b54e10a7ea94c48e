"""``engram import-mem0``: move a mem0 store into Engram (see docs/migrating-from-mem0.md)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from engram.cli.app import JsonOpt, command, open_memory, out, print_json


@command("import-mem0")
def import_mem0(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(
        help="mem0 FAISS folder, its <collection>.json docstore, or a get_all JSON export")],
    history: Annotated[Path | None, typer.Option(
        "--history", help="mem0's history.db (default: history.db inside SOURCE, if any)")] = None,
    app_id: Annotated[str, typer.Option(
        "--app", help="app_id to import under; engram.compat.mem0 uses 'mem0' by default")] = "mem0",
    as_json: JsonOpt = False,
) -> None:
    """Import every memory of a mem0 store, with its scope, metadata and versions."""
    from engram.compat.mem0_import import import_mem0 as run_import

    with open_memory(ctx) as memory:
        report = run_import(memory, source, history_db=history, app_id=app_id)
    if as_json:
        print_json(asdict(report))
        return
    out.print(f"[green]imported {report.imported}[/] of {report.read} mem0 memories into app "
              f"{app_id!r} (skipped {report.skipped} already present; {report.history_rows} versions; "
              f"{report.deleted_in_source} deleted in mem0, not imported) from {report.source}")
