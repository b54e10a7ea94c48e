"""The lifecycle engine: what happens to memories after they are stored.

:class:`Lifecycle` is owned by a :class:`~engram.Memory` and called through a few hooks
(after ``add``, around retrieval). It holds the optional LLM client, the extractor and
the update decider, and writes only through the write service (:class:`engram.write.Writer`,
the same one the facade uses, so every change is validated and leaves a history row); it
never depends on the facade. Policy lives here, not in the facade.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from engram.config import Settings
from engram.errors import ConfigError
from engram.ingest.extract import Extractor, Fact, make_extractor, norm_value
from engram.lifecycle import decay
from engram.lifecycle.consolidate import consolidate
from engram.lifecycle.links import link_new, related
from engram.lifecycle.steps import ACTOR, Steps
from engram.lifecycle.updates import (
    Candidate,
    Decider,
    Decision,
    HeuristicDecider,
    LLMDecider,
    cosine,
)
from engram.llm import LLMClient, make_llm
from engram.model import (
    Filters,
    MemoryItem,
    MemoryKind,
    MemoryStatus,
    Provenance,
    Scope,
    as_utc,
    utcnow,
)
from engram.registry import Registry
from engram.store.base import Link
from engram.write import Writer

log = logging.getLogger(__name__)
FACT_IMPORTANCE = 0.6
REINFORCE = 0.05  # importance gained each time a duplicate confirms a fact
MAX_SOURCES = 50


def _heuristic(settings: Settings, llm: LLMClient | None) -> Decider:
    return HeuristicDecider(settings.duplicate_similarity)


def _llm(settings: Settings, llm: LLMClient | None) -> Decider:
    if llm is None:
        raise ConfigError("update_decider='llm' needs an LLM: set ENGRAM_LLM_BASE_URL, or choose "
                          "'heuristic' (or 'auto', which uses the LLM only when one is configured)")
    return LLMDecider(llm, HeuristicDecider(settings.duplicate_similarity))


def _auto(settings: Settings, llm: LLMClient | None) -> Decider:
    return (_llm if llm is not None else _heuristic)(settings, llm)


# update_decider -> factory(settings, llm client): ADD / UPDATE / DELETE / NOOP for new facts
DECIDERS: Registry[Callable[[Settings, LLMClient | None], Decider]] = Registry(
    "update_decider", {"auto": _auto, "heuristic": _heuristic, "llm": _llm})


class Lifecycle(Steps):
    """Post-write policy over one store, writing through ``writer`` (see :class:`Steps`)."""

    def __init__(self, writer: Writer, settings: Settings) -> None:
        super().__init__(writer, settings, make_llm(settings))
        self._extractor: Extractor | None = None
        self._decider: Decider | None = None

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = make_extractor(self.settings.extractor, self.llm)
        return self._extractor

    @property
    def decider(self) -> Decider:
        if self._decider is None:
            self._decider = DECIDERS.lookup(self.settings.update_decider)(self.settings, self.llm)
        return self._decider

    # -- after add: extraction, knowledge updates, links, consolidation ---------------
    def after_add(self, items: Sequence[MemoryItem]) -> None:
        facts: list[MemoryItem] = []
        if self.settings.extraction:
            for item in items:
                if item.kind == MemoryKind.EPISODIC:
                    facts += self.extract(item)
        if self.settings.links:
            link_new(self, [*items, *facts])
        if self.settings.consolidate_on_add and items:
            for scope in {i.scope.across_sessions() for i in items}:
                consolidate(self, scope)

    def extract(self, item: MemoryItem) -> list[MemoryItem]:
        """Facts from one round, each applied as ADD / UPDATE / DELETE / NOOP."""
        stored: list[MemoryItem] = []
        for fact in self.extractor.extract(item):
            new = self._fact_item(fact, item)
            vector = self.writer.embed([new.content])[0]
            decision = self.decider.decide(fact, self._candidates(fact, new.scope, vector))
            stored += self.apply(decision, new, source=item)
        if stored:
            self.store.add_links(item.scope, [
                Link(f.id, item.id, "derived from this round", 1.0) for f in stored])
        return stored

    def _fact_item(self, fact: Fact, source: MemoryItem) -> MemoryItem:
        when = source.event_time or source.created_at
        if fact.date is not None:
            when = datetime(fact.date.year, fact.date.month, fact.date.day, tzinfo=when.tzinfo)
        origin = "llm" if self.llm is not None and type(self.extractor).__name__ == "LLMExtractor" \
            else "heuristic"
        return MemoryItem(
            scope=source.scope, kind=MemoryKind.FACT, content=fact.statement, event_time=when,
            valid_from=source.event_time or when, importance=FACT_IMPORTANCE,
            provenance=Provenance(source_ids=[source.id], source=f"extraction:{origin}", actor=ACTOR),
            metadata={"subject": fact.subject, "attribute": fact.attribute, "value": fact.value,
                      "slot": fact.slot, "cardinality": fact.cardinality, "negated": fact.negated,
                      "value_norm": norm_value(fact.value), "source_round": source.id,
                      **({"depends_on": fact.depends_on} if fact.depends_on else {})},
            keys=[fact.attribute.replace("_", " ")])  # "job title", "employer": the slot is a key

    def _candidates(self, fact: Fact, scope: Scope, vector: Any) -> list[Candidate]:
        store = self.store
        wide = scope.across_sessions()
        active = Filters(kinds=[MemoryKind.FACT], statuses=[MemoryStatus.ACTIVE])
        same_slot = store.list(wide, Filters(kinds=[MemoryKind.FACT], metadata={"slot": fact.slot}),
                               limit=50)
        near = [i for i, _ in store.vector_search(wide, vector, active, limit=5)]
        items = {i.id: i for i in [*same_slot, *store.get(wide, near)]}
        vectors = store.vectors(wide, list(items))
        return [Candidate(i, cosine(vectors[i.id], vector) if i.id in vectors else 0.0)
                for i in items.values()]

    def apply(self, decision: Decision, new: MemoryItem, *, source: MemoryItem) -> list[MemoryItem]:
        """Carry out a decision; returns the facts stored (empty for NOOP)."""
        store = self.store
        if decision.op == "NOOP":
            for target in store.get(new.scope.across_sessions(), decision.targets):
                sources = list(dict.fromkeys([*target.provenance.source_ids, source.id]))[-MAX_SOURCES:]
                self.revise(target, importance=min(1.0, target.importance + REINFORCE),
                            provenance=target.provenance.model_copy(update={"source_ids": sources}))
                store.record_access(target.scope, [target.id])
            return []
        targets = store.get(new.scope.across_sessions(), decision.targets)
        targets += self._dependents(targets)
        if targets:
            new = new.model_copy(update={"metadata": {**new.metadata,
                                                      "supersedes": [t.id for t in targets]}})
        [new] = self.insert([new])
        for old in targets:
            self.revise(old, status=MemoryStatus.SUPERSEDED,
                        valid_to=max(new.valid_from or utcnow(), old.valid_from or new.created_at),
                        metadata={**old.metadata, "superseded_by": new.id, "closed_by": source.id})
            self._expire_source(old, new)
        return [new]

    def _dependents(self, targets: list[MemoryItem]) -> list[MemoryItem]:
        """Active facts stated in terms of a value that is ending: "works as an analyst at
        Acme" (``depends_on="user:employer|acme"``) ends with the Acme employer fact."""
        keys = {f"{t.metadata.get('slot')}|{t.metadata.get('value_norm')}" for t in targets
                if t.metadata.get("slot") and not t.metadata.get("negated")}
        known = {t.id for t in targets}
        out: list[MemoryItem] = []
        for key in sorted(keys):
            for item in self.store.list(targets[0].scope.across_sessions(), Filters(
                    kinds=[MemoryKind.FACT], statuses=[MemoryStatus.ACTIVE], metadata={"depends_on": key}),
                    limit=20):
                if item.id not in known:
                    known.add(item.id)
                    out.append(item)
        return out

    def _expire_source(self, old: MemoryItem, new: MemoryItem) -> None:
        """Bi-temporal bookkeeping for the round a superseded fact came from: once none
        of its facts is current, the round's ``valid_to`` is set, so it stops ranking
        for questions about the present (it stays a faithful record of the past)."""
        round_id = old.metadata.get("source_round")
        if not isinstance(round_id, str):
            return
        store = self.store
        found = store.get(old.scope.across_sessions(), [round_id])
        if not found or found[0].valid_to is not None or round_id in new.provenance.source_ids:
            return
        derived = store.list(old.scope.across_sessions(), Filters(kinds=[MemoryKind.FACT], statuses=[
            MemoryStatus.ACTIVE], metadata={"source_round": round_id}), limit=20)
        if not derived:
            self.revise(found[0], valid_to=new.valid_from or utcnow())

    # -- operations the facade delegates ----------------------------------------------
    def consolidate(self, scope: Scope) -> Any:
        return consolidate(self, scope)

    def related(self, memory_id: str, scope: Scope) -> list[Any]:
        return related(self, memory_id, scope)

    def archive_stale(self, scope: Scope, *, now: datetime | None = None, min_retention: float = 0.05,
                      max_importance: float = 0.5, kinds: Sequence[str] = ("episodic", "fact"),
                      dry_run: bool = False, actor: str | None = None) -> list[str]:
        """MemoryBank's forgetting applied as archival: retention below ``min_retention``
        and importance at most ``max_importance``. Profiles, summaries and procedures are
        not archived unless listed in ``kinds``."""
        wanted = {MemoryKind(k) for k in kinds}
        items = [i for i in self.store.iter_items(scope)
                 if i.status == MemoryStatus.ACTIVE and i.kind in wanted]
        found = decay.stale(items, as_utc(now) if now else utcnow(),
                            base_days=self.settings.retention_base_days,
                            min_retention=min_retention, max_importance=max_importance)
        for item in [] if dry_run else found:
            self.revise(item, status=MemoryStatus.ARCHIVED, actor=actor or "engram:archive")
        return [i.id for i in found]

    def add_procedure(self, scope: Scope, task: str, steps: Sequence[str], outcome: str, *,
                      success: bool, actor: str | None) -> MemoryItem:
        from engram.lifecycle.procedures import procedure_fields

        fields = procedure_fields(task, steps, outcome, success)
        now = utcnow()
        item = self.writer.item(scope=scope, kind=MemoryKind.PROCEDURE, event_time=now,
                                valid_from=now, provenance=Provenance(source="procedure", actor=actor),
                                **fields)
        [item] = self.insert([item], actor=actor or "engram:procedure")
        if self.settings.links:
            link_new(self, [item])
        return item
