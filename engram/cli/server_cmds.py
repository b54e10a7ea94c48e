"""``engram serve`` and ``engram keys``: run the REST server and manage its API keys.

Safety rule: a server with no API keys has no authentication, so it may only
listen on a loopback address (local development). Once a key exists, every
request must carry one.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.table import Table

from engram.cli.app import JsonOpt, app, command, err, is_loopback, out, print_json
from engram.errors import ConfigError, MissingDependencyError

if TYPE_CHECKING:
    from engram.store.keys import ApiKeys

F = TypeVar("F", bound=Callable[..., Any])

keys_app = typer.Typer(name="keys", help="Manage API keys for `engram serve`.",
                       no_args_is_help=True)
app.add_typer(keys_app, name="keys")

KeysDbOpt = Annotated[Path | None, typer.Option(
    "--keys-db", envvar="ENGRAM_KEYS_DB",
    help="API keys file for the SQLite store (default: keys.sqlite in your data dir); "
         "under PostgreSQL the keys live in the database.")]


def open_keys(path: Path | None) -> ApiKeys:
    """The configured backend's key store (a file under SQLite, a table under PostgreSQL)."""
    from engram.config import Settings  # deferred: keeps `engram --help` fast
    from engram.store import backend

    settings = Settings()
    return backend(settings).key_store(settings, path)


def _keys_command(name: str) -> Callable[[F], F]:
    """Register on ``engram keys`` with the same error handling as ``command``."""
    return command(name, on=keys_app)


# `engram serve --workers N`: each uvicorn worker process builds its own Memory and app
# from these options (uvicorn needs an import string, not an object, to fork workers).
_WORKER_OPTIONS = "ENGRAM_SERVE_OPTIONS"
# Search access statistics are written once a second per server process, not once per
# search (engram/store/access_buffer.py; ENGRAM_ACCESS_FLUSH_S=0 turns that off).
SERVER_ACCESS_FLUSH_S = 1.0


@command("serve")
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8080,
    keys_db: KeysDbOpt = None,
    rate_limit: Annotated[int | None, typer.Option(
        "--rate-limit", min=1, help="requests per minute per API key and worker process "
        "(default: unlimited)")] = None,
    max_body_bytes: Annotated[int, typer.Option(
        "--max-body-bytes", min=1, help="largest request body accepted")] = 2_000_000,
    log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info",
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="a Host name clients use to reach this server (repeatable; "
        "'*' accepts any). Default: the bound address, plus localhost on loopback")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="a web origin allowed to call the API cross-origin "
        "(repeatable), e.g. https://app.example")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="server processes on one store (SQLite: WAL, one writer at a "
        "time; PostgreSQL: a connection pool each); default 1")] = 1,
) -> None:
    """Serve the REST API (OpenAPI at /docs); needs the `server` extra."""
    try:
        import uvicorn

        from engram.server.boundary import hosts_for
    except ImportError as exc:
        raise MissingDependencyError("`engram serve`", "server") from exc
    keys = open_keys(keys_db)
    require_auth = keys.active_count() > 0
    if not require_auth:
        if not is_loopback(host):
            raise ConfigError(
                f"refusing to listen on {host} without authentication: no API key exists in "
                f"{keys.where}. Create one with `engram keys create --app APP`, or listen on "
                "127.0.0.1 for local development")
        err.print("[bold yellow]WARNING: no API keys exist, so this server requires NO "
                  "authentication.[/] Anyone who can reach "
                  f"{host}:{port} can read and delete every memory. It only listens on loopback; "
                  "create a key with `engram keys create --app APP` to turn on auth.",
                  markup=True, highlight=False)
    else:
        err.print(f"API keys required ({keys.where}).", highlight=False)
    keys.close()
    options = {"db": str(ctx.obj.db) if ctx.obj.db else None,
               "keys_db": str(keys_db) if keys_db else None,
               "require_auth": require_auth, "rate_limit": rate_limit,
               "max_body_bytes": max_body_bytes, "allowed_hosts": hosts_for(host, allowed_host or ()),
               "cors_origins": list(cors_origin or ())}
    if workers > 1:  # uvicorn's supervisor stops its workers gracefully; each closes its store
        os.environ[_WORKER_OPTIONS] = json.dumps(options)
        uvicorn.run("engram.cli.server_cmds:worker_app", factory=True, workers=workers,
                    host=host, port=port, log_level=log_level)
        return
    api, memory = _build_app(options)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises the signal; with the default
    # handler that kills the process before `finally` could close the store (and checkpoint
    # its WAL). This handler turns the re-raised signal into a normal exit instead.
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        uvicorn.run(api, host=host, port=port, log_level=log_level)
    except _Stopped:
        err.print("stopped (SIGTERM); the store is closed", highlight=False)
    finally:
        signal.signal(signal.SIGTERM, previous)
        memory.close()
        api.state.engram.keys.close()


class _Stopped(Exception):
    """SIGTERM arrived after uvicorn's graceful shutdown."""


def _stop(signum: int, frame: Any) -> None:
    raise _Stopped


def _build_app(options: dict[str, Any]) -> tuple[Any, Any]:
    """(the ASGI app, its Memory) for one server process."""
    from engram.config import Settings
    from engram.memory import Memory
    from engram.server.app import create_app

    settings = Settings()
    if "access_flush_s" not in settings.model_fields_set:  # a server batches search statistics
        settings = settings.model_copy(update={"access_flush_s": SERVER_ACCESS_FLUSH_S})
    memory = Memory(options["db"], settings=settings)
    keys = open_keys(Path(options["keys_db"]) if options["keys_db"] else None)
    hosts = options["allowed_hosts"]
    api = create_app(memory, keys=keys,
                     require_auth=options["require_auth"], rate_limit_per_minute=options["rate_limit"],
                     max_body_bytes=options["max_body_bytes"],
                     allowed_hosts=None if hosts is None else list(hosts),
                     cors_origins=options["cors_origins"])
    return api, memory


def worker_app() -> Any:
    """The uvicorn app factory of one `engram serve --workers N` process."""
    raw = os.environ.get(_WORKER_OPTIONS)
    if raw is None:
        raise ConfigError(f"{_WORKER_OPTIONS} is not set; start workers with `engram serve --workers N`")
    api, memory = _build_app(json.loads(raw))
    api.router.on_shutdown.append(memory.close)
    api.router.on_shutdown.append(api.state.engram.keys.close)
    return api


@_keys_command("create")
def keys_create(
    app_id: Annotated[str, typer.Option("--app", help="app_id the key is bound to")],
    user: Annotated[str | None, typer.Option(
        "--user", "-u", help="also bind the key to this user_id")] = None,
    name: Annotated[str | None, typer.Option(help="a label to recognise the key by")] = None,
    keys_db: KeysDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Create an API key. The secret is printed once and cannot be shown again."""
    keys = open_keys(keys_db)
    try:
        key_id, secret = keys.create(app_id, user_id=user, name=name)
    finally:
        keys.close()
    if as_json:
        print_json({"id": key_id, "secret": secret, "app_id": app_id, "user_id": user,
                    "name": name})
        return
    out.print(f"key id: {key_id}", highlight=False)
    out.print(f"secret: {secret}", highlight=False)
    err.print("Store the secret now: only its hash is kept. Send it as "
              f"'Authorization: Bearer <secret>'. Servers using {keys.where} now require a key.",
              highlight=False)


@_keys_command("list")
def keys_list(keys_db: KeysDbOpt = None, as_json: JsonOpt = False) -> None:
    """List API keys (never their secrets)."""
    keys = open_keys(keys_db)
    try:
        found = keys.list()
    finally:
        keys.close()
    if as_json:
        print_json([k.model_dump(mode="json") for k in found])
        return
    if not found:
        err.print("no API keys; create one with `engram keys create --app APP`")
        return
    table = Table(header_style="bold", box=None, padding=(0, 2, 0, 0), pad_edge=False)
    for column in ("id", "app", "user", "name", "created", "status"):  # ids whole, so they copy
        table.add_column(column, no_wrap=column != "name", overflow="fold", min_width=len(column))
    for key in found:
        table.add_row(key.id, key.app_id, key.user_id or "", key.name or "",
                      key.created_at.strftime("%Y-%m-%d"),
                      "active" if key.active else "revoked")
    out.print(table)


@_keys_command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="the key id (see `engram keys list`)")],
    keys_db: KeysDbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Revoke a key; a running server rejects it from the next request on."""
    keys = open_keys(keys_db)
    try:
        key = keys.revoke(key_id)
    finally:
        keys.close()
    if as_json:
        print_json(key.model_dump(mode="json"))
        return
    out.print(f"revoked {key.id} (app {key.app_id})", highlight=False)
