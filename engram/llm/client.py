"""One small client for OpenAI-compatible chat servers (OpenAI, vLLM, Ollama, LM Studio...).

Engram never *needs* an LLM: every lifecycle step has a heuristic default. When one is
configured (``ENGRAM_LLM_BASE_URL``), extraction, update decisions and summaries can use
it. The contract here is deliberately narrow, because model output is untrusted input:

* ``POST {base_url}/chat/completions`` with JSON mode (``response_format``) where the
  server supports it; servers that reject JSON mode are asked again without it.
* Transient failures (429, 5xx, timeouts, connection errors) are retried with
  exponential backoff, honouring ``Retry-After``.
* :meth:`LLMClient.json` validates the reply against a pydantic model. A malformed reply
  is retried once; a second malformed reply returns ``None`` and logs a warning that
  names the task and the problem, never the prompt or the reply (personal data).
  Callers treat ``None`` as "skip", so a misbehaving model can never corrupt the store.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from engram.errors import LLMError
from engram.http import HTTPBackend, Unreachable

logger = logging.getLogger(__name__)

_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)
M = TypeVar("M", bound=BaseModel)


class LLMClient(HTTPBackend):
    """Chat completions against an OpenAI-compatible server.

    ``base_url`` is the API root, e.g. ``http://localhost:11434/v1``; a bare
    ``http://host:port`` gets ``/v1`` appended.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        max_retries: int = 2,
        backoff: float = 0.5,
        temperature: float = 0.0,
        json_mode: bool = True,
        client: httpx.Client | None = None,
    ) -> None:
        if not base_url:
            raise LLMError("an LLM base_url is required, e.g. http://localhost:11434/v1 "
                           "(set ENGRAM_LLM_BASE_URL)")
        url = base_url.rstrip("/")
        if httpx.URL(url).path in ("", "/"):
            url += "/v1"
        super().__init__(api_key=api_key, timeout=timeout, max_retries=max_retries,
                         backoff=backoff, client=client)
        self.base_url = url
        self.model = model
        self.temperature = temperature
        self.json_mode = json_mode

    # -- transport ------------------------------------------------------------
    def chat(self, messages: Sequence[dict[str, str]], *, json_reply: bool = False) -> str:
        """The assistant's reply text. Raises :class:`LLMError` after retries run out."""
        body: dict[str, Any] = {"model": self.model, "messages": list(messages),
                                "temperature": self.temperature}
        if json_reply and self.json_mode:
            body["response_format"] = {"type": "json_object"}
        reply = self._post(body)
        if reply.status_code == 400 and "response_format" in body:
            # Some servers (older vLLM/llama.cpp builds) reject JSON mode: ask plainly.
            logger.info("LLM server rejected JSON mode; retrying without response_format")
            self.json_mode = False
            body.pop("response_format")
            reply = self._post(body)
        if reply.status_code >= 400:
            raise LLMError(f"LLM server {self.base_url} answered HTTP {reply.status_code}; "
                           "check ENGRAM_LLM_BASE_URL, ENGRAM_LLM_MODEL and ENGRAM_LLM_API_KEY")
        try:
            content = reply.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise LLMError(f"LLM server {self.base_url} sent a reply that is not an "
                           "OpenAI chat completion; check that it is OpenAI-compatible") from None
        return content if isinstance(content, str) else ""

    def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            return self._send(f"{self.base_url}/chat/completions", body, "LLM")
        except Unreachable as exc:
            raise LLMError(f"cannot reach the LLM server at {self.base_url} ({exc.reason}); "
                           "is it running?") from None

    # -- structured replies -----------------------------------------------------
    def json(self, messages: Sequence[dict[str, str]], model: type[M], *, task: str) -> M | None:
        """The reply parsed and validated as ``model``; ``None`` after two bad replies.

        Transport errors propagate as :class:`LLMError`; only *content* problems
        (not JSON, wrong shape) are retried here and then skipped.
        """
        for attempt in (1, 2):
            text = self.chat(messages, json_reply=True)
            try:
                return model.model_validate(parse_json(text))
            except (ValueError, ValidationError) as exc:
                problem = _describe(exc)
                if attempt == 1:
                    logger.info("LLM %s reply was malformed (%s); asking again", task, problem)
                    continue
                logger.warning("LLM %s reply was malformed twice (%s); skipping it", task, problem)
        return None


def parse_json(text: str) -> Any:
    """JSON from a model reply, tolerating a Markdown code fence around it."""
    match = _FENCE.match(text)
    return json.loads(match.group(1) if match else text)


def _describe(exc: Exception) -> str:
    """A content-free description of why a reply was rejected."""
    if isinstance(exc, ValidationError):
        fields = sorted({".".join(str(p) for p in err["loc"]) or "<root>" for err in exc.errors()})
        return f"{exc.error_count()} schema error(s) at {', '.join(fields[:5])}"
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON at position {exc.pos}"
    return type(exc).__name__


__all__ = ["LLMClient", "LLMError", "parse_json"]  # LLMError lives in engram.errors
