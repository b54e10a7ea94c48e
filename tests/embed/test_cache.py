"""The on-disk embedding cache."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from engram.embed import CachedEmbedder, Embedder
from engram.embed.base import TextRole
from engram.embed.hashing import HashingEmbedder


class CountingEmbedder:
    """Hashing embedder that records every text it is asked to embed."""

    def __init__(self, model_id: str = "counting-1") -> None:
        self._inner = HashingEmbedder(dim=32)
        self._model_id = model_id
        self.seen: list[str] = []
        self.lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def dim(self) -> int:
        return 32

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        with self.lock:
            self.seen.extend(texts)
        vecs = self._inner.embed(texts)
        # Make roles distinguishable so the cache must key on role.
        return vecs if role == "passage" else -vecs


def test_hits_and_misses(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    assert isinstance(cache, Embedder)
    assert cache.model_id == "counting-1" and cache.dim == 32

    first = cache.embed(["a", "b", "a", "c"])
    assert inner.seen == ["a", "b", "c"]  # the duplicate "a" embedded once
    assert (cache.hits, cache.misses) == (0, 3)
    np.testing.assert_array_equal(first[0], first[2])

    second = cache.embed(["c", "a", "d"])
    assert inner.seen == ["a", "b", "c", "d"]
    assert (cache.hits, cache.misses) == (2, 4)
    np.testing.assert_array_equal(second[0], first[3])
    np.testing.assert_array_equal(second, HashingEmbedder(32).embed(["c", "a", "d"]))
    assert cache.embed([]).shape == (0, 32)


def test_role_and_model_are_part_of_the_key(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, path)
    p = cache.embed(["x"], role="passage")
    q = cache.embed(["x"], role="query")
    np.testing.assert_array_equal(q, -p)
    other = CountingEmbedder(model_id="counting-2")
    CachedEmbedder(other, path).embed(["x"])
    assert other.seen == ["x"]


def test_persists_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "emb.sqlite"
    first = CachedEmbedder(CountingEmbedder(), path)
    expected = first.embed(["persist me", "me too"])
    first.close()

    inner = CountingEmbedder()
    again = CachedEmbedder(inner, path)
    np.testing.assert_array_equal(again.embed(["me too", "persist me"]), expected[::-1])
    assert inner.seen == [] and again.hits == 2 and again.misses == 0
    assert len(again) == 2


def test_no_plaintext_in_file(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    cache = CachedEmbedder(CountingEmbedder(), path)
    cache.embed(["my secret diary entry"])
    cache.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert b"secret diary" not in path.read_bytes()


def test_concurrent_threads(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path / "emb.sqlite")
    texts = [f"sentence number {i}" for i in range(40)]
    expected = HashingEmbedder(32).embed(texts)
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            rng = np.random.default_rng(seed)
            for _ in range(10):
                idx = rng.choice(len(texts), size=8, replace=False)
                out = cache.embed([texts[i] for i in idx])
                np.testing.assert_array_equal(out, expected[idx])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert cache.hits + len(inner.seen) == 6 * 10 * 8
    assert len(cache) == len(set(inner.seen)) <= 40
    # A second instance (another "process") sees everything already cached.
    fresh_inner = CountingEmbedder()
    CachedEmbedder(fresh_inner, tmp_path / "emb.sqlite").embed(sorted(set(inner.seen)))
    assert fresh_inner.seen == []
    cache.close()


def test_wraps_the_real_model(tmp_path: Path, minilm: Embedder) -> None:
    cache = CachedEmbedder(minilm, tmp_path / "emb.sqlite")
    a = cache.embed(["I adopted a puppy"])
    b = cache.embed(["I adopted a puppy"])
    np.testing.assert_array_equal(a, b)
    assert (cache.hits, cache.misses) == (1, 1)
