import numpy as np
import pytest

from engram.embed.quantize import (
    PCA,
    binarize,
    binary_search,
    check_dtype,
    decode_blobs,
    encode_blob,
    global_scale,
    hamming_similarity,
    quantize_int8,
)
from engram.errors import InvalidInputError
from engram.index.vector import top_k


def unit(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    m = rng.standard_normal((n, dim)).astype(np.float32) * (1 / np.sqrt(np.arange(1, dim + 1)))
    return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)


def test_int8_per_vector_roundtrip_is_close() -> None:
    m = unit(200)
    q = quantize_int8(m)
    assert q.codes.dtype == np.int8 and q.scales.shape == (200,)
    assert np.abs(q.decode() - m).max() <= q.scales.max() / 2 + 1e-7
    assert np.abs(q.codes).max() == 127  # every row uses the full range
    assert q.nbytes == 200 * 64 + 200 * 4


def test_int8_global_scale_clips_and_scores() -> None:
    m = unit(300)
    s = global_scale(m, quantile=0.99)
    q = quantize_int8(m, scale=s)
    assert np.all(q.scales == np.float32(s))
    query = m[0]
    approx, exact = q.scores(query), m @ query
    assert np.corrcoef(approx, exact)[0, 1] > 0.99
    with pytest.raises(InvalidInputError):
        quantize_int8(m, scale=0)


def test_int8_keeps_neighbours() -> None:
    m, queries = unit(2000), unit(20, seed=1)
    q = quantize_int8(m)
    hits = [len(set(top_k(m @ x, 10)) & set(top_k(q.scores(x), 10))) / 10 for x in queries]
    assert np.mean(hits) >= 0.95


def test_zero_vector_does_not_divide_by_zero() -> None:
    q = quantize_int8(np.zeros((2, 8), dtype=np.float32))
    assert np.all(q.codes == 0) and np.all(np.isfinite(q.scales))


def test_binary_codes_and_rescoring() -> None:
    m = unit(1000)
    bits = binarize(m)
    assert bits.shape == (1000, 8) and bits.dtype == np.uint8
    sims = hamming_similarity(binarize(m[5])[0], bits, 64)
    assert sims[5] == 64 and sims.max() == 64
    idx, scores = binary_search(m[5], bits, m, 10, rescore=10)
    assert idx[0] == 5 and scores[0] == pytest.approx(1.0, abs=1e-5)
    assert list(scores) == sorted(scores, reverse=True)
    idx8, _ = binary_search(m[5], bits, quantize_int8(m), 10, rescore=10)
    assert idx8[0] == 5


def test_pca_reduces_and_renormalises() -> None:
    m = unit(500)
    pca = PCA.fit(m, 16)
    out = pca.transform(m[:10])
    assert out.shape == (10, 16)
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    assert 0 < pca.explained <= 1
    with pytest.raises(InvalidInputError):
        PCA.fit(m, 65)


def test_blobs_float32_and_int8_mix() -> None:
    m = unit(3, dim=384)
    f32, i8 = encode_blob(m[0]), encode_blob(m[1], "int8")
    assert len(f32) == 4 * 384 and len(i8) == 384 + 4
    out = decode_blobs([f32, i8, encode_blob(m[2])], 384)
    assert np.array_equal(out[0], m[0]) and np.array_equal(out[2], m[2])
    assert np.abs(out[1] - m[1]).max() < 0.01
    assert np.array_equal(decode_blobs([f32, i8]), out[:2])  # dimension inferred from the mix
    assert decode_blobs([], 384).shape == (0, 384)
    with pytest.raises(InvalidInputError):
        decode_blobs([b"\x00" * 10], 384)


def test_check_dtype() -> None:
    assert check_dtype("int8") == "int8"
    with pytest.raises(InvalidInputError, match="vector_dtype"):
        check_dtype("float16")
