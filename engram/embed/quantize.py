"""Compact vector codes: int8 scalar quantization, sign bits, PCA reduction.

Follows "Optimization of embeddings storage for RAG systems using quantization
and dimensionality reduction" (2025): int8 scalar quantization keeps nearly all
of float32's retrieval quality at a quarter of the size; 1-bit (sign) codes are
32x smaller but lose noticeably, so they are only a first-stage filter whose top
candidates are rescored with full-precision vectors; PCA trades dimensions for
size and is fitted on a sample of the corpus.

Everything here is numpy only. Vectors are assumed unit-norm (cosine = dot), as
every Engram embedder produces them. ``benchmarks/quantization.py`` measures the
recall@10 each code keeps against exact float32 search.

Blob format used by the SQLite store (``vector_dtype="int8"``): a little-endian
float32 scale followed by ``dim`` int8 codes, so ``value = code * scale``. A
float32 blob is ``4 * dim`` bytes and an int8 one ``dim + 4``: the two never have
the same length, so :func:`decode_blobs` reads stores that mix both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from engram.errors import InvalidInputError

VectorDtype = Literal["float32", "int8"]
VECTOR_DTYPES: tuple[str, ...] = ("float32", "int8")


# -- int8 scalar quantization --------------------------------------------------
@dataclass(frozen=True)
class Int8Vectors:
    """int8 codes with one float32 scale per row (``value ≈ code * scale``)."""

    codes: np.ndarray  # (n, dim) int8
    scales: np.ndarray  # (n,) float32

    def decode(self) -> np.ndarray:
        return np.asarray(self.codes.astype(np.float32) * self.scales[:, None], dtype=np.float32)

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Approximate dot products with a float32 query (asymmetric: only the
        stored side is quantized, which is what loses least)."""
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        return np.asarray((self.codes.astype(np.float32) @ q) * self.scales, dtype=np.float32)

    @property
    def nbytes(self) -> int:
        return int(self.codes.nbytes + self.scales.nbytes)


def global_scale(sample: np.ndarray, quantile: float = 0.9999) -> float:
    """One scale for a whole corpus: the ``quantile`` of absolute component values
    of a sample divided by 127 (rare larger components are clipped)."""
    sample = np.asarray(sample, dtype=np.float32)
    top = float(np.quantile(np.abs(sample), quantile)) if sample.size else 1.0
    return (top or 1.0) / 127.0


def quantize_int8(vectors: np.ndarray, *, scale: float | None = None) -> Int8Vectors:
    """Scalar-quantize rows to int8.

    ``scale=None`` (default) gives each row its own scale (max |component| / 127),
    which uses all 255 levels for every vector; a number (see :func:`global_scale`)
    uses one scale for all rows, as most vector databases do.
    """
    mat = np.asarray(vectors, dtype=np.float32)
    if mat.ndim == 1:
        mat = mat.reshape(1, -1)
    if scale is None:
        peak = np.abs(mat).max(axis=1) if mat.size else np.zeros(len(mat), np.float32)
        scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    else:
        if not scale > 0:
            raise InvalidInputError(f"an int8 scale must be positive, not {scale}")
        scales = np.full(len(mat), scale, dtype=np.float32)
    codes = np.clip(np.rint(mat / scales[:, None]), -127, 127).astype(np.int8)
    return Int8Vectors(codes, scales)


# -- binary (sign bit) codes ---------------------------------------------------
def binarize(vectors: np.ndarray) -> np.ndarray:
    """One bit per component (1 where > 0), packed: ``dim / 8`` bytes per row."""
    mat = np.asarray(vectors, dtype=np.float32)
    if mat.ndim == 1:
        mat = mat.reshape(1, -1)
    return np.packbits(mat > 0, axis=1)


def hamming_similarity(query_bits: np.ndarray, codes: np.ndarray, dim: int) -> np.ndarray:
    """``dim - hamming distance`` between one packed query and packed rows."""
    diff = np.bitwise_xor(codes, query_bits.reshape(1, -1))
    return np.asarray(dim - np.bitwise_count(diff).sum(axis=1, dtype=np.int32), dtype=np.int32)


def binary_search(query: np.ndarray, codes: np.ndarray, full: np.ndarray, k: int, *,
                  rescore: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Top ``k`` by sign-bit Hamming similarity over ``rescore * k`` candidates,
    rescored exactly with the full-precision rows ``full`` (float32 or
    :class:`Int8Vectors`). Returns (row indices, scores), best first."""
    from engram.index.vector import top_k

    q = np.asarray(query, dtype=np.float32).reshape(-1)
    sims = hamming_similarity(binarize(q)[0], codes, q.shape[0])
    candidates = top_k(sims.astype(np.float32), max(k, rescore * k))
    if isinstance(full, Int8Vectors):
        exact = Int8Vectors(full.codes[candidates], full.scales[candidates]).scores(q)
    else:
        exact = np.asarray(full[candidates], dtype=np.float32) @ q
    order = top_k(exact, k)
    return candidates[order], exact[order]


# -- PCA -----------------------------------------------------------------------
@dataclass(frozen=True)
class PCA:
    """Linear reduction to ``components.shape[0]`` dimensions; outputs are re-normalized
    so dot products stay cosines. Fit on a sample (a few thousand rows suffice)."""

    mean: np.ndarray  # (dim,)
    components: np.ndarray  # (out_dim, dim), rows orthonormal
    explained: float  # fraction of the sample's variance kept

    @classmethod
    def fit(cls, sample: np.ndarray, out_dim: int) -> PCA:
        mat = np.asarray(sample, dtype=np.float64)
        if not 0 < out_dim <= mat.shape[1]:
            raise InvalidInputError(f"PCA out_dim must be in 1..{mat.shape[1]}, not {out_dim}")
        mean = mat.mean(axis=0)
        cov = np.cov(mat - mean, rowvar=False)
        values, vectors = np.linalg.eigh(cov)  # ascending
        order = np.argsort(values)[::-1][:out_dim]
        kept = float(values[order].sum() / max(values.sum(), 1e-12))
        return cls(mean.astype(np.float32), vectors[:, order].T.astype(np.float32), kept)

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        mat = np.asarray(vectors, dtype=np.float32)
        out = (mat.reshape(-1, self.mean.shape[0]) - self.mean) @ self.components.T
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(out / np.where(norms > 0, norms, 1.0), dtype=np.float32)


# -- storage blobs ---------------------------------------------------------------
def check_dtype(dtype: str) -> VectorDtype:
    if dtype not in VECTOR_DTYPES:
        raise InvalidInputError(
            f"unknown vector_dtype {dtype!r}; use one of: {', '.join(VECTOR_DTYPES)}")
    return dtype  # type: ignore[return-value]


def encode_blob(vector: np.ndarray, dtype: VectorDtype = "float32") -> bytes:
    """One vector as stored bytes: raw float32, or float32 scale + int8 codes."""
    vec = np.asarray(vector, dtype=np.float32).reshape(-1)
    if dtype == "float32":
        return vec.tobytes()
    q = quantize_int8(vec)
    return q.scales.astype("<f4").tobytes() + q.codes.tobytes()


def decode_blobs(blobs: Sequence[bytes], dim: int | None = None) -> np.ndarray:
    """Stored bytes → an (n, dim) float32 matrix; each blob may be either format.

    ``dim`` is needed only to tell the formats apart when blobs are int8; without
    it a blob whose length is a multiple of 4 is read as float32 unless another
    blob of the batch fixes the dimension.
    """
    if not blobs:
        return np.empty((0, dim or 0), dtype=np.float32)
    if dim is None:
        dim = _infer_dim(blobs)
    width = 4 * dim
    if all(len(b) == width for b in blobs):  # the common case: one join, one view
        return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dim)
    out = np.empty((len(blobs), dim), dtype=np.float32)
    for i, blob in enumerate(blobs):
        if len(blob) == width:
            out[i] = np.frombuffer(blob, dtype=np.float32)
        elif len(blob) == dim + 4:
            scale = np.frombuffer(blob[:4], dtype="<f4")[0]
            out[i] = np.frombuffer(blob[4:], dtype=np.int8).astype(np.float32) * scale
        else:
            raise InvalidInputError(f"a stored vector has {len(blob)} bytes; expected "
                                    f"{width} (float32) or {dim + 4} (int8) for dim {dim}")
    return out


def _infer_dim(blobs: Sequence[bytes]) -> int:
    lengths = {len(b) for b in blobs}
    if len(lengths) == 2:  # both formats present: 4d and d + 4
        a, b = sorted(lengths)
        if b == 4 * (a - 4):
            return a - 4
    (length, *_) = sorted(lengths)
    return length // 4
