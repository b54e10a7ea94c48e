"""A saved HNSW graph beside a store, so a fresh process does not rebuild it.

Building the graph is what made the first search of a process slow (36 s at 100k
vectors, 174 s at 1M: benchmarks/results/scale-2026-11-27*). The graph is written next to
the store after it is built and when the store closes, and mapped back (not read, not
rebuilt) by the next process: :class:`~engram.index.mapped.MappedIndex`.

A saved graph is trusted only if its :class:`Stamp` equals the store's current one: the
store's identity, the embedder's ``model_id`` and dimension, the store's vector write
counter (epoch), the number of vectors and a checksum of their row ids. The files must
agree with the stamp too (labels, tombstones and delta give exactly the stamped ids, each
once), and a spot check of rows must match the store's own vectors. Anything else — a
graph from another store, another model, an older state, a torn write — is ignored (and
the graph is rebuilt from the store).

Layout: ``<store>.ann/<generation>/{hnsw.faiss,labels.npy,delta-<id>.npz}`` plus
``<store>.ann/current.json`` naming the generation, its delta file and the stamp.
Later edits are saved as a new delta file (vectors added or replaced, tombstoned rows)
with the tombstoned rows zeroed in ``hnsw.faiss`` in place; ``current.json`` is replaced
atomically last, so a reader sees a whole old state or a whole new one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engram.index.mapped import MappedIndex, flat_storage
from engram.index.vector import VectorMatrix

logger = logging.getLogger(__name__)

FORMAT = 2  # 2: mapped graph + delta/tombstone layers
HINTS = 1000  # large scopes remembered beside the graph
SPOT_CHECKS = 32  # rows compared with the store's own vectors on load
_P1, _P2 = 1_000_003, 4_294_967_311  # checksum moduli (primes): sums stay in int64


@dataclass(frozen=True)
class Stamp:
    """What a saved graph must match to be used."""

    store_id: str
    model_id: str
    dim: int
    epoch: int
    count: int
    checksum: str


def ids_checksum(keys: np.ndarray) -> tuple[int, str]:
    """(count, checksum) of a set of integer row ids, independent of their order.

    Two order-free sums (of the ids and of a multiplicative hash of them); the store keeps
    the same figures up to date on every write (``rowid_sums``)."""
    keys = np.asarray(keys, dtype=np.int64)
    plain, hashed = rowid_sums(keys)
    return int(keys.size), f"{plain}:{hashed}"


def rowid_sums(keys: np.ndarray) -> tuple[int, int]:
    keys = np.asarray(keys, dtype=np.int64)
    hashed = ((keys % _P1) * 2_654_435_761) % _P2
    return int(keys.sum()), int(hashed.sum())


def ann_dir(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".ann")


def save(folder: Path, matrix: VectorMatrix | MappedIndex, stamp: Stamp) -> bool:
    """Write ``matrix`` under ``folder``; False if it has no graph or disagrees with
    ``stamp`` (then the current files stay as they were).

    A :class:`VectorMatrix` (a graph built or merged in RAM) becomes a new generation; a
    :class:`MappedIndex` saves only its layers onto the generation it was mapped from."""
    if isinstance(matrix, MappedIndex):
        return _save_layers(folder, matrix, stamp)
    import faiss

    state = matrix.ann_state()
    if state is None:
        return False
    index, labels = state
    if ids_checksum(labels[labels >= 0]) != (stamp.count, stamp.checksum):
        logger.warning("ANN graph not saved: it disagrees with the store it indexes")
        return False
    generation = uuid.uuid4().hex
    target = folder / generation
    try:
        target.mkdir(parents=True, exist_ok=True)
        faiss.write_index(index, str(target / "hnsw.faiss"))
        np.save(target / "labels.npy", labels)
        _point_at(folder, generation, None, stamp)
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        logger.warning("ANN graph not saved (%s); the next process rebuilds it", exc.strerror)
        return False
    _drop_other_generations(folder, keep=generation)
    return True


def _save_layers(folder: Path, matrix: MappedIndex, stamp: Stamp) -> bool:
    source = matrix.source
    if source is None or source.parent != folder or not (source / "hnsw.faiss").exists():
        return False  # its graph file is gone (compact): the caller saves matrix.merged()
    labels = np.load(source / "labels.npy", mmap_mode="r")
    dead, keys, vectors = matrix.layers()
    alive = np.asarray(labels >= 0)
    alive[dead] = False
    if ids_checksum(np.concatenate([labels[alive], keys])) != (stamp.count, stamp.checksum):
        logger.warning("ANN layers not saved: they disagree with the store they index")
        return False
    name = f"delta-{uuid.uuid4().hex}.npz"
    try:
        if not _zero_rows(source / "hnsw.faiss", matrix, dead):
            return False
        with (source / name).open("wb") as out:
            np.savez(out, dead=dead, keys=keys, vectors=vectors)
        _point_at(folder, source.name, name, stamp)
    except OSError as exc:
        (source / name).unlink(missing_ok=True)
        logger.warning("ANN layers not saved (%s); the next process rebuilds the graph", exc.strerror)
        return False
    for old in source.glob("delta-*.npz"):
        if old.name != name:
            old.unlink(missing_ok=True)
    return True


def _zero_rows(path: Path, matrix: MappedIndex, rows: np.ndarray) -> bool:
    """Zero graph rows in the file itself (a deleted embedding must not stay on disk).

    faiss writes an HNSW-Flat index's vectors last, row after row; the mapped graph's own
    vectors confirm that layout before anything is written (False if they do not)."""
    graph = matrix.graph()
    nbytes = graph.ntotal * graph.d * 4
    size = path.stat().st_size
    if size < nbytes:
        return False
    if not rows.size:
        return True
    tail = np.memmap(path, dtype=np.float32, mode="r+", offset=size - nbytes, shape=(graph.ntotal, graph.d))
    mine = flat_storage(graph)
    probe = np.linspace(0, graph.ntotal - 1, min(8, graph.ntotal)).astype(np.int64)
    if not np.array_equal(tail[probe], mine[probe]):
        logger.warning("ANN graph file layout not recognised: tombstoned rows not zeroed")
        return False
    tail[rows] = 0.0
    tail.flush()
    del tail
    return True


def _point_at(folder: Path, generation: str, delta: str | None, stamp: Stamp) -> None:
    tmp = folder / f"current.json.{uuid.uuid4().hex}"
    tmp.write_text(json.dumps({"format": FORMAT, "generation": generation, "delta": delta, **asdict(stamp)}))
    os.replace(tmp, folder / "current.json")


def load(folder: Path, expected: Stamp, *, ann_threshold: int,
         read_vectors: Callable[[list[int]], dict[int, np.ndarray]],
         changed_since: Callable[[int], set[int] | None] = lambda epoch: None,
         ) -> tuple[MappedIndex, Stamp] | None:
    """(the saved graph, mapped, with its layers; its stamp) if the stamp equals
    ``expected`` or is an earlier state of the same store and model (``expected``'s
    epoch or older: the caller catches it up), its files agree with that stamp and a spot
    check of rows matches the store's vectors (``read_vectors``: rowid -> vector); else None.
    For an older stamp, ``changed_since(epoch)`` names the rowids written since (None if
    unknown: then the graph is not used); those are left to the caller's catch-up."""
    try:
        meta = json.loads((folder / "current.json").read_text())
    except (OSError, ValueError):
        return None
    found = _stamp_of(meta)
    if found is None or found != expected and not _earlier(found, expected):
        logger.info("saved ANN graph ignored: %s", _difference(found, expected))
        return None
    changed: set[int] = set()
    if found.epoch != expected.epoch:
        since = changed_since(found.epoch)
        if since is None:
            logger.info("saved ANN graph ignored: older than the store's change log")
            return None
        changed = since
    expected = found
    target = folder / str(meta["generation"])
    try:
        import faiss

        index = faiss.read_index(str(target / "hnsw.faiss"), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)
        labels = np.load(target / "labels.npy", mmap_mode="r")
        dead, keys, vectors = _read_delta(target, meta.get("delta"), int(index.d))
    except (OSError, RuntimeError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        logger.info("saved ANN graph ignored: unreadable (%s)", exc)
        return None
    if (labels.ndim != 1 or labels.size != index.ntotal or index.d != expected.dim
            or (dead.size and (dead.min() < 0 or dead.max() >= labels.size))):
        logger.info("saved ANN graph ignored: its files disagree with its stamp")
        return None
    alive = np.asarray(labels >= 0)
    alive[dead] = False
    live = np.asarray(labels[alive])
    every = np.sort(np.concatenate([live, keys]))
    if (np.any(every[1:] == every[:-1]) or vectors.shape != (keys.size, index.d)
            or ids_checksum(every) != (expected.count, expected.checksum)):
        logger.info("saved ANN graph ignored: its files disagree with its stamp")
        return None
    delta = VectorMatrix(int(index.d), ann_threshold=ann_threshold)
    if keys.size:
        delta.upsert(keys.tolist(), vectors)
    matrix = MappedIndex(index, labels, ann_threshold=ann_threshold, dead_rows=dead, delta=delta,
                         source=target)
    rows = np.flatnonzero(alive)
    probe = rows[np.linspace(0, rows.size - 1, min(SPOT_CHECKS, rows.size)).astype(np.int64)] \
        if rows.size else rows
    mine = {int(labels[r]): flat_storage(index)[r] for r in probe}
    mine.update(delta.get(keys[:: max(keys.size // 8, 1)].tolist()))
    mine = {k: v for k, v in mine.items() if k not in changed}
    theirs = read_vectors(list(mine))
    if mine.keys() != theirs.keys() or any(
            not np.allclose(mine[k], theirs[k], atol=1e-6) for k in mine):
        logger.info("saved ANN graph ignored: its vectors differ from the store's")
        return None
    matrix.prefault()
    return matrix, found


def _earlier(found: Stamp, expected: Stamp) -> bool:
    return (found.store_id, found.model_id, found.dim) == (expected.store_id, expected.model_id, expected.dim) \
        and found.epoch < expected.epoch


def _read_delta(target: Path, name: Any, dim: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(tombstoned rows, delta keys, delta vectors) named by current.json (empty if none)."""
    if name is None:
        return (np.empty(0, np.int64), np.empty(0, np.int64), np.empty((0, dim), np.float32))
    if not isinstance(name, str) or "/" in name or not name.startswith("delta-"):
        raise ValueError("bad delta name")
    with np.load(target / name, allow_pickle=False) as data:
        return (np.asarray(data["dead"], np.int64), np.asarray(data["keys"], np.int64),
                np.asarray(data["vectors"], np.float32))


def read_hints(folder: Path) -> set[str]:
    """Keys of scopes (clause and parameters, as ``sqlite_vectors`` writes them) last seen
    above the graph threshold. Only a hint: candidates are always checked against the store."""
    try:
        hints = json.loads((folder / "large-scopes.json").read_text())
    except (OSError, ValueError):
        return set()
    return {h for h in hints if isinstance(h, str)} if isinstance(hints, list) else set()


def write_hints(folder: Path, hints: set[str]) -> None:
    tmp = folder / f"large-scopes.json.{uuid.uuid4().hex}"
    with contextlib.suppress(OSError):
        tmp.write_text(json.dumps(sorted(hints)[:HINTS]))
        os.replace(tmp, folder / "large-scopes.json")


def remove(folder: Path) -> None:
    """Delete every saved generation (after physical deletion, or when it is stale)."""
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)


def _stamp_of(meta: dict[str, Any]) -> Stamp | None:
    if meta.get("format") not in (1, FORMAT):  # 1: the same graph files, no layers yet
        return None
    try:
        return Stamp(store_id=str(meta["store_id"]), model_id=str(meta["model_id"]),
                     dim=int(meta["dim"]), epoch=int(meta["epoch"]), count=int(meta["count"]),
                     checksum=str(meta["checksum"]))
    except (KeyError, TypeError, ValueError):
        return None


def _difference(found: Stamp | None, expected: Stamp) -> str:
    if found is None:
        return "unknown format"
    fields = [name for name in asdict(expected) if getattr(found, name) != getattr(expected, name)]
    return "different " + ", ".join(fields)


def _drop_other_generations(folder: Path, *, keep: str) -> None:
    for child in folder.iterdir():
        if child.is_dir() and child.name != keep:
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith("current.json.") and not child.name.endswith(keep):
            with contextlib.suppress(FileNotFoundError):
                child.unlink()
