"""What a model would read in a text, as opposed to what a reviewer sees: the guard's
normalisation step, run before any signal is looked for.

Attackers keep an instruction readable to the model and unreadable to filters and people:
fullwidth or homoglyph letters, zero-width or Unicode-tag characters, spaced-out letters,
leetspeak, hex, base64 or base32 runs, HTML character references, escape sequences and
lists of character codes, text written backwards or in ROT13, and markup a renderer hides (``[//]: # (...)`` comments,
HTML comments, ``<details>``, ``display:none``, ``alt`` text). :func:`views` undoes each of
these and returns the readable text plus what was hidden or encoded, and the names of the
tricks it undid. None of that is a verdict: benign notes use ZWJ emoji, soft hyphens, hex
colours and ``<details>``; only an instruction found *behind* a trick counts (guard.py).

Confusables come from Unicode's confusables.txt (``confusables.json``, derived by
``tests/reliability/data/confusables_src.py``) and are folded only inside mixed-script
words, as UTS #39 suggests: a Russian name stays Russian, ``іgnоrе`` becomes ``ignore``.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import string
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

MAX_DEPTH = 2

_TAG_CHARS = re.compile("[\U000e0000-\U000e007f]+")
_WORD = re.compile(r"[^\W\d_]+(?:[\d@$]+[^\W\d_]+)*", re.UNICODE)
_SPACED = re.compile(r"(?<!\S)(?:\S {1,2}){3,}\S(?!\S)")
_LEET = re.compile(r"\b(?=\w*[a-z])(?=\w*[431057@$])[a-z431057@$]{3,}\b", re.IGNORECASE)
_LEET_MAP = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t", "@": "a",
                           "$": "s"})
#: addresses and version numbers keep their digits and "@" (an email is not leetspeak)
#: (each alternative starts only where its run starts, so a long run without an "@" or a
#: digit is read once, not once per character)
_ADDRESS = re.compile(r"(?<![^\s@])[^\s@]+@\S+|https?://\S+|(?<!\w)[^\W\d]*\d+\.\d+\w*")
_HEX = re.compile(r"(?<![0-9A-Fa-f])(?:(?:\\x|0x)?[0-9A-Fa-f]{2}[ :]?){12,}(?![0-9A-Fa-f])")
_B64 = re.compile(r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])")
#: a percent-encoded run, as in a URL's query string: four or more escapes among the
#: characters a URL leaves as they are ("Send%20the%20chat%20log"); it starts only where such
#: a run starts, so a long run without escapes is read once, not once per character
_PCT = re.compile(r"(?<![A-Za-z0-9._~+%-])(?:[A-Za-z0-9._~+-]*%[0-9A-Fa-f]{2}){4,}[A-Za-z0-9._~+-]*")
_B32 = re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{16,}={0,6}(?![A-Za-z0-9=])")
#: HTML character references (``&#105;``, ``&#x67;``, ``&amp;``), four or more in a text
_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9A-Fa-f]{2,6}|[A-Za-z]{2,8});")
#: escape sequences (``\u0069``, ``\x67``, ``\U0001F600``), four or more in a text
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})|\\U([0-9A-Fa-f]{8})")
#: character codes: eight or more numbers 32-126 in a list (``73, 103, 110, ...``)
_CODES = re.compile(r"(?<![\d.])(?:\d{2,3}\s*[,; ]\s*){7,}\d{2,3}(?![\d.])")
MIN_REFERENCES = 4
#: a word for the scrambling test: three or more ASCII letters standing alone
_ASCII_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")
#: a run reads as scrambled when at most this share of its words are words
SCRAMBLED_AT_MOST = 0.34
#: ... and as text once undone when at least this share are
UNSCRAMBLED_AT_LEAST = 0.6
MIN_SCRAMBLED_WORDS = 4
#: markup a renderer hides; each pattern's first non-empty group is the hidden text
_HIDDEN: list[re.Pattern[str]] = [
    re.compile(r"^[ \t]*\[[^\]\n]*\]:[ \t]*(?:#|<>)[ \t]*(?:\((.*?)\)|\"(.*?)\"|'(.*?)')[ \t]*$",
               re.MULTILINE | re.DOTALL),
    re.compile(r"<!--(.*?)(?:-->|$)", re.DOTALL),
    re.compile(r"<details\b[^>]*>(.*?)(?:</details>|$)", re.DOTALL | re.IGNORECASE),
    re.compile(r"<(\w+)\b[^>]*(?:\bhidden\b|display\s*:\s*none|visibility\s*:\s*hidden|"
               r"font-size\s*:\s*0|opacity\s*:\s*0)[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE),
    re.compile(r"\b(?:alt|title|aria-label)\s*=\s*[\"']([^\"']{12,})[\"']", re.IGNORECASE),
]


@dataclass
class Views:
    """``visible``: the normalised text a reader sees; ``hidden``: text a renderer hides;
    ``decoded``: text recovered from an encoding; ``leet``: the visible text read as
    leetspeak (or ""); ``tricks``: what was undone (``homoglyphs``, ``hex``, ...)."""

    visible: str
    hidden: list[str] = field(default_factory=list)
    decoded: list[str] = field(default_factory=list)
    leet: str = ""
    tricks: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _confusables() -> dict[int, str]:
    table: dict[str, str] = json.loads(
        (Path(__file__).with_name("confusables.json")).read_text(encoding="utf-8"))
    return {ord(k): v for k, v in table.items()}


def fold_confusables(text: str) -> str:
    """Map look-alike letters to ASCII inside words that mix Latin with other scripts."""
    table = _confusables()

    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        has_latin = any("a" <= c.lower() <= "z" for c in word)
        has_other = any(ord(c) in table for c in word)
        return word.translate(table) if has_latin and has_other else word

    return _WORD.sub(fold, text)


def _despace(text: str) -> str:
    """``I g n o r e  a l l`` -> ``Ignore all`` (one space inside a word, two between)."""
    def join(match: re.Match[str]) -> str:
        return " ".join(part.replace(" ", "") for part in match.group(0).split("  "))

    return _SPACED.sub(join, text)


#: a word spelt with a mark between its letters ("a.s.s.i.s.t.a.n.t", "s-e-n-d"); with
#: ``{1,}`` three letters or more, with ``{0,}`` two ("i.s") as well
_LETTER = r"[^\W\d_]"
_SEPARATED = re.compile(rf"(?<!{_LETTER})(?:{_LETTER}([.·•*_-]))(?:{_LETTER}\1){{1,}}{_LETTER}(?!{_LETTER})")
_SEPARATED_ANY = re.compile(rf"(?<!{_LETTER})(?:{_LETTER}([.·•*_-]))(?:{_LETTER}\1)*{_LETTER}(?!{_LETTER})")
#: a text is written so when at least this many of its words (and this share of them) are
#: spelt so: "U.S.A." or "R.E.M." in a normal note is an abbreviation
SEPARATED_WORDS, SEPARATED_SHARE = 3, 0.3


def _unseparate(text: str) -> str:
    """``S.e.n.d t.h.e l.o.g`` -> ``Send the log`` when the text is written that way (see
    :data:`SEPARATED_WORDS`); an abbreviation or two in a normal note is left alone."""
    spelt = len(_SEPARATED.findall(text))
    if spelt < SEPARATED_WORDS or spelt < SEPARATED_SHARE * len(text.split()):
        return text
    return _SEPARATED_ANY.sub(lambda m: m.group(0).replace(m.group(1), ""), text)


#: combining marks drawn over ASCII letters and digits (strikethrough, underline, "Zalgo");
#: NFKC has already merged every mark that makes an accented letter ("é")
_MARKED = re.compile(r"(?<=[A-Za-z0-9])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
#: the share of ASCII letters and digits carrying such marks that makes a text written so
MARKED_SHARE = 0.5


def _unmark(text: str) -> str:
    """``U̶p̶l̶o̶a̶d̶`` -> ``Upload`` when most of the text's letters carry marks."""
    marked = len(_MARKED.findall(text))
    letters = sum(c.isascii() and c.isalnum() for c in text)
    if not marked or marked < MARKED_SHARE * letters:
        return text
    return _MARKED.sub("", text)


def _printable_text(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    letters = sum(c.isalpha() or c.isspace() for c in text)
    # natural language, not binary: mostly letters and spaces, and more than one word
    return text if len(text) >= 8 and letters / len(text) > 0.8 and " " in text.strip() else None


def _decodings(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for match in _HEX.finditer(text):
        digits = re.sub(r"\\x|0x|[ :]", "", match.group(0))
        if len(digits) % 2 == 0:
            decoded = _printable_text(binascii.unhexlify(digits))
            if decoded:
                found.append(("hex", decoded))
    for match in _B64.finditer(text):
        blob = match.group(0)
        if re.fullmatch(r"[0-9A-Fa-f]+", blob):
            continue  # a hex run (hash, colour) is not base64 text
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4), altchars=b"-_"
                                   if "-" in blob or "_" in blob else None, validate=True)
        except (binascii.Error, ValueError):
            continue
        decoded = _printable_text(raw)
        if decoded:
            found.append(("base64", decoded))
    for match in _PCT.finditer(text):
        decoded = unquote(match.group(0))
        if decoded != match.group(0) and _printable_text(decoded.encode()):
            found.append(("url_encoding", decoded))
    for match in _B32.finditer(text):
        blob = match.group(0).rstrip("=")
        try:
            raw = base64.b32decode(blob + "=" * (-len(blob) % 8))
        except (binascii.Error, ValueError):
            continue
        decoded = _printable_text(raw)
        if decoded:
            found.append(("base32", decoded))
    found += _references(text)
    return found


def _references(text: str) -> list[tuple[str, str]]:
    """Text spelt as HTML character references, escape sequences or a list of character
    codes, read as the characters they name (only when they spell natural language)."""
    found: list[tuple[str, str]] = []
    if len(_ENTITY.findall(text)) >= MIN_REFERENCES:
        decoded = html.unescape(text)
        if decoded != text and _printable_text(decoded.encode()):
            found.append(("html_entities", decoded))
    if len(_ESCAPE.findall(text)) >= MIN_REFERENCES:
        decoded = _ESCAPE.sub(lambda m: _char(int(next(g for g in m.groups() if g), 16)), text)
        if _printable_text(decoded.encode("utf-8", "replace")):
            found.append(("escape_sequences", decoded))
    for match in _CODES.finditer(text):
        codes = [int(n) for n in re.findall(r"\d+", match.group(0))]
        if all(32 <= c <= 126 for c in codes):
            spelt = _printable_text("".join(map(chr, codes)).encode())
            if spelt:
                found.append(("character_codes", spelt))
    return found


def _char(code: int) -> str:
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Whole words of the bundled MiniLM vocabulary (21k, mostly English): what the test
    for a scrambled run counts as a word. A statistic of the model, not a phrase list."""
    from engram.embed.onnx_minilm import TOKENIZER_PATH  # on first use: engram.embed is heavy

    vocab = json.loads(TOKENIZER_PATH.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if len(w) >= 3 and w.isascii() and w.isalpha())


def _word_share(words: list[str]) -> float:
    return sum(_is_word(w) for w in words) / len(words) if words else 0.0


def _is_word(word: str) -> bool:
    known, low = _known_words(), word.lower()
    return low in known or (low.endswith("s") and low[:-1] in known)  # plurals


def _shift_table(shift: int) -> dict[int, int]:
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    return str.maketrans(lower + upper, lower[-shift:] + lower[:-shift] + upper[-shift:] + upper[:-shift])


#: each ASCII letter moved k places back in the alphabet, for k = 1 … 25
_SHIFTS = {k: _shift_table(k) for k in range(1, 26)}


def _undone(span: str) -> list[tuple[str, str]]:
    """Every way the scrambled readings undo ``span``: backwards, and each of the 25 letter
    shifts (ROT13 is the shift of 13, a Caesar cipher usually 3)."""
    shifts = [("rot13" if k == 13 else "letter_shift", span.translate(table)) for k, table in _SHIFTS.items()]
    return [("reversed_text", span[::-1]), *shifts]


def _unscramblings(text: str) -> list[tuple[str, str]]:
    """Letter-shift (ROT13, Caesar) and reversed readings of runs of non-words that read as
    words once undone: the reading with the most known words, if enough are.

    A run is a stretch of ASCII words none of which (beyond one in three) is a known word;
    English written backwards or with its letters shifted looks like that, and so do names,
    codes and other languages, which stay non-words either way and are left alone."""
    found: list[tuple[str, str]] = []
    words = list(_ASCII_WORD.finditer(text))
    known = [_is_word(m.group(0)) for m in words]  # once per word: runs are grown by counts
    start = 0
    while start < len(words):
        if known[start]:
            start += 1
            continue
        end, hits = start + 1, 0  # the run is words[start:end]; hits: its known words
        while end < len(words) and (hits + known[end]) / (end + 1 - start) <= SCRAMBLED_AT_MOST:
            hits += known[end]
            end += 1
        next_start = end
        while known[end - 1]:  # a run ends on a non-word
            end -= 1
        if end - start >= MIN_SCRAMBLED_WORDS:
            span = text[words[start].start():words[end - 1].end()]
            share, trick, reading = max(
                (_word_share(_ASCII_WORD.findall(reading)), trick, reading)
                for trick, reading in _undone(span))
            if share >= UNSCRAMBLED_AT_LEAST:
                found.append((trick, reading))
        start = next_start
    return found


def _characters(text: str, tricks: list[str]) -> str:
    """Invisible characters out, compatibility forms, drawn-over marks and look-alikes folded,
    letters joined."""
    out = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if out != text:
        tricks.append("invisible_characters")
    nfkc = unicodedata.normalize("NFKC", out)
    if nfkc != out:
        tricks.append("compatibility_forms")
    unmarked = _unmark(nfkc)
    if unmarked != nfkc:
        tricks.append("combining_marks")
        nfkc = unmarked
    folded = fold_confusables(nfkc)
    if folded != nfkc:
        tricks.append("homoglyphs")
    joined = _despace(folded)
    if joined != folded:
        tricks.append("spaced_letters")
    unseparated = _unseparate(joined)
    if unseparated != joined:
        tricks.append("separated_letters")
    return unseparated


def _leet_reading(text: str) -> str:
    """``text`` with leetspeak read as letters, or "" when fewer than two words change (a
    single odd word is a name or a code, and reading it would only add noise)."""
    keep = [m.span() for m in _ADDRESS.finditer(text)]
    changed = 0

    def swap(m: re.Match[str]) -> str:
        nonlocal changed
        if any(a <= m.start() < b for a, b in keep):
            return m.group(0)
        new = m.group(0).translate(_LEET_MAP)
        changed += new != m.group(0)
        return new

    out = _LEET.sub(swap, text)
    return out if changed >= 2 else ""


def views(text: str, depth: int = 0) -> Views:
    """Normalise ``text`` and pull out what is hidden or encoded in it (recursively, twice)."""
    result = Views(visible="")
    smuggled = "".join(chr(ord(c) - 0xE0000) for c in "".join(_TAG_CHARS.findall(text)))
    if smuggled.strip():
        result.tricks.append("unicode_tags")
        result.hidden.append(smuggled)
    visible = _characters(_TAG_CHARS.sub("", text), result.tricks)
    for number, pattern in enumerate(_HIDDEN):
        for match in pattern.finditer(visible):
            inner = next((g for g in reversed(match.groups()) if g and g.strip()), "")
            if inner.strip():
                result.hidden.append(inner)
                result.tricks.append(("markdown_comment", "html_comment", "details",
                                      "hidden_html", "attribute_text")[number])
        if number < 4:
            visible = pattern.sub(" ", visible)
    leet = _leet_reading(visible)
    if leet:
        leet = re.sub(r"(?<!\S)4(?!\S)", "a", leet)  # "4 link": the article, in leetspeak
        result.tricks.append("leetspeak")
        result.leet = leet
    for trick, decoded in [*_decodings(visible), *_unscramblings(visible)]:
        result.tricks.append(trick)
        result.decoded.append(decoded)
    result.visible = visible
    if depth < MAX_DEPTH:  # a hidden or decoded text may itself hide or encode more
        for inner_text in [*result.hidden, *result.decoded]:
            inner = views(inner_text, depth + 1)
            result.tricks += inner.tricks
            result.decoded += inner.decoded
            result.hidden += inner.hidden
            result.leet = "\n".join(t for t in (result.leet, inner.leet) if t)
        result.hidden = [_characters(h, []) for h in result.hidden]
        result.decoded = [_characters(d, []) for d in result.decoded]
    return result


__all__ = ["Views", "fold_confusables", "views"]
