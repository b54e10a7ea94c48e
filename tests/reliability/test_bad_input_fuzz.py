"""Bad input through the library: hypothesis fuzzing of the facade and of JSONL import,
huge inputs, deep metadata, control characters, invalid UTF-8 and SQL/FTS5 injection.
The contract: either it works (and round-trips) or it raises an EngramError — never
another exception, never a corrupted store, never another scope's data."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engram import Memory
from engram.errors import EngramError, InvalidInputError

from .conftest import record

SUITE = settings(max_examples=150, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10)
INJECTIONS = [
    "'; DROP TABLE memories; --", "\" OR 1=1 --", "text:secret", "secret*", "NEAR(a b, 2)",
    "a AND b OR NOT c", "\"unterminated", "(((", "^start", "col:* OR keys:*", "{text keys}: x",
    "memories_fts MATCH 'x'", "') UNION SELECT content FROM memories --", "\\x00", "%", "_",
    "🙂" * 50, "a" * 5000, "\u202e\u200b", "* OR *",
]


@pytest.fixture(scope="module")
def counts() -> Iterator[dict[str, int]]:
    """How many hostile inputs this module's tests fed in, reported once they all ran
    (whatever ran, in whatever order): figures for benchmarks/reliability.md."""
    tally = {"facade": 0, "import": 0, "search": 0}
    yield tally
    record("bad-input", tally)


@pytest.fixture
def mem(make_memory: Callable[..., Memory]) -> Memory:
    m = make_memory(max_content_chars=20_000, enrichers=["pii", "guard", "keys"])
    m.add("victim secret in another tenant", user_id="victim")
    return m


@SUITE
@given(text=st.text(max_size=300) | st.binary(max_size=100),
       metadata=st.none() | st.dictionaries(st.text(max_size=8), json_values, max_size=4),
       tags=st.lists(st.text(max_size=10), max_size=4), user=st.text(max_size=12),
       importance=st.floats(allow_nan=True) | st.integers())
def test_facade_add_never_crashes(mem: Memory, counts: dict[str, int], text: str | bytes,
                                  metadata: object, tags: list[str], user: str,
                                  importance: float) -> None:
    """Well-typed but hostile values (wrong *types* are a TypeError, as in any typed API)."""
    counts["facade"] += 1
    try:
        items = mem.add(text, user_id=user, metadata=metadata, tags=tags,  # type: ignore[arg-type]
                        importance=importance)
    except EngramError:
        return
    for item in items:
        assert mem.get(item.id, user_id=user).content == item.content
    assert mem.count(user_id="victim") == 1


@SUITE
@given(lines=st.lists(st.text(max_size=200) | json_values.map(json.dumps), max_size=6),
       skip_bad=st.booleans())
def test_import_never_crashes(mem: Memory, counts: dict[str, int], lines: list[str],
                              skip_bad: bool) -> None:
    counts["import"] += 1
    try:
        mem.import_(lines, scope={"user_id": "importer"}, skip_bad=skip_bad)
    except EngramError:
        pass
    assert mem.count(user_id="victim") == 1


def test_import_of_mutated_exports(mem: Memory) -> None:
    """Real export lines with one field broken at a time: all-or-nothing, typed errors."""
    mem.add("exported note", user_id="importer")
    lines = list(mem.export(user_id="importer"))
    record_line = json.loads(lines[-1])
    for field, bad in [("content", ""), ("content", "\x00"), ("version", -1), ("scope", {}),
                       ("importance", 7), ("created_at", "yesterday"), ("metadata", [1])]:
        broken = json.loads(json.dumps(record_line))
        broken["item"][field] = bad
        with pytest.raises(InvalidInputError):
            mem.import_([lines[0], json.dumps(broken)], scope={"user_id": "other"})
    assert mem.count(user_id="other") == 0


@pytest.mark.parametrize("query", INJECTIONS)
def test_search_injection_is_inert(mem: Memory, counts: dict[str, int], query: str) -> None:
    counts["search"] += 1
    mem.add("my own note about secret keys", user_id="attacker")
    result = mem.search(query, user_id="attacker", limit=50)
    assert all(h.item.scope.user_id == "attacker" for h in result.hits)
    assert mem.count(user_id="victim") == 1 and mem.store.integrity_check() == []


def test_huge_deep_and_hostile_inputs(mem: Memory) -> None:
    with pytest.raises(InvalidInputError, match="characters"):
        mem.add("x" * 20_001, user_id="u")
    [big] = mem.add("word " * 3_999, user_id="u")
    assert len(mem.get(big.id, user_id="u").content) == len("word " * 3_999)
    deep: dict[str, object] = {}
    node = deep
    for _ in range(40):
        node["k"] = {}
        node = node["k"]  # type: ignore[assignment]
    with pytest.raises(InvalidInputError, match="nested"):
        mem.add("deep", user_id="u", metadata=deep)
    with pytest.raises(InvalidInputError, match="UTF-8"):
        mem.add(b"\xff\xfe broken", user_id="u")
    with pytest.raises(InvalidInputError, match="UTF-8"):
        mem.add("lone \ud800 surrogate", user_id="u")
    with pytest.raises(InvalidInputError, match="NUL"):
        mem.add("nul \x00 byte", user_id="u")
    [ctrl] = mem.add("bell \x07 escape \x1b[31m tab\t", user_id="u")
    assert mem.get(ctrl.id, user_id="u").content == "bell \x07 escape \x1b[31m tab\t"
    for bad_scope in ["", " ", "a\nb", "x" * 300]:
        with pytest.raises(InvalidInputError):
            mem.add("hi", user_id=bad_scope)
    with pytest.raises(InvalidInputError):
        mem.list(user_id="u", filters={"metadata": {"a') OR 1=1 --": 1}})
    assert mem.count(user_id="victim") == 1


def test_ancient_event_time_round_trips(mem: Memory) -> None:
    [item] = mem.add("an old story", user_id="u", event_time=datetime(5, 1, 1, tzinfo=UTC))
    assert mem.get(item.id, user_id="u").event_time == item.event_time


def test_out_of_range_timezone_is_an_input_error(mem: Memory) -> None:
    from datetime import timedelta

    with pytest.raises(InvalidInputError):
        mem.add("x", user_id="u",
                event_time=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))))
