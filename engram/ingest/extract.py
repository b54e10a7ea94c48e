"""Fact extraction: turn a stored round into candidate ``kind=fact`` memories.

Raw rounds are the right unit to *retrieve* (LongMemEval), but not to *update*: "I moved
to Porto" cannot replace "I live in Lisbon" unless both are known to fill the same slot.
Like mem0 and Zep, Engram therefore derives small facts from each round and gives each a
structured slot ``(subject, attribute, value)`` that :mod:`engram.lifecycle.updates`
uses to decide ADD / UPDATE / DELETE / NOOP.

Two extractors share the :class:`Extractor` protocol:

* :class:`HeuristicExtractor` (default, no model): first-person statement patterns
  ("I live in ...", "my favorite X is ...", "I don't ... anymore"), dates from the
  round's time expressions (:mod:`engram.ingest.keys`).
* :class:`LLMExtractor`: the ``extract_facts`` prompt through :class:`engram.llm.LLMClient`;
  replies are validated with pydantic, malformed ones retried once and then skipped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date as Date
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from engram.ingest.fact_rules import ALIASES, EVENT, RULES, SLOT_WORDS, VAGUE, Rule
from engram.ingest.keys import _dates
from engram.ingest.sentences import split_sentences
from engram.llm import LLMClient, LLMError, render
from engram.model import MemoryItem

logger = logging.getLogger(__name__)
_I = re.IGNORECASE
MAX_FACTS = 12  # per round: more is a sign of a runaway model or a pasted document
MAX_TURN_CHARS = 4000  # facts come from what a user says, not from a pasted document
NON_SPEAKERS = frozenset({"assistant", "system", "ai", "bot", "tool", "model"})


class Fact(BaseModel):
    """One candidate fact. ``cardinality="one"`` slots hold a single current value
    (location, employer): a new value supersedes the old. ``"many"`` slots accumulate."""

    model_config = ConfigDict(extra="ignore")

    subject: str = "user"
    attribute: str = Field(min_length=1, max_length=64)
    value: str = Field(default="", max_length=200)  # "" only in a negation: the whole slot closes
    statement: str = Field(min_length=3, max_length=500)
    cardinality: Literal["one", "many"] = "one"
    negated: bool = False
    date: Date | None = None
    # "subject:attribute|value" of another fact this one is stated through ("works as an
    # analyst at Acme" depends on "user:employer|acme"): it ends when that value ends
    depends_on: str | None = None

    @field_validator("subject", "attribute")
    @classmethod
    def _slot_name(cls, value: str) -> str:
        return re.sub(r"[^a-z0-9_:]+", "_", value.strip().lower()).strip("_") or "user"

    @field_validator("value", "statement")
    @classmethod
    def _text(cls, value: str) -> str:
        return " ".join(value.split())

    @model_validator(mode="after")
    def _value_or_closing(self) -> Fact:
        if not self.value and not self.negated:
            raise ValueError("a fact needs a value unless it is a negation that closes the slot")
        return self

    @property
    def slot(self) -> str:
        return f"{self.subject}:{self.attribute}"


class FactList(BaseModel):
    facts: list[Fact] = Field(default_factory=list)


class Extractor(Protocol):
    def extract(self, item: MemoryItem) -> list[Fact]:
        """Facts stated in ``item`` (never raises on content; may return [])."""
        ...


def norm_value(value: str) -> str:
    """Comparison form of a slot value: lowercase, no articles or punctuation."""
    value = re.sub(r"[^\w\s'-]+", " ", value.lower())
    value = re.sub(r"^(?:a|an|the|my|our)\s+", "", value.strip())
    return " ".join(value.split())


def turn_lines(item: MemoryItem) -> list[tuple[str, str]]:
    """``(speaker, text)`` pairs of the round's turns, found where a speaker that
    ``item.role`` names (``a+b``) opens a line. Plain text (no role) is one statement
    by the user."""
    if not item.role:
        return [("user", item.content)]
    names = [n for n in item.role.split("+") if n]
    pattern = re.compile(r"^(" + "|".join(re.escape(n) for n in names) + r"):\s?", re.MULTILINE)
    marks = list(pattern.finditer(item.content))
    ends = [m.start() for m in marks[1:]] + [len(item.content)]
    return [(mark.group(1), item.content[mark.end():end].strip()) for mark, end in zip(marks, ends)]


def speaker_lines(item: MemoryItem) -> list[tuple[str, str]]:
    """``(speaker, text)`` pairs of the round's non-assistant turns (:func:`turn_lines`)."""
    return [(speaker, text) for speaker, text in turn_lines(item) if speaker.lower() not in NON_SPEAKERS]


_ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:St|Inc|Co|Corp|Ltd|Jr|Sr|Bros|Ave|Rd|Mt|Ft|No)\.)$")


_THIRD_PERSON = [(re.compile(rf"\b{w}\b", _I), r) for w, r in (
    ("my", "their"), ("our", "their"), ("me", "them"), ("us", "them"), ("myself", "themselves"))]


def _clean_text(raw: str | None) -> str:
    """A captured span as a statement shows it: trimmed, a closing abbreviation's period
    kept ("Washington, D.C.", "Acme Inc."), in the third person ("my" → "their")."""
    text = " ".join((raw or "").split()).strip(" '’-,")
    while text.endswith(".") and not _ABBREVIATION.search(text):
        text = text[:-1].rstrip()
    for pattern, repl in _THIRD_PERSON:
        text = pattern.sub(repl, text)
    return text


def _clean_value(raw: str | None) -> str:
    """A captured span as a slot value: as :func:`_clean_text`, without a leading article
    or possessive, at most ten words."""
    words = _clean_text(raw).split()
    while words and words[0].lower() in ("the", "their"):
        words = words[1:]
    return " ".join(words[:10])


def _with_abbreviation(m: re.Match[str], group: str) -> str | None:
    """Group ``group`` of ``m``, with the period that follows it when the two make an
    abbreviation: a value ends before the sentence's final period, which for "Acme Corp."
    or "D.C." belongs to the name."""
    value, end = m.group(group), m.end(group)
    if value and m.string[end:end + 1] == "." and _ABBREVIATION.search(value + "."):
        return value + "."
    return value


def _first_person(sentence: str, who: str) -> str:
    for pattern, repl in _FIRST_PERSON:
        sentence = pattern.sub(repl.format(s=who), sentence)
    return sentence[0].upper() + sentence[1:]


_FIRST_PERSON = [(re.compile(r"\bI(?:'m|’m)\b"), "{s} is"), (re.compile(r"\bI(?:'ve|’ve)\b"), "{s} has"),
                 (re.compile(r"\bI\b"), "{s}"), (re.compile(r"\bmy\b", _I), "{s}'s"),
                 (re.compile(r"\bme\b", _I), "{s}")]


_ASKED = re.compile(r"\b(?:do|did|does|am|can|could|should|would|will|shall|have|was|were|if)\s+$", _I)


_ANCHOR = re.compile(r"\b(?:I|we|my|our)\b", _I)


class HeuristicExtractor:
    """Pattern-based extraction of first-person facts (no model). Each turn is split into
    sentences first (:func:`~engram.ingest.sentences.split_sentences`), so a value runs to
    its clause's end and is never cut at "St." or "72.5". ``dates=False`` skips time
    expressions and ``splitter`` replaces the segmenter (slot detection needs neither)."""

    def __init__(self, *, splitter: Callable[[str], list[str]] = split_sentences, dates: bool = True) -> None:
        self.splitter = splitter
        self.dates = dates

    def extract(self, item: MemoryItem) -> list[Fact]:
        facts: dict[tuple[str, str, bool], Fact] = {}
        for speaker, text in speaker_lines(item):
            subject = "user" if speaker.lower() in ("user", "human") else speaker.lower()
            try:
                for sentence in self.splitter(text[:MAX_TURN_CHARS]):
                    for fact in self._from_sentence(sentence, subject, item):
                        facts.setdefault((fact.slot, norm_value(fact.value), fact.negated), fact)
            except Exception:  # a heuristic must never break ingestion
                logger.debug("heuristic extraction failed on one turn", exc_info=True)
        return list(facts.values())[:MAX_FACTS]

    def _from_sentence(self, text: str, subject: str, item: MemoryItem) -> list[Fact]:
        out: list[Fact] = []
        taken: list[tuple[int, int]] = []
        who = "The user" if subject == "user" else subject.title()
        anchors = [a.start() for a in _ANCHOR.finditer(text)]  # every rule opens on one of these
        for rule in RULES:
            for m in filter(None, (rule.pattern.match(text, a) for a in anchors)):
                if any(s <= m.start() < e for s, e in taken) or \
                        _ASKED.search(text, max(0, m.start() - 8), m.start()):
                    continue  # already read by an earlier (negation) rule, or asked ("do I ...?")
                found = self._outs(rule, m, subject, who)
                if found:
                    out += found
                    taken.append((m.start(), m.end()))
        events = [m for m in EVENT.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
        if not out and not events:
            return out
        # time expressions are parsed only where a fact was found
        when = _first_date(text, item) if self.dates else None
        for fact in out:
            fact.date = when
        for m in events if when is not None else []:  # an event is a fact only when it says when
            sentence = _first_person(m.group(0).strip(), "the user" if subject == "user" else who)
            out.append(Fact(subject=subject, attribute="event", value=sentence.rstrip(".!?")[:200],
                            statement=sentence.rstrip(".!") + ".", cardinality="many", date=when))
        return out

    @staticmethod
    def _outs(rule: Rule, m: re.Match[str], subject: str, who: str) -> list[Fact]:
        raw = {k: _with_abbreviation(m, k) for k in m.groupdict()}
        groups = {k: _clean_value(v) for k, v in raw.items()}
        texts = {k: _clean_text(v) for k, v in raw.items()}
        key = " ".join(groups.get("k", "").lower().split())
        if key and (set(key.split()) & SLOT_WORDS):
            return []
        out: list[Fact] = []
        done: set[str] = set()
        for o in rule.outs:
            attribute = ALIASES.get(key, key.replace(" ", "_")) if o.attribute == "{k}" else \
                o.attribute.replace("{k}", key.replace(" ", "_"))
            value = " ".join(o.value.format(**groups).split()) if o.value else groups.get(o.group, "")
            if attribute in done or (o.group and not groups.get(o.group)):
                if o.optional or attribute in done:
                    continue
                return []  # a required value is missing: the rule did not really match
            if value and not o.negated and (value.split()[0].lower() in VAGUE or
                                            (o.cardinality == "many" and len(value) < 3) or
                                            (attribute == "plan" and len(value.split()) < 2)):
                return []  # "I like those suggestions", "I plan to spend": nothing durable
            if o.attribute == "{k}" and attribute not in ALIASES.values() and \
                    not (value[0].isupper() or value[0].isdigit() or value[0] in "$€£"):
                return []  # "my brother is obsessed": only names, numbers and dates fill a slot
            statement = " ".join(o.statement.format(s=who, **texts).split()).replace("..", ".")
            depends = f"{subject}:{o.depends[0]}|{norm_value(groups[o.depends[1]])}" \
                if o.depends and groups.get(o.depends[1]) else None
            out.append(Fact(subject=subject, attribute=attribute, value=value, statement=statement,
                            cardinality=o.cardinality, negated=o.negated, depends_on=depends))
            done.add(attribute)
        return out


def _first_date(text: str, item: MemoryItem) -> Date | None:
    for found in _dates(text, item.event_time):
        if len(found) == 10:
            return Date.fromisoformat(found)
    return None


class LLMExtractor:
    """Facts via the ``extract_facts`` prompt. A transport failure or two malformed
    replies yield no facts for that round (logged without content); the round itself
    is already stored, so nothing is lost."""

    def __init__(self, client: LLMClient) -> None:
        self.client = client

    def extract(self, item: MemoryItem) -> list[Fact]:
        when = (item.event_time or item.created_at).date().isoformat()
        prompt = render("extract_facts", date=when, text=item.content)
        try:
            reply = self.client.json([{"role": "user", "content": prompt}], FactList, task="extraction")
        except LLMError as exc:
            logger.warning("LLM extraction skipped for one round: %s", exc)
            return []
        return [] if reply is None else reply.facts[:MAX_FACTS]


def make_extractor(name: str, client: LLMClient | None) -> Extractor:
    """``heuristic``, ``llm`` or ``auto`` (the LLM when a client is configured)."""
    from engram.errors import ConfigError

    builders: dict[str, Callable[[], Extractor]] = {"heuristic": HeuristicExtractor}
    if client is not None:
        builders["llm"] = lambda: LLMExtractor(client)
    if name == "auto":
        name = "llm" if client is not None else "heuristic"
    if name not in builders:
        hint = " (set ENGRAM_LLM_BASE_URL to use the LLM)" if name == "llm" else ""
        raise ConfigError(f"unknown extractor {name!r}; choose from {sorted(builders)}{hint}")
    return builders[name]()
