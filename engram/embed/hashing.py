"""A tiny deterministic feature-hashing embedder.

**Not a semantic model.** It exists as a fast, dependency-free test double and
as a last-resort fallback: identical text gives identical vectors and texts that
share words get higher cosine, but paraphrases without shared words do not.
Use the default ONNX MiniLM embedder for anything real.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from engram.embed.base import TextRole

_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    """Word unigrams + bigrams hashed (blake2b) into ``dim`` signed buckets, then L2-normalized."""

    def __init__(self, dim: int = 256) -> None:
        if dim < 8:
            raise ValueError("dim must be at least 8")
        self._dim = dim

    @property
    def model_id(self) -> str:
        return f"hashing-v1-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def _features(self, text: str) -> list[str]:
        words = _TOKEN.findall(text.lower())
        return words + [f"{a} {b}" for a, b in zip(words, words[1:])]

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        """Return ``(len(texts), dim)`` float32 rows; an empty text maps to a fixed unit vector."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not a single string")
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feat in self._features(text):
                h = int.from_bytes(hashlib.blake2b(feat.encode("utf-8"), digest_size=8).digest(), "little")
                # Bigrams weigh less than unigrams; the sign bit halves collision bias.
                weight = 0.5 if " " in feat else 1.0
                out[row, h % self._dim] += weight if (h >> 63) & 1 else -weight
            norm = float(np.linalg.norm(out[row]))
            if norm == 0.0:
                out[row, 0] = 1.0  # keep the unit-norm contract for empty/symbol-only text
            else:
                out[row] /= norm
        return out
