"""Time expressions against a fixed reference: Tuesday 2023-05-30 23:40 UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engram.retrieve.timeparse import parse_time_query

NOW = datetime(2023, 5, 30, 23, 40, tzinfo=UTC)  # a Tuesday

# (query, [(first day, day after last day)]) — ranges are half-open [start, end)
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("What did I do on May 8, 2023?", [("2023-05-08", "2023-05-09")]),
    ("what happened on 8 May 2023", [("2023-05-08", "2023-05-09")]),
    ("notes from 2023-05-08", [("2023-05-08", "2023-05-09")]),
    ("the meeting on 05/08/2023", [("2023-05-08", "2023-05-09")]),
    ("on the 8th of June", [("2022-06-08", "2022-06-09")]),  # no year: most recent past one
    ("on May 3rd", [("2023-05-03", "2023-05-04")]),
    ("what did I read in May?", [("2023-05-01", "2023-06-01")]),
    ("where did I go in March", [("2023-03-01", "2023-04-01")]),
    ("trips in August", [("2022-08-01", "2022-09-01")]),  # August 2023 is in the future
    ("What did I buy in May 2023?", [("2023-05-01", "2023-06-01")]),
    ("what happened in 2022", [("2022-01-01", "2023-01-01")]),
    ("what did I eat yesterday", [("2023-05-29", "2023-05-30")]),
    ("what did I eat today", [("2023-05-30", "2023-05-31")]),
    ("the day before yesterday", [("2023-05-28", "2023-05-29")]),
    ("what did I do last week", [("2023-05-22", "2023-05-30")]),
    ("plans this week", [("2023-05-29", "2023-06-05")]),
    ("what did I cook last month", [("2023-04-01", "2023-05-01")]),
    ("books I read last year", [("2022-01-01", "2023-01-01")]),
    ("what did I do last Tuesday", [("2023-05-23", "2023-05-24")]),
    ("what did I buy last Friday", [("2023-05-26", "2023-05-27")]),
    ("what did I do on Sunday", [("2023-05-28", "2023-05-29")]),
    ("the movie two weeks ago", [("2023-05-13", "2023-05-20")]),  # ±3 days around May 16
    ("3 days ago", [("2023-05-26", "2023-05-29")]),
    ("a month ago", [("2023-04-15", "2023-05-16")]),
    ("a couple of weeks ago", [("2023-05-13", "2023-05-20")]),
    ("in the past 3 months", [("2023-02-28", "2023-05-31")]),
    ("over the past week", [("2023-05-23", "2023-05-31")]),
    ("what have I been reading recently", [("2023-04-30", "2023-05-31")]),
    ("what did I do last weekend", [("2023-05-27", "2023-05-29")]),
    ("where did I go last summer", [("2022-06-01", "2022-09-01")]),
    ("skiing in winter 2022", [("2021-12-01", "2022-03-01"), ("2022-12-01", "2023-03-01")]),
    ("in the fall", [("2022-09-01", "2022-12-01")]),
    ("since March", [("2023-03-01", "2023-05-31")]),
    ("before 2020", [("1970-01-01", "2020-01-01")]),
    ("earlier this month", [("2023-05-01", "2023-05-31")]),
    ("Sept. 5th '22", [("2022-09-05", "2022-09-06")]),  # the dateparser fallback
    ("last night", [("2023-05-29", "2023-05-30")]),
]

NOT_TIME = ["May I ask you something?", "I like to fall asleep early", "we march on",
            "I ran 2000 meters", "what is my dog's name", ""]


def _days(query: str) -> list[tuple[str, str]]:
    result = parse_time_query(query, NOW)
    return [(a.date().isoformat(), b.date().isoformat()) for a, b in result.ranges]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] for c in CASES])
def test_time_expressions(query: str, expected: list[tuple[str, str]]) -> None:
    assert _days(query) == expected


@pytest.mark.parametrize("query", NOT_TIME)
def test_no_false_positives(query: str) -> None:
    assert parse_time_query(query, NOW).ranges == []


def test_ranges_are_utc_half_open_and_spans_align() -> None:
    query = "what did I do yesterday and in 2022?"
    result = parse_time_query(query, NOW)
    assert [query[s:e] for s, e in result.spans] == ["yesterday", "in 2022"]
    assert len(result.spans) == len(result.ranges) == len(result.grains)
    for start, end in result.ranges:
        assert start.tzinfo is not None and start.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
        assert start < end
    assert result.is_temporal


@pytest.mark.parametrize(("query", "ordering"), [
    ("When was the first time I went hiking?", "earliest"),
    ("what did I originally order", "earliest"),
    ("when did I most recently see the dentist", "latest"),
    ("what is my current job", "latest"),
    ("what was the last book I read", "latest"),
    ("what did I do last week", None),
    ("what's my dog's name", None),
])
def test_ordering(query: str, ordering: str | None) -> None:
    assert parse_time_query(query, NOW).ordering == ordering


def test_temporal_cue_without_range() -> None:
    result = parse_time_query("When did Caroline go to the support group?", NOW)
    assert result.ranges == [] and result.is_temporal
    assert not parse_time_query("What is Caroline's favourite color?", NOW).is_temporal


def test_naive_now_is_utc_and_invalid_dates_are_skipped() -> None:
    result = parse_time_query("on February 30, 2023 and 2023-02-29", datetime(2023, 5, 30))
    assert "day" not in result.grains  # impossible days degrade to their month / year
    assert result.ranges[0][0] == datetime(2023, 2, 1, tzinfo=UTC)
    assert _days("yesterday") == [(str(date(2023, 5, 29)), "2023-05-30")]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    result = parse_time_query(text, NOW)
    assert all(a <= b for a, b in result.ranges)


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"(in |last |since |about )?(\d{1,6} (days|weeks|months|years) ago|"
                     r"(January|May|winter|summer) \d{1,5}|\d{1,4}/\d{1,4}/\d{1,5})", fullmatch=True))
def test_extreme_numbers_never_raise(text: str) -> None:
    parse_time_query(text, NOW)
