"""Physical deletion on PostgreSQL: rewrite the partitions a delete touched.

Why: a PostgreSQL ``DELETE`` (or the ``UPDATE`` that blanks a memory's history) only
marks the old row versions dead; their bytes stay in the heap, its TOAST table and the
GIN index of the text until the table is rewritten. A plain ``VACUUM`` does not help
much: it frees the space for reuse without zeroing it, and GIN keeps the entry keys
(the stemmed words) of rows it no longer points to (measured: benchmarks/reliability.md,
"Verifiable deletion"). Only a rewrite leaves no copy in the table files, so after a
delete the store rewrites (``VACUUM FULL``) the text-bearing partitions of the tenants
it touched, and the vault when it held rows of the deleted memories. The memory tables
are hash-partitioned by tenant (:mod:`engram.store.postgres_tenant`), so this costs one
partition per tenant, not the table. The ``vectors`` partitions are left to autovacuum
and ``purge()``: they hold numbers, not text, and rewriting them rebuilds an HNSW graph.

A rewrite keeps the row versions that some open snapshot may still see ("recently dead"):
a transaction elsewhere in the cluster that began before the delete would keep the deleted
text in the new files. So :meth:`PartitionEraser.settle` first waits, for at most
:data:`SNAPSHOT_WAIT_S`, until no other backend holds a snapshot older than the settle; a
rewrite done while one still did stays pending and is redone by the next settle.

What no rewrite can reach: WAL segments (and archives, replicas, backups) keep the old
pages until PostgreSQL recycles them, and the blocks of the replaced files stay on the
disk until the file system reuses them. docs/trust.md says so.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from typing import Any, Literal

from engram.errors import InvalidInputError

log = logging.getLogger(__name__)
EraseMode = Literal["rewrite", "off"]
ERASE_MODES: tuple[str, ...] = ("rewrite", "off")
TEXT_TABLES = ("memories", "history", "links")  # the partitions that hold a memory's text
SNAPSHOT_WAIT_S = 5.0  # how long a settle waits for older snapshots to end (then it rewrites anyway)
_POLL_S = 0.02
# Other backends whose snapshot began before the given transaction id: they may still see
# the deleted rows. age() compares xids safely across wraparound.
# (Only this database's backends: a rewrite's horizon ignores other databases'.)
_OLDER_SNAPSHOTS = ("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    " AND datname = current_database() AND backend_xmin IS NOT NULL"
                    " AND age(backend_xmin) > age(%s::text::xid)")


def check_mode(mode: str) -> EraseMode:
    if mode not in ERASE_MODES:
        raise InvalidInputError(f"pg_erase must be one of {list(ERASE_MODES)}, not {mode!r}: "
                                "'rewrite' leaves no deleted text in the table files, 'off' "
                                "leaves it until purge()")
    return mode  # type: ignore[return-value]


def partition_names(parent_names: Iterable[str]) -> set[str]:
    """The text tables' partitions with the suffixes of ``parent_names``: ``memories_p3``
    -> ``memories_p3``, ``history_p3``, ``links_p3`` (every table shares the tenant hash
    and the modulus); an unpartitioned ``memories`` -> the tables themselves."""
    names: set[str] = set()
    for name in parent_names:
        suffix = name.rpartition(".")[2].removeprefix("memories")
        names.update(f"{table}{suffix}" for table in TEXT_TABLES)
    return names


class PartitionEraser:
    """Collects the relations deletes have touched and rewrites them on :meth:`settle`.

    Thread-safe: each store thread notes what its delete touched inside the delete's
    transaction; whoever settles next rewrites it (``VACUUM FULL`` waits for a
    transaction still holding the partition, so its dead rows are included)."""

    def __init__(self, mode: str = "rewrite") -> None:
        self.mode = check_mode(mode)
        self._dirty: set[str] = set()
        self._lock = threading.Lock()

    def note(self, partitions: Iterable[str], *, vault: bool = False) -> None:
        """Inside a delete's transaction: remember the ``memories`` partitions its rows lay
        in (``tableoid::regclass::text``) and whether it removed vault rows."""
        if self.mode == "off":
            return
        dirty = partition_names(partitions)
        if vault:
            dirty.add("vault")
        with self._lock:
            self._dirty |= dirty

    def settle(self, conn: Any) -> list[str]:
        """Rewrite every noted relation (``conn`` in autocommit: VACUUM runs outside a
        transaction); returns what it rewrote. A rewrite that fails (a deadlock with
        concurrent writers, a dropped partition) does not fail the delete, which has
        committed: it is logged and kept for the next settle, as SQLite's checkpoint is."""
        with self._lock:
            dirty, self._dirty = sorted(self._dirty), set()
        if not dirty:
            return []
        clear = wait_for_older_snapshots(conn, SNAPSHOT_WAIT_S)
        done: list[str] = []
        for name in dirty:
            try:
                conn.execute(f'VACUUM (FULL) "{name}"')  # names come from pg_class, not callers
                done.append(name)
            except Exception as exc:  # noqa: BLE001 - any failure: retried, never lost
                log.warning("could not rewrite %s after a delete (%s); deleted text stays in its "
                            "files until the next delete or purge()", name, type(exc).__name__)
                with self._lock:
                    self._dirty.add(name)
        if not clear:  # an older snapshot may have kept rows: redo them on the next settle
            with self._lock:
                self._dirty.update(done)
        return done

    def pending(self) -> list[str]:
        """What deletes touched and no settle has rewritten yet."""
        with self._lock:
            return sorted(self._dirty)

    def discard(self, names: Iterable[str]) -> None:
        """After a purge rewrote every table: what was pending before it is done."""
        with self._lock:
            self._dirty.difference_update(names)


def wait_for_older_snapshots(conn: Any, timeout_s: float) -> bool:
    """Wait until no other backend holds a snapshot taken before now (the deletes being
    settled have committed, so a newer snapshot cannot see their rows); False if one still
    does after ``timeout_s``. ``conn`` is in autocommit, so it holds no snapshot itself."""
    now = conn.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text").fetchone()[0]
    deadline = time.monotonic() + timeout_s
    while conn.execute(_OLDER_SNAPSHOTS, [now]).fetchone()[0]:
        if time.monotonic() >= deadline:
            log.warning("a transaction older than a delete is still open after %.0f s; the "
                        "rewrite may keep deleted text until the next delete or purge()", timeout_s)
            return False
        time.sleep(_POLL_S)
    return True


__all__ = ["ERASE_MODES", "EraseMode", "PartitionEraser", "check_mode", "partition_names",
           "wait_for_older_snapshots"]
