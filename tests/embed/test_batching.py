"""MicroBatcher: overlapping embed() calls share one model run and get exactly the
vectors they would have got alone; a lone call runs at once."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from engram.embed.base import TextRole
from engram.embed.batching import MicroBatcher
from engram.embed.hashing import HashingEmbedder
from engram.embed.onnx_minilm import OnnxMiniLMEmbedder


class Gated:
    """A real embedder whose first run waits until ``release`` is set, so the test can
    line other callers up behind it deterministically (no timing)."""

    def __init__(self, inner: HashingEmbedder | OnnxMiniLMEmbedder, fail_on: str | None = None) -> None:
        self.inner, self.fail_on = inner, fail_on
        self.entered, self.release = threading.Event(), threading.Event()
        self.batches: list[list[str]] = []

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        self.batches.append(list(texts))
        if len(self.batches) == 1:
            self.entered.set()
            self.release.wait(30)
        if self.fail_on is not None and self.fail_on in texts:
            raise RuntimeError("model failed")
        return self.inner.embed(texts, role=role)


def _queue_behind_first(batcher: MicroBatcher, gated: Gated, calls: list[tuple[str, ...]],
                        role: TextRole = "passage") -> dict[int, object]:
    """Call 0 runs (and blocks in the model); the rest queue; then the model is freed."""
    out: dict[int, object] = {}

    def work(i: int, texts: tuple[str, ...], r: TextRole) -> None:
        try:
            out[i] = batcher.embed(list(texts), role=r)
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            out[i] = exc

    first = threading.Thread(target=work, args=(0, calls[0], role))
    first.start()
    assert gated.entered.wait(30)
    rest = [threading.Thread(target=work, args=(i, c, role)) for i, c in enumerate(calls) if i]
    for t in rest:
        t.start()
    while batcher.calls < len(calls):  # every caller has queued (counted under the lock)
        threading.Event().wait(0.001)
    gated.release.set()
    for t in (first, *rest):
        t.join(30)
    return out


def test_queued_calls_share_one_model_run_and_get_their_own_vectors(minilm: OnnxMiniLMEmbedder) -> None:
    gated = Gated(minilm)
    batcher = MicroBatcher(gated)
    calls = [("the dentist is on friday",), ("alice moved to lisbon", "bob plays guitar"),
             ("a marathon in tokyo",), ("coffee with my sister",)]
    out = _queue_behind_first(batcher, gated, calls)
    assert len(gated.batches) == 2  # the first call alone, then the three queued as one
    assert sorted(gated.batches[1]) == sorted(t for c in calls[1:] for t in c)
    for i, texts in enumerate(calls):
        got = out[i]
        assert isinstance(got, np.ndarray) and got.shape == (len(texts), minilm.dim)
        np.testing.assert_allclose(got, minilm.embed(list(texts)), atol=1e-5)


def test_a_model_error_reaches_every_caller_of_that_batch_only() -> None:
    gated = Gated(HashingEmbedder(), fail_on="bad")
    batcher = MicroBatcher(gated)
    out = _queue_behind_first(batcher, gated, [("fine",), ("bad",), ("also queued",)])
    assert isinstance(out[0], np.ndarray)
    assert isinstance(out[1], RuntimeError) and isinstance(out[2], RuntimeError)
    assert batcher.embed(["later"]).shape == (1, HashingEmbedder().dim)  # the queue is not stuck


def test_roles_are_never_mixed_in_one_run() -> None:
    gated = Gated(HashingEmbedder())
    batcher = MicroBatcher(gated)
    out: dict[int, object] = {}
    first = threading.Thread(target=lambda: out.update({0: batcher.embed(["head"])}))
    first.start()
    assert gated.entered.wait(30)
    threads = [threading.Thread(target=lambda i=i, r=r: out.update({i: batcher.embed([f"t{i}"], role=r)}))
               for i, r in ((1, "query"), (2, "passage"), (3, "query"))]
    for t in threads:
        t.start()
    while batcher.calls < 4:
        threading.Event().wait(0.001)
    gated.release.set()
    for t in (first, *threads):
        t.join(30)
    assert gated.batches[1:] == [["t1", "t3"], ["t2"]]  # the queries together, the passage after
    inner = HashingEmbedder()
    np.testing.assert_allclose(out[1], inner.embed(["t1"], role="query"))  # type: ignore[arg-type]


def test_a_lone_call_runs_at_once_and_big_calls_go_straight_through() -> None:
    inner = HashingEmbedder()
    batcher = MicroBatcher(inner, max_batch=4)
    np.testing.assert_allclose(batcher.embed(["one"]), inner.embed(["one"]))
    assert (batcher.calls, batcher.runs) == (1, 1)
    batcher.embed([f"t{i}" for i in range(4)])
    assert batcher.calls == 1  # not queued
    assert batcher.embed([]).shape[0] == 0
