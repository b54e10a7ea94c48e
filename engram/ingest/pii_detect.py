"""PII detection: find the spans that ``engram.ingest.pii`` redacts.

Structured identifiers are validated, not just matched, so look-alikes stay readable:

* phone numbers: Google's libphonenumber (``phonenumbers``) with ``Leniency.STRICT_GROUPING``
  (a valid number whose digit groups are the region's own, so ``04 12 19 33 41 45`` lottery
  numbers are not a phone) per region in ``regions`` (international ``+``/``00`` numbers
  need none); timestamps such as ``2024-05-01 12`` and numbers labelled as an order,
  invoice, ticket or similar id are refused;
* IBANs: ``python-stdnum`` (country length and BBAN format, then mod-97), any case, with or
  without spaces; cards: Luhn (``stdnum.luhn``), 13-19 digits, a card-network first digit,
  grouped as cards are printed (4-4-4-4[-3], 4-6-5, 4-6-4) or not at all;
* emails, including fullwidth (``ａ＠ｂ．ｃｏｍ``) and ``john(at)example(dot)com`` forms;
* US SSNs and UK NINOs by their issuing rules; street addresses by a pattern, the weakest
  kind, and only where an address is introduced ("at", "to", "on", "lives", ":" ...).

Text is NFKC-normalised per character first (fullwidth digits and letters become ASCII),
with a map back to the original positions, so the original characters are what is masked.
``phonenumbers`` and ``stdnum`` come with the ``pii`` extra.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from engram.errors import MissingDependencyError

#: national formats are read for these regions (``Settings.pii_phone_regions``)
DEFAULT_REGIONS: tuple[str, ...] = ("US", "GB", "DE", "FR", "ES", "IT", "NL")
KINDS = ("EMAIL", "CARD", "IBAN", "SSN", "NATIONAL_ID", "PHONE", "ADDRESS")

_AT = r"\s*(?:@|[(\[{]\s*at\s*[)\]}])\s*"
_DOT = r"(?:\s*[(\[{]\s*dot\s*[)\]}]\s*|\.)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}"
                    r"[A-Za-z]{2,24}(?![\w-])", re.IGNORECASE)
_FILE_EXT = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|pdf|txt|zip)$", re.IGNORECASE)
_CARD = re.compile(r"(?<![\d+-])[2-6]\d{2,3}(?:[ -]?\d){9,15}(?![\d-])")
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])")
_SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")
_NINO = re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?"
                   r"\d{2} ?[A-D]\b")
_STREET = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|"
           r"place|pl|terrace|parkway|pkwy|square|sq|highway|hwy|circle|cir|crescent|close|row)")
_ADDRESS = re.compile(
    r"\b\d{1,6}[A-Za-z]?,? (?:[A-Z][A-Za-z'.-]*\.? ){1,4}" + _STREET + r"\b\.?"
    r"(?:,? (?:apt|apartment|suite|unit|#)\.? ?[\w-]+)?|"
    r"\b(?:rua|avenida|calle|via|rue) (?:d[aoe]s? |de la |del )?(?:[A-Z][\w'-]*\s?){1,4},? \d{1,5}\b|"
    r"\b[A-Z][a-zäöü]+(?:straße|strasse|weg|gasse|platz) \d{1,5}[a-z]?\b", re.IGNORECASE)
#: card numbers are printed in these digit groups (or without separators)
_CARD_GROUPS = {(4, 4, 4, 4), (4, 4, 4, 4, 3), (4, 6, 5), (4, 6, 4), (4, 4, 4, 4, 4)}
#: a number right after one of these labels is an identifier, not a phone number
_ID_LABEL = re.compile(r"\b(?:order|invoice|ref(?:erence)?|ticket|claim|tracking|serial|part|"
                       r"model|po|customer|isbn|issn|ean|build|version|run|pass|id)\b"
                       r"(?: (?:no|number|nr|#|id))?\.?(?: is)?:?\s*#?\s*$", re.IGNORECASE)
#: an address is introduced: "at 9 Rose Lane", "to ...", "Parents: ...", "lives on ..."
_ADDRESS_INTRO = re.compile(r"(?:^|\b(?:at|to|on|in|from|for|is|near|via|address|live|lives|"
                            r"moved|moving)|[:;,(])\s*$", re.IGNORECASE)
#: a span holding a date or a clock time is a timestamp, not a phone number
_DATE_OR_TIME = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|"
                           r"\d{1,2}:\d{2}|^(?:19|20)\d{2}[-/ ](?:0?[1-9]|1[0-2])\b")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


def _libraries() -> tuple[Any, Any, Any]:
    try:
        import phonenumbers
        from stdnum import iban, luhn
    except ImportError as exc:
        raise MissingDependencyError("PII detection (phonenumbers, python-stdnum)", "pii") from exc
    return phonenumbers, iban, luhn


def _normalised(text: str) -> tuple[str, list[int]]:
    """NFKC per character, and for each output character the index it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        out.append(norm)
        where += [i] * len(norm)
    return "".join(out), where


def _card_ok(raw: str, luhn: Any) -> bool:
    digits = re.sub(r"\D", "", raw)
    groups = tuple(len(g) for g in re.split(r"[ -]", raw))
    if len(groups) > 1 and groups not in _CARD_GROUPS:
        return False
    return 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn.is_valid(digits)


def _ibans(norm: str, iban: Any) -> list[tuple[int, int]]:
    """Longest valid IBAN at each candidate start (spaces allowed between characters)."""
    spans = []
    for match in _IBAN_START.finditer(norm):
        chars, ends, pos = 0, [], match.start()
        while pos < len(norm) and chars < 34:
            if norm[pos].isalnum() and norm[pos].isascii():
                chars += 1
                ends.append(pos + 1)
            elif not (norm[pos] == " " and pos + 1 < len(norm) and norm[pos + 1].isalnum()):
                break
            pos += 1
        for end in reversed(ends[14:]):
            boundary = end == len(norm) or not norm[end].isalnum()
            if boundary and iban.is_valid(norm[match.start():end].replace(" ", "")):
                spans.append((match.start(), end))
                break
    return spans


def _phones(norm: str, regions: Sequence[str], phonenumbers: Any) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for region in regions or ("ZZ",):
        for match in phonenumbers.PhoneNumberMatcher(norm, region,
                                                     leniency=phonenumbers.Leniency.STRICT_GROUPING):
            if not _DATE_OR_TIME.search(match.raw_string) and not _ID_LABEL.search(
                    norm[max(0, match.start - 24):match.start]):
                spans.add((match.start, match.end))
    return sorted(spans)


def find_pii(text: str, regions: Sequence[str] = DEFAULT_REGIONS) -> list[Finding]:
    """Non-overlapping PII spans in ``text``, in order; earlier kinds in :data:`KINDS` win."""
    phonenumbers, iban, luhn = _libraries()
    norm, where = _normalised(text)
    candidates: list[tuple[str, int, int]] = []
    for match in _EMAIL.finditer(norm):
        if not _FILE_EXT.search(match.group(0)):
            candidates.append(("EMAIL", *match.span()))
    candidates += [("CARD", *m.span()) for m in _CARD.finditer(norm) if _card_ok(m.group(0), luhn)]
    candidates += [("IBAN", s, e) for s, e in _ibans(norm, iban)]
    candidates += [("SSN", *m.span()) for m in _SSN.finditer(norm)]
    candidates += [("NATIONAL_ID", *m.span()) for m in _NINO.finditer(norm)]
    candidates += [("PHONE", s, e) for s, e in _phones(norm, regions, phonenumbers)]
    for match in _ADDRESS.finditer(norm):
        value = match.group(0).rstrip(" ,")
        # "3 big ways" is not an address: a number-first one is introduced and capitalised
        introduced = _ADDRESS_INTRO.search(norm[max(0, match.start() - 12):match.start()])
        if not value[0].isdigit() or (introduced and re.search(r"[A-Z]", value[1:])):
            candidates.append(("ADDRESS", match.start(), match.start() + len(value)))
    taken: list[Finding] = []
    order = {kind: i for i, kind in enumerate(KINDS)}
    for kind, start, end in sorted(candidates, key=lambda c: (order[c[0]], c[1])):
        if any(start < f.end and f.start < end for f in taken):
            continue
        taken.append(Finding(kind, start, end, ""))
    out = []
    for f in sorted(taken, key=lambda f: f.start):
        start, end = where[f.start], where[f.end - 1] + 1
        out.append(Finding(f.kind, start, end, text[start:end]))
    return out


__all__ = ["DEFAULT_REGIONS", "KINDS", "Finding", "find_pii"]
