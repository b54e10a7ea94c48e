"""The Typer application, global options and shared helpers for commands."""

from __future__ import annotations

import functools
import ipaddress
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from engram.errors import EngramError

if TYPE_CHECKING:
    from engram.model import Scope

app = typer.Typer(
    name="engram",
    help="Long-term memory for LLM agents, local by default.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain click help: Typer's rich help imports rich.markdown/markdown_it (~0.15 s CPU),
    # which alone breaks the 0.3 s budget for `engram --help` (issue #17).
    rich_markup_mode=None,
)
out = Console()
err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    db: Path | None


def _print_version(value: bool) -> None:
    if value:
        from engram import __version__

        sys.stdout.write(f"engram {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="ENGRAM_DB", help="SQLite file to use (default: under your data dir).")] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = Context(db=db)


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """``app.command`` (or ``on.command`` for a sub-app) that turns EngramError into a
    clear message and exit code 2."""

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def run(*a: Any, **kw: Any) -> Any:
            try:
                return func(*a, **kw)
            except EngramError as exc:
                err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
                raise typer.Exit(2) from None

        (on or app).command(*args, **kwargs)(run)
        return func

    return wrap


def is_loopback(host: str) -> bool:
    """True for localhost and loopback IPs (127.0.0.0/8, ::1): where unauthenticated
    servers (keyless REST, MCP over HTTP) may listen."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_memory(ctx: typer.Context, *, create: bool = True) -> Any:
    """A Memory for the chosen database; read-only commands do not create one."""
    from engram.config import Settings  # deferred: keeps `engram --help` fast
    from engram.memory import Memory

    settings = Settings()
    options: Context = ctx.obj
    return Memory(options.db, settings=settings, create=create)


UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="user_id of the scope")]
AgentOpt = Annotated[str | None, typer.Option("--agent", help="agent_id of the scope")]
SessionOpt = Annotated[str | None, typer.Option("--session", "-s", help="session_id of the scope")]
AppOpt = Annotated[str | None, typer.Option("--app", help="app_id of the scope")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON instead of a table")]


def scope_of(user: str | None, agent: str | None, session: str | None, app_id: str | None) -> Scope:
    from engram.memory import resolve_scope

    return resolve_scope(None, user_id=user, agent_id=agent, session_id=session, app_id=app_id)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
