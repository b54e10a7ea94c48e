"""FTS5 and physical deletion (issue #14, item 6): with SQLite 3.42+ the store turns on
FTS5 ``secure-delete`` and a delete runs no whole-index merge; with an older SQLite it
merges ('optimize'). Either way no file holds a token of the deleted text afterwards.
The newer SQLite is pysqlite3-binary's (3.51), swapped in by tests/store/newer_sqlite.py
in a subprocess, so the same code paths run against both libraries."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fts_delete_probe import probe  # tests/store is on sys.path (rootdir-relative imports)

from engram.store.sqlite_schema import FTS_SECURE_DELETE

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


def newer(script: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("pysqlite3", reason="pysqlite3-binary (test extra) gives SQLite 3.51")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(HERE / "newer_sqlite.py"), str(script), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def test_this_sqlite(tmp_path: Path) -> None:
    report = probe(tmp_path)
    has_it = sqlite3.sqlite_version_info >= FTS_SECURE_DELETE
    assert report["secure_delete"] is has_it and report["optimized"] is not has_it
    assert report["left"] == [] and report["kept"] == 200


def test_newer_sqlite_deletes_without_a_merge() -> None:
    done = newer(HERE / "fts_delete_probe.py")
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert tuple(int(p) for p in str(report["sqlite"]).split(".")) >= FTS_SECURE_DELETE
    assert report == {**report, "secure_delete": True, "optimized": False, "left": [], "kept": 200}


def test_an_old_file_is_merged_once_when_secure_delete_is_turned_on(tmp_path: Path) -> None:
    """Tokens an old SQLite only marked deleted are merged away on the first open by a newer one."""
    from engram import Memory
    from engram.config import Settings
    from engram.embed.hashing import HashingEmbedder

    if sqlite3.sqlite_version_info >= FTS_SECURE_DELETE:
        pytest.skip("needs an SQLite without secure-delete to write the old file")
    db = tmp_path / "old.db"
    mem = Memory(db, embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path / "d",
                                                                  embedding_cache=False))
    [item] = mem.add("the qzxoldmarkvv note", user_id="gone")
    mem.add("kept", user_id="keep")
    mem.store.delete(item.scope, [item.id], [])  # a logical delete: tokens only marked
    mem.close()
    conn = sqlite3.connect(db)
    marked = b"".join(bytes(r[0]) for r in conn.execute("SELECT block FROM memories_fts_data"))
    conn.close()
    assert b"oldmarkvv" in marked
    script = tmp_path / "open.py"
    script.write_text(f"from engram.store.sqlite import SQLiteStore\nSQLiteStore({str(db)!r}).close()\n")
    done = newer(script)
    assert done.returncode == 0, done.stderr[-2000:]
    assert b"oldmarkvv" not in db.read_bytes()


@pytest.mark.slow
def test_the_deletion_suite_passes_under_the_newer_sqlite() -> None:
    """Every door's file-scan deletion test, with secure-delete instead of the merge."""
    runner = HERE / "run_pytest.py"
    done = newer(runner, "tests/reliability/test_deletion.py", "-q", "-x", "-p", "no:cacheprovider")
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
