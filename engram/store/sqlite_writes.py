"""Writes of :class:`~engram.store.sqlite.SQLiteStore`: the write transaction, add,
replace, delete (with the neighbour-context rebuild that keeps a deleted round's words
out of every surviving row's lexical index), access stats and links.

A mixin, like :class:`~engram.store.sqlite_vectors.VectorReads` which it extends,
because every write shares the store's one connection, its lock and the vector
bookkeeping (epoch, ledger, cached scope members) that each transaction patches.
"""

from __future__ import annotations

import builtins
import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

import numpy as np

from engram.embed.quantize import VectorDtype, decode_blobs, encode_blob
from engram.errors import ConflictError, NotFoundError, StoreError
from engram.model import HistoryEntry, MemoryItem, Scope, tombstone, utcnow
from engram.store.base import Link, SecretRow, keep_access_stats, links_among
from engram.store.sqlite_readers import holds
from engram.store.sqlite_sql import (
    ITEM_COLUMNS,
    chunks,
    context_sql,
    history_to_row,
    item_to_row,
    parse_ts,
    scope_clause,
    tenant_tokens,
    ts,
)
from engram.store.sqlite_turns import SettleMark, WriteTurns
from engram.store.sqlite_vectors import VectorReads

_UPSERT_LINK = ("INSERT INTO links(src, dst, reason, score, created_at) VALUES (?,?,?,?,?)"
                " ON CONFLICT(src, dst) DO UPDATE SET reason = excluded.reason, score = excluded.score")
_ASSIGNMENTS = ", ".join(f"{c} = ?" for c in ITEM_COLUMNS)


class SQLiteWrites(VectorReads):
    _dtype: VectorDtype
    _turns: WriteTurns
    _seen: SettleMark

    # -- the write transaction ------------------------------------------------
    def _turn(self) -> contextlib.AbstractContextManager[None]:
        """This thread's turn at the file's write lock (sqlite_turns), taken before the
        store's lock; a thread that holds that lock already goes ahead without one (a
        turn after the lock could deadlock with a thread holding a turn)."""
        return contextlib.nullcontext() if holds(self._lock) else self._turns.take()

    @contextlib.contextmanager
    def _write(self, *, changes_rows: bool = True) -> Iterator[sqlite3.Connection]:
        queued = not holds(self._lock)
        with self._turn(), self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            base = self._token()  # no other connection can commit until we do
            self._writes += changes_rows  # access stats alone keep cached scope members valid
            self._touched = []  # rowids this write adds, changes or removes
            try:
                yield self._conn
                if changes_rows:
                    self._patch_members(base)
                self._conn.execute("COMMIT")
            except BaseException:
                self._members.clear()
                self._conn.execute("ROLLBACK")
                raise
            # what a settle must outdo to cover this write (none without a turn: unordered)
            self._seen.count = self._turns.settled() if queued else None

    def _bump_epoch(self, conn: sqlite3.Connection, *, added: Sequence[int] = (),
                    removed: Sequence[int] = (), changed: Sequence[int] = ()) -> int:
        """Count vector changes so other processes' caches notice them, and keep the ledger
        of vector rowids (``added``/``removed`` rows of ``vectors``; ``changed``: rows whose
        vector was replaced) that a saved graph is checked against and caught up from."""
        epoch = int(conn.execute("SELECT value FROM meta WHERE key='vector_epoch'").fetchone()[0])
        self._update_ledger(conn, epoch + 1, added, removed, changed)
        conn.execute("UPDATE meta SET value = ? WHERE key='vector_epoch'", (str(epoch + 1),))
        return epoch + 1

    def _check_model(self, conn: sqlite3.Connection, model_id: str | None, dim: int) -> None:
        stored = conn.execute("SELECT value FROM meta WHERE key='embed_model'").fetchone()
        if stored is None:
            conn.execute("INSERT INTO meta VALUES ('embed_model', ?), ('vector_dim', ?)",
                         (model_id or "unknown", str(dim)))
        elif stored[0] != (model_id or "unknown"):
            raise StoreError(
                f"this store's vectors come from embedder {stored[0]!r}, not {model_id!r}; "
                "use the same embedder, or move to the new one with `engram export --all -o dump.jsonl` "
                "and `engram --db NEW.db import dump.jsonl` (import re-embeds everything)"
            )

    def _rowids(self, conn: sqlite3.Connection, scope: Scope, ids: Sequence[str]) -> dict[str, int]:
        sql, params = scope_clause(scope)
        found: dict[str, int] = {}
        for chunk in chunks(ids, 500):
            rows = conn.execute(
                f"SELECT m.id, m.rowid FROM memories m WHERE m.id IN ({','.join('?' * len(chunk))})"
                f" AND {sql}", [*chunk, *params],
            ).fetchall()
            found.update({r[0]: r[1] for r in rows})
        return found

    # -- writes -------------------------------------------------------------
    def add(self, items: Sequence[MemoryItem], vectors: np.ndarray | None,
            history: Sequence[HistoryEntry], *, model_id: str | None = None,
            links: Sequence[Link] = (), secrets: Sequence[SecretRow] = ()) -> None:
        if not items:
            return
        scopes = {item.id: item.scope for item in items}
        placeholders = ",".join("?" * len(ITEM_COLUMNS))
        with self._write() as conn:
            try:
                conn.executemany(
                    f"INSERT INTO memories ({','.join(ITEM_COLUMNS)}) VALUES ({placeholders})",
                    [item_to_row(item) for item in items],
                )
            except sqlite3.IntegrityError:
                raise ConflictError(
                    "a memory with one of these ids already exists; use update() to change it"
                ) from None
            rowids = [conn.execute("SELECT rowid FROM memories WHERE id = ?", (item.id,)).fetchone()[0]
                      for item in items]
            self._touched += rowids
            around = self._contexts(conn, rowids)
            conn.executemany(
                "INSERT INTO memories_fts(rowid, text, keys, context, tenant) VALUES (?, ?, ?, ?, ?)",
                [(rid, item.content, _key_text(item), around[rid][2], _tenant(item))
                 for rid, item in zip(rowids, items)],
            )
            self._recontext(conn, _adjacent(around) - set(rowids))  # the rounds they joined
            try:
                conn.executemany("INSERT INTO history VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                                 [history_to_row(h, scopes[h.memory_id]) for h in history])
            except sqlite3.IntegrityError:
                raise ConflictError("a history entry with this id already exists; "
                                    "give each history entry a new id") from None
            conn.executemany(_UPSERT_LINK, [(l.src, l.dst, l.reason, float(l.score),
                                             ts(l.created_at))
                                            for l in links_among(links, scopes)])
            put_secrets(conn, [s for s in secrets if s.memory_id in scopes])
            new_vectors: builtins.list[tuple[int, np.ndarray]] = []
            if vectors is not None:
                vectors = np.asarray(vectors, dtype=np.float32)
                self._check_model(conn, model_id, vectors.shape[1])
                blobs = [encode_blob(vec, self._dtype) for vec in vectors]
                if self._dtype != "float32":  # cache exactly what a fresh load would read
                    vectors = decode_blobs(blobs, vectors.shape[1])
                new_vectors = list(zip(rowids, vectors))
                conn.executemany("INSERT INTO vectors(rowid, vec) VALUES (?, ?)",
                                 list(zip(rowids, blobs)))
                epoch = self._bump_epoch(conn, added=rowids)
        if new_vectors:
            self._after_vector_write(epoch, upsert=new_vectors)

    def replace(self, item: MemoryItem, vector: np.ndarray | None, history: HistoryEntry, *,
                expected_version: int, model_id: str | None = None,
                secrets: Sequence[SecretRow] = ()) -> None:
        with self._write() as conn:
            rowid = self._rowids(conn, item.scope, [item.id]).get(item.id)
            if rowid is None:
                raise NotFoundError(f"no memory {item.id} in scope {item.scope}")
            stored, count, last = conn.execute(
                "SELECT version, access_count, last_accessed_at FROM memories WHERE rowid = ?", (rowid,)
            ).fetchone()
            if stored != expected_version:
                raise ConflictError(
                    f"memory {item.id} is at version {stored}, not {expected_version}; "
                    "reload it and apply your change again"
                )
            item = keep_access_stats(item, count, parse_ts(last))
            before = self._contexts(conn, [rowid])  # its text, status or time may change
            conn.execute(f"UPDATE memories SET {_ASSIGNMENTS} WHERE rowid = ?", (*item_to_row(item), rowid))
            self._touched.append(rowid)
            after = self._contexts(conn, [rowid])
            conn.execute("DELETE FROM memories_fts WHERE rowid = ?", (rowid,))
            conn.execute("INSERT INTO memories_fts(rowid, text, keys, context, tenant)"
                         " VALUES (?, ?, ?, ?, ?)",
                         (rowid, item.content, _key_text(item), after[rowid][2], _tenant(item)))
            self._recontext(conn, (_adjacent(before) | _adjacent(after)) - {rowid})
            conn.execute("INSERT INTO history VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         history_to_row(history, item.scope))
            put_secrets(conn, [s for s in secrets if s.memory_id == item.id])
            if vector is not None:
                vec = np.asarray(vector, dtype=np.float32).reshape(-1)
                self._check_model(conn, model_id, vec.shape[0])
                blob = encode_blob(vec, self._dtype)
                vec = decode_blobs([blob], vec.shape[0])[0]
                had = conn.execute("SELECT 1 FROM vectors WHERE rowid = ?", (rowid,)).fetchone()
                conn.execute("INSERT OR REPLACE INTO vectors(rowid, vec) VALUES (?, ?)",
                             (rowid, blob))
                epoch = self._bump_epoch(conn, added=[] if had else [rowid], changed=[rowid])
        if vector is not None:
            self._after_vector_write(epoch, upsert=[(rowid, vec)])

    def delete(self, scope: Scope, ids: Sequence[str], tombstones: Sequence[HistoryEntry]) -> int:
        with self._write() as conn:
            found = self._rowids(conn, scope, ids)
            if not found:
                return 0
            by_id = {t.memory_id: t for t in tombstones}
            epoch = self._purge(conn, found, [by_id[i] for i in found if i in by_id])
        self._after_vector_write(epoch, remove=list(found.values()))
        return len(found)

    def delete_scope(self, scope: Scope, *, actor: str | None) -> int:
        with self._write() as conn:
            sql, params = scope_clause(scope)
            rows = conn.execute(f"SELECT m.id, m.rowid, m.version FROM memories m WHERE {sql}",
                                params).fetchall()
            if not rows:
                return 0
            found = {r[0]: r[1] for r in rows}
            epoch = self._purge(conn, found, [tombstone(r[0], r[2], actor) for r in rows])
        self._after_vector_write(epoch, remove=list(found.values()))
        return len(found)

    def _purge(self, conn: sqlite3.Connection, found: dict[str, int],
               tombstones: Sequence[HistoryEntry]) -> int:
        """Remove rows everywhere and blank their history, inside the caller's transaction.
        Their neighbours' contexts are rebuilt without them: no surviving row's lexical
        index may keep a deleted memory's text."""
        removed = set(found.values())
        survivors = _adjacent(self._contexts(conn, list(removed))) - removed
        with_vectors: builtins.list[int] = []
        scopes: dict[str, Scope] = {}
        for chunk in chunks(list(found), 500):
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT id, user_id, agent_id, session_id, app_id FROM memories WHERE id IN ({marks})",
                chunk,
            ):
                scopes[row[0]] = Scope(user_id=row[1], agent_id=row[2], session_id=row[3], app_id=row[4])
            rowids = [found[i] for i in chunk]
            self._touched += rowids
            rmarks = ",".join("?" * len(rowids))
            with_vectors += [r[0] for r in conn.execute(
                f"SELECT rowid FROM vectors WHERE rowid IN ({rmarks})", rowids)]
            conn.execute(f"DELETE FROM memories_fts WHERE rowid IN ({rmarks})", rowids)
            conn.execute(f"DELETE FROM vectors WHERE rowid IN ({rmarks})", rowids)
            conn.execute(f"DELETE FROM memories WHERE rowid IN ({rmarks})", rowids)
            conn.execute(f"DELETE FROM links WHERE src IN ({marks}) OR dst IN ({marks})", chunk * 2)
            conn.execute(f"DELETE FROM vault WHERE memory_id IN ({marks})", chunk)
            conn.execute(f"UPDATE history SET old = NULL, new = NULL WHERE memory_id IN ({marks})", chunk)
        conn.executemany("INSERT INTO history VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         [history_to_row(t, scopes[t.memory_id]) for t in tombstones])
        self._recontext(conn, survivors)
        return self._bump_epoch(conn, removed=with_vectors)

    # -- the lexical context field (sqlite_sql.context_sql) ----------------
    @staticmethod
    def _contexts(conn: sqlite3.Connection,
                  rowids: Sequence[int]) -> dict[int, tuple[int | None, int | None, str]]:
        """(prev rowid, next rowid, context) of each row, as this transaction sees it."""
        out: dict[int, tuple[int | None, int | None, str]] = {}
        for chunk in chunks(rowids, 500):
            out.update({r[0]: (r[1], r[2], r[3]) for r in conn.execute(context_sql(len(chunk)), chunk)})
        return out

    def _recontext(self, conn: sqlite3.Connection, rowids: set[int]) -> None:
        """Rewrite the context field of these rows where it changed (only the rows a
        write affected, never whole sessions)."""
        fresh = self._contexts(conn, sorted(rowids))
        stored: dict[int, str] = {}
        for chunk in chunks(list(fresh), 500):
            stored.update(conn.execute(
                f"SELECT rowid, context FROM memories_fts WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        conn.executemany("UPDATE memories_fts SET context = ? WHERE rowid = ?",
                         [(c, rid) for rid, (_, _, c) in fresh.items() if stored.get(rid, c) != c])

    def record_access(self, scope: Scope, ids: Sequence[str]) -> None:
        self.record_accesses([(scope, ids)])

    def record_accesses(self, batch: Sequence[tuple[Scope, Sequence[str]]]) -> None:
        """``record_access`` for each (scope, ids) pair, in one write transaction: an
        AccessBuffer flush of 50 scopes took 50 turns of the file's write lock."""
        if not any(ids for _, ids in batch):
            return
        at = ts(utcnow())
        with self._write(changes_rows=False) as conn:
            for scope, ids in batch:
                sql, params = scope_clause(scope)
                for chunk in chunks(ids, 500):
                    conn.execute(
                        f"UPDATE memories AS m SET access_count = access_count + 1, last_accessed_at = ?"
                        f" WHERE m.id IN ({','.join('?' * len(chunk))}) AND {sql}",
                        [at, *chunk, *params],
                    )

    # -- links --------------------------------------------------------------
    def add_links(self, scope: Scope, links: Sequence[Link]) -> int:
        if not links:
            return 0
        with self._write() as conn:
            inside = self._rowids(conn, scope, list({i for l in links for i in (l.src, l.dst)}))
            rows = [(l.src, l.dst, l.reason, float(l.score), ts(l.created_at))
                    for l in links_among(links, inside)]
            conn.executemany(_UPSERT_LINK, rows)
        return len(rows)


def put_secrets(conn: sqlite3.Connection, secrets: Sequence[SecretRow]) -> None:
    """Vault rows of the items being written (a token already stored keeps its row)."""
    conn.executemany("INSERT OR IGNORE INTO vault(memory_id, token, kind, secret) VALUES (?,?,?,?)",
                     [(s.memory_id, s.token, s.kind, s.secret) for s in secrets])


def _key_text(item: MemoryItem) -> str:
    return " ".join([*item.keys, *item.entities, *item.tags])


def _tenant(item: MemoryItem) -> str:
    scope = item.scope
    return tenant_tokens(scope.user_id, scope.agent_id, scope.session_id, scope.app_id)


def _adjacent(contexts: dict[int, tuple[int | None, int | None, str]]) -> set[int]:
    """The rowids right before or after any of these rows."""
    return {r for prev, nxt, _ in contexts.values() for r in (prev, nxt) if r is not None}


__all__ = ["SQLiteWrites", "put_secrets"]
