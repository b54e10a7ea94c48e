"""Memory settings for the bulk write path (postgres_bulk.py): a large batch's HNSW
build and its batch statement get the memory they need, for this transaction only.

Why, measured with ``benchmarks/pg_ingest.py`` (results in
benchmarks/results/pg-ingest-2026-12-02-*):

* pgvector builds the HNSW graph in memory only while it fits in
  ``maintenance_work_mem`` (64 MB by default: ~29,000 384-d vectors in one partition),
  then falls back to inserting into the on-disk graph at ~2x the CPU (40,000 rounds of
  one user: 642 -> 1,071 rows per CPU-second with the memory sized). The build gets what
  its largest partition's graph needs (:func:`hnsw_memory_kb`), never less than the
  server's setting, at most :data:`BUILD_MEMORY_MAX_KB`.
* The batch statement's sorts and materialised CTEs spill to temporary files past
  ``work_mem`` (4 MB by default): with enough for its rows, 20,000 rounds ran ~18 %
  faster under ``EXPLAIN ANALYZE``.

Both are ``SET LOCAL``: they end with the write transaction. Tried and left out:
building ``memories``' eight other indexes after the load into an empty store (no gain
at 20,000 or 100,000 rounds: the builds cost what the row-by-row upkeep of indexes on
mostly ascending keys saved), and forcing parallel build workers onto small partitions
(30 % more CPU, no wall time on this 2-core machine). Parallel workers stay the server's
choice (``max_parallel_maintenance_workers``) for builds within its own
``maintenance_work_mem``; a build given more runs serially (:func:`size_hnsw_build`).
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


def setting_kb(conn: Any, name: str) -> int:
    """A memory setting's current value in kB (read with current_setting: the pg_settings
    view materialises every setting, which itself spills at a tiny work_mem)."""
    return int(conn.execute("SELECT pg_size_bytes(current_setting(%s)) / 1024",
                            [name]).fetchone()[0])


def raise_setting(conn: Any, name: str, need_kb: int, cap_kb: int) -> bool:
    """``SET LOCAL name`` to ``need_kb`` (at most ``cap_kb``) when that is above its
    current value: a bulk write never lowers what an administrator configured. Returns
    whether it raised it."""
    want = min(int(need_kb), cap_kb)
    if want <= setting_kb(conn, name):
        return False
    conn.execute("SELECT set_config(%s, %s, true)", [name, f"{want}kB"])
    return True


def hnsw_memory_kb(largest: int, dim: int, kind: str) -> int:
    """``maintenance_work_mem`` for an in-memory HNSW build of ``largest`` vectors (the
    largest partition's), with 10 % and 8 MB to spare."""
    value = (2 if kind == "halfvec" else 4) * dim
    return int(largest * (value + HNSW_ELEMENT_OVERHEAD) * 1.1) // 1024 + 8192


def size_hnsw_build(conn: Any, dim: int, kind: str) -> None:
    """Give the coming HNSW build (every partition's, one statement) the memory of the
    largest partition's graph. When that is more than the server grants, the build is
    also serial: a parallel one reserves all of it in shared memory up front, which a
    small ``/dev/shm`` (a container's default 64 MB) refuses, failing the whole write;
    a serial build takes local memory as it grows (and, measured, less CPU)."""
    largest = conn.execute("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM vectors"
                           " GROUP BY tableoid) s").fetchone()[0]
    if raise_setting(conn, "maintenance_work_mem", hnsw_memory_kb(largest, dim, kind),
                     BUILD_MEMORY_MAX_KB):
        conn.execute("SELECT set_config('max_parallel_maintenance_workers', '0', true)")


def size_sorts(conn: Any, texts: Sequence[str]) -> None:
    """``work_mem`` for the batch statement over ``texts``: each row's content, its
    tsvector and its neighbours' (~4x the text) plus ~1 kB of other columns, so that its
    sorts and CTEs stay in memory."""
    need = (4 * sum(len(t) for t in texts) + 1024 * len(texts)) // 1024
    raise_setting(conn, "work_mem", need, SORT_MEMORY_MAX_KB)
