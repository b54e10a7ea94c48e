"""The hashing test double and the name → embedder registry."""

from __future__ import annotations

import numpy as np
import pytest

from engram.embed import DEFAULT_EMBEDDER, EMBEDDERS, Embedder, make_embedder
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConfigError, EngramError


def test_hashing_basics() -> None:
    emb = HashingEmbedder(dim=64)
    assert isinstance(emb, Embedder)
    assert emb.model_id == "hashing-v1-64"
    vecs = emb.embed(["the cat sat", "the cat sat", "stock market news", "", "!!!"])
    assert vecs.shape == (5, 64) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-6)
    np.testing.assert_array_equal(vecs[0], vecs[1])
    assert emb.embed([]).shape == (0, 64)


def test_hashing_is_stable_across_instances() -> None:
    a = HashingEmbedder().embed(["Stable across processes, unlike hash()"])
    b = HashingEmbedder().embed(["Stable across processes, unlike hash()"])
    np.testing.assert_array_equal(a, b)


def test_hashing_word_overlap_raises_similarity() -> None:
    a, b, c = HashingEmbedder().embed(["my dog likes the park", "my dog likes long walks",
                                       "quarterly revenue grew"])
    assert float(a @ b) > float(a @ c)


def test_registry_names() -> None:
    assert DEFAULT_EMBEDDER == "minilm-onnx"
    assert set(EMBEDDERS) == {"minilm-onnx", "minilm-st", "openai", "hashing"}


def test_unknown_name_lists_valid_ones() -> None:
    with pytest.raises(ConfigError) as info:
        make_embedder("bert-huge")
    msg = str(info.value)
    assert isinstance(info.value, EngramError)
    for name in EMBEDDERS:
        assert name in msg


def test_bad_options_are_config_errors() -> None:
    with pytest.raises(ConfigError):
        make_embedder("hashing", dimension=12)
    with pytest.raises(ConfigError):
        make_embedder("openai")  # base_url and model are required


def test_make_each_cheaply() -> None:
    assert make_embedder("hashing", dim=32).dim == 32
    default = make_embedder()
    assert default.model_id == "minilm-l6-v2-int8-onnx"
    st = make_embedder("minilm-st")  # construction never imports torch
    assert st.model_id == "minilm-l6-v2-st"
    oa = make_embedder("openai", base_url="http://127.0.0.1:9/v1", model="m", dim=8)
    assert oa.model_id == "openai:m" and oa.dim == 8
