"""Memory-poisoning guard: an ingest enricher that marks content trying to steer the agent.

A long-term memory is an attack surface that plain prompt-injection filters miss:
text stored today is replayed into the prompt weeks later, out of context, and
looks like the agent's own knowledge. A-MemGuard (Wei et al., 2025) and the
MINJA / AgentPoison attacks show that a handful of poisoned records can hijack
later sessions. This guard is the cheap first line from that work: it scores
every new item on lexical and structural signals of an *instruction aimed at the
agent* rather than a fact about the world, and on provenance.

Signals (each a named reason with a weight; scores combine as ``1 - prod(1 - w)``):

* overrides: "ignore previous instructions", "you are now ...", "new system prompt";
* role / chat-template markers smuggled into content (``<|im_start|>system``, ``[INST]``);
* tool-call injection (``<tool_call>``, function-call JSON, "run this command");
* hidden text: zero-width or Unicode tag characters, HTML comments, base64 blobs
  that decode to instructions;
* secrecy and persistence triggers ("don't tell the user", "in every future answer");
* exfiltration: URLs with template placeholders, "send the conversation to ...";
* provenance: a ``provenance.source`` outside ``trusted_sources`` (when configured).

What happens to a flagged item is policy (``Settings.guard_mode``): ``flag`` marks it,
``downweight`` also lowers its importance, ``quarantine`` archives it (hidden from
default search, still listable with ``statuses=["archived"]``). Every mode writes
``metadata["guard"] = {"flagged": true, "reasons": [...], "score": x}`` and the tag
``suspicious``, so search results carry the warning to the agent.

It is a heuristic, not a proof: it raises the attacker's cost and makes poisoning
visible and auditable. Measured rates are in ``benchmarks/reliability.md``.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from engram.errors import ConfigError
from engram.model import MemoryItem, MemoryStatus

GuardMode = Literal["flag", "downweight", "quarantine"]
MODES: tuple[str, ...] = ("flag", "downweight", "quarantine")
SUSPICIOUS_TAG = "suspicious"
QUARANTINE_TAG = "quarantined"

_F = re.IGNORECASE | re.DOTALL
_AGENT = r"(?:you|the (?:assistant|agent|ai|model|bot)|assistant|agent|ai|chatgpt|claude|llm)"

#: (reason, weight, pattern) — weights are rough log-odds from the probe set.
RULES: list[tuple[str, float, re.Pattern[str]]] = [
    ("override_instructions", 0.9, re.compile(
        r"\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}?\b(?:previous|prior|above|"
        r"earlier|preceding|original|initial|system|developer|all|any|your)\b[^.\n]{0,20}?\b(?:"
        r"instructions?|prompts?|rules|directives?|guidelines|guardrails|context|policies|polic"
        r"y|safety|restrictions)\b", _F)),
    ("role_reassignment", 0.8, re.compile(
        r"\b(?:you are now (?:an? |in |the )?(?:DAN\b|unrestricted|unfiltered|jailbroken|evil|"
        r"different|new|ai|assistant|agent|bot|model|admin|developer|god)|from now on,? (?:you|"
        + _AGENT + r")\b[^.\n]{0,20}\b(?:will|must|shall|should|are|have to|never|always)\b|"
        r"act as (?:an? )?(?:unrestricted|jailbroken|evil|unfiltered)|pretend (?:to be|you are) "
        r"(?:an? )?(?:unrestricted|different|new)|enter (?:developer|god|dan|debug) mode|"
        r"\bDAN\b mode)", re.DOTALL | re.IGNORECASE)),
    ("new_instructions", 0.8, re.compile(
        r"\b(?:new|updated|real|actual|hidden|secret|important) (?:system )?(?:instructions?|"
        r"directives?|system prompt|orders)\b\s*[:\-]|\bsystem prompt\s*[:=]|\bsystem override\b"
        r"|\badmin(?:istrator)? (?:override|command|mode)\b", _F)),
    ("chat_template_marker", 0.85, re.compile(
        r"<\|(?:im_start|im_end|system|assistant|user|endoftext|eot_id|start_header_id)\|>|"
        r"\[/?INST\]|<</?SYS>>|</?(?:system|instructions?|admin)>|^\s*#{2,}\s*(?:system|"
        r"instruction)s?\b|\[system\]\(#", _F | re.MULTILINE)),
    ("tool_call_injection", 0.85, re.compile(
        r"</?tool_call>|</?function_calls?>|\"(?:function_call|tool_calls?)\"\s*:|"
        r"\{\s*\"name\"\s*:\s*\"[\w.\-]+\"\s*,\s*\"(?:arguments|parameters)\"\s*:|"
        r"\b(?:call|invoke|use|trigger|execute|run)\b (?:the |your )?[`'\"]?[\w.\-]+[`'\"]? "
        r"(?:tool|function|plugin|api) (?:with|to|and)\b|"
        r"\b(?:execute|run) (?:the following|this) (?:command|code|script|shell)|"
        r"\b(?:rm -rf|curl [^\n|]*\|\s*(?:ba)?sh|wget [^\n|]*\|\s*(?:ba)?sh|os\.system\(|"
        r"subprocess\.)", _F)),
    ("secrecy", 0.75, re.compile(
        r"\b(?:do not|don't|never|without) (?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|"
        r"reveal(?:ing)?|notify(?:ing)?|alert(?:ing)?|let(?:ting)?) (?:the |this )?(?:user|human|"
        r"owner|anyone|them)\b[^.\n]{0,30}|\b(?:never|do not|don't) (?:mention|say|reveal|disclose)"
        r"\b[^.\n]{0,15}\bto (?:the )?(?:user|human|owner|anyone)\b|\b(?:secretly|covertly|silently|quietly) (?:send|"
        r"forward|add|include|change|insert|transfer|upload|email|copy|record)", _F)),
    ("persistent_trigger", 0.6, re.compile(
        r"\b(?:in (?:every|all) (?:future|subsequent) (?:responses?|answers?|replies|"
        r"conversations?|sessions?)|\b(?:recommend|say|mention|include|add|append|promote|insert|"
        r"claim)\b[^.\n]{0,60}\bin (?:every|all|each) (?:responses?|answers?|replies)\b|for all future (?:users|conversations|sessions|queries)|"
        r"whenever (?:anyone|any user|someone|a user|users) (?:asks?|mentions?|says?)|"
        r"when(?:ever)? (?:asked|the user asks) about [^,.\n]{1,40}, (?:always )?(?:say|answer|"
        r"respond|reply|recommend|tell|claim))", _F)),
    ("prompt_extraction", 0.8, re.compile(
        r"\b(?:reveal|print|output|repeat|show|leak|dump|display)\b[^.\n]{0,25}\b(?:your|the)\b"
        r"[^.\n]{0,15}\b(?:system prompt|initial prompt|hidden instructions|instructions above|"
        r"api keys?|secrets?|credentials|passwords?)", _F)),
    ("exfiltration_request", 0.85, re.compile(
        r"\b(?:send|forward|post|upload|email|leak|exfiltrate|transmit|copy)\b[^.\n]{0,40}\b(?:"
        r"conversation|chat history|chat log|memor(?:y|ies)|transcripts?|passwords?|api keys?|"
        r"credentials|tokens?|secrets?|personal data|user data|(?:the )?user'?s? (?:data|files|"
        r"messages|info))\b[^.\n]{0,40}\b(?:to|at|via)\b[^.\n]{0,10}(?:https?://|\S+@\S+|"
        r"\bwebhook|\bserver|\bendpoint)", _F)),
    ("exfiltration_url", 0.8, re.compile(
        r"https?://[^\s)\"']*[?&][\w\-]+=(?:[^\s&)\"']*(?:\{\{?|\$\{|\$\(|%7B|<)|[^\s&)\"']*(?:"
        r"conversation|history|memory|secret|password|token|apikey|api_key|ssn|email)\b)|"
        r"!\[[^\]]*\]\(https?://[^)\s]*[?&][\w\-]+=[^)\s]*\)", _F)),
]

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\u2062\u2063\u2064\ufeff\u00ad\u180e]")
_TAG_CHARS = re.compile("[\U000e0000-\U000e007f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{4}){6,}(?:[A-Za-z0-9+/]{2}==|"
                     r"[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/=])")
_INSTRUCTION_WORDS = re.compile(
    r"\b(?:ignore|instructions?|system|prompt|assistant|execute|send|reveal|always|never|must|"
    r"you are|override|password|secret|tool)\b", re.IGNORECASE)


@dataclass
class Verdict:
    """The guard's judgement of one text: a score in [0, 1] and the reasons behind it."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, reason: str, weight: float) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)
            self.score = 1.0 - (1.0 - self.score) * (1.0 - weight)


def _hidden(text: str, verdict: Verdict, depth: int) -> None:
    """Look inside the places an attacker hides text from a human reviewer."""
    if _TAG_CHARS.search(text):  # "ASCII smuggling": invisible Unicode tag characters
        verdict.add("hidden_unicode_tags", 0.9)
        smuggled = "".join(chr(ord(c) - 0xE0000) for c in _TAG_CHARS.findall(text))
        _rules(smuggled, verdict, depth + 1)
    if len(_ZERO_WIDTH.findall(text)) >= 2:
        verdict.add("zero_width_characters", 0.55)
        _rules(_ZERO_WIDTH.sub("", text), verdict, depth + 1)
    if _BIDI.search(text):
        verdict.add("bidi_override", 0.4)
    for comment in _HTML_COMMENT.findall(text):
        if _INSTRUCTION_WORDS.search(comment):
            verdict.add("html_comment_instruction", 0.8)
            _rules(comment, verdict, depth + 1)
    for blob in _BASE64.findall(text):
        decoded = _b64_text(blob)
        if decoded and _INSTRUCTION_WORDS.search(decoded):
            verdict.add("base64_instruction", 0.85)
            _rules(decoded, verdict, depth + 1)


def _b64_text(blob: str) -> str | None:
    try:
        raw = base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch.isspace() for ch in text)
    return text if text and printable / len(text) > 0.9 else None


def _rules(text: str, verdict: Verdict, depth: int = 0) -> None:
    if depth > 2 or not text:
        return
    for reason, weight, pattern in RULES:
        if pattern.search(text):
            verdict.add(reason, weight)
    _hidden(text, verdict, depth)


def scan(text: str) -> Verdict:
    """Score one text (no provenance): the pure detection step, handy for tests and tools."""
    verdict = Verdict()
    _rules(text, verdict)
    verdict.score = round(verdict.score, 3)
    return verdict


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@dataclass
class PoisonGuard:
    """The ``guard`` enricher. ``threshold`` is the score at which an item is flagged."""

    mode: str = "flag"
    trusted_sources: Sequence[str] = ()
    threshold: float = 0.5

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown guard_mode {self.mode!r}; choose one of: {', '.join(MODES)}")

    def configure(self, settings: Any) -> None:
        """Take ``guard_mode`` and ``guard_trusted_sources`` from :class:`~engram.config.Settings`."""
        self.mode = getattr(settings, "guard_mode", self.mode)
        self.trusted_sources = list(getattr(settings, "guard_trusted_sources", self.trusted_sources))
        self.__post_init__()

    def judge(self, item: MemoryItem) -> Verdict:
        verdict = Verdict()
        content = item.content
        if item.role and "system" in item.role.split("+"):
            # a genuine system turn being archived: judge only the non-template rules
            content = re.sub(r"^system:\s", "", content)
        _rules(content, verdict)
        for text in _strings({k: v for k, v in item.metadata.items() if k != "guard"}):
            _rules(text, verdict)
        source = item.provenance.source
        if self.trusted_sources and source not in self.trusted_sources:
            verdict.add("untrusted_source", 0.5)
        verdict.score = round(verdict.score, 3)
        return verdict

    def enrich(self, items: Sequence[MemoryItem]) -> list[MemoryItem]:
        return [self._apply(item, self.judge(item)) for item in items]

    def _apply(self, item: MemoryItem, verdict: Verdict) -> MemoryItem:
        metadata = {k: v for k, v in item.metadata.items() if k != "guard"}
        tags = [t for t in item.tags if t != SUSPICIOUS_TAG]
        if verdict.score < self.threshold:
            # clean (again): an update that removed the payload also removes the warning
            return item.model_copy(update={"metadata": metadata, "tags": tags})
        metadata["guard"] = {"flagged": True, "reasons": verdict.reasons, "score": verdict.score,
                             "mode": self.mode}
        update: dict[str, Any] = {"metadata": metadata, "tags": [*tags, SUSPICIOUS_TAG]}
        if self.mode == "downweight":
            update["importance"] = round(item.importance * (1.0 - verdict.score), 4)
        elif self.mode == "quarantine":
            update["status"] = MemoryStatus.ARCHIVED
            if QUARANTINE_TAG not in tags:
                update["tags"].append(QUARANTINE_TAG)
        return item.model_copy(update=update)


__all__ = ["MODES", "QUARANTINE_TAG", "SUSPICIOUS_TAG", "PoisonGuard", "Verdict", "scan"]
