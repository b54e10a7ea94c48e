"""Optional LLM support: one OpenAI-compatible chat client and prompts as data files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engram.errors import LLMError
from engram.llm.client import LLMClient, parse_json
from engram.llm.prompts import load_prompt, render

if TYPE_CHECKING:
    from engram.config import Settings


def make_llm(settings: Settings) -> LLMClient | None:
    """The configured client, or ``None`` when no ``llm_base_url`` is set."""
    if not settings.llm_base_url:
        return None
    return LLMClient(settings.llm_base_url, settings.llm_model, settings.llm_api_key,
                     timeout=settings.llm_timeout_s)


__all__ = ["LLMClient", "LLMError", "load_prompt", "make_llm", "parse_json", "render"]
