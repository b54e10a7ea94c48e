"""The PostgreSQL backend's side stores: the PII vault's rows, the API keys, the
embedding cache and the guard's lessons, as tables of the shared database.

A PostgreSQL deployment runs N stateless server processes on any number of hosts;
anything kept in a local file would differ between them (a key made on one host would
not open another, a vaulted memory written by one could not be revealed by another).
So every piece of state lives here. The vault rows are written inside the memory's own
transaction (:func:`put_secrets`, called by :class:`~engram.store.postgres.PostgresStore`)
and deleted with it (:func:`delete_secrets`); keys and cached vectors are independent
of memories and get their own small connection pools, as do the guard's lessons (a
confirmed verdict outlives the memory it was given on, so it has no transaction to join).

The tables are created idempotently (``CREATE TABLE IF NOT EXISTS`` under an advisory
lock, so processes starting together do not race) by whichever component opens first.
The vault's Fernet key is *not* kept here: a key beside its ciphertext would protect
nothing, so every server is given the same key file (``ENGRAM_VAULT_KEY_PATH``).
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np

from engram.errors import EngramError, MissingDependencyError, StoreError
from engram.ingest.guard_lesson_store import SQLLessons
from engram.ingest.guard_lesson_store import index as lessons_index
from engram.ingest.guard_lesson_store import schema as lessons_schema
from engram.store.base import SecretRow
from engram.store.keys import SCHEMA as KEYS_SCHEMA
from engram.store.keys import SQLKeys
from engram.store.postgres_schema import describe, translate_error

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key serialising side-table creation ("side" in ASCII)
SIDE_LOCK = 0x73696465
VAULT_SCHEMA = """
CREATE TABLE IF NOT EXISTS vault (
    memory_id TEXT COLLATE "C" NOT NULL,
    token TEXT NOT NULL,
    kind TEXT NOT NULL,
    secret BYTEA NOT NULL,
    PRIMARY KEY (memory_id, token)
)"""
CACHE_SCHEMA = """
CREATE TABLE IF NOT EXISTS embedding_cache (
    key BYTEA PRIMARY KEY,
    model_id TEXT NOT NULL,
    vector BYTEA NOT NULL
)"""
LESSONS_TABLE = "guard_lessons"
LESSONS_SCHEMA = lessons_schema(LESSONS_TABLE, "BYTEA")
SIDE_TABLES = ("vault", "api_keys", "embedding_cache", LESSONS_TABLE)  # what compaction rewrites


def ensure_tables(conn: Any, *statements: str) -> None:
    """Create side tables if missing, one process at a time (``conn``: autocommit)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SIDE_LOCK,))
        for sql in statements:
            conn.execute(sql)


# -- the vault's rows, inside the store's transactions ------------------------------
def put_secrets(cur: Any, secrets: Sequence[SecretRow]) -> None:
    """Insert vault rows (a token already stored for the memory keeps its row)."""
    if secrets:
        cur.executemany("INSERT INTO vault (memory_id, token, kind, secret) VALUES (%s,%s,%s,%s)"
                        " ON CONFLICT DO NOTHING",
                        [(s.memory_id, s.token, s.kind, s.secret) for s in secrets])


def delete_secrets(conn: Any, ids: Sequence[str]) -> None:
    conn.execute("DELETE FROM vault WHERE memory_id = ANY(%s)", [list(ids)])


# -- keys and cache: own pools ---------------------------------------------------------
class _Pooled:
    """A small autocommit connection pool on ``dsn`` with Engram's error messages."""

    def __init__(self, dsn: str, *schema: str, max_size: int = 4,
                 connect_timeout_s: float = 10.0) -> None:
        try:
            import psycopg
            import psycopg_pool
        except ImportError:
            raise MissingDependencyError("the PostgreSQL store", "postgres") from None
        self._psycopg_error = psycopg.Error
        self._pool_timeout = psycopg_pool.PoolTimeout
        self.where = describe(dsn)
        try:
            with psycopg.connect(dsn, autocommit=True,
                                 connect_timeout=max(1, int(connect_timeout_s))) as conn:
                ensure_tables(conn, *schema)
        except psycopg.Error as exc:
            raise translate_error(exc, self.where) from None
        self._pool = psycopg_pool.ConnectionPool(
            dsn, min_size=1, max_size=max_size, open=True, name="engram-side",
            kwargs={"autocommit": True}, timeout=connect_timeout_s,
            check=psycopg_pool.ConnectionPool.check_connection)

    def _execute(self, sql: str, params: Sequence[Any] = (), *, many: bool = False) -> Any:
        try:
            with self._pool.connection() as conn, conn.cursor() as cur:
                if many:
                    cur.executemany(sql, params)
                    return cur.rowcount
                cur.execute(sql, params)
                return cur.fetchall() if cur.description is not None else cur.rowcount
        except EngramError:
            raise
        except (self._psycopg_error, self._pool_timeout) as exc:
            raise translate_error(exc, self.where) from None

    def close(self) -> None:
        self._pool.close()


class PostgresKeyStore(_Pooled, SQLKeys):
    """API keys in the ``api_keys`` table: every server process on the database sees a
    key the moment it is created, and stops honouring it the moment it is revoked."""

    mark = "%s"

    def __init__(self, dsn: str) -> None:
        super().__init__(dsn, KEYS_SCHEMA, max_size=2)

    def _run(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        rows = self._execute(sql, params)
        return rows if isinstance(rows, list) else []


class PostgresVectorCache(_Pooled):
    """A :class:`~engram.embed.cache.VectorCache` in the ``embedding_cache`` table."""

    def __init__(self, dsn: str) -> None:
        super().__init__(dsn, CACHE_SCHEMA)

    def lookup(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        if not keys:
            return {}
        rows = self._execute("SELECT key, vector FROM embedding_cache WHERE key = ANY(%s)",
                             [list(keys)])
        return {bytes(k): np.frombuffer(bytes(v), dtype=np.float32)
                for k, v in rows if len(v) == dim * 4}  # skip rows of another size

    def put(self, model_id: str, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        rows = [(k, model_id, np.ascontiguousarray(v, dtype=np.float32).tobytes())
                for k, v in zip(keys, vectors)]
        try:
            self._execute("INSERT INTO embedding_cache (key, model_id, vector) VALUES (%s,%s,%s)"
                          " ON CONFLICT DO NOTHING", rows, many=True)
        except StoreError as exc:  # the vectors are computed; a lost write only costs speed
            logger.warning("could not write %d vectors to the embedding cache in %s: %s",
                           len(rows), self.where, exc)

    def delete(self, keys: Sequence[bytes]) -> int:
        if not keys:
            return 0
        return int(self._execute("DELETE FROM embedding_cache WHERE key = ANY(%s)", [list(keys)]))

    def count(self) -> int:
        return int(self._execute("SELECT count(*) FROM embedding_cache")[0][0])

    def compact(self) -> None:
        """Rewrite the table so forgotten vectors leave no dead tuples behind."""
        self._execute("VACUUM (FULL, ANALYZE) embedding_cache")


class PostgresLessonStore(_Pooled, SQLLessons):
    """The guard's lessons (:mod:`engram.ingest.guard_lesson_store`) in the
    ``guard_lessons`` table: a verdict given through one server process judges the next
    write on every other."""

    mark = "%s"
    table = LESSONS_TABLE

    def __init__(self, dsn: str, *, rewrite: bool = True) -> None:
        super().__init__(dsn, LESSONS_SCHEMA, lessons_index(LESSONS_TABLE), max_size=2)
        self.rewrite = rewrite  # Settings.pg_erase == "rewrite"
        self._removed = False

    def _run(self, sql: str, params: Sequence[Any] = (), *, create: bool = False) -> Any:
        result = self._execute(sql, params)
        if sql.startswith("DELETE") and isinstance(result, int) and result:
            self._removed = True
        return result

    def settle(self) -> None:
        """After a delete that removed lessons: rewrite the table (``pg_erase``), as the
        store rewrites its partitions, so the removed rows leave no dead tuples."""
        if self._removed and self.rewrite:
            self._removed = False
            self.compact()

    def compact(self) -> None:
        """Rewrite the table so forgotten lessons leave no dead tuples behind."""
        self._execute(f"VACUUM (FULL, ANALYZE) {LESSONS_TABLE}")


__all__ = ["CACHE_SCHEMA", "LESSONS_SCHEMA", "SIDE_TABLES", "VAULT_SCHEMA", "PostgresKeyStore",
           "PostgresLessonStore", "PostgresVectorCache", "delete_secrets", "ensure_tables",
           "put_secrets"]
