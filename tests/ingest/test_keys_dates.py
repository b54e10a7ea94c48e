"""The keys enricher's date pass parses only the windows around time anchors; it must
find exactly what parsing the whole text finds (issue #17: ~14 ms per long round)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engram.ingest import keys
from engram.retrieve.timeparse import parse_time_query

LOCOMO = Path("/work/shared/datasets/locomo/26.json")
AT = datetime(2023, 5, 8, 13, 56, tzinfo=UTC)
EXPRESSIONS = [
    "last week", "3 days ago", "the day before yesterday", "May 5th, 2023", "the 21st of September",
    "since last summer", "before 2020", "over the past couple of weeks", "this weekend", "last night",
    "on Tuesday", "in March", "winter 2022", "2023-05-04", "5/6/2023", "Jan '21", "recently",
    "the other day", "most recently", "previous month", "prior to June", "12 meters", "in 1999",
]
FILLER = ("we talked about the garden and the new puppy while the kettle boiled "
          "and nobody mentioned anything that happened at any particular time").split()


def whole_text_dates(text: str, event_time: datetime | None) -> list[str]:
    """The reference: the date pass as it was, one parse of the whole text (the windows
    are what is under test; the mapping of a parse to keys is shared)."""
    return keys.date_keys(text, event_time or datetime(2000, 1, 1), event_time is not None)


def synthetic(seed: int) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    for _ in range(rng.randint(1, 12)):
        words += rng.choices(FILLER, k=rng.randint(0, 40))
        words.append(rng.choice(EXPRESSIONS))
    return rng.choice([" ", "  ", "\n", " \t "]).join(words)


@pytest.mark.parametrize("event_time", [AT, None])
def test_windowed_dates_equal_whole_text_dates(event_time: datetime | None) -> None:
    texts = [synthetic(seed) for seed in range(300)]
    texts += ["", "nothing here", "x" * 50 + " May 2023", "since\n\n\n\nlast   week, today"]
    for text in texts:
        assert keys._dates(text, event_time) == whole_text_dates(text, event_time), text


@pytest.mark.skipif(not LOCOMO.exists(), reason="LoCoMo not available")
def test_windowed_dates_equal_whole_text_dates_on_locomo() -> None:
    import json

    record = json.loads(LOCOMO.read_text())
    conv = record.get("conversation", record)
    turns = [t["text"] for key, value in conv.items() if key.startswith("session_")
             and isinstance(value, list) for t in value if t.get("text")]
    long_rounds = [" ".join(turns[i:i + 8]) for i in range(0, len(turns), 8)]
    assert len(turns) > 100
    for text in turns + long_rounds:
        assert keys._dates(text, AT) == whole_text_dates(text, AT), text


def test_text_without_anchors_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(keys, "parse_time_query", lambda text, now: calls.append(text) or parse_time_query(text, now))
    assert keys._dates("we talked about the garden " * 50, AT) == []
    assert calls == []
    long = "filler words " * 400 + "three days ago" + " more filler" * 400
    assert keys._dates(long, AT) == ["2023-05-05"]
    assert len(calls) == 1 and len(calls[0]) < 300


def test_words_that_only_begin_like_a_time_word_do_not_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    """"money", "decide", "friend", "market": a month or weekday prefix inside a longer word
    opens no window (they covered most of a long assistant turn before)."""
    lookalikes = "money decide friendly market monitor satisfy sunny wedding separate novel junior augment "
    text = lookalikes * 40 + "we met on Friday" + " " + lookalikes * 40
    expected = whole_text_dates(text, AT)
    calls: list[str] = []
    monkeypatch.setattr(keys, "parse_time_query", lambda text, now: calls.append(text) or parse_time_query(text, now))
    assert keys._dates(lookalikes * 40, AT) == []
    assert calls == []
    assert keys._dates(text, AT) == expected == ["2023-05-05"]
    assert len(calls) == 1 and len(calls[0]) < 400
