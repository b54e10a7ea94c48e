"""API keys for the REST server, in a small SQLite file of their own.

Why a separate file: keys are credentials, not memories. Keeping them out of
the memory database means an ``engram export`` or a copied ``engram.db`` never
carries them, and the keys file can get tighter permissions (0600).

A secret is ``egk_`` + 32 random bytes (base64url). Only its SHA-256 is
stored: the tokens are high-entropy, so a slow password hash would add cost
without adding safety. The secret is shown once, by :meth:`KeyStore.create`.

Every key is bound to an ``app_id`` and optionally a ``user_id``; the server
forces those into each request's scope, so a key can never reach another
tenant's memories.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from engram.errors import InvalidInputError, NotFoundError, StoreError
from engram.ids import new_id
from engram.model import Scope, as_utc, utcnow

SECRET_PREFIX = "egk_"
KEYS_FILENAME = "keys.sqlite"

_SCHEMA = """
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


class KeyStore:
    """Create, verify, list and revoke API keys.

    Each call opens its own short-lived connection, so the CLI can create or
    revoke keys while a server process is using the same file: a revoked key
    stops working on the server's very next request.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not self.path.exists()
            with self._connect() as conn:
                conn.execute(_SCHEMA)
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

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            yield conn
        finally:
            conn.close()

    # -- operations -----------------------------------------------------------
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
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO api_keys (id, hash, app_id, user_id, name, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (key_id, hash_secret(secret), app_id, user_id, name, utcnow().isoformat()))
        return key_id, secret

    def verify(self, secret: str) -> ApiKey | None:
        """The active key with this secret, or None (unknown, malformed or revoked)."""
        if not secret or not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
            return None
        with self._connect() as conn:
            row = conn.execute(
                "SELECT id, app_id, user_id, name, created_at, revoked_at FROM api_keys"
                " WHERE hash = ?", (hash_secret(secret),)).fetchone()
        if row is None:
            return None
        key = _row_to_key(row)
        return key if key.active else None

    def get(self, key_id: str) -> ApiKey:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT id, app_id, user_id, name, created_at, revoked_at FROM api_keys"
                " WHERE id = ?", (key_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no API key {key_id!r}; run `engram keys list` to see the ids")
        return _row_to_key(row)

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key (idempotent); the record stays so audits can name it."""
        self.get(key_id)
        with self._connect() as conn:
            conn.execute("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                         (utcnow().isoformat(), key_id))
        return self.get(key_id)

    def list(self, *, include_revoked: bool = True) -> list[ApiKey]:
        """Every key, oldest first."""
        sql = "SELECT id, app_id, user_id, name, created_at, revoked_at FROM api_keys"
        if not include_revoked:
            sql += " WHERE revoked_at IS NULL"
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY id").fetchall()
        return [_row_to_key(r) for r in rows]

    def active_count(self) -> int:
        with self._connect() as conn:
            return int(conn.execute(
                "SELECT count(*) FROM api_keys WHERE revoked_at IS NULL").fetchone()[0])


def _row_to_key(row: tuple[str, str, str | None, str | None, str, str | None]) -> ApiKey:
    key_id, app_id, user_id, name, created, revoked = row
    return ApiKey(id=key_id, app_id=app_id, user_id=user_id, name=name,
                  created_at=as_utc(datetime.fromisoformat(created)),
                  revoked_at=as_utc(datetime.fromisoformat(revoked)) if revoked else None)


__all__ = ["SECRET_PREFIX", "ApiKey", "KeyStore", "hash_secret"]
