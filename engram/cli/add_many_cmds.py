"""``engram add-many FILE.jsonl``: bulk ingest through :meth:`engram.Memory.add_many`.

Each line is what ``POST /v1/memories`` takes (``content`` or ``messages``, plus the scope
ids and add()'s options), so one file feeds the CLI, the REST batch route and the clients
alike. Every line is checked before anything is written; the batches then go in with a
progress bar.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
)
from engram.errors import EngramError, InvalidInputError

MAX_SHOWN = 10  # bad lines named in the error


def _lines(file: Path) -> Iterable[str]:
    if str(file) == "-":
        return sys.stdin.read().splitlines()
    if not file.is_file():
        raise InvalidInputError(f"{file} does not exist or is not a file")
    try:
        return file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"cannot read {file} as UTF-8 JSON lines: {exc}") from None


def parse_requests(lines: Iterable[str], defaults: dict[str, str | None]) -> list[dict[str, Any]]:
    """add_many's requests, one per non-blank line; scope ids a line leaves out come from
    ``defaults`` (the command's --user/--agent/--session/--app). Any bad line fails the
    whole file, naming the lines, before anything is written."""
    from pydantic import ValidationError

    from engram.server.schemas import AddRequest  # pydantic only: no server extra needed
    from engram.validation import explain

    requests: list[dict[str, Any]] = []
    bad: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            body = AddRequest.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            bad.append(f"line {number}: not JSON ({exc.msg})")
            continue
        except ValidationError as exc:
            bad.append(f"line {number}: {explain(exc)}")
            continue
        ids = {name: value or defaults.get(name) for name, value in body.scope_fields().items()}
        requests.append({"data": body.data(), **ids, **body.options(), "actor": body.actor})
    if bad:
        more = f" (and {len(bad) - MAX_SHOWN} more)" if len(bad) > MAX_SHOWN else ""
        raise InvalidInputError("nothing was added; fix these lines (each is a POST /v1/memories "
                                f"body: content or messages, plus scope ids): {'; '.join(bad[:MAX_SHOWN])}"
                                f"{more}")
    return requests


@command("add-many")
def add_many(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="JSON lines, one add per line; '-' reads stdin")],
    user: UserOpt = None, agent: AgentOpt = None, session: SessionOpt = None, app_id: AppOpt = None,
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="add calls per batch")] = 256,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="print only the new ids, one a line")] = False,
) -> None:
    """Remember many texts or conversations at once (bulk ingest, one embedding pass per batch).

    Each line is a JSON object like a POST /v1/memories body, e.g.
    {"content": "I moved to Lisbon", "user_id": "alice"} or {"messages": [...], "session_id": "s1"};
    --user/--agent/--session/--app fill in the ids a line leaves out.
    """
    from engram.model import SCOPE_FIELDS  # here: the CLI imports no pydantic before a command runs

    defaults = dict(zip(SCOPE_FIELDS, (user, agent, session, app_id), strict=True))
    requests = parse_requests(_lines(file), defaults)
    results: list[list[Any]] = []
    with open_memory(ctx) as memory, Progress(
        TextColumn("adding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=quiet or as_json,
    ) as bar:
        task = bar.add_task("add-many", total=len(requests))
        for start in range(0, len(requests), batch):
            try:
                results.extend(memory.add_many(requests[start:start + batch]))
            except EngramError:
                err.print(f"the first {start} add(s) were stored, the rest not; fix the input "
                          "and run the rest again", highlight=False)
                raise
            bar.update(task, completed=len(results))
    _report(results, as_json=as_json, quiet=quiet)


def _report(results: list[list[Any]], *, as_json: bool, quiet: bool) -> None:
    ids = [[item.id for item in items] for items in results]
    if as_json:
        print_json({"requests": len(ids), "memories": sum(map(len, ids)), "ids": ids})
    elif quiet:
        sys.stdout.write("".join(f"{i}\n" for row in ids for i in row))
    else:
        out.print(f"[green]remembered {sum(map(len, ids))} item(s)[/] from {len(ids)} add(s)")
