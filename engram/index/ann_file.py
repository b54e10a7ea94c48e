"""A saved HNSW graph beside a store, so a fresh process does not rebuild it.

Building the graph is what made the first search of a process slow (36 s at 100k
vectors, 174 s at 1M: benchmarks/results/scale-2026-11-27*). The graph is written next to
the store after it is built and when the store closes, and read back instead of rebuilt.

A saved graph is trusted only if its :class:`Stamp` equals the store's current one: the
store's identity, the embedder's ``model_id`` and dimension, the store's vector write
counter (epoch), the number of vectors and a checksum of their row ids. The file's own
labels must agree with its stamp too. Anything else — a graph from another store, another
model, an older state, a torn write — is ignored (and the graph is rebuilt from the store).

Layout: ``<store>.ann/<generation>/{hnsw.faiss,labels.npy}`` plus ``<store>.ann/current.json``
naming the generation and its stamp; ``current.json`` is replaced atomically last, so a
reader sees a whole old generation or a whole new one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engram.index.vector import VectorMatrix

logger = logging.getLogger(__name__)

FORMAT = 1
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


def save(folder: Path, matrix: VectorMatrix, stamp: Stamp) -> bool:
    """Write the matrix's graph under ``folder`` as a new generation; False if it has none
    or the graph's live labels do not match ``stamp`` (then nothing is written)."""
    import faiss

    state = matrix.ann_state()
    if state is None:
        return False
    index, labels = state
    count, checksum = ids_checksum(labels[labels >= 0])
    if (count, checksum) != (stamp.count, stamp.checksum):
        logger.warning("ANN graph not saved: it disagrees with the store it indexes")
        return False
    generation = uuid.uuid4().hex
    target = folder / generation
    target.mkdir(parents=True, exist_ok=True)
    try:
        faiss.write_index(index, str(target / "hnsw.faiss"))
        np.save(target / "labels.npy", labels)
        tmp = folder / f"current.json.{generation}"
        tmp.write_text(json.dumps({"format": FORMAT, "generation": generation, **asdict(stamp)}))
        os.replace(tmp, folder / "current.json")
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        logger.warning("ANN graph not saved (%s); the next process rebuilds it", exc.strerror)
        return False
    _drop_other_generations(folder, keep=generation)
    return True


def load(folder: Path, expected: Stamp, *, ann_threshold: int,
         read_vectors: Callable[[list[int]], dict[int, np.ndarray]]) -> VectorMatrix | None:
    """The saved matrix if its stamp equals ``expected``, its files agree with it and a
    spot check of rows matches the store's vectors (``read_vectors``: rowid -> vector);
    else None."""
    try:
        meta = json.loads((folder / "current.json").read_text())
    except (OSError, ValueError):
        return None
    found = _stamp_of(meta)
    if found != expected:
        logger.info("saved ANN graph ignored: %s", _difference(found, expected))
        return None
    target = folder / str(meta["generation"])
    try:
        import faiss

        index = faiss.read_index(str(target / "hnsw.faiss"))
        labels = np.load(target / "labels.npy")
    except (OSError, RuntimeError, ValueError) as exc:
        logger.info("saved ANN graph ignored: unreadable (%s)", exc)
        return None
    live = labels[labels >= 0]
    if (labels.ndim != 1 or labels.size != index.ntotal or index.d != expected.dim
            or np.unique(live).size != live.size
            or ids_checksum(live) != (expected.count, expected.checksum)):
        logger.info("saved ANN graph ignored: its files disagree with its stamp")
        return None
    matrix = VectorMatrix.from_ann(index, labels, ann_threshold=ann_threshold)
    probe = live[np.linspace(0, live.size - 1, min(SPOT_CHECKS, live.size)).astype(np.int64)].tolist() \
        if live.size else []
    mine, theirs = matrix.get(probe), read_vectors(probe)
    if mine.keys() != theirs.keys() or any(
            not np.allclose(mine[k], theirs[k], atol=1e-6) for k in mine):
        logger.info("saved ANN graph ignored: its vectors differ from the store's")
        return None
    return matrix


def remove(folder: Path) -> None:
    """Delete every saved generation (after physical deletion, or when it is stale)."""
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)


def _stamp_of(meta: dict[str, Any]) -> Stamp | None:
    if meta.get("format") != FORMAT:
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
