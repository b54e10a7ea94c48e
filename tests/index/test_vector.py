"""VectorMatrix: exact search, HNSW search with filters, removal and replacement."""

from __future__ import annotations

import numpy as np

from engram.index.vector import VectorMatrix, top_k


def unit_rows(n: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(20, dim))
    rows = centers[rng.integers(0, 20, n)] + 0.3 * rng.normal(size=(n, dim))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_top_k_orders_best_first() -> None:
    scores = np.array([0.1, 0.9, 0.5, 0.7])
    assert top_k(scores, 2).tolist() == [1, 3]
    assert top_k(scores, 10).tolist() == [1, 3, 2, 0]
    assert top_k(np.array([]), 3).size == 0


def test_ann_matches_exact_and_honours_filter() -> None:
    dim, n = 32, 3000
    data = unit_rows(n, dim, 1)
    matrix = VectorMatrix(dim)
    matrix.upsert(list(range(n)), data)
    queries = unit_rows(50, dim, 2)
    even = lambda keys: keys % 2 == 0
    agree = 0
    for q in queries:
        exact = [k for k, _ in matrix.search_exact(q, list(range(0, n, 2)), 10)]
        approx = matrix.search_ann(q, 10, even)
        assert all(k % 2 == 0 for k, _ in approx) and len(approx) == 10
        agree += len(set(exact) & {k for k, _ in approx})
    assert agree / (10 * len(queries)) >= 0.95


def test_removed_and_replaced_keys_never_surface_stale() -> None:
    dim = 16
    data = unit_rows(200, dim, 3)
    matrix = VectorMatrix(dim)
    matrix.upsert(list(range(200)), data)
    everything = lambda keys: np.ones(len(keys), dtype=bool)
    assert matrix.search_ann(data[5], 1, everything)[0][0] == 5
    matrix.remove([5])
    assert 5 not in [k for k, _ in matrix.search_ann(data[5], 5, everything)]
    matrix.upsert([7], data[9:10])  # key 7 now carries key 9's vector
    hits = dict(matrix.search_ann(data[9], 3, everything))
    assert 7 in hits and abs(hits[7] - 1.0) < 1e-5
    assert abs(matrix.search_ann(data[7], 1, everything)[0][1] - 1.0) > 1e-3 or \
        matrix.search_ann(data[7], 1, everything)[0][0] != 7
    matrix.remove(list(range(0, 200, 2)))  # past the stale threshold: the graph is rebuilt
    assert all(k % 2 == 1 for k, _ in matrix.search_ann(data[1], 10, everything))
    assert len(matrix) == 99
