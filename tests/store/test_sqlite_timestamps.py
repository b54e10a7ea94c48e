"""Stored timestamps read back exactly (parse_ts is the inverse of ts, now via fromisoformat)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from engram.store.sqlite_sql import parse_ts, ts

CASES = [
    datetime(2024, 5, 1, 13, 0, tzinfo=UTC),
    datetime(2024, 5, 1, 13, 0, 0, 123456, tzinfo=UTC),
    datetime(5, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2023, 3, 26, 1, 30, tzinfo=timezone(timedelta(hours=-7))),
]


@pytest.mark.parametrize("value", CASES)
def test_round_trip_is_exact_and_utc(value: datetime) -> None:
    back = parse_ts(ts(value))
    assert back == value and back.utcoffset() == timedelta(0)
    assert back == datetime.strptime(ts(value), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def test_none_and_bad_text() -> None:
    assert parse_ts(None) is None
    with pytest.raises(ValueError):
        parse_ts("2024-05-01 13:00")  # no zone: never silently naive
