"""Micro-batching: concurrent ``embed`` calls share one model run.

Why: a server thread per request embeds one short text at a time, and the bundled ONNX
model costs ~1.5-2x more CPU per text in batches of one than in batches of 8-32 (same
texts, same run: benchmarks/results/load-*.md). Callers that arrive while the model is
busy queue up; when it frees, one of them runs everything queued as a single call.
Nobody waits for a timer, so a lone caller pays nothing but a lock: batches only form
when calls really overlap, and grow with the load.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from engram.embed.base import Embedder, TextRole, WrappedEmbedder
from engram.protocols import Closeable

MAX_BATCH = 64  # texts per combined model call; larger calls go straight through


class _Call:
    __slots__ = ("done", "error", "lead", "result", "role", "texts")

    def __init__(self, texts: Sequence[str], role: TextRole) -> None:
        self.texts, self.role = texts, role
        self.done = threading.Event()
        self.lead = False  # woken to run the next batch, not with a result
        self.result: np.ndarray | None = None
        self.error: BaseException | None = None


class MicroBatcher(WrappedEmbedder):
    """Wraps ``inner``; the same vectors, with overlapping calls combined into one run."""

    def __init__(self, inner: Embedder, *, max_batch: int = MAX_BATCH) -> None:
        super().__init__(inner)
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: list[_Call] = []
        self._busy = False
        self.runs = 0  # model calls made for combined batches (observability, tests)
        self.calls = 0  # embed() calls that went through the queue

    def close(self) -> None:
        """Close the wrapped model if it holds a resource (an HTTP client, a session)."""
        if isinstance(self.inner, Closeable):
            self.inner.close()

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        if isinstance(texts, str) or not texts or len(texts) >= self.max_batch:
            return self.inner.embed(texts, role=role)
        call = _Call(texts, role)
        with self._lock:
            self.calls += 1
            self._queue.append(call)
            lead = not self._busy
            self._busy = True
        if not lead:
            call.done.wait()
            if not call.lead:
                return self._outcome(call)
        self._lead()
        return self._outcome(call)

    def _lead(self) -> None:
        """Run one batch headed by this thread's own call (only the leader takes from the
        queue, so its call is still first), then hand the model to the next waiter."""
        try:
            with self._lock:
                head = self._queue[0]
                batch: list[_Call] = []
                rest: list[_Call] = []
                size = 0
                for call in self._queue:  # one role per model run; the head always fits
                    if call.role == head.role and (not batch or size + len(call.texts) <= self.max_batch):
                        batch.append(call)
                        size += len(call.texts)
                    else:
                        rest.append(call)
                self._queue = rest
            self._run(batch)
        finally:
            with self._lock:
                if self._queue:
                    heir = self._queue[0]
                    heir.lead = True
                    heir.done.set()
                else:
                    self._busy = False

    def _run(self, batch: list[_Call]) -> None:
        texts = [t for call in batch for t in call.texts]
        try:
            vectors = np.asarray(self.inner.embed(texts, role=batch[0].role), dtype=np.float32)
            self.runs += 1
        except BaseException as exc:  # every caller in the batch sees the model's error
            for call in batch:
                call.error = exc
                call.done.set()
            return
        start = 0
        for call in batch:
            call.result = vectors[start:start + len(call.texts)]
            start += len(call.texts)
            call.done.set()

    @staticmethod
    def _outcome(call: _Call) -> np.ndarray:
        if call.error is not None:
            raise call.error
        assert call.result is not None
        return call.result


__all__ = ["MAX_BATCH", "MicroBatcher"]
