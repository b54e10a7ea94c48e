"""Lifecycle commands: consolidate, archive, related, procedure."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Annotated

import typer

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
from engram.errors import InvalidInputError


@command("consolidate")
def consolidate(
    ctx: typer.Context,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Update session summaries, the rolling summary and the profile of a scope.

    Incremental and idempotent: running it again without new memories changes nothing."""
    scope = scope_of(user, agent, session, app_id)
    with open_memory(ctx, create=False) as memory:
        report = memory.consolidate(scope=scope)
    if as_json:
        print_json(asdict(report))
        return
    out.print(f"consolidated {scope}: {len(report.created)} created, {len(report.updated)} updated, "
              f"{len(report.unchanged)} unchanged")


@command("archive")
def archive(
    ctx: typer.Context,
    user: UserOpt = None, agent: AgentOpt = None, app_id: AppOpt = None,
    min_retention: Annotated[float, typer.Option(help="archive below this retention (0-1)")] = 0.05,
    max_importance: Annotated[float, typer.Option(help="only items at most this important")] = 0.5,
    kind: Annotated[list[str] | None, typer.Option(help="kinds to consider (repeatable)")] = None,
    now: Annotated[str | None, typer.Option(help="evaluate retention at this ISO time")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="only list what would be archived")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Archive long-unused, low-importance memories (MemoryBank's forgetting curve).

    Archived memories are never deleted; search them with statuses including 'archived'."""
    scope = scope_of(user, agent, None, app_id)
    when = None
    if now is not None:
        try:
            when = datetime.fromisoformat(now)
        except ValueError:
            raise InvalidInputError("--now must be an ISO date/time like 2025-01-31") from None
    with open_memory(ctx, create=False) as memory:
        ids = memory.archive_stale(scope=scope, min_retention=min_retention, max_importance=max_importance,
                                   kinds=kind or ["episodic", "fact"], now=when, dry_run=dry_run)
    if as_json:
        print_json({"archived": [] if dry_run else ids, "candidates": ids})
        return
    verb = "would archive" if dry_run else "archived"
    out.print(f"{verb} {len(ids)} memories in {scope}")


@command("related")
def related(
    ctx: typer.Context, memory_id: str,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the memories linked to one memory, with the reason for each link."""
    with open_memory(ctx, create=False) as memory:
        found = memory.related(memory_id, scope=scope_of(user, agent, session, app_id))
    if as_json:
        print_json([{"id": r.item.id, "reason": r.reason, "score": r.score, "direction": r.direction,
                     "item": r.item.snapshot()} for r in found])
        return
    if not found:
        out.print("no linked memories")
    for r in found:
        out.print(f"{r.score:.2f}  {r.item.id}  [{r.item.kind.value}]  {r.reason}")


@command("guard-feedback")
def guard_feedback(
    ctx: typer.Context,
    memory_id: Annotated[str, typer.Argument(help="the memory the guard judged")],
    verdict: Annotated[str, typer.Argument(help="benign (a false alarm) or malicious")],
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Confirm or overrule the poisoning guard on one memory; the verdict is kept as a lesson."""
    if verdict not in ("benign", "malicious"):
        raise InvalidInputError(f"verdict must be 'benign' or 'malicious', not {verdict!r}")
    with open_memory(ctx) as memory:
        item = memory.guard_feedback(memory_id, verdict, scope=scope_of(user, agent, session, app_id))
    if as_json:
        print_json(json.loads(item.model_dump_json()))
    else:
        out.print(f"{verdict}: {item.id} (tags: {', '.join(item.tags) or 'none'})")


@command("procedure")
def procedure(
    ctx: typer.Context,
    task: Annotated[str, typer.Argument(help="what was being done")],
    step: Annotated[list[str], typer.Option("--step", help="one step (repeatable, in order)")],
    outcome: Annotated[str, typer.Option(help="what happened")] = "",
    failed: Annotated[bool, typer.Option("--failed", help="store it as a lesson from a failure")] = False,
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Remember a procedure (or the lesson of a failed attempt) for a task."""
    with open_memory(ctx) as memory:
        item = memory.add_procedure(task, step, outcome, success=not failed,
                                    scope=scope_of(user, agent, session, app_id))
    if as_json:
        print_json(json.loads(item.model_dump_json()))
    else:
        out.print(f"remembered procedure {item.id}")
