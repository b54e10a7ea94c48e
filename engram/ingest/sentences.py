"""Sentence boundaries that respect abbreviations, decimals, initials, URLs and quotes.

A regex that splits at every period cuts "I work as a nurse at St. Mary's hospital." into
"... nurse at St." and "Mary's hospital." (issue #13). Engram segments with pySBD
(Sadvilkar & Neumann, 2020), a rule-based port of the Golden Rules segmenter: pure
Python, no model, no dependencies, MIT. Measured on this project's probe set (see the
commit that added it): spaCy's rule-based ``sentencizer`` splits "No. 5" and needs spaCy
(~180 MB installed, 2.5 s import) and a tokenizer; pySBD handles abbreviations, titles,
initials, decimals, times and quotes, and fails only on URLs with a ``?`` - so URLs and
e-mail addresses are masked before segmenting and restored after.

pySBD is slower than a regex (~1 ms for a short turn), so it is used where a boundary
decides what a fact says (extraction). Whole-round passes that run on every add (entity
keys, extractive summaries) use :func:`quick_sentences`, a regex that knows the common
titles and abbreviations, initials and decimals but not the rarer Golden Rules.
"""

from __future__ import annotations

import re

import pysbd

_TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Jr", "Sr", "Mt", "Inc", "Co", "Corp", "Ltd", "vs",
           "No", "Gen", "Capt", "Lt", "Rev", "Gov", "Sen", "Ave", "Rd", "approx")
# a period is no boundary after a title, an initial ("J. R. Smith", "D.C."), or inside a number
NOT_A_BOUNDARY = "|".join([*(rf"(?<=\b{re.escape(t)})\." for t in _TITLES),
                           r"(?<=\b[A-Z])\.", r"\.(?=\d)", r"\.(?=[A-Za-z]\.)", r"(?<=\.[a-z])\."])
# a period that ends a sentence (for lookaheads that end a value): none of the above
BOUNDARY_DOT = "".join(rf"(?<!\b{re.escape(t)})" for t in _TITLES) + r"(?<!\b[A-Z])\.(?![\d]|[A-Za-z]\.)"
_QUICK = re.compile(rf"(?:[^.!?\n]|{NOT_A_BOUNDARY})+[.!?]*|[.!?]+")
_MASKED = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TRAILING = ".,!?;:)]}'\""


def _mask(text: str) -> str:
    """``text`` with URLs and e-mail addresses replaced by same-length runs of ``x``
    (their trailing punctuation kept), so offsets into it are offsets into ``text``."""
    def repl(m: re.Match[str]) -> str:
        body = m.group().rstrip(_TRAILING)
        return "x" * len(body) + m.group()[len(body):]

    return _MASKED.sub(repl, text)


def _ambiguous_periods() -> re.Pattern[str]:
    from pysbd.lang.english import English

    words = sorted({*English.Abbreviation.ABBREVIATIONS, *(t.lower() for t in _TITLES)}, key=len, reverse=True)
    # a period inside a token ("72.5", "D.C.", "e.g."), after a single letter or a known abbreviation
    return re.compile(r"\.(?=[^\s.!?\"'”’)\]])|\b[A-Za-z]\.|\b(?:" + "|".join(map(re.escape, words)) + r")\.",
                      re.IGNORECASE)


_AMBIGUOUS = _ambiguous_periods()
# a sentence ends at .!? (and closing quotes) before a word that does not start in lowercase
_PLAIN = re.compile(r".*?(?:[.!?]+[\"'”’)\]]*(?=\s+[^a-z\s]|\s*$)|$)")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, in order; lines are never joined.

    pySBD rebuilds regular expressions per text (its patterns outgrow ``re``'s cache), so
    a line none of whose periods could be an abbreviation, an initial or a decimal is
    split at its ``.``/``!``/``?`` directly; only the others go through pySBD."""
    out: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        masked = _mask(line)
        if not _AMBIGUOUS.search(masked):
            out += [line[m.start():m.end()].strip() for m in _PLAIN.finditer(masked) if m.group().strip()]
            continue
        # a new Segmenter per call: construction costs ~1 µs and the object keeps state
        spans = pysbd.Segmenter(language="en", clean=False, char_span=True).segment(masked)
        start = 0
        for span in spans:
            end = span.end if span.end > start else start + len(span.sent)
            piece = line[start:end].strip()
            if piece:
                out.append(piece)
            start = end
        rest = line[start:].strip()
        if rest:
            out.append(rest)
    return out


def quick_sentences(text: str) -> list[str]:
    """Regex sentences for passes over every stored round: abbreviation-aware enough for
    entity spans ("St. Mary's hospital" stays one span), ~50x faster than pySBD."""
    return [m.group() for m in _QUICK.finditer(text)]
