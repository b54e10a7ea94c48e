"""A-MemGuard's separate lesson memory: what a user or operator confirmed about a memory
the guard judged (``Memory.guard_feedback(id, "benign" | "malicious")``).

A-MemGuard keeps detected failures as *lessons* apart from ordinary memory, so the agent
does not repeat them and a poisoned record cannot hide among normal ones. Here a lesson
is one confirmed verdict, kept per scope (app, user, agent; the session it came from is
recorded for deletion) in a table of its own, never searched as a memory. Later writes
in the same scope are judged by their nearest lesson: the same memory with the same text
takes the verdict as given; a near-duplicate text (cosine >= ``DUPLICATE_SIMILARITY``
with the bundled model) is flagged after a malicious lesson and, when its own signals
are weak, cleared after a benign one.

Where the table lives follows the configured backend (:class:`engram.store.Backend`):
under SQLite a small file beside the database (:class:`SQLiteLessonStore`,
``<db>.lessons.sqlite``, created on the first lesson); under PostgreSQL the
``guard_lessons`` table of the shared database
(:class:`engram.store.postgres_side.PostgresLessonStore`), so a verdict given through
one server process is known to every other.

A lesson holds no text: the embedding of the judged text and a SHA-256 of it. Both are
derived from a user's memory, so they are personal data: ``delete_all`` / ``forget`` of
the scope drop its lessons, deleting a memory drops its *benign* lesson (the user's own
text), and a *malicious* lesson outlives the memory it came from, which is its purpose:
the user deletes the poisoned record and the guard still recognises its next copy.
The SQLite file uses ``secure_delete`` and is checkpointed after every delete like the
vault; the PostgreSQL table is rewritten by ``compact`` like the store's tables.
"""

from __future__ import annotations

import builtins
import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np

from engram.errors import InvalidInputError
from engram.model import MemoryItem, Scope

Verdict = Literal["benign", "malicious"]
VERDICTS: tuple[str, ...] = ("benign", "malicious")
#: cosine at which a new text is a near-duplicate of a lesson's (bundled MiniLM)
DUPLICATE_SIMILARITY = 0.9
#: lessons compared per scope (newest first): bounds the cost of a lookup
MAX_LESSONS = 1000
_KEY = ("app_id", "user_id", "agent_id")
_COLUMNS = ("memory_id", "app_id", "user_id", "agent_id", "session_id", "verdict", "digest",
            "vector", "actor", "at")


def schema(table: str, blob: str) -> str:
    """The lessons table on a SQL backend (``blob``: its binary type)."""
    return (f"CREATE TABLE IF NOT EXISTS {table} (memory_id TEXT PRIMARY KEY, app_id TEXT, "
            f"user_id TEXT, agent_id TEXT, session_id TEXT, verdict TEXT NOT NULL, "
            f"digest {blob} NOT NULL, vector {blob} NOT NULL, actor TEXT, at TEXT NOT NULL)")


def index(table: str) -> str:
    return f"CREATE INDEX IF NOT EXISTS {table}_scope ON {table} (app_id, user_id, agent_id)"


def digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


@dataclass(frozen=True)
class Lesson:
    """The nearest lesson to a text: its verdict, similarity and whether it is the same
    memory with the same text (``exact``)."""

    memory_id: str
    verdict: str
    similarity: float
    exact: bool


@runtime_checkable
class LessonStore(Protocol):
    """What the guard and the facade's deletions need of a lesson store (any backend)."""

    where: str  # for messages: the file or database

    def learn(self, item: MemoryItem, vector: np.ndarray, verdict: str,
              actor: str | None = None) -> None: ...
    def has(self, scope: Scope) -> bool: ...
    def nearest(self, item: MemoryItem, vector: np.ndarray) -> Lesson | None: ...
    def forget(self, memory_ids: builtins.list[str]) -> int: ...
    def forget_scope(self, scope: Scope) -> int: ...
    def count(self) -> int: ...

    def settle(self) -> None:
        """After a delete: make removed lessons physically gone (checkpoint, rewrite)."""
        ...

    def compact(self) -> None: ...
    def close(self) -> None: ...


def _where(scope: Scope, fields: Sequence[str], mark: str) -> tuple[str, list[str]]:
    """``field = mark`` for set fields, ``field IS NULL`` for unset ones (both backends)."""
    clauses, values = [], []
    for f in fields:
        value = getattr(scope, f)
        if value is None:
            clauses.append(f"{f} IS NULL")
        else:
            clauses.append(f"{f} = {mark}")
            values.append(value)
    return " AND ".join(clauses) or "TRUE", values


class SQLLessons:
    """The lesson operations over any SQL backend. Subclasses supply ``_run(sql, params,
    create)`` (one committed statement: its rows, or its row count for a write, or None
    when the table does not exist yet and ``create`` is false), ``mark`` (the
    placeholder) and ``table``."""

    where = "the lessons table"
    mark = "?"
    table = "lessons"

    def _run(self, sql: str, params: Sequence[Any] = (), *, create: bool = False) -> Any:
        raise NotImplementedError

    def learn(self, item: MemoryItem, vector: np.ndarray, verdict: str,
              actor: str | None = None) -> None:
        """Keep (or replace) the lesson for ``item``: ``verdict`` is benign or malicious."""
        if verdict not in VERDICTS:
            raise InvalidInputError(f"unknown guard verdict {verdict!r}; use 'benign' or "
                                    "'malicious'")
        row = (item.id, item.scope.app_id, item.scope.user_id, item.scope.agent_id,
               item.scope.session_id, verdict, digest(item.content),
               np.asarray(vector, dtype=np.float32).tobytes(), actor,
               datetime.now(UTC).isoformat())
        updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
        self._run(f"INSERT INTO {self.table} ({', '.join(_COLUMNS)}) VALUES "
                  f"({', '.join([self.mark] * len(_COLUMNS))}) "
                  f"ON CONFLICT (memory_id) DO UPDATE SET {updates}", row, create=True)

    def has(self, scope: Scope) -> bool:
        """Whether ``scope`` (app, user, agent) has any lesson: a cheap check per write."""
        where, values = _where(scope, _KEY, self.mark)
        return bool(self._run(f"SELECT 1 FROM {self.table} WHERE {where} LIMIT 1", values))

    def nearest(self, item: MemoryItem, vector: np.ndarray) -> Lesson | None:
        """The lesson of ``item``'s scope closest to its text, if one is a near-duplicate."""
        where, values = _where(item.scope, _KEY, self.mark)
        rows = self._run(f"SELECT memory_id, verdict, digest, vector FROM {self.table} WHERE "
                         f"{where} ORDER BY at DESC LIMIT {MAX_LESSONS}", values)
        if not rows:
            return None
        text_digest = digest(item.content)
        for memory_id, verdict, stored, _ in rows:
            if memory_id == item.id and bytes(stored) == text_digest:
                return Lesson(memory_id, verdict, 1.0, exact=True)
        matrix = np.stack([np.frombuffer(bytes(r[3]), dtype=np.float32) for r in rows])
        sims = matrix @ np.asarray(vector, dtype=np.float32)
        best = int(np.argmax(sims))
        if sims[best] < DUPLICATE_SIMILARITY:
            return None
        return Lesson(rows[best][0], rows[best][1], float(sims[best]), exact=False)

    def forget(self, memory_ids: builtins.list[str]) -> int:
        """Drop the *benign* lessons of deleted memories (malicious ones are kept)."""
        removed = 0
        for start in range(0, len(memory_ids), 500):
            chunk = memory_ids[start:start + 500]
            removed += self._count(self._run(
                f"DELETE FROM {self.table} WHERE verdict = 'benign' AND memory_id IN "
                f"({','.join([self.mark] * len(chunk))})", chunk))
        return removed

    def forget_scope(self, scope: Scope) -> int:
        """Drop every lesson inside ``scope`` (``delete_all``, ``forget`` of a user)."""
        fields = [f for f in (*_KEY, "session_id") if getattr(scope, f) is not None]
        where, values = _where(scope, fields, self.mark)
        return self._count(self._run(f"DELETE FROM {self.table} WHERE {where}", values))

    def count(self) -> int:
        rows = self._run(f"SELECT count(*) FROM {self.table}")
        return int(rows[0][0]) if rows else 0

    @staticmethod
    def _count(result: Any) -> int:
        return result if isinstance(result, int) else 0


class SQLiteLessonStore(SQLLessons):
    """Lessons in a small SQLite file, created on the first lesson (reads never create it)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.where = str(self.path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._conn is None and (create or self.path.exists()):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute(schema(self.table, "BLOB"))
            conn.execute(index(self.table))
            self._conn = conn
        return self._conn

    def _run(self, sql: str, params: Sequence[Any] = (), *, create: bool = False) -> Any:
        conn = self._open(create)
        if conn is None:
            return None
        with self._lock:
            cur = conn.execute(sql, list(params))
            return cur.fetchall() if cur.description is not None else cur.rowcount

    def settle(self) -> None:
        """Truncate the WAL after a delete: it would keep the deleted rows' pages."""
        if self._conn is not None:
            from engram.store.sql_common import checkpoint

            checkpoint(self._conn, self._lock, self.path)

    def compact(self) -> None:
        if self._conn is not None:
            with self._lock:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.execute("VACUUM")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        if self._conn is not None:
            with self._lock:
                self._conn.close()
                self._conn = None


__all__ = ["DUPLICATE_SIMILARITY", "VERDICTS", "Lesson", "LessonStore", "SQLLessons",
           "SQLiteLessonStore", "digest", "index", "schema"]
