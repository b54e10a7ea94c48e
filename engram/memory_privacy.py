"""The facade's erasure and trust operations: delete, delete_all, forget, purge,
audit, reveal and guard_feedback (docs/trust.md).

Logic lives in engram.lifecycle.audit, engram.ingest.guard and engram.ingest.pii;
these methods only wire it to the facade's scope rules. A mixin of
:class:`~engram.memory.Memory`, kept apart so the facade module stays small.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from engram.errors import InvalidInputError
from engram.ingest.pipeline import Enricher
from engram.lifecycle import audit as _privacy
from engram.lifecycle.audit import AuditEntry
from engram.memory_base import FacadeBase
from engram.model import MemoryItem, tombstone
from engram.protocols import HasVault, LearnsVerdicts, SecretVault
from engram.validation import ScopeLike, check_actor, resolve_scope, utc_time


class PrivacyOps(FacadeBase):
    """Deleting, erasing and auditing memories, and the guard's and vault's hooks."""

    def delete(self, memory_id: str, *, scope: ScopeLike = None, user_id: str | None = None,
               agent_id: str | None = None, session_id: str | None = None,
               app_id: str | None = None, actor: str | None = None) -> None:
        """Delete completely (row, index, vector); history keeps a content-free tombstone."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        check_actor(actor)
        current = self._one(memory_id, target)
        # -- privacy hook: derived items, cache rows, vault; first, so a crash never orphans them
        self._erase(_privacy.collect(self.store, target, [memory_id], [current]), actor)
        self.store.delete(target, [memory_id], [tombstone(memory_id, current.version, actor)])
        self._settle()

    def delete_all(self, *, scope: ScopeLike = None, user_id: str | None = None,
                   agent_id: str | None = None, session_id: str | None = None,
                   app_id: str | None = None, actor: str | None = None) -> int:
        """Delete every memory in the scope; returns how many were deleted."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        check_actor(actor)
        erased = self._erase(_privacy.collect_scope(self.store, target), actor)  # -- privacy hook --
        deleted = self.store.delete_scope(target, actor=actor) + erased
        lessons = self.lessons.forget_scope(target) if self.lessons is not None else 0
        if deleted or lessons:
            self._settle()
        return deleted

    def _erase(self, residue: Any, actor: str | None) -> int:
        return _privacy.erase(self.store, residue, embedder=self.embedder, lessons=self.lessons,
                              actor=actor)

    def _settle(self) -> None:
        """No bytes of deleted text may outlive the delete call (docs/trust.md)."""
        _privacy.settle(self.store, embedder=self.embedder, lessons=self.lessons)

    def forget(self, user_id: str, *, actor: str | None = None, purge: bool = True) -> int:
        """Right to erasure: delete everything of ``user_id`` in every app, agent and
        session — rows, index, vectors, derived summaries, cache and vault rows — and
        (``purge``) compact the files so no bytes remain. History keeps content-free
        tombstones. Returns how many memories were deleted."""
        check_actor(actor)
        deleted = self.delete_all(user_id=user_id, actor=actor)
        if purge:
            self.purge()
        return deleted

    def purge(self) -> None:
        """Make past deletions physical: merge the FTS index, checkpoint and VACUUM the
        store, embedding cache and PII vault (slow on big stores; run it off-peak)."""
        _privacy.compact(self.store, embedder=self.embedder, lessons=self.lessons)

    def audit(self, *, scope: ScopeLike = None, since: datetime | None = None, limit: int = 100,
              **ids: str | None) -> builtins.list[AuditEntry]:
        """Who changed what in the scope, newest first: time, actor, op, memory id,
        version and changed field names — content only if ``Settings.log_content``."""
        return _privacy.audit(self.store, resolve_scope(scope, **ids),
                              since=utc_time(since, "since") if since else None, limit=self._limit(limit),
                              log_content=self.settings.log_content)

    def reveal(self, memory_id: str, *, scope: ScopeLike = None, **ids: str | None) -> MemoryItem:
        """The memory with its vaulted PII restored (``pii_mode="vault"``); the caller
        must be able to read the memory's scope. Never stored or logged."""
        item = self._one(memory_id, resolve_scope(scope, **ids))
        if self.vault is None:
            raise InvalidInputError("no PII vault is configured; add 'pii' to enrichers with "
                                    "pii_mode='vault' to store reversible redactions")
        return item.model_copy(update={"content": self.vault.reveal(item.id, item.content)})

    def guard_feedback(self, memory_id: str, verdict: str, *, scope: ScopeLike = None,
                       user_id: str | None = None, agent_id: str | None = None,
                       session_id: str | None = None, app_id: str | None = None,
                       actor: str | None = None) -> MemoryItem:
        """Confirm the guard's judgement of a memory: ``"benign"`` (a false alarm: the flag
        goes, a quarantined memory is released) or ``"malicious"`` (flagged for good). The
        verdict is kept as a lesson of the scope; later near-duplicates follow it
        (engram.ingest.guard_lesson_store). Needs ``"guard"`` in ``Settings.enrichers``."""
        target = resolve_scope(scope, user_id=user_id, agent_id=agent_id,
                               session_id=session_id, app_id=app_id)
        current = self._one(memory_id, target)
        guard = next((e for e in self.enrichers if isinstance(e, LearnsVerdicts)), None)
        if guard is None:
            raise InvalidInputError("guard feedback needs the guard: add 'guard' to Settings."
                                    "enrichers (a JSON list in the environment: "
                                    "ENGRAM_ENRICHERS='[\"keys\", \"guard\"]')")
        guard.learn(current, verdict, actor)
        return self.writer.revise(current, {"metadata": current.metadata}, actor=actor)


def lessons_of(enrichers: Sequence[Enricher]) -> Any:
    """The guard's lesson store, if any (delete, delete_all, forget and purge reach it)."""
    found = [e.lesson_store for e in enrichers
             if isinstance(e, LearnsVerdicts) and e.lesson_store is not None]
    return found[-1] if found else None


def vault_of(enrichers: Sequence[Enricher]) -> SecretVault | None:
    """The PII vault an enricher writes, if any (reveal, erase and purge read it)."""
    vaults = [e.vault for e in enrichers if isinstance(e, HasVault) and e.vault is not None]
    return vaults[-1] if vaults else None


__all__ = ["PrivacyOps", "lessons_of", "vault_of"]
