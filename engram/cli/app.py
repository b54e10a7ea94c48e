"""The Typer application, global options and shared helpers for commands."""

from __future__ import annotations

import functools
import inspect
import ipaddress
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

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
    # which alone breaks the 0.3 s budget for `engram --help` (issue #17); it also keeps
    # flags free of a "<bool>" type column.
    rich_markup_mode=None,
)
out = Console()
err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    db: Path | None
    create: bool = False


DB_HELP = "SQLite file to use (default: under your data dir)."
CREATE_HELP = "create the --db store if it does not exist yet (otherwise a missing file is an error)."
DbOpt = Annotated[Path | None, typer.Option("--db", envvar="ENGRAM_DB", help=DB_HELP, show_default=False)]
CreateOpt = Annotated[bool, typer.Option("--create", help=CREATE_HELP)]


def _print_version(value: bool) -> None:
    if value:
        from engram import __version__

        sys.stdout.write(f"engram {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    db: DbOpt = None,
    create: CreateOpt = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = Context(db=db, create=create)


# Every command also takes --db and --create after its name (``engram add --db x.db``):
# ``command`` appends these keyword-only parameters (and a Context, if the command has
# none) to the signature Typer reads, and applies them before the command runs.
_EXTRA = [
    inspect.Parameter("engram_db", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Path | None, typer.Option("--db", help=DB_HELP, show_default=False)]),
    inspect.Parameter("engram_create", inspect.Parameter.KEYWORD_ONLY, default=False,
                      annotation=Annotated[bool, typer.Option("--create", help=CREATE_HELP)]),
]
_CTX = inspect.Parameter("engram_ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)


def _with_store_options(func: Callable[..., Any], run: Callable[..., Any]) -> str | None:
    """Give ``run`` the signature of ``func`` plus the extra options; returns the name
    of ``func``'s own Context parameter, if it has one."""
    signature = inspect.signature(func, eval_str=True)
    params = list(signature.parameters.values())
    own = next((p.name for p in params if p.annotation is typer.Context), None)
    extra = [*_EXTRA, *([] if own else [_CTX])]
    run.__signature__ = signature.replace(parameters=[*params, *extra])  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in [*params, *extra]}
    return own


def _apply_store_options(ctx: typer.Context, db: Path | None, create: bool) -> None:
    options = ctx.find_object(Context)
    if options is None:  # a command invoked without the root callback
        options = ctx.obj = Context(db=None)
    if db is not None:
        options.db = db
    options.create = options.create or create


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """``app.command`` (or ``on.command`` for a sub-app) that turns EngramError into a
    clear message and exit code 2, and adds ``--db``/``--create`` to the command."""

    def wrap(func: F) -> F:
        own_ctx: str | None = None

        @functools.wraps(func)
        def run(*a: Any, engram_db: Path | None = None, engram_create: bool = False,
                engram_ctx: typer.Context | None = None, **kw: Any) -> Any:
            try:
                ctx = cast(typer.Context, kw[own_ctx] if own_ctx else engram_ctx)  # Typer passes one
                _apply_store_options(ctx, engram_db, engram_create)
                return func(*a, **kw)
            except EngramError as exc:
                err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
                raise typer.Exit(2) from None

        own_ctx = _with_store_options(func, run)
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


def open_memory(ctx: typer.Context, *, create: bool = True, new_ok: bool = False) -> Any:
    """A Memory for the chosen database. A store is created only where ``create``
    allows it and either no ``--db`` was named (the default store), ``--create`` was
    given or the command starts a service on a new file (``new_ok``: serve, mcp), so a
    mistyped ``--db`` on add/import is an error, not a new empty database."""
    from engram.config import Settings  # deferred: keeps `engram --help` fast
    from engram.memory import Memory

    options = store_options(ctx)
    settings = Settings()
    named = options.db or settings.db
    allowed = options.create or (create and (named is None or new_ok))
    if not allowed and named is not None and not Path(named).exists():
        from engram.errors import StoreError

        raise StoreError(f"no Engram store at {named}; check the path, or pass --create to make a new one")
    return Memory(options.db, settings=settings, create=allowed)


def store_options(ctx: typer.Context) -> Context:
    """The --db/--create options of the running command."""
    found = ctx.find_object(Context)
    return found if found is not None else Context(db=None)


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
