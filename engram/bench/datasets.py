"""Benchmark loaders into one in-memory form.

* LongMemEval (Wu et al., ICLR 2025): one haystack of sessions per question; evidence
  is marked per turn (``has_answer``) and per session (``answer_session_ids``); question
  ids ending in ``_abs`` are abstention questions (the answer is not in the history).
* LoCoMo (Maharana et al., ACL 2024): ten long conversations, each with many questions
  over the same sessions; evidence is a list of dialogue ids (``D1:3``). Category numbers
  follow mem0's and others' evaluations (1 multi-hop, 2 temporal, 3 open-domain,
  4 single-hop, 5 adversarial). The LLM-written ``session_N_observation``/``summary``
  fields are never loaded: retrieval is measured over the raw conversation.

Cases that share a haystack share one ``sessions`` list and one ``haystack_id`` so a
runner can ingest each haystack once and ask all of its questions. Turn and session ids
are unique within a haystack, not across haystacks. Irregular records are repaired or
skipped, and every repair/skip is counted and logged (never silently dropped).
"""

from __future__ import annotations

import json
import logging
import lzma
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

LOCOMO_CATEGORIES = {1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop",
                     5: "adversarial"}
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_LME_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:\s*\(\w+\))?\s*(\d{1,2}):(\d{2})")
_LOCOMO_DATE = re.compile(r"(\d{1,2}):(\d{2})\s*([ap]m)\s+on\s+(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})",
                          re.IGNORECASE)
_DIA = re.compile(r"D:?(\d+):0*(\d+)")
_SESSION_KEY = re.compile(r"session_(\d+)")


@dataclass
class BenchTurn:
    turn_id: str
    role: str  # "user" / "assistant"; LoCoMo's two speakers are both "user"
    text: str
    has_answer: bool = False
    speaker: str | None = None  # a name, where the dataset has one


@dataclass
class BenchSession:
    session_id: str
    time: datetime | None
    turns: list[BenchTurn] = field(default_factory=list)


@dataclass
class BenchCase:
    case_id: str
    question: str
    answer: str
    question_type: str
    question_time: datetime | None
    sessions: list[BenchSession] = field(repr=False)  # shared by a haystack's cases
    evidence_sessions: set[str]
    evidence_turns: set[str]
    abstention: bool
    haystack_id: str
    extra: dict[str, Any] = field(default_factory=dict)


def read_text(path: Path) -> str:
    """A file's text; ``.xz`` files are decompressed on the fly (no unpacked copy)."""
    if path.suffix == ".xz":
        with lzma.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def parse_lme_date(value: str | None) -> datetime | None:
    """``"2023/05/30 (Tue) 23:40"`` → aware UTC datetime; None when unparseable."""
    m = _LME_DATE.search(value or "")
    if not m:
        return None
    y, mo, d, h, mi = (int(g) for g in m.groups())
    try:
        return datetime(y, mo, d, h, mi, tzinfo=UTC)
    except ValueError:
        return None


def parse_locomo_date(value: str | None) -> datetime | None:
    """``"1:56 pm on 8 May, 2023"`` → aware UTC datetime; None when unparseable."""
    m = _LOCOMO_DATE.search(value or "")
    if not m or m.group(5).lower() not in _MONTHS:
        return None
    hour, minute = int(m.group(1)) % 12, int(m.group(2))
    hour += 12 if m.group(3).lower() == "pm" else 0
    try:
        return datetime(int(m.group(6)), _MONTHS[m.group(5).lower()], int(m.group(4)), hour,
                        minute, tzinfo=UTC)
    except ValueError:
        return None


def load_longmemeval(path: str | Path) -> list[BenchCase]:
    """Load a LongMemEval JSON file (``_s``, ``_m`` or ``_oracle``) into cases; an
    ``.xz``-compressed file (as in ``shared/datasets/longmemeval``) is read directly."""
    records = json.loads(read_text(Path(path)))
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a JSON list of LongMemEval questions")  # noqa: TRY004
    issues: Counter[str] = Counter()
    cases = [_lme_case(rec, issues) for rec in records]
    _log_issues("LongMemEval", path, issues)
    return cases


def _lme_case(rec: dict[str, Any], issues: Counter[str]) -> BenchCase:
    qid = str(rec["question_id"])
    ids = list(rec.get("haystack_session_ids") or [])
    dates = list(rec.get("haystack_dates") or [])
    raw_sessions = list(rec.get("haystack_sessions") or [])
    if not (len(ids) == len(dates) == len(raw_sessions)):
        issues["haystack lists of unequal length (truncated to shortest)"] += 1
    sessions: list[BenchSession] = []
    evidence_turns: set[str] = set()
    for sid, date, turns in zip(ids, dates, raw_sessions):
        sid = str(sid)
        when = parse_lme_date(date)
        if when is None:
            issues["session date unparseable"] += 1
        session = BenchSession(session_id=sid, time=when)
        for index, turn in enumerate(turns):
            content = turn.get("content")
            if not isinstance(content, str) or not content.strip():
                issues["empty turn skipped"] += 1
                continue
            turn_id = f"{sid}:{index}"
            has_answer = bool(turn.get("has_answer", False))
            if has_answer:
                evidence_turns.add(turn_id)
            session.turns.append(BenchTurn(turn_id=turn_id, role=str(turn.get("role", "user")),
                                           text=content, has_answer=has_answer))
        sessions.append(session)
    question_time = parse_lme_date(rec.get("question_date"))
    if question_time is None:
        issues["question date unparseable"] += 1
    return BenchCase(
        case_id=qid, question=str(rec["question"]), answer=str(rec.get("answer", "")),
        question_type=str(rec.get("question_type", "unknown")), question_time=question_time,
        sessions=sessions, evidence_sessions={str(s) for s in rec.get("answer_session_ids") or []},
        evidence_turns=evidence_turns, abstention=qid.endswith("_abs"), haystack_id=qid,
    )


def load_locomo(path_or_dir: str | Path) -> list[BenchCase]:
    """Load LoCoMo: a folder of per-conversation JSON files (as in ``shared/datasets``),
    one such file, or the upstream ``locomo10.json`` list. One case per question."""
    root = Path(path_or_dir)
    files = sorted(root.glob("*.json"), key=_natural) if root.is_dir() else [root]
    issues: Counter[str] = Counter()
    cases: list[BenchCase] = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        convs = data if isinstance(data, list) else [data]
        for n, conv in enumerate(convs):
            default_id = file.stem if len(convs) == 1 else f"{file.stem}-{n}"
            cases.extend(_locomo_conversation(conv, str(conv.get("sample_id", default_id)), issues))
    _log_issues("LoCoMo", root, issues)
    return cases


def _natural(path: Path) -> tuple[int, str]:
    return (int(path.stem), "") if path.stem.isdigit() else (1 << 30, path.stem)


def _locomo_conversation(record: dict[str, Any], conv_id: str,
                         issues: Counter[str]) -> list[BenchCase]:
    conv = record.get("conversation", record)  # upstream nests turns under "conversation"
    sessions = _locomo_sessions(conv, issues)
    turn_ids = {t.turn_id for s in sessions for t in s.turns}
    times = [s.time for s in sessions if s.time is not None]
    # LoCoMo gives no question date: questions are asked after the last session.
    question_time = max(times) if times else None
    haystack_id = f"locomo-{conv_id}"
    cases: list[BenchCase] = []
    for index, qa in enumerate(record.get("qa") or []):
        if not isinstance(qa, dict) or not str(qa.get("question", "")).strip():
            issues["qa item without a question skipped"] += 1
            continue
        category = qa.get("category")
        evidence = _locomo_evidence(qa.get("evidence") or [], turn_ids, issues)
        if not evidence:
            issues["question without evidence (kept)"] += 1
        answer = qa.get("answer")
        if answer is None:
            answer = ""
            if category != 5:
                issues["non-adversarial question without answer (kept)"] += 1
        extra: dict[str, Any] = {"category": category}
        if "adversarial_answer" in qa:
            extra["adversarial_answer"] = str(qa["adversarial_answer"])
        cases.append(BenchCase(
            case_id=f"{haystack_id}:{index}", question=str(qa["question"]), answer=str(answer),
            question_type=LOCOMO_CATEGORIES.get(category, f"category-{category}")
            if isinstance(category, int) else "unknown",
            question_time=question_time, sessions=sessions,
            evidence_sessions={f"session_{t.split(':')[0][1:]}" for t in evidence},
            evidence_turns=evidence, abstention=category == 5, haystack_id=haystack_id,
            extra=extra,
        ))
    return cases


def _locomo_sessions(conv: dict[str, Any], issues: Counter[str]) -> list[BenchSession]:
    speaker_a = conv.get("speaker_a")
    numbers = sorted(int(m.group(1)) for k in conv if (m := _SESSION_KEY.fullmatch(k)))
    dated = {int(k.split("_")[1]) for k in conv if re.fullmatch(r"session_\d+_date_time", k)}
    issues["session date without turns (ignored)"] += len(dated - set(numbers))
    sessions: list[BenchSession] = []
    for n in numbers:
        turns_raw = conv[f"session_{n}"]
        when = parse_locomo_date(conv.get(f"session_{n}_date_time"))
        if when is None:
            issues["session date unparseable"] += 1
        session = BenchSession(session_id=f"session_{n}", time=when)
        for i, turn in enumerate(turns_raw if isinstance(turns_raw, list) else []):
            text = str(turn.get("text") or "").strip()
            caption = str(turn.get("blip_caption") or "").strip()
            if caption:
                text = f"{text} [image: {caption}]".strip()
            if not text:
                issues["empty turn skipped"] += 1
                continue
            speaker = turn.get("speaker")
            session.turns.append(BenchTurn(
                turn_id=str(turn.get("dia_id") or f"D{n}:{i + 1}"), role="user", text=text,
                speaker=str(speaker) if speaker else None))
        if not session.turns:
            issues["session without turns"] += 1
        sessions.append(session)
    if speaker_a is None:
        issues["conversation without speaker names"] += 1
    return sessions


def _locomo_evidence(raw: list[Any], turn_ids: set[str], issues: Counter[str]) -> set[str]:
    """Normalise evidence ids: "D8:6; D9:17" → two ids, "D:11:26" → "D11:26", "D30:05" →
    "D30:5". Unknown ids are kept (they count against recall) and reported."""
    out: set[str] = set()
    for entry in raw:
        found = [f"D{a}:{b}" for a, b in _DIA.findall(str(entry))]
        if not found:
            issues["unparseable evidence id dropped"] += 1
        if len(found) > 1 or (found and found[0] != str(entry).strip()):
            issues["evidence id repaired"] += 1
        for dia in found:
            if dia not in turn_ids:
                issues["evidence id not in conversation (kept)"] += 1
            out.add(dia)
    return out


def _log_issues(name: str, path: str | Path, issues: Counter[str]) -> None:
    for what, count in sorted(issues.items()):
        if count:
            logger.warning("%s %s: %s: %d", name, path, what, count)
