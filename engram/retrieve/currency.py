"""Currency: the pipeline stage that keeps answers true *now*.

Two signals, each applied once:

* **No longer current.** A memory whose ``valid_to`` has passed or whose status is
  ``superseded`` describes the past. For a question about the present it keeps
  :data:`STALE_WEIGHT` of its score (it sinks below current matches but is never
  zeroed); for a question about the past (:func:`engram.retrieve.analysis.asks_about_past`)
  it is left alone.
* **Current state.** When several strong hits state a value for the same thing (a job,
  a home, a count, a personal best...), a question about the present wants the newest
  one first. Among the head of the ranking, the hits that state a value for what the
  query asks about (:func:`states_rival_value`: a slot, an attribute family, or two content words)
  are re-ordered newest first *inside the positions they already hold*: the set of top-k
  hits never changes, only which of the rival values leads. Questions about the past
  keep the relevance order, so "where did I use to work?" still reaches the old job, and
  one that asks for an earlier state ("before", "used to", "my first") gets the oldest first.
  Restricting the reordering to rivals that restate one subject (embedding cosine) was
  measured on the dev splits and lost the knowledge-update gains
  (benchmarks/results/currency-ablation-2026-12-01.md).
  A rival must be comparably relevant: at least :data:`RIVAL_SHARE` of the leading hit's
  score. Without that bound a newer round that merely named the attribute jumped from tenth
  place to first, which cost LongMemEval dev session R@1 0.913 -> 0.861; with it, 0.909
  (benchmarks/results/currency-ablation-2026-12-02.md). For a quantity question a rival
  must also state a number that is not a date or a clock time (:func:`states_quantity`).
  A value asked in the simple past ("how much did I spend on the car wash?") is that
  event's, so it gets no newest-first ordering: on the dev splits that lifted LongMemEval
  turn R@1 0.511 -> 0.564 with no knowledge-update check moving
  (benchmarks/results/currency-ablation-2026-12-02-past-events.md). Nor does a question
  about the whole history ("summarize…", "over time"), about whether something ever
  happened ("have I ever…"), or about an interval: BEAM dev turn R@1 0.363 -> 0.397.
  A question about someone else ("where does my sister Emily live?") takes rivals that
  name them only, so the user's own new address does not lead.
  With the rival gate (:mod:`engram.retrieve.rival_gate`) a newer rival moves above the top
  rival only when a model fitted on the dev splits admits it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from datetime import datetime

from engram.ingest.keys import STOPWORDS
from engram.ingest.sentences import quick_sentences
from engram.lifecycle.slots import SlotKey, query_slots, slots_of
from engram.model import MemoryItem, MemoryStatus
from engram.retrieve.analysis import EARLIER_STATE_CUE, PAST_CUE, PRESENT_WORDS, QueryAnalysis, shared_words
from engram.retrieve.base import Ranked
from engram.retrieve.timeparse import MONTHS, NUMBERS

STALE_WEIGHT = 0.2
HEAD = 10  # how many top hits the current-state reordering looks at
# What "as relevant" reads once the learned stage has run: the fused score beneath it ("fused",
# what the thresholds here were set on) or its probability ("score"). "score" won the dev
# objective by 0.024 and kept more R@1, but broke six fixed present-vs-past cases of
# tests/retrieve/test_tiny_stores.py and cost update checks (benchmarks/results/ranker-2026-12-03-all3c.md).
RIVALS_BY = "fused"
RIVAL_SCORE = 0.1  # a rival value is at least weakly relevant (fused scores are calibrated 0-1)
RIVAL_COVERAGE = 0.5  # or, sharing no known attribute, holds this share of the query's words
RIVAL_SHARE = 0.5  # ... and scores at least this share of the leading hit (chosen on dev splits)
RIVAL_BY_MEANING = True  # ... or of the leader's dense part (see as_strong)
PAST_EVENTS_UNORDERED = True  # a value asked in the simple past is an event's, not today's (wanted_order)
HISTORY_UNORDERED = True  # history, existence and interval questions get no order (wanted_order)
TENSE_IS_NO_STATE_CUE = True  # "was I" / "were" alone ask for no earlier state (wanted_order)
SUBJECT_MUST_MATCH = True  # a question about someone else: a rival names them (rival_positions)
RIVAL_LOCALITY = "round"  # where a long round states the value: the "round", a "value" sentence, or one "sentence"

# Attributes whose value changes over a life; a query and a memory "state the same
# thing" when they name the same attribute. Word stems, matched at word starts.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "job": ("work", "job", "employ", "career", "hired", "quit", "teach", "profession",
            "position", "role", "company", "office", "boss", "promot"),
    "home": ("live", "lived", "living", "moved", "move", "home", "apartment", "house",
             "flat", "city", "reloca", "neighbo", "rent"),
    "partner": ("partner", "girlfriend", "boyfriend", "wife", "husband", "married", "dating",
                "engaged", "broke up", "relationship", "spouse"),
    "pet": ("dog", "cat", "pet", "puppy", "kitten", "adopt"),
    "count": ("how many", "number of", "times", "count"),
    "price": ("price", "cost", "pay", "paid", "spend", "spent", "budget", "$", "€", "£"),
    "time": ("what time", "schedule", "deadline", "when do", "when does", "personal best",
             "record"),
}
# A question asks for the current value when it says so ("now", "these days"), asks for a
# quantity (counts, durations, prices, scores, deadlines: values that change), or names a
# single-valued slot (where I live, who my partner is). Any present tense ("is", "do I")
# was the old rule: in a long chat about one project it reordered nearly every question
# and displaced the best hit (benchmarks/results/currency-ablation-2026-12-01.md).
_NOW_WORDS = (*PRESENT_WORDS, r"current", r"today", r"still", r"latest", r"most recent", r"recently",
              r"any ?more")
NOW_CUE = re.compile(rf"\b(?:{'|'.join(_NOW_WORDS)})\b", re.IGNORECASE)
QUANTITY = re.compile(
    r"\bhow (?:many|much|long|often|far|old)\b|\bwhat(?:'s| is| are| was)? (?:the |my |our )?"
    r"(?:[\w-]+ ){0,5}?(?:time|percentage|percent|rate|number|count|total|deadline|date|score|"
    r"price|cost|quota|size|amount|budget|average|limit|duration|speed|weight|distance|level|"
    r"version|salary|accuracy|record|best|goal|target)s?\b", re.IGNORECASE)
# ... unless the quantity is an interval between two moments ("how many days between X and Y",
# "how long did it take"): that relates two events, and neither is the value "now".
_INTERVAL = re.compile(
    r"\bbetween\b[^?]*\band\b|\b(?:passed|elapsed)\b|\bhow long did\b|\bdid it take\b|"
    r"\bhow (?:many|much)\b[^?]*\b(?:after|before)\b", re.IGNORECASE)
# ... or a past event's own value ("how much did I spend on the car wash?", "how many bass
# did I catch on that trip?", "how long had I been using the rug when I rearranged the room?"):
# the simple past or past perfect asks what was true then, not for a value that changed since.
# A window that ends now ("in the last three months", "so far") still asks for today's tally.
_PAST_EVENT = re.compile(
    r"\b(?:did|had)\s+(?:i|we)\b|\bwhen (?:i|we) (?:\w+ed|got|went|began|bought|took|met|made|"
    r"left|saw|came|became|first)\b", re.IGNORECASE)
# A question about the whole history or about whether something ever happened wants every
# state in relevance order, not one of them first ("have I ever worked on X before?", "give
# me a summary of how my project developed over time").
_HISTORY = re.compile(r"\b(?:(?:have|has|did) (?:i|we|you) ever|summar(?:y|ize|ise)|over time|over the course of|"
                      r"history of)\b", re.IGNORECASE)
_WINDOW_TO_NOW = re.compile(
    r"\b(?:so far|to date|this (?:week|month|year)|in the last (?:[\w-]+ )?(?:days?|weeks?|months?|years?))\b",
    re.IGNORECASE)


_MONTH = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
# Dates and clock times carry digits but are not the value a quantity question asks for.
DATE_OR_TIME = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?|"
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\s*(?:am|pm)?\b|\b\d{1,2}\s*(?:am|pm)\b",
    re.IGNORECASE)
_NUMBER_WORDS = (*(w for w in NUMBERS if len(w) > 2), "thirteen", "fifteen", "twenty", "thirty",
                 "forty", "fifty", "hundred", "thousand", "dozen", "half")
_NUMBER = re.compile(rf"\d|\b(?:{'|'.join(_NUMBER_WORDS)})\b", re.IGNORECASE)


def states_quantity(text: str) -> bool:
    """Does ``text`` state a number ("3 cats", "twelve", "65%") other than a date or time?"""
    return bool(_NUMBER.search(DATE_OR_TIME.sub(" ", text)))


# A question whose value is itself a moment: a deadline, a date, a time ("when is the webinar
# scheduled?"). Its rivals state dates or times, which states_quantity sets aside.
MOMENT = re.compile(r"\b(?:deadline|due date|date|what time|when (?:is|are|will))\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", re.IGNORECASE)


def asks_for_value(question: str) -> bool:
    """Does ``question`` ask for a value that changes: a quantity or a moment?"""
    return bool(QUANTITY.search(question) or MOMENT.search(question))


def states_value(text: str, question: str) -> bool:
    """Does ``text`` state the kind of value ``question`` asks for: a date or time for a
    question about a moment (:data:`MOMENT`), else a number (:func:`states_quantity`)?"""
    if MOMENT.search(question):
        return bool(DATE_OR_TIME.search(text) or _WEEKDAY.search(text))
    return states_quantity(text)


def is_current(item: MemoryItem, now: datetime) -> bool:
    """The one "no longer current" signal: superseded, or valid only until before now."""
    if item.status == MemoryStatus.SUPERSEDED:
        return False
    return item.valid_to is None or item.valid_to > now


def validity(ranked: list[Ranked], items: Mapping[str, MemoryItem],
             analysis: QueryAnalysis) -> list[Ranked]:
    """Stale memories keep :data:`STALE_WEIGHT` of their score for present questions."""
    if analysis.past:
        return ranked
    for r in ranked:
        item = items.get(r.id)
        if item is not None and not is_current(item, analysis.now):
            r.score *= STALE_WEIGHT
            r.channels = {**r.channels, "stale": STALE_WEIGHT}
    return ranked


def _family(stems: tuple[str, ...]) -> re.Pattern[str]:
    words = [re.escape(s) for s in stems if s[0].isalnum()]
    symbols = [re.escape(s) for s in stems if not s[0].isalnum()]
    parts = ([rf"\b(?:{'|'.join(words)})"] if words else []) + symbols
    return re.compile("|".join(parts))


_FAMILIES = {name: _family(stems) for name, stems in ATTRIBUTES.items()}


@functools.lru_cache(maxsize=2048)
def attribute_of(text: str) -> frozenset[str]:
    """The attribute families a query names (one compiled pattern each), cached."""
    lowered = text.lower()
    return frozenset(name for name, pattern in _FAMILIES.items() if pattern.search(lowered))


def names_any(text: str, families: frozenset[str]) -> bool:
    """Does ``text`` name one of these attribute families? Only the query's families
    are scanned: a hit's text is new query after query, and all families cost ~0.6 ms."""
    lowered = text.lower()
    return any(_FAMILIES[name].search(lowered) for name in families)


def wanted_order(analysis: QueryAnalysis) -> str | None:
    """"newest" for a question that asks for a current value (see :data:`NOW_CUE`),
    "oldest" for one that asks about an earlier state in words ("before", "used to", "my
    first"), None otherwise (a date named alone is the time channel's business). A question
    with facets ("between X and Y", "X or Y?") asks about each of them, not for one
    current value."""
    if analysis.facets:
        return None
    text = analysis.text
    if HISTORY_UNORDERED and _HISTORY.search(text):
        return None
    if analysis.past:
        cue = EARLIER_STATE_CUE if TENSE_IS_NO_STATE_CUE else PAST_CUE
        return "oldest" if cue.search(text) else None
    if NOW_CUE.search(text) or (PAST_EVENTS_UNORDERED and _WINDOW_TO_NOW.search(text)):
        return "newest"
    if PAST_EVENTS_UNORDERED and _PAST_EVENT.search(text):
        return None
    interval = bool(_INTERVAL.search(text))
    if HISTORY_UNORDERED and interval:
        return None
    asks_current = ((asks_for_value(text) and not interval)
                    or query_slots(text))  # the costliest check last
    return "newest" if asks_current else None


def _names_attribute(text: str, wanted: frozenset[str], words: list[str]) -> bool:
    """The query's attribute family, or two (and half) of its content words, in ``text``."""
    if wanted and names_any(text, wanted):
        return True
    hits = shared_words(words, text)  # one shared word ("take") is not the same subject
    return hits >= 2 and hits >= RIVAL_COVERAGE * len(words)


# Which rival positions may be put in time order: (ranked, positions, items, analysis, order)
# -> the positions kept (engram.retrieve.rival_gate.gated supplies the learned one).
Admit = Callable[[list[Ranked], list[int], Mapping[str, MemoryItem], QueryAnalysis, str], list[int]]


def current_state(ranked: list[Ranked], items: Mapping[str, MemoryItem],
                  analysis: QueryAnalysis, admit: Admit | None = None) -> list[Ranked]:
    """Rival values for the query's attribute, newest (or, asked about the past, oldest)
    first within the positions they hold; with ``admit`` (the rival gate,
    :func:`engram.retrieve.rival_gate.gated`) only the rivals it keeps are reordered."""
    order = wanted_order(analysis)
    if order is None or not ranked:
        return ranked
    positions = rival_positions(ranked, items, analysis)
    if admit is not None:
        positions = admit(ranked, positions, items, analysis, order)
    return in_time_order(ranked, positions, items, order)


def rival_positions(ranked: list[Ranked], items: Mapping[str, MemoryItem],
                    analysis: QueryAnalysis) -> list[int]:
    """Positions in the first :data:`HEAD` hits of the strong hits (at least
    :data:`RIVAL_SCORE`, and :data:`RIVAL_SHARE` of the leader) that state a value for what
    the query asks about (:func:`states_rival_value`); for a quantity question, a number too."""
    if not ranked:
        return []
    wanted = attribute_of(analysis.text)
    slots = frozenset(query_slots(analysis.text))
    leader = ranked[0]
    valued = asks_for_value(analysis.text)
    head = [(p, r) for p, r in enumerate(ranked[:HEAD]) if r.id in items]
    subjects = subject_of(analysis.text) if SUBJECT_MUST_MATCH else ()
    naming = {r.id for _, r in head if mentions_any(items[r.id].content, subjects)} if subjects else set()
    # a person named by no hit is the user in the third person ("where does Bob work?"), or unknown
    return [p for p, r in head if as_strong(r, leader)
            and states_rival_value(items[r.id], wanted, analysis, slots, valued)
            and (not naming or r.id in naming)]


# Someone other than the user the question is about: "where does my sister Emily live?",
# "where does Bob work?". A value stated about the user ("I live near 33rd street") is no
# rival for it, however new.
_PEOPLE = (r"sister|brother|siblings?|mom|mum|mother|dad|father|parents?|wife|husband|partner|girlfriend|"
           r"boyfriend|fianc[eé]e?|son|daughter|kids?|children|friend|best friend|boss|manager|colleague|"
           r"co-?worker|neighbou?r|grand(?:ma|pa|mother|father|parents?)|aunt|uncle|cousin|niece|nephew|"
           r"roommate|flatmate|in-laws?")
# the relation is the question's subject ("does my sister…"), owns something ("my boss's car") or
# comes with a name ("my sister Emily"); "who is my partner?" asks for the partner, a value
_OTHER_PERSON = re.compile(
    rf"\b(?:(?:does|do|did|has|have|will|would|can) (?:my|our) (?:\w+ )?({_PEOPLE})(?: ((?-i:[A-Z][a-z]+)))?\b|"
    rf"(?:my|our) (?:\w+ )?"
    rf"({_PEOPLE})(?:'s\b| ((?-i:[A-Z][a-z]+))\b))", re.IGNORECASE)
_NAMED_SUBJECT = re.compile(r"\b(?:does|do|is|did|was|has) ([A-Z][a-z]+)\b")


@functools.lru_cache(maxsize=2048)
def subject_of(question: str) -> tuple[str, ...]:
    """The words naming the person ``question`` asks about when it is not the user
    (a relation as the subject or owner, the name after it, or a name as the subject), else
    ``()``."""
    words: list[str] = []
    for match in _OTHER_PERSON.finditer(question):
        words += [w for w in match.groups() if w]
    words += [m.group(1) for m in _NAMED_SUBJECT.finditer(question) if m.group(1).lower() not in STOPWORDS]
    return tuple(dict.fromkeys(w.lower() for w in words))


def mentions_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` name one of ``words`` (whole words, any case, a plural or possessive too)?"""
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w)}(?:s|es|'s)?\b", lowered) for w in words if w in lowered)


def states_rival_value(item: MemoryItem, wanted: frozenset[str], analysis: QueryAnalysis,
                       slots: frozenset[SlotKey], valued: bool) -> bool:
    """Does ``item`` state a value for what the query asks about: the same slot
    (:mod:`engram.lifecycle.slots`: an extracted fact's, or a first-person statement's), the
    same attribute word family, or two of the query's content words; and, for a value
    question, a value of the kind asked (:func:`states_value`)?

    Where a long round must state it is :data:`RIVAL_LOCALITY`: anywhere in the round (the
    default), in a sentence that shares a query word (``"value"``), or attribute and value
    in one sentence (``"sentence"``). A 300-word round holds two of the query's words and some
    number almost always, so the stricter two lift R@1, but on the dev splits they lost
    knowledge-update checks (benchmarks/results/currency-ablation-2026-12-02-past-events.md).
    A slot match (a fact's or a first-person statement's) is about the whole memory."""
    text = item.content

    def same_slot() -> bool:  # the costliest check, so it runs last
        return bool(slots) and bool(slots & set(slots_of(item)))

    if RIVAL_LOCALITY == "value":
        if not (_names_attribute(text, wanted, analysis.words) or same_slot()):
            return False
        return not valued or any(states_value(part, analysis.text) and (
            shared_words(analysis.words, part) >= 1 or (wanted and names_any(part, wanted)))
            for part in sentences_of(text))
    parts = sentences_of(text) if RIVAL_LOCALITY == "sentence" else (text,)
    for part in parts:
        if _names_attribute(part, wanted, analysis.words) and (
                not valued or states_value(part, analysis.text)):
            return True
    return same_slot() and (not valued or states_value(text, analysis.text))


@functools.lru_cache(maxsize=4096)
def sentences_of(text: str) -> tuple[str, ...]:
    """``text``'s sentences (the quick splitter; cached: the head's rounds recur)."""
    return tuple(quick_sentences(text)) or (text,)


def as_strong(hit: Ranked, leader: Ranked) -> bool:
    """Is ``hit`` comparably relevant to the leading hit: :data:`RIVAL_SHARE` of its fused
    score, or of its dense (meaning) part? An update often shares no rare word with the
    question ("I moved to Madrid" for "where do I live now?") and scores on meaning alone."""
    score = rival_relevance(hit)
    if score < RIVAL_SCORE:
        return False
    if score >= RIVAL_SHARE * rival_relevance(leader):
        return True
    meaning = leader.channels.get("dense", 0.0)
    return RIVAL_BY_MEANING and meaning > 0 and hit.channels.get("dense", 0.0) >= RIVAL_SHARE * meaning


def rival_relevance(hit: Ranked) -> float:
    """The relevance a rival is judged by: ``score`` (the learned stage's probability when it
    ran), or with :data:`RIVALS_BY` = "fused" the fused score beneath it (with the stale factor)."""
    if RIVALS_BY != "fused" or "fused" not in hit.channels:
        return hit.score
    return hit.channels["fused"] * hit.channels.get("stale", 1.0)


def stated_at(item: MemoryItem) -> tuple[datetime, datetime]:
    """When a memory's statement was made; rounds of one session share the session's date,
    so the order they were written in breaks the tie."""
    return (item.event_time or item.created_at, item.created_at)


def in_time_order(ranked: list[Ranked], positions: list[int], items: Mapping[str, MemoryItem],
                  order: str) -> list[Ranked]:
    """The hits at ``positions`` reordered newest (``order="newest"``) or oldest first among
    those positions; with fewer than two there is nothing to reorder."""
    if len(positions) < 2:
        return ranked
    chosen = [ranked[p] for p in positions]
    newest = sorted(chosen, key=lambda r: stated_at(items[r.id]), reverse=order == "newest")
    scores = [r.score for r in chosen]  # each position keeps its score, so the order stays sorted
    out = list(ranked)
    for position, r, score in zip(positions, newest, scores):
        if r is not out[position]:
            r.channels = {**r.channels, "current": 1.0}
        r.score = score
        out[position] = r
    return out
