"""Query analysis: the first stage of the ranking pipeline.

It decides, once per query, what the later stages need: the words that carry
meaning (function words such as "I", "my", "what", "the" never decide a ranking:
in a store of three memories a match on "I" used to outrank the memory that
answers), whether the question asks about the present or the past, and which
period it names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from engram.retrieve.facets import facets
from engram.retrieve.timeparse import MONTHS, WEEKDAYS, TimeQuery, parse_time_query

# English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and
# question words (the classic IR stop list), and adverbs that mark tense rather than topic
# ("now", "currently": the currency stage reads them from the raw text). Content words
# ("live", "work", "name", "time") are deliberately absent: they carry the question.
QUERY_STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't
doing don't down during each few for from further had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up
very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
your yours yourself yourselves im ive id dont didnt doesnt whats thats tell please remind
just now also still ever currently nowadays anymore
""".split())  # noqa: SIM905 - a word list reads best as text

_WORD = re.compile(r"[\w'’]+", re.UNICODE)
def content_words(text: str) -> list[str]:
    """The query's words minus function words, lower-cased, in order, unique."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return list(dict.fromkeys(w for w in words if w not in QUERY_STOPWORDS and w.strip("'")))


def _names_a_thing(facet: str) -> bool:
    """A content word that is not a number or a calendar word: "August 11" is a date
    for the time channel, not a facet."""
    return any(not w.isdigit() and w not in MONTHS and w not in WEEKDAYS
               for w in content_words(facet))


PREFIX = 5  # letters compared when matching words loosely ("restaurants" ~ "restaurant")
_TOKEN = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=2048)
def prefixes(text: str) -> frozenset[str]:
    """The text's words cut to :data:`PREFIX` letters: a cheap stand-in for stemming.
    Cached, since the same head rounds are compared query after query."""
    return frozenset(t[:PREFIX] for t in _TOKEN.findall(text.lower()))


def shared_words(words: list[str], text: str) -> int:
    """How many of ``words`` (content words) ``text`` holds, compared by prefix."""
    tokens = prefixes(text)
    return sum(1 for w in words if w[:PREFIX] in tokens)


def lexical_text(text: str) -> str:
    """What the lexical channel searches for: the content words, or the whole text when
    it has none (a query of only function words still gets an answer)."""
    words = content_words(text)
    return " ".join(words) if words else text


# Words that ask for an earlier state, not just an earlier date ("my previous job") ...
# "First" asks for one only as a possession or a first time ("my first car", "the first
# phone I bought"); as an ordinal that names a thing ("the first sprint", "the first
# chapter") it asks about that thing as it stands now.
_PAST_STATE = (r"used to", r"previous(?:ly)?", r"before", r"formerly", r"former", r"originally", r"initially",
               r"at first", r"(?:my|our|your|his|her|their) first",
               r"the first (?:[\w'-]+ ){0,3}(?:i|we)", r"in the past", r"back then", r"prior",
               r"earlier", r"no longer", r"any ?more", r"was i", r"were")
PAST_CUE = re.compile(rf"\b(?:{'|'.join(_PAST_STATE)})\b", re.IGNORECASE)
# ... less the bare past tense ("was I", "were"), which says when but not that an earlier of
# several states is wanted ("how many copies were released?"): what the current-state stage reads
_TENSE_ONLY = (r"was i", r"were")
EARLIER_STATE_CUE = re.compile(rf"\b(?:{'|'.join(w for w in _PAST_STATE if w not in _TENSE_ONLY)})\b",
                               re.IGNORECASE)
# ... and, with these, questions about the past at all ("where did I use to live?").
_PAST_ANY = (*_PAST_STATE, r"(?<!how )old", r"past", r"history", r"changed?", r"did i (?:use|live|work)")
_PAST = re.compile(rf"\b(?:{'|'.join(_PAST_ANY)})\b", re.IGNORECASE)


# ... unless the question says it asks about the present ("where do I *currently* keep my
# old sneakers?": "old" describes the sneakers) and names no earlier state. The words that
# say "now" are shared with the current-state stage's cue (currency.NOW_CUE).
PRESENT_WORDS = (r"now", r"currently", r"these days", r"nowadays", r"at the moment")
_PRESENT = re.compile(rf"\b(?:{'|'.join((*PRESENT_WORDS, r'at present'))})\b", re.IGNORECASE)


def asks_about_past(query: str, now: datetime, parsed: TimeQuery | None = None) -> bool:
    """True for "where did I use to live?", "my previous job", "in 2021 ..."; False for
    "where do I currently keep my old sneakers?"."""
    if _PRESENT.search(query) and not PAST_CUE.search(query):
        return False
    if _PAST.search(query):
        return True
    parsed = parsed if parsed is not None else parse_time_query(query, now)
    return bool(parsed.ranges) and max(end for _, end in parsed.ranges) < now - timedelta(days=1)


@dataclass
class QueryAnalysis:
    """Everything the stages learn from the query text, computed once."""

    text: str
    now: datetime
    words: list[str] = field(default_factory=list)
    time: TimeQuery | None = None
    past: bool = False
    facets: list[str] = field(default_factory=list)  # engram.retrieve.facets

    @classmethod
    def of(cls, text: str, now: datetime) -> QueryAnalysis:
        parsed = parse_time_query(text, now)
        parts = facets(text)
        if not all(_names_a_thing(p) for p in parts):  # "..., with a friend or not?"
            parts = []
        return cls(text=text, now=now, words=content_words(text), time=parsed,
                   past=asks_about_past(text, now, parsed), facets=parts)
