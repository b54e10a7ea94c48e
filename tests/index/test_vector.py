"""VectorMatrix: exact search, HNSW search with filters, removal and replacement."""

from __future__ import annotations

import numpy as np

from engram.index.vector import VectorMatrix, head_size, one_openmp_thread, top_k


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


def test_the_nearest_candidates_are_checked_first_and_give_the_same_answer() -> None:
    """The filter reads store rows: it is asked about the graph's nearest few first, and
    about the rest only when too few of those pass; the answer is the one a check of every
    candidate gives (the graph returns candidates nearest first)."""
    dim, n, k = 32, 2000, 10
    data = unit_rows(n, dim, 3)
    matrix = VectorMatrix(dim)
    matrix.upsert(list(range(n)), data)
    for q in unit_rows(20, dim, 4):
        asked: list[int] = []

        def everything(keys: np.ndarray, asked: list[int] = asked) -> np.ndarray:
            asked.append(keys.size)
            return np.ones(keys.size, dtype=bool)

        hits = matrix.search_ann(q, k, everything)
        assert asked == [head_size(k)]  # one look at the nearest few, not all 128 fetched
        graph = matrix._ensure_ann()
        graph.hnsw.efSearch = 256  # as the first round of a search asks (k=10: 128 rows)
        _, rows = graph.search(q.reshape(1, -1), 128)
        best = rows[0][:k].tolist()  # keys are rows here: inserted in order
        assert [key for key, _ in hits] == best  # the same top k as checking every candidate
        rare: list[int] = []

        def one_in_nine(keys: np.ndarray, rare: list[int] = rare) -> np.ndarray:
            rare.append(keys.size)
            return keys % 9 == 0

        found = matrix.search_ann(q, k, one_in_nine)
        exact = [key for key, _ in matrix.search_exact(q, list(range(0, n, 9)), k)]
        assert rare[0] == head_size(k) and len(rare) >= 2  # too few passed: the rest were asked
        assert len(set(exact) & {key for key, _ in found}) >= k - 1


def test_a_graph_search_runs_on_one_openmp_thread_and_restores_the_setting() -> None:
    """One query gains nothing from an OpenMP team and waits on its barrier under load;
    the caller's setting (which graph builds use) comes back afterwards, even on error."""
    import faiss

    original = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(3)
    try:
        with one_openmp_thread():
            assert faiss.omp_get_max_threads() == 1
        assert faiss.omp_get_max_threads() == 3
        try:
            with one_openmp_thread():
                raise RuntimeError("search failed")
        except RuntimeError:
            pass
        assert faiss.omp_get_max_threads() == 3
    finally:
        faiss.omp_set_num_threads(original)
