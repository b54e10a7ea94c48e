"""The Embedder protocol: text in, L2-normalized float32 vectors out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar, runtime_checkable

import numpy as np

TextRole = Literal["query", "passage"]


@runtime_checkable
class Embedder(Protocol):
    """Turns text into unit-length float32 vectors of a fixed dimension.

    ``model_id`` must change whenever vectors would change (model, revision,
    quantization, prefixing), because the embedding cache and the store key
    vectors by it.
    """

    @property
    def model_id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``, dtype float32, rows unit-norm."""
        ...


class WrappedEmbedder:
    """Base of the layers around a model (disk cache, query LRU, micro-batching): each
    produces exactly the inner model's vectors, so it reports the inner ``model_id`` and
    ``dim`` (the cache and the store key vectors by them)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dim(self) -> int:
        return self.inner.dim


L = TypeVar("L")


def find_layer(embedder: Embedder, kind: type[L]) -> L | None:
    """The first layer of type ``kind`` among ``embedder`` and the layers it wraps, if any
    (e.g. whether a disk cache keeps what is embedded)."""
    layer: object = embedder
    while True:
        if isinstance(layer, kind):
            return layer
        if not isinstance(layer, WrappedEmbedder):
            return None
        layer = layer.inner
