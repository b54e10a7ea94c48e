from __future__ import annotations

import json
import logging
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engram.bench.datasets import (
    load_locomo,
    load_longmemeval,
    parse_lme_date,
    parse_locomo_date,
)

LOCOMO_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "locomo"


def _lme_record(qid: str) -> dict[str, object]:
    return {
        "question_id": qid, "question_type": "temporal-reasoning",
        "question": "When did I adopt the cat?", "answer": 2022,
        "question_date": "2023/05/30 (Tue) 23:40",
        "haystack_session_ids": ["s_a", "answer_s_b"],
        "haystack_dates": ["2023/05/01 (Mon) 10:00", "2023/05/20 (Sat) 09:05"],
        "haystack_sessions": [
            [{"role": "user", "content": "Hi there"}, {"role": "assistant", "content": "Hello!"}],
            [{"role": "user", "content": "I adopted a cat", "has_answer": True},
             {"role": "assistant", "content": "Congrats", "has_answer": False},
             {"role": "user", "content": "   "}],
        ],
        "answer_session_ids": ["answer_s_b"],
    }


def test_load_longmemeval(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "lme.json"
    path.write_text(json.dumps([_lme_record("q1"), _lme_record("q2_abs")]))
    with caplog.at_level(logging.WARNING):
        cases = load_longmemeval(path)
    assert [c.case_id for c in cases] == ["q1", "q2_abs"]
    case = cases[0]
    assert case.answer == "2022" and case.question_type == "temporal-reasoning"
    assert case.question_time == datetime(2023, 5, 30, 23, 40, tzinfo=UTC)
    assert [s.session_id for s in case.sessions] == ["s_a", "answer_s_b"]
    assert case.sessions[1].time == datetime(2023, 5, 20, 9, 5, tzinfo=UTC)
    assert [t.turn_id for t in case.sessions[1].turns] == ["answer_s_b:0", "answer_s_b:1"]
    assert case.evidence_turns == {"answer_s_b:0"} and case.evidence_sessions == {"answer_s_b"}
    assert not case.abstention and cases[1].abstention
    assert case.haystack_id == "q1"
    assert "empty turn skipped" in caplog.text  # counted and logged, not silent


def _locomo_conv() -> dict[str, object]:
    return {
        "speaker_a": "Caroline", "speaker_b": "Melanie",
        "session_1_date_time": "1:56 pm on 8 May, 2023",
        "session_1": [
            {"speaker": "Caroline", "dia_id": "D1:1", "text": "Hey Mel!"},
            {"speaker": "Melanie", "dia_id": "D1:2", "text": "Look at this",
             "img_url": ["x"], "blip_caption": "a photo of a lake", "query": "lake"},
        ],
        "session_1_observation": {"Caroline": [["never ingest me", "D1:1"]]},
        "session_1_summary": "never ingest me either",
        "session_2_date_time": "10:37 am on 27 June, 2023",
        "session_2": [{"speaker": "Caroline", "dia_id": "D2:1", "text": "Adoption news"}],
        "session_3_date_time": "9:00 am on 1 July, 2023",  # a date without turns
        "qa": [
            {"question": "What did Melanie share?", "answer": "a lake photo",
             "evidence": ["D1:2"], "category": 4},
            {"question": "When?", "answer": 2023, "evidence": ["D1:1; D2:1"], "category": 2},
            {"question": "What did Caroline adopt?", "adversarial_answer": "a dog",
             "evidence": ["D:2:01"], "category": 5},
            {"question": "Open?", "answer": "x", "evidence": [], "category": 3},
        ],
    }


def test_load_locomo_fixture(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "7.json").write_text(json.dumps(_locomo_conv()))
    with caplog.at_level(logging.WARNING):
        cases = load_locomo(tmp_path)
    assert len(cases) == 4
    first = cases[0]
    assert first.haystack_id == "locomo-7" and all(c.sessions is first.sessions for c in cases)
    assert [s.session_id for s in first.sessions] == ["session_1", "session_2"]
    assert first.sessions[0].time == datetime(2023, 5, 8, 13, 56, tzinfo=UTC)
    turn = first.sessions[0].turns[1]
    assert turn.text == "Look at this [image: a photo of a lake]" and turn.speaker == "Melanie"
    assert "never ingest" not in json.dumps([t.text for s in first.sessions for t in s.turns])
    assert [c.question_type for c in cases] == ["single-hop", "temporal", "adversarial",
                                                "open-domain"]
    assert cases[1].evidence_turns == {"D1:1", "D2:1"} and cases[1].answer == "2023"
    assert cases[1].evidence_sessions == {"session_1", "session_2"}
    assert cases[2].abstention and cases[2].evidence_turns == {"D2:1"}
    assert cases[2].extra["adversarial_answer"] == "a dog"
    assert first.question_time == datetime(2023, 6, 27, 10, 37, tzinfo=UTC)
    for what in ("evidence id repaired", "question without evidence",
                 "session date without turns"):
        assert what in caplog.text


def test_date_parsers() -> None:
    assert parse_locomo_date("12:05 am on 1 January, 2024") == datetime(2024, 1, 1, 0, 5,
                                                                       tzinfo=UTC)
    assert parse_locomo_date("12:30 pm on 3 March, 2023") == datetime(2023, 3, 3, 12, 30,
                                                                     tzinfo=UTC)
    assert parse_locomo_date("sometime") is None and parse_lme_date(None) is None


@pytest.mark.skipif(not LOCOMO_DIR.is_dir(), reason="shared LoCoMo dataset not present")
def test_real_locomo_counts() -> None:
    cases = load_locomo(LOCOMO_DIR)
    haystacks = {c.haystack_id: c.sessions for c in cases}
    assert len(haystacks) == 10
    assert len(cases) == 1986
    assert sum(len(s) for s in haystacks.values()) == 272
    assert sum(len(x.turns) for s in haystacks.values() for x in s) == 5882
    assert sum(1 for c in cases if c.evidence_turns) == 1982
    assert Counter(c.question_type for c in cases) == {
        "single-hop": 841, "adversarial": 446, "temporal": 321, "multi-hop": 282,
        "open-domain": 96}
    assert all(s.time is not None for ss in haystacks.values() for s in ss)
    assert sum(c.abstention for c in cases) == 446
