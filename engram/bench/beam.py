"""BEAM ("Beyond a Million Tokens", Tavakoli et al., 2025) into benchmark cases.

Each conversation is one haystack (its own scope); a session is one list of messages
in a batch, dated by its ``time_anchor`` (sessions without one inherit the last
anchor seen, a few seconds later each, so order is kept). The upstream generator's
index marker (`` ->-> 1,1``) is stripped from message text. Evidence is the set of
message ids in ``source_chat_ids`` (a list, or a dict of lists whose keys name the
role of each part: ``original_info``/``updated_info`` for knowledge updates,
``first_statement``/``second_statement`` for contradictions); the parts are kept in
``BenchCase.extra["evidence_parts"]`` so those abilities can be scored apart.
Questions without evidence (the ``abstention`` ability) are abstention cases.
"""

from __future__ import annotations

import ast
import json
import logging
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from engram.bench.datasets import BenchCase, BenchSession, BenchTurn

logger = logging.getLogger(__name__)

_MARKER = re.compile(r"\s*->->\s*\d+\s*,\s*\d+\s*$")
_SPACES = re.compile(r"[ \t]{2,}")
MAX_MESSAGE_CHARS = 40_000  # a round of two must stay under Settings.max_content_chars
_ANSWER_KEYS = ("answer", "ideal_answer", "ideal_response", "ideal_summary")


def parse_anchor(value: object) -> datetime | None:
    """``"March-15-2024"`` → aware UTC datetime; None when absent or unparseable."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), "%B-%d-%Y").replace(tzinfo=UTC)
    except ValueError:
        return None


def strip_marker(text: str) -> str:
    return _MARKER.sub("", text).strip()


def tidy(text: str, issues: Counter[str]) -> str:
    """Two generated messages run away into hundreds of kilobytes of padding and
    repeated lines (ASCII art); squeeze those (counted) so a round fits a memory."""
    squeezed = _SPACES.sub(" ", text)
    lines = squeezed.split("\n")
    kept = [line for n, line in enumerate(lines) if n == 0 or line != lines[n - 1]]
    out = "\n".join(kept)
    if len(out) < len(text) // 2:
        issues["runaway message squeezed (padding, repeated lines)"] += 1
    if len(out) > MAX_MESSAGE_CHARS:
        issues[f"message cut to {MAX_MESSAGE_CHARS:,} characters"] += 1
        out = out[:MAX_MESSAGE_CHARS]
    return out


def evidence_parts(raw: object) -> dict[str, set[str]]:
    """``source_chat_ids`` (a list, a dict of lists, or either written as a Python
    literal string) → ``{part: {message id, ...}}``; a plain list is part ``"all"``."""
    if isinstance(raw, str):
        try:
            raw = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            return {}
    if isinstance(raw, (list, tuple)):
        return {"all": {str(i) for i in raw}} if raw else {}
    if isinstance(raw, dict):
        return {str(k): {str(i) for i in v} for k, v in raw.items() if isinstance(v, (list, tuple)) and v}
    return {}


def load_beam(path: str | Path) -> list[BenchCase]:
    """A BEAM scale folder (``.../100K``, one sub-folder per conversation), or one
    conversation folder holding ``chat.json`` and ``probing_questions/``."""
    root = Path(path)
    folders = [root] if (root / "chat.json").is_file() else sorted(
        (p for p in root.iterdir() if (p / "chat.json").is_file()),
        key=lambda p: (int(p.name), "") if p.name.isdigit() else (1 << 30, p.name))
    if not folders:
        raise ValueError(f"{root}: no BEAM conversation folders (each holds chat.json)")
    issues: Counter[str] = Counter()
    cases: list[BenchCase] = []
    for folder in folders:
        cases.extend(_conversation(folder, issues))
    for what, count in sorted(issues.items()):
        logger.warning("BEAM %s: %s: %d", root, what, count)
    return cases


def _sessions(chat: list[dict[str, Any]], issues: Counter[str]) -> list[BenchSession]:
    sessions: list[BenchSession] = []
    anchor: datetime | None = None
    for batch in chat:
        for n, raw in enumerate(batch.get("turns") or []):
            messages = [m for m in raw if isinstance(m, dict)]
            found = next((parse_anchor(m.get("time_anchor")) for m in messages
                          if parse_anchor(m.get("time_anchor"))), None)
            anchor = found or parse_anchor(batch.get("time_anchor")) or anchor
            if anchor is None:
                issues["session before any time anchor (undated)"] += 1
            when = anchor + timedelta(seconds=len(sessions)) if anchor else None
            session = BenchSession(session_id=f"b{batch.get('batch_number', 0)}s{n}", time=when)
            for message in messages:
                text = tidy(strip_marker(str(message.get("content") or "")), issues)
                if not text:
                    issues["empty message skipped"] += 1
                    continue
                session.turns.append(BenchTurn(turn_id=str(message.get("id")),
                                               role=str(message.get("role", "user")), text=text))
            sessions.append(session)
    return sessions


def _conversation(folder: Path, issues: Counter[str]) -> list[BenchCase]:
    chat = json.loads((folder / "chat.json").read_text(encoding="utf-8"))
    probes_file = folder / "probing_questions" / "probing_questions.json"
    probes = json.loads(probes_file.read_text(encoding="utf-8")) if probes_file.is_file() else {}
    sessions = _sessions(chat, issues)
    session_of = {t.turn_id: s.session_id for s in sessions for t in s.turns}
    times = [s.time for s in sessions if s.time]
    asked = max(times) + timedelta(days=1) if times else None
    haystack = f"beam-{folder.name}"
    cases: list[BenchCase] = []
    for ability, questions in probes.items():
        for index, probe in enumerate(questions or []):
            parts = evidence_parts(probe.get("source_chat_ids"))
            evidence = set().union(*parts.values()) if parts else set()
            missing = evidence - session_of.keys()
            if missing:
                issues["evidence id not in conversation (kept)"] += len(missing)
            answer = next((str(probe[k]) for k in _ANSWER_KEYS if probe.get(k)), "")
            cases.append(BenchCase(
                case_id=f"{haystack}:{ability}:{index}", question=str(probe.get("question", "")),
                answer=answer, question_type=ability, question_time=asked, sessions=sessions,
                evidence_sessions={session_of[t] for t in evidence if t in session_of},
                evidence_turns=evidence, abstention=ability == "abstention" or not evidence,
                haystack_id=haystack, extra={"evidence_parts": parts},
            ))
    return cases
