"""JSONL export and validated, all-or-nothing import.

Format: a header line, then one line per memory: ``{"item": {...},
"history": [...], "links": [...]}`` (``links``: the memory's outgoing A-MEM links to
other exported memories). Vectors are recomputed on import.

An import is a write like :meth:`~engram.memory.Memory.add`: the content goes through
the same size limit and enrichers (PII, guard, keys), and the whole file commits in one
transaction or not at all. It never writes the file's history into the audit trail —
a file can claim any actor, time or operation — so each imported memory gets one
``import`` row by the importing identity, and the history the file claimed is kept as
data in ``metadata["engram.import"]["history"]`` (version, op, claimed actor, time and
the names of the changed fields; the content of earlier versions is not restored, since
it would bypass the PII redaction and the guard).

Ids: an import never takes an id away from a memory outside the importer's reach, and
never tells a tenant whether an id exists elsewhere.

- A scoped import (an API key's, or ``scope=``) stores each new memory under an id derived
  from the file's id and that scope (:func:`engram.ids.derived_id`), whatever the rest of
  the store holds: it can neither collide with another tenant's memory nor reveal that an
  id exists elsewhere (a taken id and a free one get the same answer), and importing the
  same file twice stays idempotent. ``on_conflict`` never applies, since nothing collides.
- An unscoped (administrative) import sees the whole store, so it keeps the file's ids and
  reports a collision with a memory of *another* scope by ``on_conflict``: ``"fail"`` (the
  default) refuses the whole file with :class:`~engram.errors.ImportConflictError` naming
  the lines; ``"skip"`` leaves those lines out (counted in ``skipped`` and ``conflicts``);
  ``"new_id"`` imports them under an id derived from the file's id and the line's scope
  (so a re-import is still idempotent).

Either way a renamed memory keeps the file's id in ``metadata["engram.import"]["id"]``.
A memory already present *in its own scope* is skipped: an import is idempotent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from engram.errors import ImportConflictError, ImportFormatError, InvalidInputError
from engram.ids import derived_id, is_valid_id
from engram.lifecycle.audit import changed_fields
from engram.model import HistoryEntry, ImportReport, MemoryItem, OnConflict, Scope, utcnow
from engram.store.base import Link, Store
from engram.validation import loads_unique
from engram.write import Writer

FORMAT = "engram-export"
FORMAT_VERSION = 1
MAX_REPORTED = 10
IMPORT_KEY = "engram.import"  # metadata key: what the file claimed (history, original id)
MAX_HISTORY = 1000  # history entries kept per memory; a longer claim is a malformed line
ON_CONFLICT: tuple[str, ...] = get_args(OnConflict)


@dataclass
class ImportRecord:
    item: MemoryItem
    claimed: list[dict[str, Any]]  # the file's history, as data
    links: list[Link] = field(default_factory=list)
    line: int = 0  # where it stood in the file, for error messages


def _link_json(link: Link) -> dict[str, Any]:
    return {"dst": link.dst, "reason": link.reason, "score": link.score,
            "created_at": link.created_at.isoformat()}


def _parse_links(src: str, raw: Any) -> list[Link]:
    if not isinstance(raw, list):
        raise ValueError('"links" must be a list')
    links = []
    for entry in raw:
        if not isinstance(entry, dict) or not is_valid_id(entry.get("dst")) \
                or not isinstance(entry.get("reason", ""), str):
            raise ValueError('each link needs a "dst" memory id and an optional string "reason"')
        created = datetime.fromisoformat(entry["created_at"]) if entry.get("created_at") else None
        links.append(Link(src, entry["dst"], entry.get("reason", ""), float(entry.get("score", 0.0)),
                          **({"created_at": created} if created else {})))
    return links


def export_lines(store: Store, scope: Scope | None) -> Iterator[str]:
    """A full export (``scope=None``) keeps every link; a scoped one keeps the links
    whose both ends are in the scope, so it never names another tenant's memory."""
    yield json.dumps({"format": FORMAT, "version": FORMAT_VERSION})
    for item in store.iter_items(scope):
        history = [json.loads(h.model_dump_json()) for h in store.history(item.scope, [item.id])]
        where = scope if scope is not None else item.scope.across_sessions()
        links = [_link_json(l) for l in store.links(where, [item.id]) if l.src == item.id]
        line: dict[str, Any] = {"item": item.snapshot(), "history": history}
        if links:
            line["links"] = links
        yield json.dumps(line, ensure_ascii=False)


def _raw_lines(source: Iterable[str] | str | Path) -> Iterator[tuple[int, str | None]]:
    """(line number, text) pairs; text is None for lines that are not UTF-8."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                try:
                    yield number, raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield number, None
        return
    for number, line in enumerate(source, 1):
        yield number, line


def _claim(entry: HistoryEntry) -> dict[str, Any]:
    """A history row of the file as data: who it says did what and when, no content."""
    return {"version": entry.version, "op": entry.op, "actor": entry.actor,
            "at": entry.at.isoformat(), "changed": changed_fields(entry)}


def _parse(text: str, confine: Scope | None,
           check: Callable[[MemoryItem], None]) -> ImportRecord | None:
    try:
        data: Any = loads_unique(text)  # a repeated key is an error, not last-wins
    except RecursionError:
        raise ValueError("the line is nested too deeply to be an export line") from None
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    if data.get("format") == FORMAT:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported export version {data.get('version')!r}")
        return None
    if set(data) - {"item", "history", "links"} or "item" not in data:
        raise ValueError('expected keys "item" and optional "history" and "links"')
    item = MemoryItem.model_validate(data["item"])
    if not is_valid_id(item.id):
        raise ValueError("item.id must be a UUID or ULID string (leave it out to get a new id)")
    raw_history = data.get("history") or []
    if not isinstance(raw_history, list) or len(raw_history) > MAX_HISTORY:
        raise ValueError(f'"history" must be a list of at most {MAX_HISTORY} entries')
    history = [HistoryEntry.model_validate(h) for h in raw_history]
    if any(h.memory_id != item.id for h in history):
        raise ValueError("history rows must belong to the item on the same line")
    if confine is not None and not confine.covers(item.scope):
        raise ValueError(f"item scope {item.scope} is outside the import scope {confine}")
    check(item)  # the limits add() applies (content size)
    return ImportRecord(item, [_claim(h) for h in history],
                        _parse_links(item.id, data.get("links") or []))


def parse_import(
    source: Iterable[str] | str | Path, *, confine: Scope | None, skip_bad: bool,
    check: Callable[[MemoryItem], None] = lambda item: None,
) -> tuple[list[ImportRecord], ImportReport]:
    """Validate every line first, so a bad file imports nothing (unless ``skip_bad``)."""
    records: list[ImportRecord] = []
    bad: list[tuple[int, str]] = []
    seen: set[str] = set()
    try:
        for number, text in _raw_lines(source):
            if text is None:
                bad.append((number, "not valid UTF-8"))
                continue
            if not text.strip():
                continue
            try:
                record = _parse(text, confine, check)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                bad.append((number, f"{where}: {first['msg']}"))
                continue
            except (ValueError, TypeError) as exc:
                bad.append((number, str(exc)[:200]))
                continue
            if record is None:
                continue
            if record.item.id in seen:
                bad.append((number, f"duplicate id {record.item.id}"))
                continue
            seen.add(record.item.id)
            record.line = number
            records.append(record)
    except OSError as exc:
        raise ImportFormatError(f"cannot read the import file: {exc.strerror or exc}") from None
    if bad and not skip_bad:
        shown = "; ".join(f"line {n}: {why}" for n, why in bad[:MAX_REPORTED])
        more = f" (and {len(bad) - MAX_REPORTED} more)" if len(bad) > MAX_REPORTED else ""
        raise ImportFormatError(
            f"{len(bad)} malformed line(s), nothing was imported: {shown}{more}. "
            "Fix them, or pass skip_bad / --skip-bad to import the valid lines only",
            bad_lines=bad,
        )
    return records, ImportReport(skipped=len(bad), bad_lines=[n for n, _ in bad])


def check_on_conflict(value: object) -> OnConflict:
    """``on_conflict`` as given, or an InvalidInputError that lists the choices."""
    if value not in ON_CONFLICT:
        raise InvalidInputError(f"on_conflict must be one of {', '.join(ON_CONFLICT)}, not {value!r}")
    return value  # type: ignore[return-value]


def _taken_elsewhere(store: Store, records: list[ImportRecord]) -> list[ImportRecord]:
    """Records whose file id belongs to a memory of another scope (an unscoped import
    only: it is the administrator's view of the whole store)."""
    scopes = {r.item.id: r.item.scope for r in records}
    owners = {item.id: item.scope for item in store.get(None, list(scopes))}
    return [r for r in records if r.item.id in owners and not r.item.scope.covers(owners[r.item.id])]


def _conflict_error(clashes: list[ImportRecord]) -> ImportConflictError:
    shown = "; ".join(f"line {r.line}: id {r.item.id}" for r in clashes[:MAX_REPORTED])
    more = f" (and {len(clashes) - MAX_REPORTED} more)" if len(clashes) > MAX_REPORTED else ""
    return ImportConflictError(
        f"{len(clashes)} line(s) reuse the id of a memory in another scope, nothing was "
        f"imported: {shown}{more}. Pass on_conflict='new_id' (CLI --on-conflict new_id, REST "
        "?on_conflict=new_id) to import them under new ids, or on_conflict='skip' to leave them out",
        lines=[r.line for r in clashes])


def _renamed(records: list[ImportRecord], confine: Scope | None,
             clashes: list[ImportRecord]) -> dict[str, str]:
    """file id -> stored id (see the module docs): derived from the import scope for a
    scoped import; for an unscoped one the file's id, or (``new_id``) one derived from the
    line's scope for the lines in ``clashes``."""
    if confine is not None:
        return {r.item.id: derived_id(r.item.id, str(confine)) for r in records}
    ids = {r.item.id: r.item.id for r in records}
    ids.update({r.item.id: derived_id(r.item.id, str(r.item.scope)) for r in clashes})
    return ids


def _as_stored(record: ImportRecord, ids: dict[str, str]) -> MemoryItem:
    """The record's item under its stored id, with the file's claims in its metadata."""
    item = record.item
    stored_id = ids[item.id]
    note: dict[str, Any] = dict(item.metadata.get(IMPORT_KEY) or {}) \
        if isinstance(item.metadata.get(IMPORT_KEY), dict) else {}
    if record.claimed:
        earlier: list[Any] = note["history"] if isinstance(note.get("history"), list) else []
        note["history"] = [*earlier, *record.claimed][-MAX_HISTORY:]
    if stored_id != item.id:
        note["id"] = item.id
    metadata = {**item.metadata, IMPORT_KEY: note} if note else item.metadata
    sources = [ids.get(s, s) for s in item.provenance.source_ids]
    return item.model_copy(update={
        "id": stored_id, "metadata": metadata,
        "provenance": item.provenance.model_copy(update={"source_ids": sources})})


def restore(writer: Writer, records: list[ImportRecord], report: ImportReport, *,
            confine: Scope | None, actor: str | None, on_conflict: OnConflict = "fail",
            progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Write the validated records in ONE store transaction. Memories already in their
    scope are skipped (an import is idempotent); ids taken in another scope are handled
    by ``on_conflict`` (unscoped imports only, see the module docs); the rest are enriched
    as by ``add``, embedded, and written with one ``import`` history row each (actor: the
    importer) and the links between them."""
    store = writer.store
    clashes = _taken_elsewhere(store, records) if confine is None else []
    if clashes and on_conflict == "fail":
        raise _conflict_error(clashes)
    report.conflicts = sorted(r.line for r in clashes)
    if on_conflict == "skip":
        dropped = {r.item.id for r in clashes}
        records = [r for r in records if r.item.id not in dropped]
        report.skipped += len(dropped)
        clashes = []
    ids = _renamed(records, confine, clashes)
    present: set[str] = set()
    for record in records:
        stored = ids[record.item.id]
        if store.get(record.item.scope, [stored]) or (
                stored != record.item.id and store.get(record.item.scope, [record.item.id])):
            present.add(record.item.id)
    fresh = [r for r in records if r.item.id not in present]
    report.skipped += len(present)
    items = writer.enrich([_as_stored(r, ids) for r in fresh])
    now = utcnow()
    history = [HistoryEntry(memory_id=i.id, version=i.version, op="import", actor=actor, at=now,
                            new=i.snapshot()) for i in items]
    fresh_scopes = {r.item.id: r.item.scope for r in fresh}
    links = [Link(ids[l.src], ids[l.dst], l.reason, l.score, l.created_at)
             for r in fresh for l in r.links if l.dst in fresh_scopes and l.dst != l.src
             and r.item.scope.across_sessions().covers(fresh_scopes[l.dst])]
    if items:
        writer.write(items, history, links=links, progress=progress)
    report.imported += len(items)
    report.links = len(links)
    return report
