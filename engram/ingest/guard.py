"""Memory-poisoning guard: an ingest enricher that marks content trying to steer the agent.

A long-term memory is an attack surface that plain prompt-injection filters miss:
text stored today is replayed into the prompt weeks later, out of context, and
looks like the agent's own knowledge. A-MemGuard (Wei et al., 2025) and the
MINJA / AgentPoison attacks show that a handful of poisoned records can hijack
later sessions. This guard follows A-MemGuard's first step without an LLM: decide
whether a record is a *statement about the world or the user* or a *directive to the
model about its future behaviour*, after undoing the tricks that hide one.

1. Normalise (guard_text.py): invisible characters out, NFKC, Unicode confusables folded
   inside mixed-script words, spaced-out letters joined, leetspeak, hex / base64 /
   percent-encoded runs decoded, hidden markup (``[//]: #`` comments, HTML comments,
   ``<details>``, ``display:none``, ``alt`` text) pulled out.
2. Detect (guard_model.py): a logistic regression, trained by ``benchmarks/train_guard.py``
   and shipped as ``guard_detector.npz``, reads each sentence window of the text with
   the bundled MiniLM embedding, hashed character and word n-grams (other languages and
   spellings) and a few pieces of syntax a model acts on (template tokens, role labels,
   tool-call syntax, URLs built to carry data). No phrase list: the operating point
   (the probability that weighs 0.5, the flag line) comes from grouped cross-validation
   that charges a false positive twice a miss, since one hides a user's real memory.
   Below ``strong`` a flag stays open to the second opinions below.
3. A hidden part (markup, an encoding, look-alike letters) that reads as more of an
   instruction than the visible text adds ``hidden_instruction``: hidden on purpose.
4. Provenance: a ``provenance.source`` outside ``trusted_sources`` (when configured).
5. Consensus (guard_consensus.py, A-MemGuard's first mechanism): an instruction-like or
   payload-carrying item is compared with the scope's own memories (a recent sample and
   vector search with the facade's embedder; same app/user/agent only). Naming the user
   or the agent from outside, scripting what the agent tells a third party, or a payload (host, email,
   brand, account number) no memory of the scope mentions, where the scope rarely does,
   each add a weak cue; a weak verdict very close to a stored memory is lowered
   (``Settings.guard_consensus``).
6. Lessons (A-MemGuard's separate lesson memory): ``Memory.guard_feedback(id, verdict)``
   keeps a confirmed verdict in a lesson store of its own (guard_lesson_store.py); later
   near-duplicates in the scope follow it. Payload markers (hosts, emails, brands) of the
   scope's flagged memories flag a memory that repeats them (guard_lessons.py,
   ``Settings.guard_lessons``).
7. With an LLM configured (``Settings.guard_judge``), the LLM judges every item the steps
   above found instruction-like, shown the scope's related memories (guard_judge.py); it
   may raise any verdict but lower only weak ones, since it reads the attacker's text too.

Every field a prompt may show is scanned on every write, updates included: content,
metadata keys and values, tags, keys and entities.

What happens to a flagged item is policy (``Settings.guard_mode``): ``flag`` marks it,
``downweight`` also lowers its importance, ``quarantine`` archives it (hidden from
default search, still listable with ``statuses=["archived"]``). Every mode writes
``metadata["guard"] = {"flagged": true, "reasons": [...], "score": x}`` and the tag
``suspicious``, so search results carry the warning to the agent.

It is a heuristic, not a proof: it raises the attacker's cost and makes poisoning
visible and auditable. Measured rates are in ``benchmarks/reliability.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from engram.config import Settings
from engram.embed.base import WrappedEmbedder
from engram.errors import ConfigError
from engram.ingest.guard_consensus import Consensus, lowered, third_person
from engram.ingest.guard_judge import LLMJudge, apply_lesson, make_judge
from engram.ingest.guard_lesson_store import LessonStore
from engram.ingest.guard_lessons import LESSON_WEIGHT, Lessons, item_markers
from engram.ingest.guard_model import judge, shipped
from engram.ingest.guard_verdict import Verdict
from engram.model import MemoryItem, MemoryStatus, Scope
from engram.store import backend

GuardMode = Literal["flag", "downweight", "quarantine"]
MODES: tuple[str, ...] = ("flag", "downweight", "quarantine")
SUSPICIOUS_TAG = "suspicious"
QUARANTINE_TAG = "quarantined"

def bare(embedder: Any) -> Any:
    """The model under an embedder's layers: the guard's windows must not reach the disk
    cache, where vectors of a memory's pieces would outlive its deletion."""
    while isinstance(embedder, WrappedEmbedder):
        embedder = embedder.inner
    return embedder


@lru_cache(maxsize=1)
def _default_embedder() -> Any:
    """The bundled model the detector was trained on (for :func:`scan`, and for a Memory
    whose own embedder is another model)."""
    from engram.embed import make_embedder

    return make_embedder()


def _embed_with(embedder: Any) -> Callable[[list[str]], np.ndarray]:
    return lambda texts: np.asarray(embedder.embed(texts), dtype=np.float32)


def scan(text: str) -> Verdict:
    """Score one text (no provenance, no scope): the pure detection step, handy for tests
    and tools. Uses the bundled embedding model."""
    verdict = judge(text, shipped(), _embed_with(_default_embedder()))
    verdict.score = round(verdict.score, 3)
    return verdict


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@dataclass
class PoisonGuard:
    """The ``guard`` enricher. ``threshold`` is the score at which an item is flagged."""

    mode: str = "flag"
    trusted_sources: Sequence[str] = ()
    threshold: float = 0.5
    use_lessons: bool = True
    use_consensus: bool = True
    lessons: Lessons | None = field(default=None, repr=False)
    lesson_store: LessonStore | None = field(default=None, repr=False)
    consensus: Consensus | None = field(default=None, repr=False)
    llm_judge: LLMJudge | None = field(default=None, repr=False)
    embedder: Any = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)
    _embed: Callable[[list[str]], np.ndarray] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown guard_mode {self.mode!r}; choose one of: {', '.join(MODES)}")

    def configure(self, settings: Settings) -> None:
        """Take ``guard_mode``, ``guard_trusted_sources``, ``guard_lessons``,
        ``guard_consensus`` and ``guard_judge`` from the settings; open the lesson store."""
        self.mode = settings.guard_mode
        self.trusted_sources = list(settings.guard_trusted_sources)
        self.use_lessons = settings.guard_lessons
        self.use_consensus = settings.guard_consensus
        self.__post_init__()
        self.lesson_store = backend(settings).lesson_store(settings)  # the configured backend's
        self.llm_judge = make_judge(settings)

    def judge(self, item: MemoryItem) -> Verdict:
        """The detector over every field of ``item``, and its provenance."""
        verdict = Verdict()
        content = item.content
        if item.role and "system" in item.role.split("+"):
            # a genuine system turn being archived: judge only the non-template rules
            content = re.sub(r"^system:\s", "", content)
        # every field a prompt may show: metadata (keys and values), tags, keys, entities
        fields = _strings({k: v for k, v in item.metadata.items() if k != "guard"})
        fields += [k for k in item.metadata if k != "guard"]
        tags = [t for t in item.tags if t not in (SUSPICIOUS_TAG, QUARANTINE_TAG)]
        judge([content, *fields, " ".join(tags), " ".join(item.keys), " ".join(item.entities)],
              shipped(), self._detector_embed(), verdict)
        source = item.provenance.source
        if self.trusted_sources and source not in self.trusted_sources:
            verdict.add("untrusted_source", 0.5)
        verdict.score = round(verdict.score, 3)
        return verdict

    # -- the store-reading steps (bound by the facade) ---------------------------------
    def bind_store(self, store: Any) -> None:
        """Let the guard read the scope's memories (consensus) and flagged ones (markers)."""
        self._store = store
        self.lessons = Lessons(store) if self.use_lessons else None
        self._bind()

    def bind_embedder(self, embedder: Any) -> None:
        """The facade's embedder: the consensus and the lessons compare vectors."""
        self.embedder = embedder
        self._bind()

    def _bind(self) -> None:
        self._embed = None
        if self.use_consensus and self._store is not None and self.embedder is not None:
            self.consensus = Consensus(self._store, self.embedder, passes=self._passes())

    def _detector_embed(self) -> Callable[[list[str]], np.ndarray]:
        """The detector reads vectors of the model it was trained on: the Memory's own when
        it is that model (without its disk cache), else the bundled one."""
        if self._embed is None:
            own = bare(self.embedder) if self.embedder is not None else None
            model = own if own is not None and own.model_id == shipped().model_id else \
                _default_embedder()
            self._embed = _embed_with(model)
        return self._embed

    def _passes(self) -> Callable[[str], bool]:
        """Whether a stored text passes the detector alone (the consensus reads a scope's
        texts often, so verdicts are kept, by text, for the life of the guard)."""
        @lru_cache(maxsize=4096)
        def passes(text: str) -> bool:
            return judge(text, shipped(), self._detector_embed()).score < self.threshold
        return passes

    def _vector(self, item: MemoryItem) -> np.ndarray:
        return np.asarray(self.embedder.embed([item.content])[0], dtype=np.float32)

    def learn(self, item: MemoryItem, verdict: str, actor: str | None = None) -> None:
        """Keep a confirmed verdict on ``item`` as a lesson of its scope (guard_feedback)."""
        if self.lesson_store is None or self.embedder is None:
            raise ConfigError("guard feedback needs the guard enricher on a Memory (add "
                              "'guard' to Settings.enrichers)")
        self.lesson_store.learn(item, self._vector(item), verdict, actor)

    def review(self, item: MemoryItem, verdict: Verdict) -> Verdict:
        """Second opinions on the detector's verdict: lessons, consensus, the LLM judge."""
        vector = None
        if (self.lesson_store is not None and self.embedder is not None
                and self.lesson_store.has(item.scope)):
            vector = self._vector(item)
            lesson = self.lesson_store.nearest(item, vector)
            if lesson is not None:
                apply_lesson(verdict, lesson)
        if verdict.lesson is not None or not (self.consensus or self.llm_judge):
            return verdict
        if self.consensus is not None and self.consensus.wanted(item, verdict.score):
            opinion = self.consensus.judge(item, weak=verdict.weak, vector=vector)
            for reason, weight in opinion.raises:
                verdict.add(reason, weight)
            if opinion.lower is not None and verdict.weak:
                verdict.lower(opinion.lower, lowered(verdict.score))
            related = opinion.related_texts
        else:
            related = []
        if self.llm_judge is not None and (verdict.score > 0 or third_person(item.content)):
            self.llm_judge.decide(item.content, related, verdict)
        verdict.score = round(verdict.score, 3)
        return verdict

    def enrich(self, items: Sequence[MemoryItem]) -> list[MemoryItem]:
        out: list[MemoryItem] = []
        known: dict[Scope, set[str]] = {}  # lesson markers per scope, this batch's included
        for item in items:
            verdict = self.review(item, self.judge(item))
            markers = item_markers(item) if self.lessons is not None else set()
            if (markers and verdict.score < self.threshold and verdict.lesson is None
                    and self.lessons is not None):
                scope = item.scope.across_sessions()
                if scope not in known:
                    known[scope] = self.lessons.markers(scope, exclude=[item.id])
                if markers & known[scope]:
                    verdict.add("repeats_flagged_payload", LESSON_WEIGHT)
                    verdict.score = round(verdict.score, 3)
            new = self._apply(item, verdict)
            if markers and SUSPICIOUS_TAG in new.tags:
                known.setdefault(item.scope.across_sessions(), set()).update(markers)
            out.append(new)
        return out

    def _apply(self, item: MemoryItem, verdict: Verdict) -> MemoryItem:
        metadata = {k: v for k, v in item.metadata.items() if k != "guard"}
        tags = [t for t in item.tags if t != SUSPICIOUS_TAG]
        if verdict.score < self.threshold:
            # clean (again): an update that removed the payload also removes the warning
            clean: dict[str, Any] = {"metadata": metadata, "tags": tags}
            if verdict.lesson == "benign":  # confirmed by a person: say so, and release it
                metadata["guard"] = {"flagged": False, "lesson": "benign"}
                if QUARANTINE_TAG in tags:
                    clean["tags"] = [t for t in tags if t != QUARANTINE_TAG]
                    clean["status"] = MemoryStatus.ACTIVE
            return item.model_copy(update=clean)
        metadata["guard"] = {"flagged": True, "reasons": verdict.reasons, "score": verdict.score,
                             "mode": self.mode}
        if verdict.lesson is not None:
            metadata["guard"]["lesson"] = verdict.lesson
        update: dict[str, Any] = {"metadata": metadata, "tags": [*tags, SUSPICIOUS_TAG]}
        previous = item.metadata.get("guard")
        if self.mode == "downweight":  # once: a re-scan keeps the importance it already set
            done = isinstance(previous, dict) and previous.get("importance") == item.importance
            update["importance"] = item.importance if done else round(
                item.importance * (1.0 - verdict.score), 4)
            metadata["guard"]["importance"] = update["importance"]
        elif self.mode == "quarantine":
            update["status"] = MemoryStatus.ARCHIVED
            if QUARANTINE_TAG not in tags:
                update["tags"].append(QUARANTINE_TAG)
        return item.model_copy(update=update)


__all__ = ["MODES", "QUARANTINE_TAG", "SUSPICIOUS_TAG", "PoisonGuard", "Verdict", "scan"]
