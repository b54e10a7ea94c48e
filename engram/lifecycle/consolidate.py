"""Consolidation: session summaries, a rolling summary per scope, and a user profile.

Three papers motivate the three layers:

* MemoryBank (Zhong et al., 2024) keeps a daily/session summary next to the raw turns
  and a global summary of them — here per-session ``kind=summary`` items and one rolling
  summary per scope;
* HEMA (Ahn, 2025) pairs a compact, always-in-prompt summary with vector recall of the
  raw episodes — the rolling summary is that compact layer (capped at ``ROLLING_CHARS``);
* Think-in-Memory (Liu et al., 2023) stores *conclusions* rather than re-reading history
  — the profile lists the current value of every stable slot, each linked to the fact
  items that evidence it (``provenance.source_ids`` and ``metadata.profile``).

Heuristic mode is extractive: a session summary keeps the user's most central sentences
(cosine to the session centroid, MemoryBank-style salience). With an LLM configured,
summaries are abstractive (``summarize`` prompt), falling back to extractive when the
model fails. Every output records a digest of its inputs (ids and versions): re-running
with no new input writes nothing, and new input *revises* the existing item (a new
version in its history) instead of adding another one.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel

from engram.ingest.extract import speaker_lines
from engram.ingest.sentences import quick_sentences
from engram.lifecycle.profile import digest, upsert_profile
from engram.lifecycle.steps import Steps
from engram.llm import LLMError, render
from engram.model import MemoryItem, MemoryKind, MemoryStatus, Provenance, Scope, utcnow

log = logging.getLogger(__name__)
SESSION_SENTENCES = 6
ROLLING_CHARS = 2000
SENTENCE_CHARS = 220


@dataclass
class ConsolidationReport:
    """What one :func:`consolidate` run wrote (ids), per outcome."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


class _Summary(BaseModel):
    summary: str


def consolidate(lifecycle: Steps, scope: Scope) -> ConsolidationReport:
    """Bring the scope's session summaries, rolling summary and profile up to date."""
    report = ConsolidationReport()
    every = list(lifecycle.store.iter_items(scope))
    items = [i for i in every if i.status == MemoryStatus.ACTIVE]
    sessions: dict[Scope, list[MemoryItem]] = defaultdict(list)
    for item in items:
        if item.kind == MemoryKind.EPISODIC and item.scope.session_id:
            sessions[item.scope].append(item)
    summaries = {i.scope: i for i in items
                 if i.kind == MemoryKind.SUMMARY and i.metadata.get("summary_of") == "session"}
    session_summaries: list[MemoryItem] = []
    for session_scope, rounds in sorted(sessions.items(), key=lambda kv: kv[1][0].id):
        existing = summaries.get(session_scope)
        session_summaries.append(_upsert(
            lifecycle, report, existing, session_scope, rounds, "session",
            lambda r=rounds: _session_text(lifecycle, r), extra={"session_id": session_scope.session_id}))
    rolling_inputs = session_summaries or [i for i in items if i.kind == MemoryKind.EPISODIC]
    if rolling_inputs:
        existing = next((i for i in items if i.kind == MemoryKind.SUMMARY and i.scope == scope
                          and i.metadata.get("summary_of") == "scope"), None)
        _upsert(lifecycle, report, existing, scope, rolling_inputs, "scope",
                lambda: _rolling_text(lifecycle, rolling_inputs))
    facts = [i for i in every if i.kind == MemoryKind.FACT]  # past ones too: the profile's history
    existing = next((i for i in items if i.kind == MemoryKind.PROFILE and i.scope == scope), None)
    if facts or existing is not None:
        outcome, profile_id = upsert_profile(lifecycle, existing, scope, facts)
        getattr(report, outcome).append(profile_id)
    return report


def _upsert(lifecycle: Steps, report: ConsolidationReport, existing: MemoryItem | None,
            scope: Scope, sources: list[MemoryItem], of: str, text: Any,
            extra: dict[str, Any] | None = None) -> MemoryItem:
    """Create or revise a summary whose inputs are ``sources``; no-op when unchanged."""
    stamp = digest(sources)
    if existing is not None and existing.metadata.get("digest") == stamp:
        report.unchanged.append(existing.id)
        return existing
    content, mode = text()
    last = max((s.event_time or s.created_at for s in sources), default=utcnow())
    metadata = {"summary_of": of, "digest": stamp, "mode": mode, **(extra or {})}
    provenance = Provenance(source_ids=[s.id for s in sources], source="consolidation",
                            actor="engram:consolidate")
    if existing is None:
        [item] = lifecycle.insert([MemoryItem(
            scope=scope, kind=MemoryKind.SUMMARY, content=content, event_time=last, valid_from=last,
            importance=0.7, metadata=metadata, provenance=provenance)], actor="engram:consolidate")
        report.created.append(item.id)
        return item
    item = lifecycle.revise(existing, content=content, metadata=metadata, provenance=provenance,
                            event_time=last, actor="engram:consolidate")
    report.updated.append(item.id)
    return item


def _sentences(item: MemoryItem) -> list[str]:
    out = []
    for _, text in speaker_lines(item):
        out += [s.strip()[:SENTENCE_CHARS] for s in quick_sentences(text) if len(s.split()) >= 4]
    return out


def _session_text(lifecycle: Steps, rounds: list[MemoryItem]) -> tuple[str, str]:
    rounds = sorted(rounds, key=lambda r: (r.event_time or r.created_at, r.id))
    day = (rounds[0].event_time or rounds[0].created_at).date().isoformat()
    head = f"Session {rounds[0].scope.session_id} ({day}, {len(rounds)} rounds): "
    candidates = [(n, s) for n, r in enumerate(rounds) for s in _sentences(r)]
    if lifecycle.llm is not None:
        abstract = _abstractive(lifecycle, [s for _, s in candidates] or [r.content for r in rounds], 120)
        if abstract:
            return head + abstract, "llm"
    if not candidates:
        return head + " ".join(r.content[:SENTENCE_CHARS] for r in rounds[:SESSION_SENTENCES]), "extractive"
    vectors = lifecycle.writer.embed([s for _, s in candidates])
    centroid = vectors.mean(axis=0)
    salience = vectors @ centroid / (np.linalg.norm(vectors, axis=1) * (np.linalg.norm(centroid) or 1) + 1e-9)
    keep = sorted(np.argsort(-salience)[:SESSION_SENTENCES].tolist())  # chronological order
    return head + " ".join(candidates[k][1].rstrip(".") + "." for k in keep), "extractive"


def _rolling_text(lifecycle: Steps, sources: list[MemoryItem]) -> tuple[str, str]:
    ordered = sorted(sources, key=lambda s: (s.event_time or s.created_at, s.id))
    if lifecycle.llm is not None:
        abstract = _abstractive(lifecycle, [s.content for s in ordered], 250)
        if abstract:
            return abstract[:ROLLING_CHARS], "llm"
    parts: list[str] = []
    used = 0
    for source in reversed(ordered):  # the most recent sessions win the space
        piece = source.content[:400]
        if used + len(piece) > ROLLING_CHARS:
            break
        parts.insert(0, piece)
        used += len(piece) + 1
    return "\n".join(parts), "extractive"


def _abstractive(lifecycle: Steps, notes: list[str], max_words: int) -> str | None:
    assert lifecycle.llm is not None
    prompt = render("summarize", max_words=str(max_words), notes="\n".join(f"- {n}" for n in notes))
    try:
        reply = lifecycle.llm.json([{"role": "user", "content": prompt}], _Summary, task="summary")
    except LLMError as exc:
        log.warning("LLM summary failed (%s); using the extractive summary", exc)
        return None
    return reply.summary.strip() or None if reply is not None else None
