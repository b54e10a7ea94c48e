"""REST routes for the facade operations beyond CRUD and search: add_many, count, forget,
purge, audit, reveal, consolidate, archive_stale, related, guard_feedback and add_procedure.

Same rules as :mod:`engram.server.app`: each handler confines the scope to the caller's
key and calls one facade method. Paths are those of :data:`engram.operations.OPERATIONS`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from engram.errors import ContentTooLargeError
from engram.ingest.rounds import to_units
from engram.lifecycle.audit import AuditEntry
from engram.lifecycle.consolidate import ConsolidationReport
from engram.lifecycle.links import RelatedMemory
from engram.memory import Memory
from engram.model import MemoryItem
from engram.server import wire
from engram.server.boundary import StrictJSONRoute, strict_query
from engram.server.deps import Principal, authenticate, current_memory
from engram.server.errors import ApiError
from engram.server.runtime import offload
from engram.server.schemas import (
    AddManyRequest,
    AddManyResponse,
    Archived,
    ArchiveRequest,
    AuditQuery,
    Count,
    CountQuery,
    Deleted,
    ForgetRequest,
    GuardFeedbackRequest,
    ProcedureRequest,
    ScopeBody,
    ScopeQuery,
)

Caller = Annotated[Principal, Depends(authenticate)]
Mem = Annotated[Memory, Depends(current_memory)]
router = APIRouter(prefix="/v1", dependencies=[Depends(authenticate), Depends(strict_query)],
                   route_class=StrictJSONRoute)


def require_admin(who: Principal, what: str) -> None:
    if not who.admin:
        raise ApiError(403, wire.FORBIDDEN, f"{what} is only available on a server running "
                       "without API keys (run it with the engram CLI on the server instead)")


@router.post("/memories/batch", status_code=201, response_model=AddManyResponse,
             tags=["memories"])
@offload
def add_many(body: AddManyRequest, who: Caller, mem: Mem) -> AddManyResponse:
    """Many adds in one request, embedded in one pass (bulk ingest). Each entry is a
    ``POST /v1/memories`` body, confined to the caller's key like one; the entries' rounds
    together are capped as one add's are (``ENGRAM_MAX_ROUNDS_PER_ADD``), so a batch
    causes no more work than the largest single request."""
    cap = mem.settings.max_rounds_per_add
    rounds = sum(len(to_units(r.data(), None)) for r in body.requests)
    if rounds > cap:
        raise ContentTooLargeError(
            f"this batch has {rounds:,} rounds, above the limit of {cap:,} per request; "
            "send it in several smaller batches (the server's ENGRAM_MAX_ROUNDS_PER_ADD)")
    requests = [{"data": r.data(), **who.confine(r.scope_fields()), **r.options(),
                 "actor": who.actor(r.actor)} for r in body.requests]
    return AddManyResponse(items=mem.add_many(requests))


@router.get("/count", response_model=Count, tags=["memories"])
@offload
def count(q: Annotated[CountQuery, Query()], who: Caller, mem: Mem) -> Count:
    """How many memories in the scope match the filters."""
    return Count(count=mem.count(**who.confine(q.scope_fields()), filters=q.filters()))


@router.get("/memories/{memory_id}/related", response_model=list[RelatedMemory],
            tags=["memories"])
@offload
def related(memory_id: str, q: Annotated[ScopeQuery, Query()], who: Caller,
            mem: Mem) -> list[RelatedMemory]:
    """Memories linked to this one (A-MEM links), strongest first, with the reason."""
    return mem.related(memory_id, **who.confine(q.scope_fields()))


@router.get("/memories/{memory_id}/reveal", response_model=MemoryItem, tags=["privacy"])
@offload
def reveal(memory_id: str, q: Annotated[ScopeQuery, Query()], who: Caller,
           mem: Mem) -> MemoryItem:
    """The memory with its vaulted PII restored (``pii_mode="vault"``)."""
    return mem.reveal(memory_id, **who.confine(q.scope_fields()))


@router.post("/forget", response_model=Deleted, tags=["privacy"])
@offload
def forget(body: ForgetRequest, who: Caller, mem: Mem) -> Deleted:
    """Right to erasure: delete everything of ``user_id`` (every app, agent and session on a
    keyless server; the key's app with an app-bound key), then compact the files (``purge``)."""
    if who.admin:
        return Deleted(deleted=mem.forget(body.user_id, actor=body.actor, purge=body.purge))
    deleted = mem.delete_all(**who.confine({"user_id": body.user_id}), actor=who.actor(body.actor))
    if body.purge:
        mem.purge()
    return Deleted(deleted=deleted)


@router.post("/purge", status_code=204, response_class=Response, tags=["privacy"])
@offload
def purge(who: Caller, mem: Mem) -> Response:
    """Make past deletions physical (FTS merge, checkpoint, VACUUM): store-wide, so keyless only."""
    require_admin(who, "purge")
    mem.purge()
    return Response(status_code=204)


@router.get("/audit", response_model=list[AuditEntry], tags=["privacy"])
@offload
def audit(q: Annotated[AuditQuery, Query()], who: Caller, mem: Mem) -> list[AuditEntry]:
    """Who changed what in the scope, newest first (content only if the server logs content)."""
    return mem.audit(**who.confine(q.scope_fields()), since=q.since, limit=q.limit)


@router.post("/consolidate", response_model=ConsolidationReport, tags=["lifecycle"])
@offload
def consolidate(body: ScopeBody, who: Caller, mem: Mem) -> ConsolidationReport:
    """Update the scope's session summaries, rolling summary and profile (idempotent)."""
    return mem.consolidate(**who.confine(body.scope_fields()))


@router.post("/archive-stale", response_model=Archived, tags=["lifecycle"])
@offload
def archive_stale(body: ArchiveRequest, who: Caller, mem: Mem) -> Archived:
    """Archive (never delete) long-unused, unimportant memories; returns their ids."""
    return Archived(archived=mem.archive_stale(
        **who.confine(body.scope_fields()), now=body.now, min_retention=body.min_retention,
        max_importance=body.max_importance, kinds=[k.value for k in body.kinds], dry_run=body.dry_run,
        actor=who.actor(body.actor)))


@router.post("/memories/{memory_id}/guard-feedback", response_model=MemoryItem, tags=["privacy"])
@offload
def guard_feedback(memory_id: str, body: GuardFeedbackRequest, who: Caller, mem: Mem) -> MemoryItem:
    """An operator's verdict on the guard's judgement of a memory: ``benign`` (a false alarm:
    the flag goes, a quarantined memory is released) or ``malicious``; kept as a lesson of
    the scope that later near-duplicates follow."""
    return mem.guard_feedback(memory_id, body.verdict, actor=who.actor(body.actor),
                              **who.confine(body.scope_fields()))


@router.post("/procedures", status_code=201, response_model=MemoryItem, tags=["lifecycle"])
@offload
def add_procedure(body: ProcedureRequest, who: Caller, mem: Mem) -> MemoryItem:
    """Remember how a task was done, or the lesson of a failure (kind=procedure)."""
    return mem.add_procedure(body.task, body.steps, body.outcome, success=body.success,
                             actor=who.actor(body.actor), **who.confine(body.scope_fields()))


__all__ = ["require_admin", "router"]
