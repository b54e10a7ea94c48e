"""A-MemGuard's separate lesson memory: what a user or operator confirmed about a memory
the guard judged (``Memory.guard_feedback(id, "benign" | "malicious")``).

A-MemGuard keeps detected failures as *lessons* apart from ordinary memory, so the agent
does not repeat them and a poisoned record cannot hide among normal ones. Here a lesson
is one confirmed verdict, kept per scope (app, user, agent; the session it came from is
recorded for deletion) in its own SQLite file beside the store, never searched as a
memory. Later writes in the same scope are judged by their nearest lesson: the same
memory with the same text takes the verdict as given; a near-duplicate text (cosine
>= ``DUPLICATE_SIMILARITY`` with the bundled model) is flagged after a malicious lesson
and, when its own signals are weak, cleared after a benign one.

A lesson holds no text: the embedding of the judged text and a SHA-256 of it. Both are
derived from a user's memory, so they are personal data: ``delete_all`` / ``forget`` of
the scope drop its lessons, deleting a memory drops its *benign* lesson (the user's own
text), and a *malicious* lesson outlives the memory it came from, which is its purpose:
the user deletes the poisoned record and the guard still recognises its next copy.
The file uses ``secure_delete`` and is checkpointed after every delete like the vault.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

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


class LessonStore:
    """Lessons in a small SQLite file, created on the first lesson (reads never create it)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._conn is None and (create or self.path.exists()):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS lessons (memory_id TEXT PRIMARY KEY, app_id TEXT, "
                "user_id TEXT, agent_id TEXT, session_id TEXT, verdict TEXT NOT NULL, "
                "digest BLOB NOT NULL, vector BLOB NOT NULL, actor TEXT, at TEXT NOT NULL)")
            conn.execute("CREATE INDEX IF NOT EXISTS lessons_scope ON lessons "
                         "(app_id, user_id, agent_id)")
            self._conn = conn
        return self._conn

    @staticmethod
    def _where(scope: Scope, fields: tuple[str, ...]) -> tuple[str, list[str | None]]:
        values = [getattr(scope, f) for f in fields]
        return " AND ".join(f"{f} IS ?" for f in fields), values

    def learn(self, item: MemoryItem, vector: np.ndarray, verdict: str,
              actor: str | None = None) -> None:
        """Keep (or replace) the lesson for ``item``: ``verdict`` is benign or malicious."""
        if verdict not in VERDICTS:
            raise InvalidInputError(f"unknown guard verdict {verdict!r}; use 'benign' or "
                                    "'malicious'")
        conn = self._open(create=True)
        assert conn is not None
        row = (item.id, item.scope.app_id, item.scope.user_id, item.scope.agent_id,
               item.scope.session_id, verdict, digest(item.content),
               np.asarray(vector, dtype=np.float32).tobytes(), actor,
               datetime.now(UTC).isoformat())
        with self._lock:
            conn.execute("INSERT OR REPLACE INTO lessons VALUES (?,?,?,?,?,?,?,?,?,?)", row)

    def has(self, scope: Scope) -> bool:
        """Whether ``scope`` (app, user, agent) has any lesson: a cheap check per write."""
        conn = self._open(create=False)
        if conn is None:
            return False
        where, values = self._where(scope, _KEY)
        with self._lock:
            return conn.execute(f"SELECT 1 FROM lessons WHERE {where} LIMIT 1",
                                values).fetchone() is not None

    def nearest(self, item: MemoryItem, vector: np.ndarray) -> Lesson | None:
        """The lesson of ``item``'s scope closest to its text, if one is a near-duplicate."""
        conn = self._open(create=False)
        if conn is None:
            return None
        where, values = self._where(item.scope, _KEY)
        with self._lock:
            rows = conn.execute(f"SELECT memory_id, verdict, digest, vector FROM lessons WHERE "
                                f"{where} ORDER BY at DESC LIMIT {MAX_LESSONS}", values).fetchall()
        if not rows:
            return None
        text_digest = digest(item.content)
        for memory_id, verdict, stored, _ in rows:
            if memory_id == item.id and bytes(stored) == text_digest:
                return Lesson(memory_id, verdict, 1.0, exact=True)
        matrix = np.stack([np.frombuffer(r[3], dtype=np.float32) for r in rows])
        sims = matrix @ np.asarray(vector, dtype=np.float32)
        best = int(np.argmax(sims))
        if sims[best] < DUPLICATE_SIMILARITY:
            return None
        return Lesson(rows[best][0], rows[best][1], float(sims[best]), exact=False)

    def forget(self, memory_ids: list[str]) -> int:
        """Drop the *benign* lessons of deleted memories (malicious ones are kept)."""
        conn = self._open(create=False)
        if conn is None or not memory_ids:
            return 0
        removed = 0
        with self._lock:
            for start in range(0, len(memory_ids), 500):
                chunk = memory_ids[start:start + 500]
                removed += conn.execute(
                    f"DELETE FROM lessons WHERE verdict = 'benign' AND memory_id IN "
                    f"({','.join('?' * len(chunk))})", chunk).rowcount
        return removed

    def forget_scope(self, scope: Scope) -> int:
        """Drop every lesson inside ``scope`` (``delete_all``, ``forget`` of a user)."""
        conn = self._open(create=False)
        if conn is None:
            return 0
        fields = tuple(f for f in (*_KEY, "session_id") if getattr(scope, f) is not None)
        where, values = self._where(scope, fields) if fields else ("1", [])
        with self._lock:
            return int(conn.execute(f"DELETE FROM lessons WHERE {where}", values).rowcount)

    def count(self) -> int:
        conn = self._open(create=False)
        if conn is None:
            return 0
        with self._lock:
            return int(conn.execute("SELECT count(*) FROM lessons").fetchone()[0])

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


__all__ = ["DUPLICATE_SIMILARITY", "VERDICTS", "Lesson", "LessonStore", "digest"]
