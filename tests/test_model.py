"""Model invariants: scopes, ids, validation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from engram.ids import id_time_ms, new_id
from engram.model import Filters, MemoryItem, Scope


def test_ids_are_time_sortable_and_unique() -> None:
    ids = [new_id() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert abs(id_time_ms(ids[0]) - datetime.now(UTC).timestamp() * 1000) < 5000


@pytest.mark.parametrize("fields", [{}, {"user_id": ""}, {"user_id": "  "}, {"user_id": "a\nb"},
                                    {"user_id": "x" * 300}, {"tenant": "t"}])
def test_bad_scopes_are_refused(fields: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Scope(**fields)


@given(st.fixed_dictionaries({}, optional={
    "user_id": st.sampled_from(["a", "b"]), "session_id": st.sampled_from(["s", "t"]),
    "app_id": st.sampled_from(["x", "y"])}).filter(bool),
    st.fixed_dictionaries({"user_id": st.sampled_from(["a", "b"]),
                           "session_id": st.sampled_from(["s", "t"]),
                           "app_id": st.sampled_from(["x", "y"])}))
def test_covers_means_every_set_field_matches(query: dict[str, str], item: dict[str, str]) -> None:
    expected = all(item[k] == v for k, v in query.items())
    assert Scope(**query).covers(Scope(**item)) is expected


def test_naive_datetimes_are_utc_and_ranges_checked() -> None:
    item = MemoryItem(scope=Scope(user_id="u"), content="x", event_time=datetime(2024, 1, 1))
    assert item.event_time == datetime(2024, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError):
        Filters(since=datetime(2024, 2, 1), until=datetime(2024, 1, 1))


def test_metadata_must_be_json() -> None:
    deep: dict = {}
    cursor = deep
    for _ in range(40):
        cursor["k"] = {}
        cursor = cursor["k"]
    for bad in ({"x": object()}, {"x": float("inf")}, deep, {1: "a"}):
        with pytest.raises(ValidationError):
            MemoryItem(scope=Scope(user_id="u"), content="x", metadata=bad)
