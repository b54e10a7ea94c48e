"""Index builds and memory settings for the bulk write path (postgres_bulk.py): an import
into an empty store builds its indexes once after the rows are in, with the memory the
build needs, instead of updating every index row by row.

Why, measured with ``benchmarks/pg_ingest.py`` (20,000 rounds, results in
benchmarks/results/pg-ingest-2026-12-02*):

* ``memories``' eight secondary indexes (seven B-trees and the GIN over ``tsv``) cost
  ~25 % of the INSERT's server CPU when maintained row by row; built once after the load
  (a sort each, one GIN build) they cost a third of that. Only a table with no rows at
  all qualifies: the INSERT reads existing rounds' neighbours through
  ``memories_session_order``, and without it every lookup would scan a partition. The
  primary key stays (it is a constraint, and the INSERT's joins use it).
* pgvector builds the HNSW graph in memory only while it fits in
  ``maintenance_work_mem`` (64 MB by default: ~29,000 384-d vectors in one partition),
  then falls back to inserting into the on-disk graph, ~2x the CPU (40,000 rounds of one
  user: 66 vs 30 CPU-s). The build gets the memory its largest partition needs
  (:func:`hnsw_memory_kb`), never less than the server's setting, at most
  :data:`BUILD_MEMORY_MAX_KB`.
* The INSERT's sorts and materialised CTEs spill to temporary files past ``work_mem``
  (4 MB by default); a large batch gets enough for its rows (~18 % of its time).

Both settings are ``SET LOCAL``: they end with the write transaction. Parallel build
workers stay the server's choice (``max_parallel_maintenance_workers``; PostgreSQL plans
none for partitions under ``min_parallel_table_scan_size``): forcing them on 1,250-vector
partitions cost 30 % more CPU and no wall time on this 2-core machine, and a parallel
HNSW build reserves its whole ``maintenance_work_mem`` in shared memory up front.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

BUILD_MEMORY_MAX_KB = 1024 * 1024  # 1 GB: past this pgvector builds on disk, slower but bounded
SORT_MEMORY_MAX_KB = 128 * 1024  # several sort / CTE nodes may each use this much
# bytes a graph element takes besides its vector, at pgvector's default m = 16 (measured
# from the tuple count at which a build leaves maintenance_work_mem: 2,251 bytes for a 384-d
# vector, 3,790 for a 768-d one, 1,484 for a 384-d halfvec)
HNSW_ELEMENT_OVERHEAD = 720
DEFERRED_TABLES = ("memories", "history")  # vectors: its HNSW index, postgres_bulk.copy_vectors


def setting_kb(conn: Any, name: str) -> int:
    """A memory setting's current value in kB (pg_settings' unit for both used here)."""
    return int(conn.execute("SELECT setting FROM pg_settings WHERE name = %s", [name]).fetchone()[0])


def raise_setting(conn: Any, name: str, need_kb: int, cap_kb: int) -> None:
    """``SET LOCAL name`` to ``need_kb`` (at most ``cap_kb``) when that is above its
    current value: a bulk write never lowers what an administrator configured."""
    want = min(int(need_kb), cap_kb)
    if want > setting_kb(conn, name):
        conn.execute("SELECT set_config(%s, %s, true)", [name, f"{want}kB"])


def hnsw_memory_kb(largest: int, dim: int, kind: str) -> int:
    """``maintenance_work_mem`` for an in-memory HNSW build of ``largest`` vectors (the
    largest partition's), with 10 % and 8 MB to spare."""
    value = (2 if kind == "halfvec" else 4) * dim
    return int(largest * (value + HNSW_ELEMENT_OVERHEAD) * 1.1) // 1024 + 8192


def size_hnsw_build(conn: Any, dim: int, kind: str) -> None:
    """Give the coming HNSW build (every partition's, one statement) the memory of the
    largest partition's graph."""
    largest = conn.execute("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM vectors"
                           " GROUP BY tableoid) s").fetchone()[0]
    raise_setting(conn, "maintenance_work_mem", hnsw_memory_kb(largest, dim, kind),
                  BUILD_MEMORY_MAX_KB)


def size_sorts(conn: Any, texts: Sequence[str]) -> None:
    """``work_mem`` for the batch statement over ``texts``: each row's content, its
    tsvector and its neighbours' (~4x the text) plus ~1 kB of other columns, so that its
    sorts and CTEs stay in memory."""
    need = (4 * sum(len(t) for t in texts) + 1024 * len(texts)) // 1024
    raise_setting(conn, "work_mem", need, SORT_MEMORY_MAX_KB)


def secondary_indexes(conn: Any, table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of ``table``'s indexes that back no constraint, as
    the catalog defines them (so the rebuild is the schema's, whatever migration made
    it). A partitioned index is listed ``ON ONLY`` the parent; created without ONLY it
    builds every partition's again."""
    rows = conn.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " WHERE i.indrelid = %s::regclass AND NOT EXISTS"
        " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
        " ORDER BY 1", [table]).fetchall()
    return [(name, definition.replace(" ON ONLY ", " ON ", 1)) for name, definition in rows]


def defer_indexes(conn: Any) -> list[str]:
    """Drop the secondary indexes of each table in DEFERRED_TABLES that holds no row,
    in the caller's transaction (the tables stay locked until it ends); returns the
    statements that build them again, for :func:`build_indexes` after the load."""
    rebuild: list[str] = []
    for table in DEFERRED_TABLES:
        if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            continue
        for name, create in secondary_indexes(conn, table):
            conn.execute(f"DROP INDEX {name}")
            rebuild.append(create)
    return rebuild


def build_indexes(conn: Any, statements: Sequence[str]) -> None:
    """Build the indexes :func:`defer_indexes` dropped (sorts and the GIN build use
    ``maintenance_work_mem``, which an HNSW build may have raised)."""
    for statement in statements:
        conn.execute(statement)
