"""Embedders: the protocol, a name → factory registry, and the on-disk cache.

Backends are imported lazily by their factories so that importing
``engram.embed`` never pulls in onnxruntime, torch or httpx by itself.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from engram.embed.base import Embedder, TextRole
from engram.embed.cache import CachedEmbedder
from engram.errors import ConfigError

DEFAULT_EMBEDDER = "minilm-onnx"


def _minilm_onnx(**options: Any) -> Embedder:
    from engram.embed.onnx_minilm import OnnxMiniLMEmbedder

    return OnnxMiniLMEmbedder(**options)


def _minilm_st(**options: Any) -> Embedder:
    from engram.embed.sentence_transformers import SentenceTransformersEmbedder

    return SentenceTransformersEmbedder(**options)


def _openai(**options: Any) -> Embedder:
    from engram.embed.openai_compat import OpenAIEmbedder

    return OpenAIEmbedder(**options)


def _hashing(**options: Any) -> Embedder:
    from engram.embed.hashing import HashingEmbedder

    return HashingEmbedder(**options)


#: Name → factory; the one place a config name becomes a backend.
EMBEDDERS: dict[str, Callable[..., Embedder]] = {
    "minilm-onnx": _minilm_onnx,
    "minilm-st": _minilm_st,
    "openai": _openai,
    "hashing": _hashing,
}

_TARGETS = {
    "minilm-onnx": ("engram.embed.onnx_minilm", "OnnxMiniLMEmbedder"),
    "minilm-st": ("engram.embed.sentence_transformers", "SentenceTransformersEmbedder"),
    "openai": ("engram.embed.openai_compat", "OpenAIEmbedder"),
    "hashing": ("engram.embed.hashing", "HashingEmbedder"),
}


def make_embedder(name: str = DEFAULT_EMBEDDER, **options: Any) -> Embedder:
    """Build the embedder registered as ``name`` with keyword ``options``.

    Raises :class:`ConfigError` for an unknown name or options the backend
    does not accept, so a typo in settings fails with a clear message.
    """
    factory = EMBEDDERS.get(name)
    if factory is None:
        valid = ", ".join(sorted(EMBEDDERS))
        raise ConfigError(f"unknown embedder {name!r}; valid names are: {valid}.")
    target = _TARGETS.get(name)
    if target is not None:
        import importlib

        cls = getattr(importlib.import_module(target[0]), target[1])
        try:
            inspect.signature(cls).bind(**options)
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
