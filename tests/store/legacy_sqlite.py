"""An SQLite file as an older Engram wrote it: the shipped migrations up to version N,
then rows written the way that version's store wrote them. Migration tests open it with
today's store and check what the upgrade did."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from engram.model import MemoryItem
from engram.store.sqlite_schema import MIGRATIONS, _statements
from engram.store.sqlite_sql import ITEM_COLUMNS, item_to_row, tenant_tokens


def legacy_file(path: Path, version: int, items: Sequence[MemoryItem], fts_columns: str) -> None:
    """Schema v``version`` with ``items`` in it, each indexed in FTS under ``fts_columns``
    (``"text, keys"`` for v2, ``"text, keys, context"`` for v3-v4, then ``tenant``): the text, then blanks."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("engram_tenant_tokens", 4, tenant_tokens, deterministic=True)  # v5
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(MIGRATIONS[:version], start=1):
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", (number,))
    blanks = ", ''" * (len(fts_columns.split(",")) - 1)
    for item in items:
        cur = conn.execute(f"INSERT INTO memories ({','.join(ITEM_COLUMNS)}) VALUES "
                           f"({','.join('?' * len(ITEM_COLUMNS))})", item_to_row(item))
        conn.execute(f"INSERT INTO memories_fts(rowid, {fts_columns}) VALUES (?, ?{blanks})",
                     (cur.lastrowid, item.content))
    conn.close()
