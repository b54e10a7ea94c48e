"""The guard's second opinions that do not read the scope: a confirmed lesson, and an LLM
judge when one is configured.

*Lesson* (guard_lesson_store.py): the same memory with the same text takes a person's
verdict as given; a near-duplicate of a malicious lesson is flagged; a near-duplicate of
a benign one is cleared only when its own signals are weak.

*LLM judge* (``Settings.guard_judge``: ``auto`` uses the configured ``llm_base_url``,
``heuristic`` never calls one, ``llm`` requires one): it sees the item and the scope's
related memories (``engram/data/prompts/guard_judge.md``, A-MemGuard's "consensus" with a
model doing the reasoning) and answers benign or malicious. Since the model reads the
attacker's text, it may raise any verdict but lower only a weak one; a failed or
malformed answer leaves the heuristic verdict in place.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from engram.config import Settings
from engram.errors import ConfigError, LLMError
from engram.ingest.guard_consensus import lowered
from engram.ingest.guard_lesson_store import Lesson
from engram.ingest.guard_verdict import Verdict

if TYPE_CHECKING:
    from engram.llm.client import LLMClient

log = logging.getLogger(__name__)

MALICIOUS_LESSON_WEIGHT = 0.9
LLM_WEIGHT = 0.9
MAX_RELATED = 8


def apply_lesson(verdict: Verdict, lesson: Lesson) -> None:
    """Fold the nearest lesson into ``verdict`` (see module docs)."""
    if lesson.exact:
        verdict.lesson = lesson.verdict
        if lesson.verdict == "malicious":
            verdict.add("confirmed_malicious", 1.0)
        else:
            verdict.lower("confirmed_benign", 0.0)
    elif lesson.verdict == "malicious":
        verdict.add("matches_malicious_lesson", MALICIOUS_LESSON_WEIGHT)
    elif verdict.weak:
        verdict.lower("matches_benign_lesson", lowered(verdict.score))


class JudgeReply(BaseModel):
    verdict: Literal["benign", "malicious"]
    reason: str = ""


class LLMJudge:
    """Asks an OpenAI-compatible model whether a memory is a poisoning attempt."""

    def __init__(self, llm: LLMClient) -> None:
        self.llm = llm

    def ask(self, text: str, related: list[str]) -> str | None:
        """``"benign"``, ``"malicious"``, or ``None`` when the model gave no usable answer."""
        from engram.llm import render

        listed = "\n".join(f"- {r}" for r in related[:MAX_RELATED]) or "(none)"
        prompt = render("guard_judge", memory=text, related=listed)
        try:
            reply = self.llm.json([{"role": "user", "content": prompt}], JudgeReply,
                                  task="guard judge")
        except LLMError as exc:  # the detector's verdict stands; never log the memory
            log.warning("LLM guard judge unavailable (%s); keeping the heuristic verdict",
                        type(exc).__name__)
            return None
        return reply.verdict if reply is not None else None

    def decide(self, text: str, related: list[str], verdict: Verdict) -> None:
        answer = self.ask(text, related)
        if answer == "malicious":
            verdict.add("llm_judge", LLM_WEIGHT)
        elif answer == "benign" and verdict.weak and verdict.score > 0:
            verdict.lower("llm_judge_benign", lowered(verdict.score))


def make_judge(settings: Settings) -> LLMJudge | None:
    """The LLM judge ``Settings.guard_judge`` asks for, or ``None`` (heuristics decide)."""
    from engram.llm import make_llm

    if settings.guard_judge == "heuristic":
        return None
    llm = make_llm(settings)
    if llm is None and settings.guard_judge == "llm":
        raise ConfigError("guard_judge='llm' needs an LLM: set ENGRAM_LLM_BASE_URL, or choose "
                          "guard_judge='auto' or 'heuristic'")
    return LLMJudge(llm) if llm is not None else None


__all__ = ["JudgeReply", "LLMJudge", "apply_lesson", "make_judge"]
