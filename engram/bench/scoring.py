"""Per-question scores: recall at k and within a packed budget, and the
knowledge-update checks (is the newest value ranked above the stale one?).

A packed budget counts an evidence turn only if it actually sits inside the text an
agent would read: the whole turn, or — when packing kept an excerpt of a long round —
every sentence of the turn that shares a word with the gold answer (all of the turn
when none does). Counting the round as "in the context" when only its id was would
overstate what the reader can use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from engram.bench.datasets import BenchCase
from engram.bench.metrics import ndcg_at_k, recall_at_k
from engram.retrieve.analysis import PAST_CUE, content_words, shared_words
from engram.retrieve.excerpt import sentences

KS = (1, 3, 5, 10)
BUDGETS = (1000, 2000, 4000, 8000)
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def evidence_inside(turn_text: str, answer: str, packed: str) -> bool:
    """Whether the reader of ``packed`` sees the part of ``turn_text`` that answers."""
    flat = _squash(packed)
    if _squash(turn_text) in flat:
        return True
    words = content_words(answer)
    parts = sentences(turn_text)
    needed = [p for p in parts if shared_words(words, p)] or parts
    return all(_squash(p) in flat for p in needed)


def rank_of(turns: Sequence[Sequence[str]], wanted: set[str], depth: int = 10) -> int | None:
    """1-based rank of the first hit covering any of ``wanted`` within ``depth``."""
    for n, covered in enumerate(turns[:depth], 1):
        if wanted & set(covered):
            return n
    return None


def _evidence_times(case: BenchCase) -> dict[str, datetime] | None:
    """The evidence sessions' dates, when there are two or more and all are dated."""
    times = {s.session_id: s.time for s in case.sessions if s.session_id in case.evidence_sessions}
    if len(times) < 2 or any(t is None for t in times.values()):
        return None
    return {s: t for s, t in times.items() if t is not None}


def _leads(target: str, times: Mapping[str, datetime], sessions: Sequence[str]) -> float:
    """1.0 when a round of ``target`` ranks above every other evidence session's."""
    ranks = {s: next((n for n, got in enumerate(sessions, 1) if got == s), None) for s in times}
    mine = ranks[target]
    if mine is None:
        return 0.0
    return 1.0 if all(r is None or mine < r for s, r in ranks.items() if s != target) else 0.0


def newest_first(case: BenchCase, sessions: Sequence[str]) -> float | None:
    """LongMemEval knowledge-update: with evidence in two or more sessions, 1.0 when a
    round of the newest evidence session ranks above every older evidence session's."""
    times = _evidence_times(case)
    return None if times is None else _leads(max(times, key=times.__getitem__), times, sessions)


def asked_state_first(case: BenchCase, sessions: Sequence[str]) -> float | None:
    """The same check, read by what the question asks: most knowledge-update questions ask
    for the current value (newest evidence session first), a few for the earlier one
    ("before the 7/22 trip", "initially": :data:`engram.retrieve.analysis.PAST_CUE`),
    whose session should then lead. :func:`newest_first` is the literal check."""
    times = _evidence_times(case)
    target = asked_session(case)
    return None if times is None or target is None else _leads(target, times, sessions)


def asked_session(case: BenchCase) -> str | None:
    """The evidence session whose state the question asks for (:func:`asked_state_first`):
    the newest, or the oldest for a question about an earlier state; None with fewer than
    two dated evidence sessions."""
    times = _evidence_times(case)
    if times is None:
        return None
    pick = min if PAST_CUE.search(case.question) else max
    return pick(times, key=times.__getitem__)


def part_checks(case: BenchCase, turns: Sequence[Sequence[str]]) -> dict[str, float | None]:
    """BEAM: updated_info above original_info (knowledge_update) and both statements of
    a contradiction in the top 10 (contradiction_resolution).

    A question whose annotation names one message as both the original and the updated
    information has no order to rank (2 of BEAM 100K's 39): it gets None, so it is left
    out of the rate, and ``same_message_labelled_both`` counts it."""
    parts: Mapping[str, set[str]] = case.extra.get("evidence_parts") or {}
    out: dict[str, float | None] = {}
    if {"original_info", "updated_info"} <= parts.keys():
        if parts["updated_info"] & parts["original_info"]:
            out["updated_above_original@10"] = None
            out["same_message_labelled_both"] = 1.0
        else:
            new, old = rank_of(turns, parts["updated_info"]), rank_of(turns, parts["original_info"])
            out["updated_above_original@10"] = (
                1.0 if new is not None and (old is None or new < old) else 0.0)
    if {"first_statement", "second_statement"} <= parts.keys():
        both = all(rank_of(turns, parts[p]) is not None for p in ("first_statement", "second_statement"))
        out["both_statements@10"] = 1.0 if both else 0.0
    return out


def budget_recall(case: BenchCase, packed: str, turn_text: Mapping[str, str]) -> float | None:
    """The share of the question's evidence turns whose answering part sits inside the
    ``packed`` text (:func:`evidence_inside`); None without evidence turns."""
    evidence = [t for t in case.evidence_turns if t in turn_text]
    if not evidence:
        return None
    return sum(evidence_inside(turn_text[t], case.answer, packed) for t in evidence) / len(evidence)


def score_case(case: BenchCase, turns: Sequence[Sequence[str]], sessions: Sequence[str],
               packed: Mapping[int, str], turn_text: Mapping[str, str]) -> dict[str, Any]:
    """Metrics for one question from its top hits (``turns`` / ``sessions``: what each hit
    covers) and the text packed at each budget."""
    record: dict[str, Any] = {"question_type": case.question_type}
    for k in KS:
        for mode in ("any", "all"):
            record[f"turn_recall_{mode}@{k}"] = recall_at_k(turns, case.evidence_turns, k, mode)
            record[f"session_recall_{mode}@{k}"] = recall_at_k(sessions, case.evidence_sessions, k, mode)
    record["turn_ndcg@10"] = ndcg_at_k(turns, case.evidence_turns, 10)
    record["session_ndcg@10"] = ndcg_at_k(sessions, case.evidence_sessions, 10)
    for budget, text in packed.items():
        record[f"budget_recall@{budget}"] = budget_recall(case, text, turn_text)
    if case.question_type == "knowledge-update":
        record["newest_first"] = newest_first(case, sessions)
        record["asked_state_first"] = asked_state_first(case, sessions)
    record.update(part_checks(case, turns))
    return record
