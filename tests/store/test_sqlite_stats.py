"""``stats().db_bytes`` on SQLite counts what is on disk: the file and its WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.memory import Memory


def test_db_bytes_counts_the_write_ahead_log(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Memory(db, embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path)) as mem:
        # Hold a read transaction open so no automatic checkpoint can empty the WAL.
        reader = sqlite3.connect(db)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM memories").fetchone()
        for n in range(50):
            mem.add(f"memory number {n} " + "y" * 500, user_id="u")
        wal = db.with_name(db.name + "-wal")
        shm = db.with_name(db.name + "-shm")
        assert wal.exists() and wal.stat().st_size > 0
        on_disk = db.stat().st_size + wal.stat().st_size + (shm.stat().st_size if shm.exists() else 0)
        assert mem.stats(all_scopes=True).db_bytes == on_disk
        assert mem.stats(all_scopes=True).db_bytes > db.stat().st_size
        reader.rollback()
        reader.close()
