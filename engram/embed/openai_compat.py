"""Embeddings from any OpenAI-compatible server (OpenAI, vLLM, Ollama, LM Studio, TEI...).

Speaks ``POST {base_url}/embeddings`` with ``{"model": ..., "input": [...]}``.
Error messages name the server, status and what to check, never the input text
(it is personal data).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import httpx
import numpy as np

from engram.embed.base import TextRole
from engram.errors import ConfigError, EmbedderError
from engram.http import RETRY_STATUS, HTTPBackend, Unreachable

logger = logging.getLogger(__name__)



class OpenAIEmbedder(HTTPBackend):
    """Client for an OpenAI-compatible embeddings endpoint.

    ``dim`` is discovered from the first reply when not given; every later
    reply must match it. Vectors are L2-normalized here because not every
    server normalizes. Transient failures (429, 5xx, connection errors) are
    retried up to ``max_retries`` times with exponential backoff, honouring
    ``Retry-After`` when the server sends it.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        dim: int | None = None,
        timeout: float = 30,
        batch_size: int = 64,
        *,
        max_retries: int = 3,
        backoff: float = 0.5,
        client: httpx.Client | None = None,
    ) -> None:
        if not base_url:
            raise ConfigError("the openai embedder needs base_url, e.g. http://localhost:8000/v1 "
                              "(ENGRAM_EMBEDDER_OPTIONS='{\"base_url\": ...}')")
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, not {batch_size}")
        super().__init__(api_key=api_key, timeout=timeout, max_retries=max_retries,
                         backoff=backoff, client=client)
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.batch_size = batch_size
        self._dim = dim

    @property
    def model_id(self) -> str:
        return f"openai:{self.model}"

    @property
    def dim(self) -> int:
        """The vector size; probes the server with one tiny request if not yet known."""
        if self._dim is None:
            self.embed(["dimension probe"])
        assert self._dim is not None
        return self._dim

    def embed(self, texts: Sequence[str], *, role: TextRole = "passage") -> np.ndarray:
        """Return ``(len(texts), dim)`` float32 unit rows, in input order."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not a single string")
        if len(texts) == 0:
            return np.zeros((0, self._dim or 0), dtype=np.float32)
        parts = [
            self._embed_batch(list(texts[i : i + self.batch_size]))
            for i in range(0, len(texts), self.batch_size)
        ]
        return np.vstack(parts)

    def _embed_batch(self, batch: list[str]) -> np.ndarray:
        payload = self._post({"model": self.model, "input": batch}, batch)
        vecs = self._parse(payload, len(batch))
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        if np.any(norms == 0) or not np.all(np.isfinite(vecs)):
            raise EmbedderError(
                f"{self.base_url} returned a zero or non-finite vector for model {self.model!r}; "
                "check that the model is an embedding model."
            )
        unit: np.ndarray = (vecs / norms).astype(np.float32)
        return unit

    def _post(self, body: dict[str, Any], batch: list[str]) -> Any:
        url = f"{self.base_url}/embeddings"
        attempts = self.max_retries + 1
        try:
            resp = self._send(url, body, "embedding")
        except Unreachable as exc:
            raise EmbedderError(f"embedding request to {url} failed after {attempts} attempts "
                                f"({exc.reason}); check that the server is up and not overloaded.") from None
        if resp.status_code < 400:
            try:
                return resp.json()
            except ValueError as exc:
                raise EmbedderError(
                    f"{url} replied {resp.status_code} with a body that is not JSON; "
                    "is base_url pointing at an OpenAI-compatible API (it usually ends in /v1)?"
                ) from exc
        last = f"HTTP {resp.status_code}: {_server_message(resp, batch)}"
        if resp.status_code in RETRY_STATUS:
            raise EmbedderError(f"embedding request to {url} failed after {attempts} attempts "
                                f"({last}); check that the server is up and not overloaded.")
        hint = {
            401: "check api_key",
            403: "check api_key and its permissions",
            404: "check base_url (usually ends in /v1) and the model name",
        }.get(resp.status_code, "check the model name and server logs")
        raise EmbedderError(f"embedding request to {url} failed with {last}; {hint}.")

    def _parse(self, payload: Any, expected: int) -> np.ndarray:
        try:
            items = sorted(payload["data"], key=lambda d: d.get("index", 0))
            vecs = np.asarray([d["embedding"] for d in items], dtype=np.float32)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise EmbedderError(
                f"{self.base_url}/embeddings returned a reply without a usable data[].embedding "
                f"list ({type(exc).__name__}); is the server OpenAI-compatible and is "
                f"{self.model!r} an embedding model?"
            ) from exc
        if vecs.ndim != 2 or vecs.shape[0] != expected or vecs.shape[1] == 0:
            raise EmbedderError(
                f"{self.base_url}/embeddings returned {vecs.shape[0] if vecs.ndim else 0} vectors "
                f"of shape {vecs.shape[1:]} for {expected} inputs; the server reply is malformed."
            )
        if self._dim is None:
            self._dim = int(vecs.shape[1])
        elif vecs.shape[1] != self._dim:
            raise EmbedderError(
                f"{self.base_url} returned {vecs.shape[1]}-d vectors but {self._dim} were expected; "
                "set dim= to the model's size or pick the matching model."
            )
        return vecs


def _server_message(resp: httpx.Response, batch: list[str]) -> str:
    """A short error description from the server, withheld if it quotes any input text."""
    try:
        err = resp.json().get("error")
        msg = str((err.get("message") if isinstance(err, dict) else err) or "")
    except Exception:
        msg = ""
    if not msg:
        return resp.reason_phrase
    if any(t.strip() and t.strip()[:24] in msg for t in batch):
        return f"{resp.reason_phrase} (server message withheld: it quotes the input)"
    return msg[:200]

