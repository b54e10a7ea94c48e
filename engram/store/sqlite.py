"""The default store: one SQLite file (WAL), FTS5 for lexical search, vectors
as float32 blobs searched exactly for small scopes and with HNSW for large ones."""

from __future__ import annotations

import builtins
import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from engram.embed.quantize import check_dtype, decode_blobs, encode_blob
from engram.errors import ConflictError, CorruptStoreError, NotFoundError, StoreError
from engram.index import ann_file
from engram.index.mapped import MappedIndex
from engram.index.vector import VectorMatrix
from engram.model import Filters, HistoryEntry, MemoryItem, Scope, Stats, tombstone, utcnow
from engram.store.base import Link, Neighbors, ScoredIds, SecretRow, keep_access_stats, links_among
from engram.store.sql_common import checkpoint, collect_stats, iter_rows
from engram.store.sql_common import neighbors as session_neighbors
from engram.store.sql_common import recent_texts as newest_texts
from engram.store.sqlite_schema import fts_secure_delete, migrate
from engram.store.sqlite_sql import (
    ITEM_COLUMNS,
    adjacent,
    chunks,
    context_sql,
    filter_clause,
    fts_query,
    history_to_row,
    item_to_row,
    parse_ts,
    row_to_history,
    row_to_item,
    scope_clause,
    ts,
    where,
)
from engram.store.sqlite_vectors import VectorReads

_SELECT_ITEM = f"SELECT {', '.join('m.' + c for c in ITEM_COLUMNS)} FROM memories m"
_SMALL_SCOPE = 4096  # below this, score vectors straight from SQL rows
CONTEXT_WEIGHT = 0.5  # neighbour context vs the round's own text (bm25 rows: benchmarks/results/locomo-*.md)
_UPSERT_LINK = ("INSERT INTO links(src, dst, reason, score, created_at) VALUES (?,?,?,?,?)"
                " ON CONFLICT(src, dst) DO UPDATE SET reason = excluded.reason, score = excluded.score")
_ASSIGNMENTS = ", ".join(f"{c} = ?" for c in ITEM_COLUMNS)


class SQLiteStore(VectorReads):
    """A :class:`~engram.store.base.Store` in a single SQLite file.

    One connection guarded by a lock serves all threads of a process; several
    processes may share the file (WAL + ``BEGIN IMMEDIATE`` + busy timeout).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        ann_threshold: int = 20_000,
        small_scope: int = _SMALL_SCOPE,
        busy_timeout_s: float = 30.0,
        synchronous: str = "NORMAL",
        vector_dtype: str = "float32",
        persist_ann: bool = True,
    ) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(
                f"no Engram store at {self.path}; add a memory first or pass the right --db path"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for {self.path}: {exc.strerror}") from None
        self._lock = threading.RLock()
        self._ann_threshold = ann_threshold
        self._persist_ann = persist_ann  # save the HNSW graph beside the file (sqlite_vectors)
        self._small_scope = small_scope
        # float32 blobs, or int8 codes + a scale (4x smaller; benchmarks/quantization.py).
        # Either format is read back whatever this is set to.
        self._dtype = check_dtype(vector_dtype)
        self._matrix: VectorMatrix | MappedIndex | None = None
        self._seen_epoch: int | None = None
        # Large scopes' vector rowids (sorted), reused until anything is written here or
        # by another connection (PRAGMA data_version): fetching 100k rowids per query
        # was most of the search time at that size (benchmarks/scale.py).
        self._members: dict[tuple[Any, ...], tuple[tuple[int, int], np.ndarray]] = {}
        self._large: dict[str, bool] = {}  # scopes searched on the graph -> confirmed (sqlite_vectors)
        self._hints_read = False
        self.graphs_built = 0  # HNSW graphs this process built (not mapped from a saved one)
        self._writes = 0
        self._touched: builtins.list[int] = []
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(f"PRAGMA synchronous={synchronous}")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA secure_delete=ON")  # deleted content is zeroed on disk
            migrate(self._conn)
            self._fts_secure = fts_secure_delete(self._conn)
        except sqlite3.DatabaseError as exc:
            raise CorruptStoreError(
                f"{self.path} is not a readable Engram database ({exc}); restore it from a "
                "backup or an `engram export` file, or point --db at another path"
            ) from None

    # -- plumbing -----------------------------------------------------------
    @contextlib.contextmanager
    def _write(self, *, changes_rows: bool = True) -> Iterator[sqlite3.Connection]:
        with self._lock:
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

    def _read(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _meta(self, key: str) -> str | None:
        row = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0][0] if row else None

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
                "INSERT INTO memories_fts(rowid, text, keys, context) VALUES (?, ?, ?, ?)",
                [(rid, item.content, _key_text(item), around[rid][2])
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
            _put_secrets(conn, [s for s in secrets if s.memory_id in scopes])
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
            conn.execute("INSERT INTO memories_fts(rowid, text, keys, context) VALUES (?, ?, ?, ?)",
                         (rowid, item.content, _key_text(item), after[rowid][2]))
            self._recontext(conn, (_adjacent(before) | _adjacent(after)) - {rowid})
            conn.execute("INSERT INTO history VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         history_to_row(history, item.scope))
            _put_secrets(conn, [s for s in secrets if s.memory_id == item.id])
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
        if not ids:
            return
        sql, params = scope_clause(scope)
        with self._write(changes_rows=False) as conn:
            for chunk in chunks(ids, 500):
                conn.execute(
                    f"UPDATE memories AS m SET access_count = access_count + 1, last_accessed_at = ?"
                    f" WHERE m.id IN ({','.join('?' * len(chunk))}) AND {sql}",
                    [ts(utcnow()), *chunk, *params],
                )

    # -- reads --------------------------------------------------------------
    def get(self, scope: Scope | None, ids: Sequence[str]) -> builtins.list[MemoryItem]:
        sql, params = scope_clause(scope) if scope else ("1", [])
        found: dict[str, MemoryItem] = {}
        for chunk in chunks(list(ids), 500):
            rows = self._read(f"{_SELECT_ITEM} WHERE m.id IN ({','.join('?' * len(chunk))}) AND {sql}",
                              [*chunk, *params])
            found.update({row[0]: row_to_item(row) for row in rows})
        return [found[i] for i in ids if i in found]

    def list(self, scope: Scope, filters: Filters, *, limit: int, after_id: str | None = None,
             descending: bool = True) -> builtins.list[MemoryItem]:
        sql, params = where(scope, filters)
        if after_id is not None:
            sql += " AND m.id < ?" if descending else " AND m.id > ?"
            params.append(after_id)
        order = "DESC" if descending else "ASC"
        rows = self._read(f"{_SELECT_ITEM} WHERE {sql} ORDER BY m.id {order} LIMIT ?", [*params, limit])
        return [row_to_item(r) for r in rows]

    def count(self, scope: Scope, filters: Filters) -> int:
        sql, params = where(scope, filters)
        return int(self._read(f"SELECT count(*) FROM memories m WHERE {sql}", params)[0][0])

    def iter_items(self, scope: Scope | None, *, batch: int = 500) -> Iterator[MemoryItem]:
        sql, params = scope_clause(scope) if scope else ("1", [])
        return iter_rows(self._read, _SELECT_ITEM, sql, params, mark="?", batch=batch,
                         decode=row_to_item)

    def history(self, scope: Scope, memory_ids: Sequence[str]) -> builtins.list[HistoryEntry]:
        sql, params = scope_clause(scope, "h")
        out: builtins.list[HistoryEntry] = []
        for chunk in chunks(list(memory_ids), 500):
            rows = self._read(
                "SELECT h.id, h.memory_id, h.version, h.op, h.actor, h.at, h.old, h.new FROM history h"
                f" WHERE h.memory_id IN ({','.join('?' * len(chunk))}) AND {sql}",
                [*chunk, *params],
            )
            out += [row_to_history(r) for r in rows]
        # By version, then time: UUIDv7 ids made by two processes in the same
        # millisecond do not sort by time, but a version's row is always written
        # after the previous version's row was committed and read.
        out.sort(key=lambda h: (h.memory_id, h.version, h.at, h.id))
        return out

    def scope_history(self, scope: Scope, *, since: datetime | None = None,
                      limit: int = 100) -> builtins.list[HistoryEntry]:
        """History rows of every memory in ``scope`` (deleted ones too), newest first;
        feeds :func:`engram.lifecycle.audit.audit`."""
        sql, params = scope_clause(scope, "h")
        if since is not None:
            sql += " AND h.at >= ?"
            params.append(ts(since))
        rows = self._read(
            "SELECT h.id, h.memory_id, h.version, h.op, h.actor, h.at, h.old, h.new FROM history h"
            f" WHERE {sql} ORDER BY h.at DESC, h.id DESC LIMIT ?", [*params, limit])
        return [row_to_history(r) for r in rows]

    def lexical_search(self, scope: Scope, query: str, filters: Filters, *, limit: int) -> ScoredIds:
        """BM25 over text + keys, plus ``CONTEXT_WEIGHT`` × BM25 over the neighbour context.

        Two column-filtered queries, not one over all columns: FTS5 computes a term's IDF
        from the rows its (filtered) phrase matches, and a context column would make every
        term look three times as common. In a small store that drives IDF to zero (in the
        8-round demo, "commute" stopped ranking the rounds that say it)."""
        match = fts_query(query)
        if match is None:
            return []
        sql, params = where(scope, filters)
        scores: dict[str, float] = {}
        for columns, weights, factor in (("{text keys}", "1.0, 0.6, 0.0", 1.0),
                                         ("{context}", "0.0, 0.0, 1.0", CONTEXT_WEIGHT)):
            rows = self._read(
                f"SELECT m.id, bm25(memories_fts, {weights}) AS rank FROM memories_fts"
                " JOIN memories m ON m.rowid = memories_fts.rowid"
                f" WHERE memories_fts MATCH ? AND {sql} ORDER BY rank LIMIT ?",
                [f"{columns} : ({match})", *params, limit],
            )
            for item_id, rank in rows:
                scores[item_id] = scores.get(item_id, 0.0) - factor * float(rank)
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def neighbors(self, scope: Scope, ids: Sequence[str],
                  filters: Filters | None = None) -> dict[str, Neighbors]:
        sql, params = scope_clause(scope, "t")
        out: dict[str, Neighbors] = {}
        for chunk in chunks(list(ids), 500):
            out.update(session_neighbors(self._read, chunk, sql, params, mark="?",
                                         adjacent=adjacent,
                                         filter_on=lambda a: filter_clause(filters or Filters(), a)))
        return out

    def recent_texts(self, scope: Scope, filters: Filters, *, limit: int) -> builtins.list[str]:
        sql, params = where(scope, filters)
        return newest_texts(self._read, sql, params, mark="?", limit=limit)

    def stats(self, scope: Scope | None) -> Stats:
        sql, params = scope_clause(scope) if scope else ("1", [])
        hsql, hparams = scope_clause(scope, "h") if scope else ("1", [])
        return collect_stats(self._read, sql, params, hsql, hparams, vector_join="m.rowid = v.rowid",
                             db_bytes=self._disk_bytes())

    def _disk_bytes(self) -> int | None:
        """The database file plus its write-ahead log (-wal) and shared-memory index
        (-shm): until a checkpoint, recent writes live only in the WAL."""
        if not self.path.exists():
            return None
        files = [self.path, self.path.with_name(self.path.name + "-wal"),
                 self.path.with_name(self.path.name + "-shm")]
        return sum(f.stat().st_size for f in files if f.exists())

    def embedding_model(self) -> str | None:
        return self._meta("embed_model")

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

    def links(self, scope: Scope, ids: Sequence[str]) -> builtins.list[Link]:
        a_sql, a_params = scope_clause(scope, "a")
        b_sql, b_params = scope_clause(scope, "b")
        out: dict[tuple[str, str], Link] = {}
        for chunk in chunks(list(ids), 400):
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                "SELECT l.src, l.dst, l.reason, l.score, l.created_at FROM links l"
                " JOIN memories a ON a.id = l.src JOIN memories b ON b.id = l.dst"
                f" WHERE (l.src IN ({marks}) OR l.dst IN ({marks})) AND {a_sql} AND {b_sql}"
                " ORDER BY l.score DESC, l.src, l.dst", [*chunk, *chunk, *a_params, *b_params])
            for r in rows:
                out[(r[0], r[1])] = Link(r[0], r[1], r[2], float(r[3]), parse_ts(r[4]) or utcnow())
        return list(out.values())

    # -- the PII vault's rows (SecretRows) -----------------------------------
    def secrets(self, memory_id: str) -> dict[str, bytes]:
        rows = self._read("SELECT token, secret FROM vault WHERE memory_id = ?", (memory_id,))
        return {tok: bytes(secret) for tok, secret in rows}

    def secret_count(self) -> int:
        return int(self._read("SELECT count(*) FROM vault")[0][0])

    def settle(self) -> None:
        """Make the deletions committed so far physical, before a delete call returns.

        ``secure_delete`` zeroes deleted rows in the file, but two copies outlive them:
        FTS5 only *marks* a row's tokens deleted until its segments are merged, and the
        WAL keeps every page image written since the last checkpoint. With SQLite 3.42+
        FTS5's own ``secure-delete`` (on since open, :func:`fts_secure_delete`) removed
        the tokens in the DELETE itself; older SQLite (Python's bundled 3.40 here) needs
        the whole index merged ('optimize', O(index size): benchmarks/fts_delete.py).
        Either way the WAL is then checkpointed and truncated."""
        if not self._fts_secure:
            with self._lock:
                self._conn.execute("INSERT INTO memories_fts(memories_fts) VALUES ('optimize')")
        checkpoint(self._conn, self._lock, self.path)

    def compact(self) -> None:
        """Merge the FTS index and VACUUM, so deleted text leaves no trace in the file."""
        with self._lock:
            self._conn.execute("INSERT INTO memories_fts(memories_fts) VALUES ('optimize')")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            folder = self._ann_folder()  # a saved graph may hold vectors of deleted rows
            if folder is not None:
                ann_file.remove(folder)
            if self._matrix is not None:
                self._matrix.ann_changes = max(self._matrix.ann_changes, 1)  # saved anew on close

    def integrity_check(self) -> builtins.list[str]:
        with self._lock:
            problems = [r[0] for r in self._conn.execute("PRAGMA integrity_check").fetchall()]
            self._conn.execute("INSERT INTO memories_fts(memories_fts) VALUES ('integrity-check')")
        return [] if problems == ["ok"] else problems

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error, OSError):
                self.save_ann()  # graph edits since it was built or loaded
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")
            self._conn.close()


def _put_secrets(conn: sqlite3.Connection, secrets: Sequence[SecretRow]) -> None:
    """Vault rows of the items being written (a token already stored keeps its row)."""
    conn.executemany("INSERT OR IGNORE INTO vault(memory_id, token, kind, secret) VALUES (?,?,?,?)",
                     [(s.memory_id, s.token, s.kind, s.secret) for s in secrets])


def _key_text(item: MemoryItem) -> str:
    return " ".join([*item.keys, *item.entities, *item.tags])


def _adjacent(contexts: dict[int, tuple[int | None, int | None, str]]) -> set[int]:
    """The rowids right before or after any of these rows."""
    return {r for prev, nxt, _ in contexts.values() for r in (prev, nxt) if r is not None}

