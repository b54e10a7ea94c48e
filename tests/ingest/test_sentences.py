"""Sentence boundaries: pySBD where a period is ambiguous, a plain split elsewhere."""

from __future__ import annotations

import pytest

from engram.ingest.sentences import quick_sentences, split_sentences


@pytest.mark.parametrize("text, sentences", [
    ("I work as a nurse at St. Mary's hospital. It's tiring.",
     ["I work as a nurse at St. Mary's hospital.", "It's tiring."]),
    ("My doctor, Dr. A. B. Smith, said my weight is 72.5 kg. I was surprised!",
     ["My doctor, Dr. A. B. Smith, said my weight is 72.5 kg.", "I was surprised!"]),
    ("Check https://example.com/a.b?c=d. It is good.", ["Check https://example.com/a.b?c=d.", "It is good."]),
    ("Go to https://a.com/x?y=1 now! Ok", ["Go to https://a.com/x?y=1 now!", "Ok"]),
    ("Mail bob.smith@mail.com. Write me!", ["Mail bob.smith@mail.com.", "Write me!"]),
    ('She said "I\'m moving to the U.S. next year." Then she left.',
     ['She said "I\'m moving to the U.S. next year."', "Then she left."]),
    ("I paid $3.50 at 9 a.m. on Jan. 5. Not bad.", ["I paid $3.50 at 9 a.m. on Jan. 5.", "Not bad."]),
    ("We moved to Washington, D.C. in 2019. It was hot.", ["We moved to Washington, D.C. in 2019.", "It was hot."]),
    ("I live in Leeds. I love it! Do you?", ["I live in Leeds.", "I love it!", "Do you?"]),
    ('She said "I love it." Then left.', ['She said "I love it."', "Then left."]),
    ("line one\n\nline two. Three", ["line one", "line two.", "Three"]),
    ("lol ok. i moved to porto! wow", ["lol ok. i moved to porto! wow"]),  # as pySBD: none before lowercase
])
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_quick_sentences_keep_titles_initials_and_decimals_inside() -> None:
    assert [s.strip() for s in quick_sentences("Dr. J. R. Smith weighs 72.5 kg, e.g. a lot. Ok!")] == [
        "Dr. J. R. Smith weighs 72.5 kg, e.g. a lot.", "Ok!"]
    assert [s.strip() for s in quick_sentences("I work at St. Mary's. Fine")] == ["I work at St. Mary's.", "Fine"]
