"""BEAM loading, the declared splits and the per-question checks, on data the tests write."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from engram.bench.beam import evidence_parts, load_beam, tidy
from engram.bench.datasets import BenchCase, BenchSession, BenchTurn
from engram.bench.report import markdown
from engram.bench.runner import BenchConfig, run
from engram.bench.scoring import evidence_inside, newest_first, part_checks
from engram.bench.splits import split_of
from engram.config import Settings


def write_beam(root: Path) -> Path:
    conv = root / "1"
    (conv / "probing_questions").mkdir(parents=True)
    chat = [{"batch_number": 1, "time_anchor": None, "turns": [
        [{"role": "user", "id": 0, "time_anchor": "March-15-2024",
          "content": "My API answers in 900ms right now. ->-> 1,1"},
         {"role": "assistant", "id": 1, "content": "Caching could help a lot. ->-> 1,2"}],
        [{"role": "user", "id": 2, "content": "I prefer tabs over spaces for indentation."},
         {"role": "assistant", "id": 3, "content": "Noted, tabs it is."}],
    ]}, {"batch_number": 2, "time_anchor": None, "turns": [
        [{"role": "user", "id": 4, "time_anchor": "April-05-2024",
          "content": "After the caching work my API answers in 250ms."},
         {"role": "assistant", "id": 5, "content": "Great improvement from 900ms."}],
    ]}]
    probes = {
        "knowledge_update": [{"question": "How fast does my API answer?", "answer": "250ms",
                              "source_chat_ids": "{'original_info': [0], 'updated_info': [4]}"}],
        "preference_following": [{"question": "Indent this code for me", "source_chat_ids": [2]}],
        "abstention": [{"question": "What is my cat called?", "ideal_response": "Not mentioned"}],
    }
    (conv / "chat.json").write_text(json.dumps(chat))
    (conv / "probing_questions" / "probing_questions.json").write_text(json.dumps(probes))
    return root


def test_beam_loader_strips_markers_dates_sessions_and_keeps_evidence_parts(tmp_path: Path) -> None:
    cases = load_beam(write_beam(tmp_path / "beam"))
    assert [c.question_type for c in cases] == ["knowledge_update", "preference_following", "abstention"]
    update = cases[0]
    first = update.sessions[0]
    assert first.turns[0].text == "My API answers in 900ms right now."  # marker stripped
    assert first.time == datetime(2024, 3, 15, tzinfo=UTC)
    assert update.sessions[1].time is not None and update.sessions[1].time > first.time  # inherits the anchor
    assert update.sessions[2].time is not None and update.sessions[2].time.month == 4
    assert update.evidence_turns == {"0", "4"}
    assert update.extra["evidence_parts"] == {"original_info": {"0"}, "updated_info": {"4"}}
    assert update.evidence_sessions == {first.session_id, update.sessions[2].session_id}
    assert cases[2].abstention and not cases[1].abstention
    assert update.question_time is not None and update.question_time > update.sessions[2].time


def test_evidence_parts_and_runaway_messages() -> None:
    assert evidence_parts("[4, 60]") == {"all": {"4", "60"}}
    assert evidence_parts({"first_statement": [1], "second_statement": []}) == {"first_statement": {"1"}}
    assert evidence_parts("not a literal") == {} and evidence_parts(None) == {}
    issues: Counter[str] = Counter()
    assert tidy("art:" + " " * 500 + "x\n|\n|\n|\nend", issues) == "art: x\n|\nend"
    assert issues


def test_declared_splits_are_fixed() -> None:
    assert split_of("locomo", "locomo-26:0", "locomo-26") == "dev"
    assert split_of("locomo", "locomo-50:3", "locomo-50") == "test"
    assert split_of("beam", "beam-3:x:0", "beam-3") == "dev"
    assert split_of("beam", "beam-14:x:0", "beam-14") == "test"
    lme = {split_of("longmemeval", f"q{n}", f"q{n}") for n in range(20)}
    assert lme == {"dev", "test"}


def test_evidence_counts_only_when_the_answering_part_is_packed() -> None:
    turn = "I went hiking yesterday. My dog is called Pixel. The weather was fine."
    assert evidence_inside(turn, "Pixel", f"[2024]\nuser: {turn}")
    assert evidence_inside(turn, "Pixel", "user: I went hiking yesterday.\n…\nMy dog is called Pixel.\n…")
    assert not evidence_inside(turn, "Pixel", "user: I went hiking yesterday.\n…\nThe weather was fine.")
    assert not evidence_inside(turn, "", "user: I went hiking yesterday.\n…")  # no answer words: whole turn


def _case(question_type: str, sessions: list[BenchSession], evidence: set[str], **extra: object) -> BenchCase:
    return BenchCase(case_id="c", question="q", answer="", question_type=question_type, question_time=None,
                     sessions=sessions, evidence_sessions=evidence, evidence_turns=set(),
                     abstention=False, haystack_id="h", extra=dict(extra))


def test_newest_first_and_part_checks() -> None:
    old = BenchSession("old", datetime(2024, 1, 1, tzinfo=UTC), [BenchTurn("o", "user", "x")])
    new = BenchSession("new", datetime(2024, 6, 1, tzinfo=UTC), [BenchTurn("n", "user", "y")])
    case = _case("knowledge-update", [old, new], {"old", "new"})
    assert newest_first(case, ["new", "x", "old"]) == 1.0
    assert newest_first(case, ["old", "new"]) == 0.0
    assert newest_first(case, ["x"]) == 0.0
    assert newest_first(_case("knowledge-update", [old], {"old"}), ["old"]) is None  # one session only
    beam = _case("knowledge_update", [], set(), evidence_parts={"original_info": {"1"}, "updated_info": {"2"}})
    assert part_checks(beam, [["2"], ["1"]]) == {"updated_above_original@10": 1.0}
    assert part_checks(beam, [["1"], ["2"]]) == {"updated_above_original@10": 0.0}
    relabelled = _case("knowledge_update", [], set(),
                       evidence_parts={"original_info": {"1"}, "updated_info": {"1", "3"}})
    assert part_checks(relabelled, [["1"], ["3"]]) == {"updated_above_original@10": None,
                                                        "same_message_labelled_both": 1.0}
    both = _case("contradiction_resolution", [], set(),
                 evidence_parts={"first_statement": {"1"}, "second_statement": {"2"}})
    assert part_checks(both, [["1"], ["9"], ["2"]]) == {"both_statements@10": 1.0}
    assert part_checks(both, [["1"]]) == {"both_statements@10": 0.0}


def test_run_on_beam_reports_abilities_updates_and_abstention(tmp_path: Path) -> None:
    data = write_beam(tmp_path / "beam")
    probes_file = data / "1" / "probing_questions" / "probing_questions.json"
    probes = json.loads(probes_file.read_text())
    probes["knowledge_update"].append({"question": "How fast was my API before caching?", "answer": "900ms",
                                       "source_chat_ids": "{'original_info': [0], 'updated_info': [0]}"})
    probes_file.write_text(json.dumps(probes))
    config = BenchConfig(dataset="beam", data=data, workdir=tmp_path / "w",
                         settings=Settings(embedder="hashing", data_dir=tmp_path / "data"))
    result = run(config)
    hybrid = result["systems"]["hybrid"]
    assert set(hybrid["by_type"]) == {"knowledge_update", "preference_following"}
    assert hybrid["answerable"]["n_updated_above_original@10"] == 1  # the relabelled one is left out
    assert hybrid["answerable"]["n_same_message_labelled_both"] == 1
    assert "Left out of the BEAM knowledge_update check: 1 question" in markdown(result, "cmd")
    assert hybrid["abstention"]["n"] == 1 and hybrid["abstention"]["top_score"] is not None
    assert result["ingest"]["rounds"] == 3


def test_question_types_select_cases_and_unknown_types_are_refused() -> None:
    import pytest

    from engram.bench.runner import select_cases
    from engram.errors import InvalidInputError

    session = BenchSession("s", None, [BenchTurn("t", "user", "x")])
    cases = [_case(kind, [session], {"s"}) for kind in ("knowledge-update", "temporal-reasoning",
                                                        "knowledge-update")]
    config = BenchConfig(dataset="longmemeval", data=Path("."), types=("knowledge-update",))
    assert [c.question_type for c in select_cases(cases, config)] == ["knowledge-update"] * 2
    with pytest.raises(InvalidInputError, match="multi-session"):
        select_cases(cases, BenchConfig(dataset="longmemeval", data=Path("."), types=("multi-session",)))


def test_asked_state_first_follows_the_question() -> None:
    from engram.bench.scoring import asked_state_first

    old = BenchSession("old", datetime(2024, 1, 1, tzinfo=UTC), [BenchTurn("o", "user", "x")])
    new = BenchSession("new", datetime(2024, 6, 1, tzinfo=UTC), [BenchTurn("n", "user", "y")])
    now = _case("knowledge-update", [old, new], {"old", "new"})
    before = BenchCase(**{**now.__dict__, "question": "Where did I initially keep my sneakers?"})
    assert asked_state_first(now, ["new", "old"]) == 1.0
    assert asked_state_first(now, ["old", "new"]) == 0.0
    assert asked_state_first(before, ["old", "new"]) == 1.0  # the earlier state was asked for
    assert asked_state_first(before, ["new", "old"]) == 0.0
    assert newest_first(before, ["old", "new"]) == 0.0  # the literal check does not read the question
