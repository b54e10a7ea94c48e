"""Facets: the separate things a comparison or interval question names.

"How many days passed between the day I cancelled my subscription and the day I
shopped online?" or "Which did I buy first, the necklace or the photo album?" needs a
memory of *each* event. One ranking of the whole question favours whichever event
shares more words with it, so the other one's round can sink below the top ten. The
pipeline also ranks each facet on its own and keeps, per memory, its best calibrated
score (see :mod:`engram.retrieve.pipeline`), so every facet's best memories are near the
top.

Only these shapes are read, all of them plain English syntax rather than anything a
benchmark taught:

* ``between X and Y``;
* ``…, X or Y?`` (an alternative after a comma or colon);
  (both inside one clause, each side at least :data:`MIN_WORDS` words);
* two or more quoted titles or phrases (``'The Crown' or 'Game of Thrones'``).

:class:`engram.retrieve.analysis.QueryAnalysis` drops the split when a facet has no
content word ("…, with a friend or not?").
"""

from __future__ import annotations

import re

MAX_FACETS = 4
# a quoted span: straight or curly quotes, not an apostrophe inside a word ("farmer's")
_QUOTED = re.compile(r"(?<!\w)['\"\u2018\u201c]([^'\"\u2019\u201d]{2,120}?)['\"\u2019\u201d](?!\w)")
# bodies stay inside one clause: no comma, colon or sentence end (an abbreviation's
# full stop, "Mrs. Smith", is allowed)
_BETWEEN = re.compile(r"\bbetween\s+(?P<body>(?:[^,:;?!.]|\.(?=\s+[A-Z]))+?)\s*(?:[,:;?!]|\.?\s*$)",
                      re.IGNORECASE)
_ALTERNATIVE = re.compile(r"[,:]\s*(?P<body>[^,:;?!.]+?\s+or\s+[^,:;?!.]+?)\s*[?!.]*\s*$",
                          re.IGNORECASE)
MIN_WORDS = 2  # an unquoted facet of one word ("between John and Tim") names a person, not an event
# where "X and Y" most likely splits: before a word that starts a new noun phrase or clause
_SPLIT_HINT = re.compile(r"^(?:the|my|a|an|our|his|her|their|when|i|we|that|this)\b", re.IGNORECASE)


def facets(text: str) -> list[str]:
    """The facets ``text`` names (two or more), or ``[]`` when it names one thing."""
    quoted = [q.strip() for q in _QUOTED.findall(text)]
    if len(quoted) >= 2:
        parts = quoted
    else:
        parts = [p.strip() for p in _between(text) or _alternative(text)]
        if any(len(p.split()) < MIN_WORDS for p in parts):
            return []
    parts = [p for p in dict.fromkeys(parts) if p]
    return parts[:MAX_FACETS] if len(parts) >= 2 else []


def _between(text: str) -> list[str]:
    match = _BETWEEN.search(text)
    if not match:
        return []
    return _split_on(match.group("body"), " and ")


def _alternative(text: str) -> list[str]:
    match = _ALTERNATIVE.search(text)
    if not match:
        return []
    return _split_on(match.group("body"), " or ")


def _split_on(body: str, word: str) -> list[str]:
    """Two sides of ``body`` at one occurrence of ``word``: the first whose right side
    opens a new phrase (``and the day I…``), else the first."""
    lowered = body.lower()
    cuts = [m.start() for m in re.finditer(re.escape(word), lowered)]
    if not cuts:
        return []
    cut = next((c for c in cuts if _SPLIT_HINT.match(body[c + len(word):])), cuts[0])
    return [body[:cut], body[cut + len(word):]]


__all__ = ["MAX_FACETS", "facets"]
