"""Key expansion at ingest time.

LongMemEval (Wu et al., 2024) found that indexing each round under its text *plus*
extracted keys (keyphrases, user facts, timestamps) lifts recall for every retriever
("key expansion"). This module extracts those keys without any model:

* keyphrases: YAKE (Campos et al., 2020) when installed, else a fast RAKE-like scorer;
* entities: a capitalisation heuristic (no NER weights ship offline) that never takes a
  word for a name only because it opens a sentence or follows a speaker label, normalised to a
  lowercase canonical form shared with :func:`query_entities`, so that the entity graph
  (HippoRAG) can link a question's entities to the items that mention them;
* dates: explicit and relative dates resolved against the turn's ``event_time``
  (LongMemEval's time-aware indexing);
* facts: first-person statements rewritten as short "user ..." sentences.

Everything is heuristic and cheap; an LLM extractor can replace it behind the same shape.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, Literal

from engram.ingest.sentences import BOUNDARY_DOT, NOT_A_BOUNDARY, quick_sentences
from engram.retrieve.timeparse import MAX_CHARS as TIME_MAX_CHARS
from engram.retrieve.timeparse import MONTHS, WEEKDAYS, parse_time_query

logger = logging.getLogger(__name__)
_I = re.IGNORECASE

MAX_CHARS = 20_000  # longer texts are cut before analysis (keys, not a full index)
TOP_KEYPHRASES = 8

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing done down during each even ever
few for from further get gets got had has have having he her here hers herself him himself
his how i if in into is it its itself just let lets me more most much must my myself no nor
not now of off on once only or other our ours ourselves out over own really same she should
so some such than that the their theirs them themselves then there these they this those
through to too under until up upon us very was we were what when where which while who whom
why will with would you your yours yourself yourselves yes yeah oh ok okay hey hi hello wow
thanks thank lol haha sure great awesome cool nice glad hope sounds like love lot lots
amazing good bad well anything something everything nothing one really totally definitely
absolutely especially actually maybe kind sort thing things stuff way time im ive id dont
cant wont isnt thats whats youre youve its it's i'm i've don't can't that's what's you're
""".split())  # noqa: SIM905 - word lists read best as text
# Capitalised only because they open a sentence or are chat filler; never entities.
NOT_ENTITIES = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset("""
congrats congratulations please sorry tell list name describe did does do is are was were
can could would should will what when where which who why how have has had hmm omg btw oh ah
um uh yep nope absolutely right true exactly anyway so mr mrs ms dr st today tomorrow
yesterday also plus but and or by the for with in on at to from my our your his her their
bye go remember woah whoa oof ha hah haha yea yay aww ugh geez gotcha man dude omg wow look
check keep take stay enjoy happy best nice good let let's anyway unfortunately hopefully mon
tue tues wed thu thur thurs fri sat sun together wishing sending cheers welcome
""".split())  # noqa: SIM905 - word lists read best as text

# The labels of the stored round's speakers ("user: ", "assistant: ", "Caroline: ") open a
# line; they are never keys or entities, and the word after one opens a sentence.
ROLE_LABELS = frozenset({"user", "assistant", "system", "human", "ai", "bot"})
NOT_ENTITIES = NOT_ENTITIES | frozenset({"user", "assistant"})
# Words that open an assistant's sentences ("Try Lisbon", "Lovely Names"): imperatives and
# exclamations, never the first word of a name there.
OPENERS = frozenset("""
try visit check consider use ask call watch read see add make start keep get go look find join pick
explore head grab avoid bring plan enjoy imagine remember note noted classic lovely perfect wonderful
fantastic brilliant excellent interesting indeed certainly sure definitely absolutely happy glad
""".split())  # noqa: SIM905 - word lists read best as text
_LABEL = re.compile(r"^[ \t]*(?:(?i:user|assistant|system|human|ai|bot)|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?):[ \t]+",
                    re.MULTILINE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d+")
_CAPSPAN = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|St|Prof)\.?\s+)?[A-Z][\w'’&-]*(?:\s+(?:(?:of|the|de|van|von|del|da|&)\s+)?"
    r"[A-Z][\w'’&-]*)*")
_QUOTED = re.compile(r"[\"“]([^\"”\n]{2,60})[\"”]")
_TITLE = re.compile(r"^(?:mr|mrs|ms|dr|prof)\.?\s+", _I)  # "St." stays: St. Mary's is not Mary

_OBJ = (rf"(?P<x>(?:[\w'’ -]|{NOT_A_BOUNDARY}){{2,60}}?)(?=\s*(?:[,!?;:()\n]|{BOUNDARY_DOT}|"
        r"\s(?:and|but|so|because|since|when|which|who|if)\b|$))")
_DET = r"(?:a|an|the|my|two|three|four|some|\d+|new|another|our|his|her)\s"
_FACTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bI(?:'m|’m| am)\s+(?:now\s+)?(?:from|based\s+in)\s+" + _OBJ, _I), "user is from {x}"),
    (re.compile(r"\bI(?:'m|’m| am)\s+(?:a|an)\s+" + _OBJ, _I), "user is a {x}"),
    (re.compile(r"\bmy\s+(?P<k>[a-z][\w ]{1,24}?)\s+(?:is|was|are)\s+(?:called\s+|named\s+)?" + _OBJ, _I),
     "user's {k} is {x}"),
    (re.compile(r"\bI\s+(?:really\s+|also\s+|absolutely\s+|just\s+)?"
                r"(?P<v>like|love|enjoy|hate|prefer|dislike|adore)\s+" + _OBJ, _I), "user {v}s {x}"),
    (re.compile(r"\bI\s+(?:currently\s+|still\s+)?live\s+in\s+" + _OBJ, _I), "user lives in {x}"),
    (re.compile(r"\bI\s+(?:just\s+|recently\s+)?(?:moved|relocated)\s+to\s+" + _OBJ, _I),
     "user moved to {x}"),
    (re.compile(r"\bI\s+(?:currently\s+|still\s+)?work\s+(?P<v>at|for|as)\s+(?:an?\s+)?" + _OBJ, _I),
     "user works {v} {x}"),
    (re.compile(r"\bI\s+(?:just\s+|recently\s+|finally\s+)?(?P<v>have|got|bought|adopted|own|purchased)\s+"
                r"(?=" + _DET + r")" + _OBJ, _I), "user {v} {x}"),
]
_VERB_3RD = {"have": "has", "got": "got", "bought": "bought", "adopted": "adopted", "own": "owns",
             "purchased": "bought", "adore": "adore", "at": "at", "for": "for", "as": "as"}

KeyphraseBackend = Literal["auto", "yake", "fast"]


@dataclass
class ExtractedKeys:
    """Keys found in one text; every list is deduplicated, in order of appearance or rank."""

    keyphrases: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


def normalize_entity(text: str) -> str:
    """Canonical entity form: lowercase, no titles, possessives, articles or punctuation."""
    value = _TITLE.sub("", text.strip())
    value = re.sub(r"['’]s\b", "", value)
    value = re.sub(r"[^\w&' -]+", " ", value).strip(" '-").lower()
    value = re.sub(r"^the\s+", "", value)
    return " ".join(value.split())


def strip_speakers(text: str) -> str:
    """``text`` without the speaker labels that open its lines ("user: ", "Caroline: ")."""
    return _LABEL.sub("", text)


def _entities(text: str, *, query: bool) -> list[str]:
    """Capitalised spans (a noun-phrase pass over proper names; no NER weights ship
    offline). A word opening a sentence is capitalised by grammar, not because it names
    something, so it counts only when it looks like a name: seen capitalised mid-sentence
    in the same text, or followed by a possessive ("Caroline's ..."); in a longer span
    it is dropped when the text also uses it in lowercase ("Try Lisbon" → "lisbon")."""
    out: dict[str, None] = {}
    mid_sentence: set[str] = set()
    spans: list[tuple[str, bool, str]] = []
    lowercase = {w for w in _WORD.findall(text) if w.islower()}
    for body in quick_sentences(text):
        lead = len(body) - len(body.lstrip(" \t\"'“‘(-*"))
        for m in _CAPSPAN.finditer(body):
            at_start = m.start() == lead
            words = m.group().split()
            if at_start and len(words) > 1 and (words[0].lower() in lowercase or words[0].lower() in OPENERS):
                words, at_start = words[1:], False
            while words and words[0].lower().strip("'’") in NOT_ENTITIES:
                words, at_start = words[1:], False
            while words and words[-1].lower() in NOT_ENTITIES:
                words = words[:-1]
            if not words or (len(words) == 1 and words[0] in ("I", "I'm", "I've", "I'd", "I'll")):
                continue
            phrase = " ".join(words)
            if at_start and len(words) == 1 and not query:
                spans.append((phrase, True, body[m.end():m.end() + 2]))
            else:
                spans.append((phrase, False, ""))
                mid_sentence.add(phrase)
    for phrase, at_start, after in spans:
        if at_start and phrase not in mid_sentence and not after.startswith(("'s", "’s")):
            continue  # "Woah, ..." and "Mel, ..." look alike: only a possessive vouches
        norm = normalize_entity(phrase)
        if len(norm) > 1 and norm not in NOT_ENTITIES:
            out[norm] = None
    for m in _QUOTED.finditer(text):
        norm = normalize_entity(m.group(1))
        if 0 < len(norm.split()) <= 6:
            out[norm] = None
    return list(out)


def query_entities(query: str) -> list[str]:
    """Entities in a question, normalised exactly like those extracted at ingest."""
    try:
        return _entities(query[:MAX_CHARS], query=True)
    except Exception:
        logger.debug("query entity extraction failed", exc_info=True)
        return []


# Every time expression parse_time_query can return contains one of these whole words (a
# month, weekday, season, unit or day word, "recent"/"lately") or a digit; spans kept without
# an anchoring event_time all contain a digit. Whole words, not prefixes: "money", "decide",
# "friend" and "market" anchor nothing, so far less of a long round is parsed (issue #17).
_TIME_ANCHOR = re.compile(
    r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    r"(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)days?|spring|summer|fall|autumn|"
    r"winter|(?:day|week|month|year)s?|weekends?|yesterday|today|tonight|night|morning|afternoon|"
    r"evening|recent|recently|lately)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\S+")
# Words kept around each anchor: a time expression spans at most ~7 words (its lookbehind,
# lookahead and the "since/before" modifier 12 characters back fit inside this margin).
_WINDOW_WORDS = 12


def _time_windows(text: str, anchored: bool) -> list[tuple[int, int]]:
    """Spans of ``text`` (at word boundaries) that can hold a time expression: the words
    around each anchor, merged. Parsing only these finds exactly what parsing the whole
    text finds, at a fraction of the regex work on long rounds (issue #17)."""
    anchors = list((_TIME_ANCHOR if anchored else _DIGIT).finditer(text))
    if not anchors:
        return []
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    starts = [t[0] for t in tokens]
    windows: list[tuple[int, int]] = []
    for hit in anchors:
        first = max(bisect_right(starts, hit.start()) - 1 - _WINDOW_WORDS, 0)
        last = min(bisect_right(starts, hit.end() - 1) - 1 + _WINDOW_WORDS, len(tokens) - 1)
        lo, hi = tokens[first][0], tokens[last][1]
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows


def _dates(text: str, event_time: datetime | None) -> list[str]:
    """ISO dates mentioned; relative ones only when ``event_time`` anchors them."""
    anchor = event_time or datetime(2000, 1, 1)
    text = text[:TIME_MAX_CHARS]  # what parse_time_query itself would read
    out: dict[str, None] = {}
    for lo, hi in _time_windows(text, event_time is not None):
        out.update(dict.fromkeys(date_keys(text[lo:hi], anchor, event_time is not None)))
    return list(out)


def date_keys(text: str, anchor: datetime, anchored: bool) -> list[str]:
    """The date keys of one parse of ``text``: a year, a month, or a day (the middle of a
    week, weekend or fuzzy period); without an ``anchored`` event time only expressions
    that name a year count."""
    tq = parse_time_query(text, anchor)
    out: dict[str, None] = {}
    for (start, end), (s, e), grain in zip(tq.ranges, tq.spans, tq.grains):
        if not anchored and not re.search(r"\d{4}|'\d\d", text[s:e]):
            continue
        if grain == "year":
            out[f"{start.year:04d}"] = None
        elif grain in ("month", "season"):
            out[f"{start.year:04d}-{start.month:02d}"] = None
        elif grain in ("day", "week", "weekend", "fuzzy"):
            out[(start + (end - start) / 2).date().isoformat() if grain != "day"
                else start.date().isoformat()] = None
    return list(out)


def _facts(text: str) -> list[str]:
    out: dict[str, None] = {}
    for pattern, template in _FACTS:
        for m in pattern.finditer(text):
            groups = {k: " ".join(v.lower().split()) for k, v in m.groupdict().items() if v}
            if any(w in STOPWORDS for w in groups.get("k", "").split()):
                continue  # "my friends when I was younger": not an attribute name
            obj = groups.get("x", "").strip(" '’-")
            words = obj.split()
            while words and words[-1] in STOPWORDS:
                words.pop()
            if not words or words[0] in ("been", "not", "never", "no"):
                continue
            groups["x"] = " ".join(words[:8])
            if "v" in groups:
                groups["v"] = _VERB_3RD.get(groups["v"], groups["v"])
            fact = template.format(**{k: groups.get(k, "") for k in ("x", "k", "v")})
            out[fact] = None
    return list(out)


class KeyExtractor:
    """Reusable extractor; holds the (costly to build) YAKE instance."""

    def __init__(self, keyphrases: KeyphraseBackend = "auto", top: int = TOP_KEYPHRASES) -> None:
        self.top = top
        self._yake: Any = None
        if keyphrases in ("auto", "yake"):
            try:
                import yake

                self._yake = yake.KeywordExtractor(lan="en", n=3, top=top * 2)
            except ImportError:
                if keyphrases == "yake":
                    raise
                logger.info("yake is not installed; using the built-in keyphrase scorer")

    def keyphrases(self, text: str) -> list[str]:
        if self._yake is not None and len(text) > 12:
            try:
                ranked = [kw for kw, _score in self._yake.extract_keywords(text)]
                return _clean_phrases(ranked, self.top)
            except Exception:  # yake chokes on some inputs (e.g. only punctuation)
                logger.debug("yake failed; falling back", exc_info=True)
        return fast_keyphrases(text, self.top)

    def extract(self, text: str, *, event_time: datetime | None = None) -> ExtractedKeys:
        text = strip_speakers(text[:MAX_CHARS])
        keys = ExtractedKeys()
        steps: tuple[tuple[str, Callable[[], list[str]]], ...] = (
            ("keyphrases", lambda: self.keyphrases(text)),
            ("entities", lambda: _entities(text, query=False)),
            ("dates", lambda: _dates(text, event_time)),
            ("facts", lambda: _facts(text)))
        for name, fn in steps:
            try:
                setattr(keys, name, fn())
            except Exception:  # one failing heuristic must not lose the others
                logger.debug("key extraction step %s failed", name, exc_info=True)
        return keys


def _clean_phrases(phrases: list[str], top: int) -> list[str]:
    out: dict[str, None] = {}
    for phrase in phrases:
        words = [w for w in phrase.lower().split() if w.strip("'’")]
        if not words or words[0] in NOT_ENTITIES or words[-1] in NOT_ENTITIES:
            continue  # "hey caroline", "saturday i bought": edges that are chat or dates
        out[" ".join(words)] = None
        if len(out) >= top:
            break
    return list(out)


def fast_keyphrases(text: str, top: int = TOP_KEYPHRASES) -> list[str]:
    """RAKE-like (Rose et al., 2010) phrases: runs of content words split at stopwords and
    punctuation, scored by length, repetition and capitalisation. ~20x faster than YAKE."""
    scores: dict[str, float] = {}
    for chunk in re.split(r"[.,!?;:()\"“”\n]+", text):
        run: list[str] = []
        for tok in _WORD.findall(chunk) + [""]:
            low = tok.lower()
            opener = tok[:1].isupper() and low in OPENERS  # "Try crate training": not a phrase's word
            if tok and low not in STOPWORDS and low not in NOT_ENTITIES and not opener and \
                    (len(tok) > 2 or tok.isdigit()):
                run.append(tok)
                continue
            # runs of up to 3 words are phrases; longer runs yield their sliding bigrams
            parts = [run] if len(run) <= 3 else [run[i:i + 2] for i in range(len(run) - 1)]
            for part in parts if run else []:
                phrase = " ".join(part).lower()
                bonus = 0.5 * sum(w[0].isupper() for w in part) + 0.05 * len(phrase)
                scores[phrase] = scores.get(phrase, 0.0) + len(part) + bonus
            run = []
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return [p for p, _ in ranked[:top]]


@lru_cache(maxsize=1)
def default_extractor() -> KeyExtractor:
    """The shared extractor (stateless once built; cached because YAKE is slow to set up)."""
    return KeyExtractor()


def extract_keys(text: str, *, event_time: datetime | None = None) -> ExtractedKeys:
    """Extract keys with :func:`default_extractor`. Never raises on text."""
    return default_extractor().extract(text, event_time=event_time)


def key_text(keys: ExtractedKeys) -> str:
    """Render keys as one line to append to the lexical/dense index document."""
    parts = [*keys.facts, *keys.entities, *keys.keyphrases, *keys.dates]
    seen: dict[str, None] = {}
    for part in parts:
        seen.setdefault(part, None)
    return "; ".join(seen)
