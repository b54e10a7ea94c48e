"""Query-time analysis of time expressions.

Temporal questions are the weakest category of long-term memory benchmarks (LongMemEval
"temporal reasoning", LoCoMo category 2): the answer hinges on *when* something was said,
which lexical and dense similarity ignore. LongMemEval (Wu et al., 2024) shows that
extracting a time range from the question to filter/boost candidates ("time-aware query
expansion") recovers much of that loss.

:func:`parse_time_query` turns a question into half-open UTC ranges ``[start, end)`` plus
an *ordering* hint for "first time ..." / "most recently ..." questions, all resolved
against ``now`` (the question time), never the wall clock. Design choices:

* Regexes find candidate spans; only odd explicit forms ("Sept. 5th '22") go to
  ``dateparser``, so a typical query costs well under 2 ms.
* People are imprecise ("two weeks ago" is rarely exactly 14 days), so vague expressions
  get fuzzy windows; ranges are meant as soft boosts or generous filters.
* Seasons are meteorological, northern hemisphere (dateparser cannot parse them).
* It never raises: bad input yields an empty :class:`TimeQuery`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

logger = logging.getLogger(__name__)

Ordering = Literal["earliest", "latest"]
Range = tuple[datetime, datetime]

MAX_CHARS = 10_000  # longer inputs are truncated: a query is never that long
MAX_UNITS = 1_000  # "5000 years ago" is not a memory question
RECENT_DAYS = 30  # "recently" / "lately": a soft window, not a hard cut-off
OTHER_DAY_DAYS = 10  # "the other day"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "couple": 2, "few": 3, "several": 4,
}
SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
# "may", "march", "fall" are also verbs: accept them only with a date-like neighbour.
AMBIGUOUS = {"may", "mar", "march", "fall", "sat", "sun", "wed"}

_MON = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|"
        r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_NUM = (r"(?P<n>\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several)")
_UNIT = r"(?P<u>day|week|month|year)s?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_I = re.IGNORECASE


@dataclass
class TimeQuery:
    """What a query says about time.

    ``spans`` are aligned 1:1 with ``ranges`` (an ambiguous expression such as
    "winter 2022" yields two ranges with the same span); ``grains`` says what kind
    of range each is: day, week, weekend, month, season, year, window or fuzzy.
    """

    ranges: list[Range] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    ordering: Ordering | None = None
    is_temporal: bool = False
    grains: list[str] = field(default_factory=list)


@dataclass
class _Ctx:
    now: datetime
    today: datetime  # start of the day that contains ``now``
    tomorrow: datetime


_Got = list[tuple[datetime, datetime, str]] | None  # what a handler found; None rejects
Handler = Callable[[re.Match[str], _Ctx], _Got]


def _day(dt: datetime) -> datetime:
    return dt.replace(hour=0, minute=0, second=0, microsecond=0)


def _month_start(year: int, month: int) -> datetime:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime(year, month, 1, tzinfo=UTC)


def _month(year: int, month: int) -> tuple[datetime, datetime, str]:
    return _month_start(year, month), _month_start(year, month + 1), "month"


def _year(year: int) -> tuple[datetime, datetime, str]:
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC), "year"


def _oneday(day: datetime) -> tuple[datetime, datetime, str]:
    return day, day + timedelta(days=1), "day"


def _num(text: str | None) -> int:
    if not text:
        return 1
    words = text.lower().split()
    key = next((w for w in words if w in NUMBERS and w not in ("a", "of")), words[0])
    value = int(key) if key.isdigit() else NUMBERS.get(key, 1)
    return min(value, MAX_UNITS)


def _add_months(dt: datetime, months: int) -> datetime:
    start = _month_start(dt.year, dt.month + months)
    nxt = _month_start(start.year, start.month + 1)
    return start.replace(day=min(dt.day, (nxt - start).days), hour=dt.hour, minute=dt.minute)


def _past_date(ctx: _Ctx, month: int, day: int) -> datetime:
    """The most recent ``month``/``day`` on or before today."""
    year = ctx.today.year if (month, day) <= (ctx.today.month, ctx.today.day) else ctx.today.year - 1
    return datetime(year, month, day, tzinfo=UTC)


def _iso(m: re.Match[str], ctx: _Ctx) -> _Got:
    return [_oneday(datetime(int(m["y"]), int(m["m"]), int(m["d"]), tzinfo=UTC))]


def _numeric(m: re.Match[str], ctx: _Ctx) -> _Got:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    return [_oneday(datetime(year, month, day, tzinfo=UTC))]


def _month_day(m: re.Match[str], ctx: _Ctx) -> _Got:
    month, day = MONTHS[m["mon"].lower()], int(m["d"])
    if m["y"]:
        return [_oneday(datetime(int(m["y"]), month, day, tzinfo=UTC))]
    return [_oneday(_past_date(ctx, month, day))]


def _month_year(m: re.Match[str], ctx: _Ctx) -> _Got:
    return [_month(int(m["y"]), MONTHS[m["mon"].lower()])]


def _month_alone(m: re.Match[str], ctx: _Ctx) -> _Got:
    name, rel = m["mon"].lower(), (m["rel"] or "").lower()
    if not rel and _MODIFIER.search(m.string, max(0, m.start() - 12), m.start()):
        rel = "in"  # "since March", "before May": the modifier vouches for the month
    if name in AMBIGUOUS and not rel:
        return None
    if len(name) <= 4 and name not in ("june", "july") and not rel:
        return None  # bare abbreviations ("dec", "jan") are too noisy without context
    month, this_year = MONTHS[name], ctx.today.year
    if rel in ("last", "past", "previous"):
        year = this_year if month < ctx.today.month else this_year - 1
    else:  # the most recent one on or before today, unless "this May"
        year = this_year if month <= ctx.today.month or rel == "this" else this_year - 1
    return [_month(year, month)]


def _season(m: re.Match[str], ctx: _Ctx) -> _Got:
    name, rel = m["s"].lower(), (m["rel"] or "").lower()
    if name in AMBIGUOUS and not (rel or m["y"] or m["pre"]):
        return None
    first = SEASON_START[name]
    if m["y"]:
        year = int(m["y"])
        if name == "winter":  # "winter 2022" is read both ways: Jan-Feb 2022 and Dec 2022-Feb 2023
            return [(_month_start(year, 0), _month_start(year, 3), "season"),
                    (_month_start(year, 12), _month_start(year, 15), "season")]
        return [(_month_start(year, first), _month_start(year, first + 3), "season")]
    # the season that started most recently on or before today
    start = _month_start(ctx.today.year, first)
    if start > ctx.today:
        start = _month_start(ctx.today.year - 1, first)
    end = _month_start(start.year, start.month + 3)
    if rel == "this" and end <= ctx.today:  # "this summer" said in May: the coming one
        start = _month_start(ctx.today.year, first)
        end = _month_start(start.year, start.month + 3)
    if rel in ("last", "past", "previous") and end > ctx.today:
        start, end = _month_start(start.year - 1, first), _month_start(start.year - 1, first + 3)
    return [(start, end, "season")]


def _year_only(m: re.Match[str], ctx: _Ctx) -> _Got:
    year = int(m["y"])  # a bare number is a year only when it is a plausible one
    return [_year(year)] if m["rel"] or 1950 <= year <= ctx.today.year + 1 else None


def _day_word(m: re.Match[str], ctx: _Ctx) -> _Got:
    word = " ".join(m[0].lower().split())
    back = 2 if "before yesterday" in word else 1 if word in ("yesterday", "last night") else 0
    return [_oneday(ctx.today - timedelta(days=back))]


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Got:
    if m[0].lower().endswith("days"):
        return None  # "on Tuesdays" is a habit, not a date
    rel, target = (m["rel"] or "").lower(), WEEKDAYS[m["wd"].lower()]
    today_wd = ctx.today.weekday()
    if rel == "this":
        return [_oneday(ctx.today + timedelta(days=target - today_wd))]
    back = (today_wd - target) % 7
    if rel in ("last", "past", "previous") and back == 0:
        back = 7
    return [_oneday(ctx.today - timedelta(days=back))]


def _weekend(m: re.Match[str], ctx: _Ctx) -> _Got:
    this_sat = ctx.today + timedelta(days=5 - ctx.today.weekday())
    rel = (m["rel"] or "").lower()
    current = rel == "this" or (not rel and ctx.today >= this_sat)
    start = this_sat if current else this_sat - timedelta(days=7)  # else: the last one over
    return [(start, start + timedelta(days=2), "weekend")]


def _window(m: re.Match[str], ctx: _Ctx) -> _Got:
    return [(_back(ctx.today, _num(m["n"]), m["u"].lower()), ctx.tomorrow, "window")]


def _back(day: datetime, n: int, unit: str) -> datetime:
    if unit == "day":
        return day - timedelta(days=n)
    if unit == "week":
        return day - timedelta(weeks=n)
    return _add_months(day, -n * (12 if unit == "year" else 1))


def _ago(m: re.Match[str], ctx: _Ctx) -> _Got:
    """"N units ago": a fuzzy window around the point N units back (±3 days for weeks)."""
    n, unit = _num(m["n"]), m["u"].lower()
    center = _back(ctx.today, n, unit)
    if unit == "day":
        if n <= 2:
            return [_oneday(center)]
        fuzz = timedelta(days=1)
    else:
        fuzz = timedelta(days={"week": 3, "month": 15, "year": 183}[unit])
    return [(center - fuzz, center + fuzz + timedelta(days=1), "fuzzy")]


def _period(m: re.Match[str], ctx: _Ctx) -> _Got:
    rel, unit, earlier, today = m["rel"].lower(), m["u"].lower(), bool(m["early"]), ctx.today
    if unit == "week":
        start = today - timedelta(days=today.weekday())
        cur = (start, start + timedelta(days=7), "week")
    elif unit == "month":
        cur = _month(today.year, today.month)
    else:
        cur = _year(today.year)
    if earlier or rel in ("this", "current"):
        return [(cur[0], ctx.tomorrow if earlier else cur[1], cur[2])]
    if rel == "past":  # "the past week": a rolling window
        return [(_back(today, 1, unit), ctx.tomorrow, "window")]
    if unit == "week":  # last week: previous calendar week, or the 7 days before today
        return [(cur[0] - timedelta(days=7), today, "week")]
    if unit == "month":
        return [_month(today.year, today.month - 1)]
    return [_year(today.year - 1)]


def _recent(m: re.Match[str], ctx: _Ctx) -> _Got:
    days = OTHER_DAY_DAYS if "other" in m[0].lower() else RECENT_DAYS
    return [(ctx.today - timedelta(days=days), ctx.tomorrow, "window")]


def _fallback(m: re.Match[str], ctx: _Ctx) -> _Got:
    """Odd explicit forms go to dateparser (imported lazily: its first call is slow)."""
    import dateparser

    settings: dict[str, object] = {
        "RELATIVE_BASE": ctx.now.replace(tzinfo=None), "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC", "DATE_ORDER": "MDY"}
    value = dateparser.parse(m[0], languages=["en"], settings=settings)
    return [_oneday(_day(value.astimezone(UTC)))] if value else None


_REL = r"(?:(?P<rel>last|this|past|previous|current|early|late|mid|in|during|of|on|by)[\s-]+)"
_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"\b(?P<y>\d{4})([-/])(?P<m>\d{1,2})\2(?P<d>\d{1,2})\b"), _iso),
    (re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})\b"), _numeric),
    (re.compile(r"\b(?:\d{1,2}" + _ORD + r"\s+(?:of\s+)?)?" + _MON + r"(?:\s+\d{1,2}" + _ORD
                + r")?,?\s+'\d\d\b", _I), _fallback),
    (re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})" + _ORD + r"\b(?:,?\s+" + _YEAR + r"\b)?", _I),
     _month_day),
    (re.compile(r"\b(?:the\s+)?(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MON
                + r"(?:,?\s+" + _YEAR + r")?\b", _I), _month_day),
    (re.compile(r"\b" + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b", _I), _month_year),
    (re.compile(r"\b(?:(?P<pre>in|during|over|the)\s+)?(?:(?P<rel>last|this|past|previous)\s+)?"
                r"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?" + _YEAR + r")?\b", _I),
     _season),
    (re.compile(r"\b(?:(?:the\s+)?(?:past|last|previous)|over\s+the\s+(?:past|last))\s+" + _NUM
                + r"\s+" + _UNIT + r"\b", _I), _window),
    (re.compile(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?:ago|back|earlier)\b", _I), _ago),
    (re.compile(r"\b(?P<early>earlier\s+)?(?:the\s+)?(?P<rel>last|this|past|previous|current)\s+"
                r"(?P<u>week|month|year)\b", _I), _period),
    (re.compile(r"\b(?:(?P<rel>last|this|past|previous|the)\s+)?weekend\b", _I), _weekend),
    (re.compile(r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|"
                r"this\s+(?:morning|afternoon|evening))\b", _I), _day_word),
    (re.compile(r"\b(?:(?P<rel>last|this|past|previous|on)\s+)?(?P<wd>monday|tuesday|wednesday|"
                r"thursday|friday|saturday|sunday)s?\b", _I), _weekday),
    (re.compile(r"\b" + _REL + r"?" + _MON + r"(?![\w'])", _I), _month_alone),
    (re.compile(r"\b(?:(?P<rel>in|during|of|by)\s+)?" + _YEAR
                + r"\b(?!\s*(?:%|\$|dollars|meters|miles|km|calories|steps|words|people|pieces))",
                _I), _year_only),
    (re.compile(r"(?<!most\s)\b(?:recently|lately|recent|the\s+other\s+day)\b", _I), _recent),
]
_MODIFIER = re.compile(r"\b(?P<op>since|after|before|until|till|prior\s+to)\s+$", _I)
_EARLIEST = re.compile(r"\b(?:first|earliest|initially|originally|oldest|"
                       r"at\s+the\s+(?:very\s+)?(?:start|beginning))\b", _I)
_LATEST = re.compile(
    r"\b(?:most\s+recent(?:ly)?|latest|newest|last\s+time|current(?:ly)?|nowadays|these\s+days|"
    r"right\s+now|any\s?more|the\s+last\b(?!\s+(?:\d|an?\b|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|few|couple|several|days?|weeks?|months?|years?|nights?|weekends?|hours?|"
    r"summer|winter|spring|fall|autumn)))", _I)
_CUE = re.compile(r"\b(?:when|what\s+(?:date|day|time|year|month)|how\s+long|how\s+many\s+"
                  r"(?:days|weeks|months|years|hours)|before|after|since|until|ago|earlier|"
                  r"later|order|chronolog\w*|dates?)\b", _I)


def parse_time_query(query: str, now: datetime) -> TimeQuery:
    """Find time ranges and an ordering hint in ``query``, resolved against ``now``.

    Naive ``now`` is taken as UTC. Never raises; unparseable input gives an empty result.
    """
    try:
        return _parse(query[:MAX_CHARS], now)
    except Exception:  # defensive: a query must never break retrieval
        logger.debug("time parsing failed", exc_info=True)
        return TimeQuery()


def _parse(query: str, now: datetime) -> TimeQuery:
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    today = _day(now)
    ctx = _Ctx(now=now, today=today, tomorrow=today + timedelta(days=1))
    found: list[tuple[int, int, datetime, datetime, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(query):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            try:
                got = handler(m, ctx)
            except (ValueError, OverflowError, KeyError):
                got = None  # impossible date such as "February 30"
            if not got:
                continue
            s, got = _apply_modifier(query, s, got, ctx)
            taken.append((s, e))
            found.extend((s, e, a, b, g) for a, b, g in got)
    found.sort(key=lambda f: (f[0], f[2]))
    result = TimeQuery(
        ranges=[(a, b) for _, _, a, b, _ in found],
        spans=[(s, e) for s, e, _, _, _ in found],
        grains=[g for *_, g in found],
    )
    result.ordering = _ordering(query)
    result.is_temporal = bool(found) or result.ordering is not None or bool(_CUE.search(query))
    return result


def _apply_modifier(query: str, start: int, got: list[tuple[datetime, datetime, str]],
                    ctx: _Ctx) -> tuple[int, list[tuple[datetime, datetime, str]]]:
    """"since May" → [May, today]; "before 2020" → [epoch, 2020). The span grows to match."""
    mod = _MODIFIER.search(query, max(0, start - 12), start)
    if not mod:
        return start, got
    op = mod["op"].lower()
    lo, hi = min(a for a, _, _ in got), max(b for _, b, _ in got)
    if op in ("since", "after"):
        rng = (lo if op != "after" else hi, max(ctx.tomorrow, hi), "window")
    else:
        rng = (EPOCH, lo, "window")
    if rng[0] >= rng[1]:  # "after May" asked in May: nothing left, keep the plain month
        return start, got
    return mod.start(), [rng]


def _ordering(query: str) -> Ordering | None:
    first, last = _EARLIEST.search(query), _LATEST.search(query)
    if first and last:
        return "earliest" if first.start() < last.start() else "latest"
    return "earliest" if first else "latest" if last else None
