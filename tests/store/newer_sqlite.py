"""Run Python with a newer SQLite in place of the bundled one: ``pysqlite3`` (the
``pysqlite3-binary`` wheel, SQLite 3.51) registered as ``sqlite3`` before anything
imports it, the usual way to swap the driver. Used by the FTS5 secure-delete tests and
benchmarks/fts_delete.py: ``python tests/store/newer_sqlite.py SCRIPT [ARGS]``."""

from __future__ import annotations

import runpy
import sys


def install() -> str:
    """Make ``import sqlite3`` return pysqlite3's driver; returns its SQLite version."""
    from pysqlite3 import dbapi2

    sys.modules["sqlite3"] = dbapi2
    return str(dbapi2.sqlite_version)


if __name__ == "__main__":
    install()
    script, *sys.argv = sys.argv[1:]
    sys.argv.insert(0, script)
    runpy.run_path(script, run_name="__main__")
