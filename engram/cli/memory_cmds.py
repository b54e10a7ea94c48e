"""Memory commands: add, search, list, count, get, update, delete, history, import, export, stats."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from engram.cli.app import (
    AgentOpt,
    AppOpt,
    JsonOpt,
    SessionOpt,
    UserOpt,
    command,
    err,
    open_memory,
    out,
    print_json,
    scope_of,
)
from engram.errors import InvalidInputError


def when_option(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"{option} must be an ISO date/time like 2024-05-01 or "
                                "2024-05-01T13:00:00+00:00") from None


def _items_table(items: list[Any], *, score: list[float] | None = None) -> Table:
    """Ids never wrap (so they can be copied whole); long content folds instead."""
    table = Table(show_lines=False, header_style="bold")
    if score is not None:
        table.add_column("score", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True, min_width=36, overflow="ignore")
    table.add_column("kind", no_wrap=True)
    table.add_column("event time", no_wrap=True)
    table.add_column("content", overflow="fold", ratio=1)
    for n, item in enumerate(items):
        when = item.event_time.strftime("%Y-%m-%d %H:%M") if item.event_time else ""
        text = item.content if len(item.content) < 300 else item.content[:300] + "…"
        row = [item.id, item.kind.value, when, text]
        table.add_row(*([f"{score[n]:.4f}"] if score is not None else []), *row)
    return table


@command("add")
def add(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="text to remember; '-' reads stdin")] = None,
    messages: Annotated[Path | None, typer.Option(
        "--messages", "-m", help="JSON file with a list of {role, content} messages")] = None,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    kind: Annotated[str, typer.Option(help="episodic, fact, summary, profile or procedure")] = "episodic",
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="a tag (repeatable)")] = None,
    event_time: Annotated[str | None, typer.Option(help="when it happened (ISO 8601)")] = None,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="print only the new ids, one a line")] = False,
) -> None:
    """Remember a text, or a conversation (one memory per user/assistant round)."""
    scope = scope_of(user, agent, session, app_id)
    if (text is None) == (messages is None):
        raise InvalidInputError("give either TEXT or --messages FILE")
    data: Any
    if messages is not None:
        try:
            data = json.loads(messages.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvalidInputError(f"cannot read {messages} as a JSON list of messages: {exc}") from None
        if not isinstance(data, list):
            raise InvalidInputError(f"{messages} must hold a JSON list of {{role, content}} objects")
    else:
        data = sys.stdin.read() if text == "-" else text
    with open_memory(ctx) as memory:
        items = memory.add(data, scope=scope, kind=kind, tags=tag or [],
                           event_time=when_option(event_time, "--event-time"))
    if as_json:
        print_json([i.snapshot() for i in items])
    elif quiet:
        sys.stdout.write("".join(f"{i.id}\n" for i in items))
    else:
        out.print(f"[green]remembered {len(items)} item(s)[/] in scope {scope}")
        for item in items:
            out.print(f"  {item.id}")


@command("search")
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="what to look for")],
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 10,
    since: Annotated[str | None, typer.Option(help="only events at/after this time")] = None,
    until: Annotated[str | None, typer.Option(help="only events before this time")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Hybrid search within a scope."""
    scope = scope_of(user, agent, session, app_id)
    with open_memory(ctx, create=False) as memory:
        result = memory.search(query, scope=scope, limit=limit, since=when_option(since, "--since"),
                               until=when_option(until, "--until"))
    if as_json:
        print_json(json.loads(result.model_dump_json()))
        return
    if not result.hits:
        out.print("no matches")
        return
    out.print(_items_table([h.item for h in result.hits], score=[h.score for h in result.hits]))


@command("list")
def list_(
    ctx: typer.Context,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    cursor: Annotated[str | None, typer.Option(help="next_cursor from the previous page")] = None,
    kind: Annotated[list[str] | None, typer.Option(help="only these kinds (repeatable)")] = None,
    status: Annotated[list[str] | None, typer.Option(help="statuses (default: active)")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List memories, newest first."""
    scope = scope_of(user, agent, session, app_id)
    with open_memory(ctx, create=False) as memory:
        page = memory.list(scope=scope, filters=_filters(kind, status), limit=limit, cursor=cursor)
    if as_json:
        print_json(json.loads(page.model_dump_json()))
        return
    out.print(_items_table(page.items))
    if page.next_cursor:
        out.print(f"more: --cursor {page.next_cursor}")


def _filters(kind: list[str] | None, status: list[str] | None,
             tag: list[str] | None = None) -> dict[str, Any]:
    """The --kind/--status/--tag options as ``filters`` (statuses default to active)."""
    given = {"kinds": kind, "statuses": status, "tags": tag}
    return {name: value for name, value in given.items() if value}


@command("count")
def count(
    ctx: typer.Context,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    kind: Annotated[list[str] | None, typer.Option(help="only these kinds (repeatable)")] = None,
    status: Annotated[list[str] | None, typer.Option(help="statuses (default: active)")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="with this tag (repeatable)")] = None,
    as_json: JsonOpt = False,
) -> None:
    """How many memories in a scope match the filters."""
    scope = scope_of(user, agent, session, app_id)
    with open_memory(ctx, create=False) as memory:
        found = memory.count(scope=scope, filters=_filters(kind, status, tag))
    if as_json:
        print_json({"count": found, "scope": scope.fields()})
    else:
        out.print(str(found))


@command("get")
def get(
    ctx: typer.Context, memory_id: str,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    reveal: Annotated[bool, typer.Option("--reveal", help=(
        "restore its vaulted PII (the pii enricher with pii_mode=vault)"))] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show one memory: its fields as a table, or the full record with --json."""
    scope = scope_of(user, agent, session, app_id)
    with open_memory(ctx, create=False) as memory:
        item = memory.reveal(memory_id, scope=scope) if reveal else memory.get(memory_id, scope=scope)
    if as_json:
        print_json(item.snapshot())
        return
    table = Table(header_style="bold", show_header=False)
    table.add_column("field", no_wrap=True)
    table.add_column("value", overflow="fold")
    for key, value in item.snapshot().items():
        if value not in (None, [], {}):
            table.add_row(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    out.print(table)


@command("update")
def update(
    ctx: typer.Context, memory_id: str,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    content: Annotated[str | None, typer.Option(help="new content")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="replace tags")] = None,
    status: Annotated[str | None, typer.Option(help="active, superseded or archived")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a memory; the previous version stays in its history."""
    with open_memory(ctx, create=False) as memory:
        item = memory.update(memory_id, scope=scope_of(user, agent, session, app_id),
                             content=content, tags=tag, status=status, actor="cli")
    if as_json:
        print_json(item.snapshot())
        return
    out.print(f"[green]updated[/] {item.id} → version {item.version}")


@command("delete")
def delete(
    ctx: typer.Context,
    memory_id: Annotated[str | None, typer.Argument(help="id to delete")] = None,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="delete everything in the scope")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="do not ask for confirmation")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Delete one memory, or all memories of a scope (--all)."""
    scope = scope_of(user, agent, session, app_id)
    if (memory_id is None) == (not all_):
        raise InvalidInputError("give a memory id, or --all to delete the whole scope")
    with open_memory(ctx, create=False) as memory:
        if memory_id:
            memory.delete(memory_id, scope=scope, actor="cli")
            if as_json:
                print_json({"deleted": [memory_id]})
            else:
                out.print(f"[green]deleted[/] {memory_id}")
            return
        if not yes and not typer.confirm(f"Delete ALL memories in scope {scope}?", err=as_json):
            raise typer.Exit(1)
        count = memory.delete_all(scope=scope, actor="cli")
    if as_json:
        print_json({"deleted": count, "scope": scope.fields()})
        return
    out.print(f"[green]deleted {count} memories[/] in scope {scope}")


@command("history")
def history(ctx: typer.Context, memory_id: str, user: UserOpt = None, agent: AgentOpt = None,
            session: SessionOpt = None, app_id: AppOpt = None, as_json: JsonOpt = False) -> None:
    """Show every version of a memory."""
    with open_memory(ctx, create=False) as memory:
        entries = memory.history(memory_id, scope=scope_of(user, agent, session, app_id))
    if as_json:
        print_json([json.loads(e.model_dump_json()) for e in entries])
        return
    table = Table(header_style="bold")
    for name in ("version", "op", "at", "actor", "content"):
        table.add_column(name, overflow="fold")
    for entry in entries:
        content = (entry.new or entry.old or {}).get("content", "—")
        table.add_row(str(entry.version), entry.op, entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                      entry.actor or "", content)
    out.print(table)


@command("export")
def export(
    ctx: typer.Context,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="export every scope (administrative)")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file (default stdout)")] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="with -o, print a JSON summary; the export itself is always JSON lines")] = False,
) -> None:
    """Write memories and their history as JSONL."""
    with open_memory(ctx, create=False) as memory:
        if all_ and not any((user, agent, session, app_id)):
            lines = memory.export(all_scopes=True)
        else:
            lines = memory.export(scope=scope_of(user, agent, session, app_id))
        sink = _open_output(output) if output else sys.stdout
        try:
            count = -1  # the header line
            for line in lines:
                sink.write(line + "\n")
                count += 1
        finally:
            if output:
                sink.close()
    if output and as_json:
        print_json({"exported": count, "output": str(output)})
    elif output:
        err.print(f"exported {count} memories to {output}")


def _open_output(path: Path) -> Any:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot write {path}: {exc.strerror or exc}; check that the "
                                "folder exists and is writable") from None


@command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="JSONL file written by `engram export`")],
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="import valid lines, skip bad ones")] = False,
    on_conflict: Annotated[str, typer.Option(
        "--on-conflict", help="an id that a memory of another scope holds: fail (import nothing), "
        "skip (leave the line out) or new_id (import it under a new id)")] = "fail",
    as_json: JsonOpt = False,
) -> None:
    """Import memories from JSONL; a malformed line, or an id another scope holds, aborts
    the whole import (unless --skip-bad / --on-conflict say otherwise)."""
    from engram.portability import check_on_conflict

    choice = check_on_conflict(on_conflict)
    if not file.is_file():
        raise InvalidInputError(f"{file} does not exist or is not a file")
    with open_memory(ctx) as memory, Progress(
        TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True,
    ) as bar:
        task = bar.add_task("import", total=None)
        report = memory.import_(file, skip_bad=skip_bad, actor="cli",
                                on_conflict=choice,
                                progress=lambda done, total: bar.update(task, completed=done, total=total))
    if as_json:
        print_json(report.model_dump())
        return
    out.print(f"[green]imported {report.imported}[/], skipped {report.skipped}, links {report.links}"
              + (f" (bad lines: {report.bad_lines[:20]})" if report.bad_lines else "")
              + (f" (ids held by another scope, lines: {report.conflicts[:20]})"
                 if report.conflicts else ""))


@command("stats")
def stats(ctx: typer.Context, user: UserOpt = None, agent: AgentOpt = None,
          session: SessionOpt = None, app_id: AppOpt = None, as_json: JsonOpt = False) -> None:
    """Counts by kind and status (whole store when no scope is given)."""
    with open_memory(ctx, create=False) as memory:
        if any((user, agent, session, app_id)):
            result = memory.stats(scope=scope_of(user, agent, session, app_id))
        else:
            result = memory.stats(all_scopes=True)
    if as_json:
        print_json(result.model_dump())
        return
    table = Table(header_style="bold", show_header=False)
    for key, value in result.model_dump().items():
        table.add_row(key, json.dumps(value) if isinstance(value, dict) else str(value))
    out.print(table)
