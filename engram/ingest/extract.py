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
from dataclasses import dataclass
from datetime import date as Date
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engram.ingest.keys import _dates
from engram.llm import LLMClient, LLMError, render
from engram.model import MemoryItem

logger = logging.getLogger(__name__)
_I = re.IGNORECASE
MAX_FACTS = 12  # per round: more is a sign of a runaway model or a pasted document
NON_SPEAKERS = frozenset({"assistant", "system", "ai", "bot", "tool", "model"})


class Fact(BaseModel):
    """One candidate fact. ``cardinality="one"`` slots hold a single current value
    (location, employer): a new value supersedes the old. ``"many"`` slots accumulate."""

    model_config = ConfigDict(extra="ignore")

    subject: str = "user"
    attribute: str = Field(min_length=1, max_length=64)
    value: str = Field(min_length=1, max_length=200)
    statement: str = Field(min_length=3, max_length=500)
    cardinality: Literal["one", "many"] = "one"
    negated: bool = False
    date: Date | None = None

    @field_validator("subject", "attribute")
    @classmethod
    def _slot_name(cls, value: str) -> str:
        return re.sub(r"[^a-z0-9_:]+", "_", value.strip().lower()).strip("_") or "user"

    @field_validator("value", "statement")
    @classmethod
    def _text(cls, value: str) -> str:
        return " ".join(value.split())

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


def speaker_lines(item: MemoryItem) -> list[tuple[str, str]]:
    """``(speaker, text)`` pairs of the round's non-assistant turns. Plain text
    (no role) is one statement by the user."""
    if not item.role:
        return [("user", item.content)]
    names = [n for n in item.role.split("+") if n]
    pattern = re.compile(r"^(" + "|".join(re.escape(n) for n in names) + r"):\s?", re.MULTILINE)
    out: list[tuple[str, str]] = []
    marks = list(pattern.finditer(item.content))
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(item.content)
        speaker = mark.group(1)
        if speaker.lower() not in NON_SPEAKERS:
            out.append((speaker, item.content[mark.end():end].strip()))
    return out


# -- heuristic patterns ---------------------------------------------------------------
_VAL = r"(?P<v>[\w'’&. -]{1,60}?)"
_END = r"(?=\s*(?:[,.!?;:()\n]|\s(?:and|but|so|because|since|which|who|if|as|now|anymore|any more|" \
       r"instead|last|next|this|for|with|after|before|ago|yesterday|today|recently|again|over|" \
       r"during|near|in the|these days|full[- ]time|part[- ]time)\b|$))"
_ADV = r"(?:(?:just|recently|finally|actually|now|currently|still|also|really|officially)\s+)*"
_NEG = r"(?:don't|do not|no longer|never|can't|cannot|won't)\s+"


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    attribute: str  # "{k}" is replaced by the named group k
    statement: str
    negated_statement: str
    cardinality: Literal["one", "many"] = "one"
    negated: bool = False


def _rule(regex: str, attribute: str, statement: str, negated_statement: str,
          cardinality: Literal["one", "many"] = "one", negated: bool = False) -> _Rule:
    return _Rule(re.compile(regex, _I), attribute, statement, negated_statement, cardinality, negated)


_LIVE = ("{s} lives in {v}.", "{s} no longer lives in {v}.")
_WORK = ("{s} works at {v}.", "{s} no longer works at {v}.")
_LIKE = ("{s} likes {v}.", "{s} no longer likes {v}.")
_DIET = ("{s} is {v}.", "{s} is no longer {v}.")
_DIETS = r"(?P<v>vegetarian|vegan|pescatarian|gluten[- ]free|lactose[- ]intolerant|keto|paleo)"
RULES: list[_Rule] = [
    # negations first: "I don't live in Lisbon anymore" must not also read as "live in Lisbon"
    _rule(r"\bI\s+" + _ADV + _NEG + r"(?:live|reside)\s+in\s+" + _VAL + _END, "location", *_LIVE,
          negated=True),
    _rule(r"\bI\s+" + _ADV + _NEG + r"work\s+(?:at|for)\s+" + _VAL + _END, "employer", *_WORK, negated=True),
    _rule(r"\bI\s+" + _ADV + r"(?:quit|left)\s+(?:my\s+job\s+at\s+)?" + _VAL + _END, "employer", *_WORK,
          negated=True),
    _rule(r"\bI\s+" + _ADV + _NEG + r"(?:really\s+)?(?:like|love|enjoy|eat|drink)\s+" + _VAL + _END,
          "likes", *_LIKE, cardinality="many", negated=True),
    _rule(r"\bI(?:'m|’m| am)\s+(?:not|no longer)\s+(?:a\s+)?" + _DIETS, "diet", *_DIET, negated=True),
    # positive statements
    _rule(r"\bI\s+" + _ADV + r"(?:live|reside)\s+in\s+" + _VAL + _END, "location", *_LIVE),
    _rule(r"\bI(?:'m|’m| am|'ve been|’ve been| have been)\s+" + _ADV + r"(?:living|based|staying)\s+in\s+"
          + _VAL + _END, "location", *_LIVE),
    _rule(r"\b(?:I|we)\s+" + _ADV + r"(?:moved|relocated)\s+(?:back\s+)?to\s+" + _VAL + _END, "location", *_LIVE),
    _rule(r"\bI\s*" + _ADV + r"(?:work|am working|'m working|'ve worked|’ve worked|have worked|"
          r"'ve been working|have been working)\s+(?:at|for)\s+" + _VAL + _END, "employer", *_WORK),
    _rule(r"\bI\s+" + _ADV + r"(?:joined|started (?:a new job |working )?at|got a job at|"
          r"accepted an offer from|took a job at)\s+" + _VAL + _END, "employer", *_WORK),
    _rule(r"\bI\s+" + _ADV + r"(?:work as|got promoted to|was promoted to)\s+(?:an?\s+)?" + _VAL + _END,
          "job_title", "{s} works as {v}.", "{s} no longer works as {v}."),
    _rule(r"\bI(?:'m|’m| am)\s+" + _ADV + r"(?:a|an)\s+" + _DIETS, "diet", *_DIET),
    _rule(r"\bI(?:'m|’m| am)\s+" + _ADV + _DIETS + r"\b", "diet", *_DIET),
    _rule(r"\bI\s+" + _ADV + r"(?:went|became|turned)\s+" + _DIETS, "diet", *_DIET),
    _rule(r"\bmy\s+(?:new\s+|current\s+|all[- ]time\s+)?favou?rite\s+(?P<k>[a-z][\w ]{1,30}?)\s+"
          r"(?:is|are)\s+(?:now\s+|still\s+)?" + _VAL + _END,
          "favorite_{k}", "{s}'s favorite {k} is {v}.", "{s}'s favorite {k} is no longer {v}."),
    _rule(r"\bI(?:'m|’m| am)\s+" + _ADV + r"(?:dating|married to|engaged to|seeing|together with)\s+"
          + _VAL + _END, "partner", "{s}'s partner is {v}.", "{s}'s partner is no longer {v}."),
    _rule(r"\bI(?:'m|’m| am)\s+(?P<v>\d{1,3})(?:\s+years?\s+old)?\b", "age",
          "{s} is {v} years old.", "{s} is no longer {v}."),
    _rule(r"\bI\s+(?:just\s+)?turned\s+(?P<v>\d{1,3})\b", "age", "{s} is {v} years old.",
          "{s} is no longer {v}."),
    _rule(r"\bmy\s+(?P<k>(?!favou?rite)[a-z][\w ]{1,24}?)(?:'s|’s)?(?:\s+name)?\s+(?:is|are)\s+"
          r"(?:now\s+|actually\s+|called\s+|named\s+)*" + _VAL + _END,
          "{k}", "{s}'s {k} is {v}.", "{s}'s {k} is no longer {v}."),
    _rule(r"\bI\s+" + _ADV + r"(?:really\s+)?(?:like|love|enjoy|adore)\s+" + _VAL + _END,
          "likes", *_LIKE, cardinality="many"),
    _rule(r"\bI\s+" + _ADV + r"(?:hate|dislike|can't stand|cannot stand)\s+" + _VAL + _END,
          "dislikes", "{s} dislikes {v}.", "{s} no longer dislikes {v}.", cardinality="many"),
    _rule(r"\bI(?:'m|’m| am)?\s+" + _ADV + r"(?:planning|plan|going|intend|hoping|hope)\s+to\s+"
          r"(?P<v>(?!be\b|go\b|have\b|do\b|say\b|ask\b|make\b|get\b)[\w'’ -]{3,60}?)" + _END,
          "plan", "{s} plans to {v}.", "{s} no longer plans to {v}.", cardinality="many"),
    _rule(r"\bI\s+" + _ADV + r"(?:adopted|got|bought|have|own)\s+(?P<v>(?:a|an|two|three)\s+"
          r"(?:dog|cat|puppy|kitten|parrot|rabbit|hamster|horse|car|bike|motorcycle|house|apartment|boat)"
          r"(?:\s+(?:named|called)\s+[A-Z][\w'-]+)?)", "owns", "{s} has {v}.",
          "{s} no longer has {v}.", cardinality="many"),
]
_SLOT_WORDS = frozenset(["a", "an", "the", "this", "that", "it", "there", "what", "which", "who", "how", "when", "where", "i", "me", "you", "we", "they", "he", "she", "favorite", "favourite"])
_EVENT = re.compile(r"\bI\s+(?:just\s+|finally\s+)?(?:got|graduated|ran|finished|started|visited|"
                    r"celebrated|married|travel(?:l)?ed|went|had|attended|completed|won|passed)\b[^.!?\n]{3,160}", _I)
_FIRST_PERSON = [(re.compile(r"\bI(?:'m|’m)\b"), "{s} is"), (re.compile(r"\bI've\b"), "{s} has"),
                 (re.compile(r"\bI\b"), "{s}"), (re.compile(r"\bmy\b", _I), "{s}'s"),
                 (re.compile(r"\bme\b", _I), "{s}")]


def _clean_value(raw: str) -> str:
    words = raw.strip(" '’-.").split()
    while words and words[0].lower() in ("the", "my"):
        words = words[1:]
    return " ".join(words[:8])


class HeuristicExtractor:
    """Pattern-based extraction of first-person facts (no model, ~0.1 ms a round)."""

    def extract(self, item: MemoryItem) -> list[Fact]:
        facts: dict[tuple[str, str, bool], Fact] = {}
        for speaker, text in speaker_lines(item):
            subject = "user" if speaker.lower() in ("user", "human") else speaker.lower()
            try:
                for fact in self._from_text(text, subject, item):
                    facts.setdefault((fact.slot, norm_value(fact.value), fact.negated), fact)
            except Exception:  # a heuristic must never break ingestion
                logger.debug("heuristic extraction failed on one turn", exc_info=True)
        return list(facts.values())[:MAX_FACTS]

    def _from_text(self, text: str, subject: str, item: MemoryItem) -> list[Fact]:
        out: list[Fact] = []
        taken: list[tuple[int, int]] = []
        who = "The user" if subject == "user" else subject.title()
        for rule in RULES:
            for m in rule.pattern.finditer(text):
                if any(s <= m.start() < e for s, e in taken):
                    continue  # already read by an earlier (negation) rule
                groups = m.groupdict()
                value = _clean_value(groups["v"])
                key = " ".join((groups.get("k") or "").lower().split())
                if not value or (key and (set(key.split()) & _SLOT_WORDS)):
                    continue
                if rule.attribute == "{k}" and not (value[0].isupper() or value[0].isdigit()):
                    continue  # "my brother is obsessed": only names, numbers and dates fill a slot
                template = rule.negated_statement if rule.negated else rule.statement
                out.append(Fact(
                    subject=subject, attribute=rule.attribute.replace("{k}", key.replace(" ", "_")),
                    value=value, statement=template.format(s=who, v=value, k=key),
                    cardinality=rule.cardinality, negated=rule.negated,
                    date=_first_date(m.group(0), item)))
                taken.append((m.start(), m.end()))
        for m in _EVENT.finditer(text):
            when = _first_date(m.group(0), item)
            if when is None or any(s <= m.start() < e for s, e in taken):
                continue  # an event is only a fact when it says when it happened
            sentence = m.group(0).strip()
            for pattern, repl in _FIRST_PERSON:
                sentence = pattern.sub(repl.format(s="the user" if subject == "user" else who), sentence)
            sentence = sentence[0].upper() + sentence[1:]
            out.append(Fact(subject=subject, attribute="event", value=sentence[:200],
                            statement=sentence.rstrip(".") + ".", cardinality="many", date=when))
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
