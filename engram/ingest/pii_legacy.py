"""Moving an old data dir's PII vault file into the store, once, on open.

Before the vault's rows became a table of the store (issue #16), they lived in
``vault.sqlite`` beside the key file (``vault.key`` -> ``vault.sqlite``), whatever the
backend. A data dir from then still has that file, and without this its vaulted
memories could not be revealed. When a vault is bound to a store, the old file's rows
of memories the store still holds are inserted (a token already there keeps its row,
so a second run after a crash changes nothing), then the file and its ``-wal`` /
``-shm`` are removed: it also held ciphertexts the store no longer needs, and the key
still opens them. Rows of memories the store does not hold are dropped with it (their
memories were deleted, or live in another store).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from engram.errors import StoreError
from engram.model import MemoryItem, Scope
from engram.store.base import SecretRow, SecretRows

log = logging.getLogger(__name__)


@runtime_checkable
class _Target(SecretRows, Protocol):
    def get(self, scope: Scope | None, ids: Sequence[str]) -> list[MemoryItem]: ...


def legacy_path(key_path: Path) -> Path:
    """Where the old vault kept its rows: beside the key, ``.sqlite`` for ``.key``."""
    return key_path.with_suffix(".sqlite")


def migrate_legacy_vault(key_path: Path, store: SecretRows) -> int:
    """Move the old file's rows into ``store`` and remove the file; returns rows moved
    (0 when there is no old file). Logs counts only, never a row."""
    path = legacy_path(key_path)
    if not path.is_file() or not isinstance(store, _Target):
        return 0
    try:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("SELECT memory_id, token, kind, secret FROM vault").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"the old PII vault file {path} cannot be read ({exc}); move it "
                         "away to open this data dir without its vaulted originals") from None
    ids = sorted({r[0] for r in rows})
    held: set[str] = set()
    for start in range(0, len(ids), 500):
        held.update(item.id for item in store.get(None, ids[start:start + 500]))
    moved = [SecretRow(r[0], r[1], r[2], bytes(r[3])) for r in rows if r[0] in held]
    store.add_secrets(moved)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    log.info("moved %d PII vault rows from %s into the store (%d of deleted or foreign "
             "memories dropped)", len(moved), path, len(rows) - len(moved))
    return len(moved)


__all__ = ["legacy_path", "migrate_legacy_vault"]
