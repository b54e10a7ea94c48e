"""API keys for the REST server, kept by the configured backend.

Where they live follows the store (:class:`engram.store.Backend`): under SQLite, a
small SQLite file of their own (:class:`KeyStore`, ``keys.sqlite`` in the data dir);
under PostgreSQL, the ``api_keys`` table of the shared database
(:class:`engram.store.postgres_side.PostgresKeyStore`), so every server process on
every host sees the same keys. Why a separate file under SQLite: keys are
credentials, not memories. Keeping them out of the memory database means a copied
``engram.db`` never carries them, and the keys file can get tighter permissions (0600);
a SQLite store serves one host, so nothing needs to share that file.

A secret is ``egk_`` + 32 random bytes (base64url). Only its SHA-256 is
stored: the tokens are high-entropy, so a slow password hash would add cost
without adding safety. The secret is shown once, by :meth:`KeyStore.create`.

Every key is bound to an ``app_id`` and optionally a ``user_id``; the server
forces those into each request's scope, so a key can never reach another
tenant's memories.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import os
import secrets
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from engram.errors import InvalidInputError, NotFoundError, StoreError
from engram.ids import new_id
from engram.model import Scope, as_utc, utcnow

SECRET_PREFIX = "egk_"
KEYS_FILENAME = "keys.sqlite"

# The same table on every SQL backend (times as ISO text, so one decoder reads both).
SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    app_id      TEXT NOT NULL,
    user_id     TEXT,
    name        TEXT,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
)
"""
_SELECT = "SELECT id, app_id, user_id, name, created_at, revoked_at FROM api_keys"


class ApiKey(BaseModel):
    """A key's public record (never the secret)."""

    model_config = ConfigDict(frozen=True)

    id: str
    app_id: str
    user_id: str | None = None
    name: str | None = None
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def scope(self) -> Scope:
        """The scope every request made with this key is confined to."""
        return Scope(app_id=self.app_id, user_id=self.user_id)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@runtime_checkable
class ApiKeys(Protocol):
    """What the server and ``engram keys`` need of a key store (any backend)."""

    where: str  # for messages: the file or database holding the keys

    def create(self, app_id: str, user_id: str | None = None,
               name: str | None = None) -> tuple[str, str]: ...
    def verify(self, secret: str) -> ApiKey | None: ...
    def get(self, key_id: str) -> ApiKey: ...
    def revoke(self, key_id: str) -> ApiKey: ...
    def list(self, *, include_revoked: bool = True) -> builtins.list[ApiKey]: ...
    def active_count(self) -> int: ...

    def stamp(self) -> bytes | None:
        """A cheap token that changes whenever the keys change, or None when there is none
        (then callers ask :meth:`active_count` every time)."""
        ...

    def close(self) -> None: ...


class SQLKeys:
    """The key operations over any SQL backend: ``run(sql, params)`` executes one
    statement in its own committed transaction and returns the rows; ``mark`` is the
    backend's placeholder. Subclasses supply both (and ``where``)."""

    where = "the keys database"
    mark = "?"

    def _run(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.mark)

    def create(self, app_id: str, user_id: str | None = None,
               name: str | None = None) -> tuple[str, str]:
        """Make a key; returns ``(key_id, secret)``. The secret cannot be recovered later."""
        try:
            Scope(app_id=app_id, user_id=user_id)
        except ValueError as exc:
            raise InvalidInputError(f"invalid key scope: {exc}") from None
        if not app_id:
            raise InvalidInputError("a key needs an app_id (--app)")
        key_id = new_id()
        secret = SECRET_PREFIX + secrets.token_urlsafe(32)
        self._run(self._sql("INSERT INTO api_keys (id, hash, app_id, user_id, name, created_at)"
                            " VALUES (?, ?, ?, ?, ?, ?)"),
                  (key_id, hash_secret(secret), app_id, user_id, name, utcnow().isoformat()))
        return key_id, secret

    def verify(self, secret: str) -> ApiKey | None:
        """The active key with this secret, or None (unknown, malformed or revoked)."""
        if not secret or not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
            return None
        rows = self._run(self._sql(f"{_SELECT} WHERE hash = ?"), (hash_secret(secret),))
        if not rows:
            return None
        key = _row_to_key(rows[0])
        return key if key.active else None

    def get(self, key_id: str) -> ApiKey:
        rows = self._run(self._sql(f"{_SELECT} WHERE id = ?"), (key_id,))
        if not rows:
            raise NotFoundError(f"no API key {key_id!r}; run `engram keys list` to see the ids")
        return _row_to_key(rows[0])

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key (idempotent); the record stays so audits can name it."""
        self.get(key_id)
        self._run(self._sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                  (utcnow().isoformat(), key_id))
        return self.get(key_id)

    def list(self, *, include_revoked: bool = True) -> builtins.list[ApiKey]:
        """Every key, oldest first."""
        sql = _SELECT + ("" if include_revoked else " WHERE revoked_at IS NULL")
        return [_row_to_key(r) for r in self._run(sql + " ORDER BY id")]

    def active_count(self) -> int:
        return int(self._run("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL")[0][0])

    def stamp(self) -> bytes | None:
        return None  # a database table: no cheaper check than asking it

    def close(self) -> None:
        """Release connections (none are held by the SQLite file store)."""


class KeyStore(SQLKeys):
    """API keys in a SQLite file (the SQLite backend's key store).

    Each call opens its own short-lived connection, so the CLI can create or
    revoke keys while a server process is using the same file: a revoked key
    stops working on the server's very next request.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.where = str(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not self.path.exists()
            self._run(SCHEMA)
            if fresh:
                with contextlib.suppress(OSError):
                    os.chmod(self.path, 0o600)  # credentials: owner-only
        except OSError as exc:
            raise StoreError(f"cannot open the keys file {self.path}: {exc.strerror or exc}; "
                             "check the path and its permissions (--keys-db)") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a readable keys database ({exc}); "
                             "point --keys-db at another file") from None

    @classmethod
    def default_path(cls, data_dir: str | Path) -> Path:
        return Path(data_dir) / KEYS_FILENAME

    def stamp(self) -> bytes | None:
        """What changes whenever the keys file is written: its size, inode and mtime, plus
        SQLite's file change counter (header bytes 24-27, bumped by every committed write in
        rollback-journal mode, whatever the clock's resolution). None when there is no such
        file to watch, or it is in WAL mode, where commits skip the header."""
        if sys.platform == "win32":  # no os.pread: ask every time
            return None
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return None
        try:  # os-level calls: a Python file object cost more than the rest of the check
            head, info = os.pread(fd, 28, 0), os.fstat(fd)
        except OSError:
            return None
        finally:
            os.close(fd)
        if len(head) < 28 or head[18] != 1:  # write version 2: WAL mode (or not SQLite at all)
            return None
        return b"%d:%d:%d:" % (info.st_ino, info.st_size, info.st_mtime_ns) + head[24:28]

    def _run(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()


def _row_to_key(row: tuple[str, str, str | None, str | None, str, str | None]) -> ApiKey:
    key_id, app_id, user_id, name, created, revoked = row
    return ApiKey(id=key_id, app_id=app_id, user_id=user_id, name=name,
                  created_at=as_utc(datetime.fromisoformat(created)),
                  revoked_at=as_utc(datetime.fromisoformat(revoked)) if revoked else None)


__all__ = ["SCHEMA", "SECRET_PREFIX", "ApiKey", "ApiKeys", "KeyStore", "SQLKeys", "hash_secret"]
