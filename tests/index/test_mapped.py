"""MappedIndex: a saved graph mapped read-only plus tombstones and a delta answers exactly
what an in-RAM VectorMatrix holding the same vectors answers, and its layers round-trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engram.index import ann_file
from engram.index.mapped import MappedIndex
from engram.index.vector import VectorMatrix

DIM, N = 24, 600


def unit_rows(n: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(n, DIM))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def stamp_for(keys: np.ndarray, epoch: int = 1) -> ann_file.Stamp:
    count, checksum = ann_file.ids_checksum(keys)
    return ann_file.Stamp(store_id="s", model_id="m", dim=DIM, epoch=epoch, count=count, checksum=checksum)


def truth(vectors: dict[int, np.ndarray]) -> VectorMatrix:
    matrix = VectorMatrix(DIM, ann_threshold=10**9)
    keys = sorted(vectors)
    matrix.upsert(keys, np.stack([vectors[k] for k in keys]))
    return matrix


def reader(vectors: dict[int, np.ndarray]):  # type: ignore[no-untyped-def]
    return lambda keys: {k: vectors[k] for k in keys if k in vectors}


@pytest.fixture()
def mapped(tmp_path: Path) -> tuple[MappedIndex, dict[int, np.ndarray], Path]:
    data = unit_rows(N, 1)
    built = VectorMatrix(DIM, ann_threshold=1)
    built.upsert(list(range(N)), data)
    built.ensure_ann()
    folder = tmp_path / "x.ann"
    assert ann_file.save(folder, built, stamp_for(np.arange(N)))
    vectors = {k: data[k] for k in range(N)}
    loaded = ann_file.load(folder, stamp_for(np.arange(N)), ann_threshold=50, read_vectors=reader(vectors))
    assert loaded is not None and isinstance(loaded[0], MappedIndex)
    return loaded[0], vectors, folder


def edit(index: MappedIndex, vectors: dict[int, np.ndarray]) -> None:
    """Remove 40 keys, replace 30, add 60: tombstones and a delta above ann_threshold."""
    fresh = unit_rows(90, 2)
    index.remove(list(range(0, 40)))
    index.upsert(list(range(100, 130)), fresh[:30])
    index.upsert(list(range(1000, 1060)), fresh[30:])
    for k in range(40):
        del vectors[k]
    vectors.update({100 + i: fresh[i] for i in range(30)})
    vectors.update({1000 + i: fresh[30 + i] for i in range(60)})


def test_searches_agree_with_a_matrix_of_the_same_vectors(
        mapped: tuple[MappedIndex, dict[int, np.ndarray], Path]) -> None:
    index, vectors, _ = mapped
    edit(index, vectors)
    want = truth(vectors)
    assert len(index) == len(vectors) and sorted(index.keys().tolist()) == sorted(vectors)
    odd = lambda keys: keys % 2 == 1  # noqa: E731
    found = 0
    for q in unit_rows(30, 3):
        subset = list(range(0, 1060, 3))
        got_exact, want_exact = index.search_exact(q, subset, 7), want.search_exact(q, subset, 7)
        assert [k for k, _ in got_exact] == [k for k, _ in want_exact]
        assert [s for _, s in got_exact] == pytest.approx([s for _, s in want_exact], abs=1e-6)
        exact = {k for k, _ in want.search_exact(q, [k for k in vectors if k % 2], 10)}
        got = index.search_ann(q, 10, odd)
        assert all(k % 2 == 1 and k in vectors for k, _ in got) and len(got) == 10
        for k, score in got:
            assert score == pytest.approx(float(vectors[k] @ q), abs=1e-5)
        found += len(exact & {k for k, _ in got})
    assert found / 300 >= 0.9
    assert index.get([5, 100, 1001, 300]).keys() == {100, 1001, 300}
    assert np.allclose(index.get([100])[100], vectors[100])


def test_layers_round_trip_and_deleted_rows_are_zeroed_on_disk(
        mapped: tuple[MappedIndex, dict[int, np.ndarray], Path]) -> None:
    index, vectors, folder = mapped
    gone = {k: vectors[k] for k in range(40)}
    edit(index, vectors)
    keys = np.array(sorted(vectors))
    assert ann_file.save(folder, index, stamp_for(keys, epoch=2))
    loaded = ann_file.load(folder, stamp_for(keys, epoch=2), ann_threshold=50, read_vectors=reader(vectors))
    assert loaded is not None
    again = loaded[0]
    assert sorted(again.keys().tolist()) == keys.tolist()
    q = vectors[1003]
    assert again.search_ann(q, 1, lambda k: np.ones(k.size, dtype=bool))[0][0] == 1003
    import faiss

    plain = faiss.read_index(str(again.source / "hnsw.faiss"))
    stored = np.vstack([plain.reconstruct(i) for i in range(plain.ntotal)])
    assert max(float(np.abs(stored @ v).max()) for v in gone.values()) < 0.99


def test_merged_holds_the_same_vectors_in_one_writable_graph(
        mapped: tuple[MappedIndex, dict[int, np.ndarray], Path]) -> None:
    index, vectors, _ = mapped
    edit(index, vectors)
    merged = index.merged()
    assert merged.has_ann and sorted(merged.keys().tolist()) == sorted(vectors)
    q = vectors[1010]
    assert merged.search_ann(q, 1, lambda k: np.ones(k.size, dtype=bool))[0][0] == 1010


@pytest.mark.parametrize("damage", ["delta", "dead-row", "stamp"])
def test_damaged_layers_are_refused(mapped: tuple[MappedIndex, dict[int, np.ndarray], Path],
                                    damage: str) -> None:
    index, vectors, folder = mapped
    edit(index, vectors)
    keys = np.array(sorted(vectors))
    assert ann_file.save(folder, index, stamp_for(keys, epoch=2))
    [delta] = index.source.glob("delta-*.npz")  # type: ignore[union-attr]
    expected = stamp_for(keys, epoch=2)
    if damage == "delta":
        delta.write_bytes(delta.read_bytes()[:100])
    elif damage == "dead-row":  # a tombstone on the wrong row: the same count, other ids
        with np.load(delta) as data:
            parts = {name: data[name] for name in data.files}
        parts["dead"] = parts["dead"] + 1
        with delta.open("wb") as out:
            np.savez(out, **parts)
    else:
        expected = stamp_for(keys[1:], epoch=2)
    assert ann_file.load(folder, expected, ann_threshold=50, read_vectors=reader(vectors)) is None
