"""The saved HNSW graph of :class:`~engram.store.sqlite.SQLiteStore`: stamp, save, map
back, and catch-up from a change log.

The ``meta`` table keeps a ledger (count and checksum of the vector rowids), updated
inside every vector write, next to the vector epoch, the model id and a store id; a saved
graph is used only if its stamp matches it (``engram.index.ann_file``).

Once a graph has been saved, every vector write also logs ``(epoch, rowid)`` in
``vector_log``. A graph saved at an earlier epoch, or held in memory by a process that
another one wrote behind, is then *caught up* — the logged rows' current vectors are
applied to it as tombstones and delta — instead of rebuilt: a CLI ``add`` followed by
a CLI ``search``, or several server workers on one file, no longer pay a rebuild (minutes
at 1M vectors). After the catch-up the ids checksum must equal the ledger, or the graph is
dropped. ``vector_log_floor`` is the epoch the log is complete from; saving prunes it.

A store that has a saved graph starts mapping it in a background thread when it opens
(:meth:`SavedGraph._open_saved_ann_soon`): a fresh process loads its embedding model and
embeds the query first (about 2 s here), and opening a 1M graph takes ~0.5 s, so the first
search finds the graph open instead of opening it (benchmarks/results/scale-cold-*).
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import sqlite3
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram.embed.quantize import decode_blobs
from engram.index import ann_file
from engram.index.ann_file import Stamp, ids_checksum, rowid_sums
from engram.index.mapped import MappedIndex
from engram.index.vector import VectorMatrix

logger = logging.getLogger(__name__)


class SavedGraph:
    _lock: threading.RLock
    _conn: sqlite3.Connection
    _ann_threshold: int
    _matrix: VectorMatrix | MappedIndex | None
    _seen_epoch: int | None
    _large: dict[str, bool]  # scope key -> confirmed large in this process
    _persist_ann: bool
    _opener: threading.Thread | None = None  # the background open of the saved graph
    _closing = False
    path: Path

    def _read(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        raise NotImplementedError

    def _meta(self, key: str) -> str | None:
        raise NotImplementedError

    def _ann_folder(self) -> Path | None:
        if not self._persist_ann or str(self.path) in ("", ":memory:"):
            return None
        return ann_file.ann_dir(self.path)

    def _ann_stamp(self) -> Stamp | None:
        """The store's current stamp, or None while it has no ledger or id yet."""
        meta = dict(self._read(
            "SELECT key, value FROM meta WHERE key IN"
            " ('store_id', 'embed_model', 'vector_dim', 'vector_epoch', 'vector_ledger')"))
        if not {"store_id", "embed_model", "vector_ledger"} <= meta.keys():
            return None
        count, checksum = meta["vector_ledger"].split(":", 1)
        return Stamp(store_id=meta["store_id"], model_id=meta["embed_model"],
                     dim=int(meta.get("vector_dim") or 0), epoch=int(meta.get("vector_epoch") or 0),
                     count=int(count), checksum=checksum)

    def _open_saved_ann_soon(self) -> None:
        """Map the saved graph (if there is one) in a background thread, holding the store's
        lock as a first search would; a search or write that comes first simply goes
        before it, and the thread then finds the matrix loaded and stops."""
        self._closing, self._opener = False, None
        folder = self._ann_folder()
        if folder is None or not (folder / "current.json").exists():
            return
        self._opener = threading.Thread(target=self._open_in_background, name="engram-ann-open", daemon=True)
        self._opener.start()

    def _open_in_background(self) -> None:
        with self._lock:
            if self._closing or self._matrix is not None:
                return
            try:
                saved = self._open_saved_ann()
            except (sqlite3.Error, OSError, RuntimeError, ValueError) as exc:
                logger.info("saved ANN graph not opened ahead (%s); the first large search opens it", exc)
                return
            if saved is not None:
                self._matrix, self._seen_epoch = saved

    def _stop_opener(self) -> None:
        """Before close: let a background open that has not started yet skip, and wait for it."""
        self._closing = True
        if self._opener is not None and self._opener is not threading.current_thread():
            self._opener.join()

    def _open_saved_ann(self) -> tuple[MappedIndex, int] | None:
        """The saved graph mapped and caught up to the store, with the epoch it is at."""
        folder = self._ann_folder()
        if folder is None or not folder.exists():
            return None
        with self._reading():
            stamp = self._ann_stamp()
            if stamp is None:
                return None
            loaded = ann_file.load(folder, stamp, ann_threshold=self._ann_threshold,
                                   read_vectors=self._vectors_by_rowid, changed_since=self._logged_since)
            if loaded is None:
                return None
            matrix, saved = loaded
            if saved.epoch != stamp.epoch and self._catch_up(matrix, saved.epoch) is None:
                return None
        return matrix, stamp.epoch

    @contextlib.contextmanager
    def _reading(self) -> Any:
        """One read transaction (a consistent stamp, log and vectors), unless in one already."""
        with self._lock:
            own = not self._conn.in_transaction
            if own:
                self._conn.execute("BEGIN")
            try:
                yield
            finally:
                if own:
                    self._conn.execute("COMMIT")

    def _logged_since(self, epoch: int) -> builtins.set[int] | None:
        """Rowids whose vector changed after ``epoch``; None if the log does not reach back."""
        floor = self._meta("vector_log_floor")
        if floor is None or int(floor) > epoch:
            return None
        return {int(r[0]) for r in self._read("SELECT DISTINCT rowid FROM vector_log WHERE epoch > ?", (epoch,))}

    def _catch_up(self, matrix: VectorMatrix | MappedIndex, since: int) -> int | None:
        """Apply the vector writes logged after ``since`` to ``matrix``; the epoch reached,
        or None if the log does not cover them or the result disagrees with the ledger
        (then ``matrix`` must be dropped)."""
        with self._reading():
            stamp = self._ann_stamp()
            changed = self._logged_since(since)
            if stamp is None or changed is None:
                return None
            current = self._vectors_by_rowid(sorted(changed))
            gone = [r for r in changed if r not in current]
            if gone:
                matrix.remove(gone)
            if current:
                matrix.upsert(list(current), np.stack(list(current.values())))
            if ids_checksum(matrix.keys()) != (stamp.count, stamp.checksum):
                return None
            return stamp.epoch

    def _vectors_by_rowid(self, rowids: builtins.list[int]) -> dict[int, np.ndarray]:
        out: dict[int, np.ndarray] = {}
        dim = int(self._meta("vector_dim") or 0) or None
        for start in range(0, len(rowids), 500):
            chunk = rowids[start:start + 500]
            rows = self._read(f"SELECT rowid, vec FROM vectors WHERE rowid IN ({','.join('?' * len(chunk))})",
                              chunk)
            mat = decode_blobs([r[1] for r in rows], dim)
            out.update((int(r[0]), mat[i]) for i, r in enumerate(rows))
        return out

    def save_ann(self) -> bool:
        """Save the HNSW graph's changes beside the store if there are any and it is still
        current (no other process wrote since); True if written. A graph built here is
        written whole and then mapped back; a mapped one saves its layers, or is merged
        into a new graph once they outgrow it."""
        folder = self._ann_folder()
        with self._lock:
            matrix = self._matrix
            if folder is None or matrix is None or not matrix.has_ann or matrix.ann_changes == 0:
                return False
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', ?)",
                                   (uuid.uuid4().hex,))
            stamp = self._ann_stamp()
            if stamp is None or stamp.epoch != self._seen_epoch:
                return False
            if isinstance(matrix, MappedIndex) and not matrix.needs_merge and ann_file.save(folder, matrix, stamp):
                matrix.ann_changes = 0
            else:
                whole = matrix.merged() if isinstance(matrix, MappedIndex) else matrix
                if not ann_file.save(folder, whole, stamp):
                    return False
                mapped = self._open_saved_ann()  # from now on: the mapped graph, not a RAM copy
                self._matrix = mapped[0] if mapped is not None else whole
                self._matrix.ann_changes = 0
            self._start_log(stamp.epoch)
            ann_file.write_hints(folder, set(self._large))
            return True

    def _start_log(self, saved: int) -> None:
        """Log vector writes from now on, complete after ``saved`` (the epoch just saved),
        and drop entries the saved graph already holds."""
        with contextlib.suppress(sqlite3.Error), self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute("CREATE TABLE IF NOT EXISTS vector_log(epoch INTEGER NOT NULL,"
                                   " rowid INTEGER NOT NULL)")
                self._conn.execute("CREATE INDEX IF NOT EXISTS vector_log_epoch ON vector_log(epoch)")
                floor = self._meta("vector_log_floor")
                epoch = int(self._meta("vector_epoch") or 0)
                # Not logging yet: writes after `saved` went unlogged, so the log starts now.
                start = saved if floor is not None or epoch == saved else epoch
                start = max(start, int(floor)) if floor is not None else start
                self._conn.execute("DELETE FROM vector_log WHERE epoch <= ?", (start,))
                self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('vector_log_floor', ?)",
                                   (str(start),))
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def _update_ledger(self, conn: sqlite3.Connection, epoch: int, added: Sequence[int],
                       removed: Sequence[int], changed: Sequence[int] = ()) -> None:
        """Inside a vector write (to ``epoch``): keep the ledger's count and checksum of
        vector rowids exact, and log the rows touched once a graph has been saved."""
        if conn.execute("SELECT 1 FROM meta WHERE key = 'vector_log_floor'").fetchone() is not None:
            conn.executemany("INSERT INTO vector_log(epoch, rowid) VALUES (?, ?)",
                             [(epoch, int(r)) for r in {*added, *removed, *changed}])
        row = conn.execute("SELECT value FROM meta WHERE key = 'vector_ledger'").fetchone()
        if row is None:
            return  # no ledger yet: the next full load of the vectors records one
        count, plain, hashed = (int(x) for x in row[0].split(":"))
        add_plain, add_hashed = rowid_sums(np.asarray(added, dtype=np.int64))
        rem_plain, rem_hashed = rowid_sums(np.asarray(removed, dtype=np.int64))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'vector_ledger'",
                     (f"{count + len(added) - len(removed)}:{plain + add_plain - rem_plain}:"
                      f"{hashed + add_hashed - rem_hashed}",))
