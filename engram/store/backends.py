"""A storage backend is the memory store *and* the side stores that go with it.

Everything Engram keeps belongs to the backend ``Settings.store`` names: the memories
(:class:`~engram.store.base.Store`, whose vault table holds the PII vault's rows in
the memories' own transactions), the API keys (:class:`~engram.store.keys.ApiKeys`),
the embedding cache (:class:`~engram.embed.cache.VectorCache`) and the guard's lessons
(:class:`~engram.ingest.guard_lesson_store.LessonStore`). So a PostgreSQL
deployment of N stateless server processes shares every piece of state, and a SQLite
one keeps it on its host. Each backend is one :class:`Backend` in
:data:`engram.store.STORES`; its modules are imported only when it is used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from engram.errors import ConfigError, StoreError

if TYPE_CHECKING:
    from engram.config import Settings
    from engram.embed.cache import VectorCache
    from engram.ingest.guard_lesson_store import LessonStore
    from engram.store.base import Store
    from engram.store.keys import ApiKeys


class Backend(Protocol):
    """Opens the pieces of one storage backend from the settings."""

    def open_store(self, settings: Settings, create: bool) -> Store: ...

    def key_store(self, settings: Settings, path: Path | None = None) -> ApiKeys:
        """The API keys; ``path`` is ``--keys-db`` (a file, for file-based backends)."""
        ...

    def vector_cache(self, settings: Settings) -> VectorCache: ...

    def lesson_store(self, settings: Settings) -> LessonStore:
        """The guard's confirmed verdicts (``Memory.guard_feedback``)."""
        ...


class SQLiteBackend:
    """One host: the store file, plus a keys file and a cache file in the data dir
    (see :mod:`engram.store.keys` and :mod:`engram.embed.cache` for why those two are
    files of their own) and the guard's lessons beside the store file."""

    def open_store(self, settings: Settings, create: bool) -> Store:
        from engram.store.sqlite import SQLiteStore

        return SQLiteStore(settings.db_path, create=create, ann_threshold=settings.ann_threshold,
                           vector_dtype=settings.vector_dtype)

    def key_store(self, settings: Settings, path: Path | None = None) -> ApiKeys:
        from engram.store.keys import KeyStore

        return KeyStore(path or KeyStore.default_path(settings.data_dir))

    def vector_cache(self, settings: Settings) -> VectorCache:
        from engram.embed.cache import SQLiteVectorCache

        return SQLiteVectorCache(settings.embedding_cache_path)

    def lesson_store(self, settings: Settings) -> LessonStore:
        from engram.ingest.guard_lesson_store import SQLiteLessonStore

        return SQLiteLessonStore(settings.guard_lessons_path)


class PostgresBackend:
    """Any number of hosts on one database: every side store is a table in it."""

    def open_store(self, settings: Settings, create: bool) -> Store:
        from engram.store.postgres import PostgresStore  # psycopg is the `postgres` extra

        return PostgresStore(dsn=_dsn(settings), create=create,
                             ann_threshold=settings.ann_threshold, vector_dtype=settings.vector_dtype,
                             partitions=settings.pg_partitions, erase=settings.pg_erase)

    def key_store(self, settings: Settings, path: Path | None = None) -> ApiKeys:
        if path is not None:
            raise ConfigError("--keys-db names a keys file, but under the PostgreSQL store the "
                              "keys live in the database (table api_keys); drop --keys-db / "
                              "ENGRAM_KEYS_DB")
        from engram.store.postgres_side import PostgresKeyStore

        return PostgresKeyStore(_dsn(settings))

    def vector_cache(self, settings: Settings) -> VectorCache:
        from engram.store.postgres_side import PostgresVectorCache

        return PostgresVectorCache(_dsn(settings))

    def lesson_store(self, settings: Settings) -> LessonStore:
        from engram.store.postgres_side import PostgresLessonStore

        return PostgresLessonStore(_dsn(settings), rewrite=settings.pg_erase == "rewrite")


def _dsn(settings: Settings) -> str:
    url = settings.database_url or os.environ.get("ENGRAM_DATABASE_URL")
    if not url:
        raise StoreError("the PostgreSQL store needs a database: set "
                         "ENGRAM_DATABASE_URL=postgresql://user:password@host:5432/dbname")
    return url


__all__ = ["Backend", "PostgresBackend", "SQLiteBackend"]
