"""Embedders: the protocol, a name → class registry, and the on-disk cache.

Backends are registered by import path and imported on first use, so that
importing ``engram.embed`` never pulls in onnxruntime, torch or httpx by itself.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from engram.embed.base import Embedder, TextRole
from engram.embed.cache import CachedEmbedder
from engram.errors import ConfigError
from engram.registry import Registry

DEFAULT_EMBEDDER = "minilm-onnx"


#: Name → embedder class (by import path); the one place a config name becomes a backend.
EMBEDDERS: Registry[Callable[..., Embedder]] = Registry("embedder", {
    "minilm-onnx": "engram.embed.onnx_minilm:OnnxMiniLMEmbedder",
    "minilm-st": "engram.embed.sentence_transformers:SentenceTransformersEmbedder",
    "openai": "engram.embed.openai_compat:OpenAIEmbedder",
    "hashing": "engram.embed.hashing:HashingEmbedder",
})


def make_embedder(name: str = DEFAULT_EMBEDDER, **options: Any) -> Embedder:
    """Build the embedder registered as ``name`` with keyword ``options``.

    Raises :class:`ConfigError` for an unknown name or options the backend
    does not accept, so a typo in settings fails with a clear message.
    """
    factory = EMBEDDERS.lookup(name)
    try:
        inspect.signature(factory).bind(**options)
    except TypeError as exc:
        raise ConfigError(f"bad options for embedder {name!r}: {exc}.") from exc
    return factory(**options)


__all__ = [
    "DEFAULT_EMBEDDER",
    "EMBEDDERS",
    "CachedEmbedder",
    "Embedder",
    "TextRole",
    "make_embedder",
]
