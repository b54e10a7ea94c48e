"""Import a mem0 store into Engram: its FAISS docstore or ``get_all`` JSON, plus history.

mem0 keeps each memory's text, scope and metadata in the vector store's payload
and the change log (ADD/UPDATE/DELETE with old and new text) in a SQLite
``history`` table that has no scope. So the payloads are the source of truth for
what exists and whose it is; the history db, when given, gives each memory its
version number and mem0's ADD/UPDATE trail, which Engram's import keeps as data in
``metadata["engram.import"]["history"]`` (earlier texts are not restored: an import
never writes claimed history, see :mod:`engram.portability`). Vectors are not
copied: Engram re-embeds with its own model.

Inputs understood (see :func:`read_mem0`):

* a FAISS folder or its ``<collection>.json`` docstore (mem0 ≥ 2.x writes JSON);
* a JSON export — what ``Memory.get_all`` returns (``{"results": [...]}``) or a list;
* a folder holding either of them, with ``history.db`` found next to it.

Other vector stores (Qdrant, Chroma, ...): dump them with mem0's own
``get_all(filters={"user_id": ...}, top_k=...)`` into a JSON file first.
Each memory gets a time-sortable Engram id derived from its mem0 id and
``created_at`` (re-importing skips what is already there); the mem0 id stays in
``metadata["mem0_id"]`` and ``provenance.source_ids``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from engram.compat.mem0_shapes import DEFAULT_APP, ENTITY_KEYS
from engram.errors import ImportFormatError

SOURCE = "mem0"
PAYLOAD_SKIP = {"data", "hash", "created_at", "updated_at", "text_lemmatized", "attributed_to", "id",
                "memory", "score", "role", "metadata"}


@dataclass
class Mem0Record:
    """One live mem0 memory, as read from its store."""

    id: str
    text: str
    ids: dict[str, str]
    role: str | None
    metadata: dict[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass
class Mem0Source:
    records: list[Mem0Record]
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deleted: int = 0  # memories the history shows as deleted in mem0 (not imported)
    described: str = ""


@dataclass
class Mem0ImportReport:
    read: int
    imported: int
    skipped: int
    deleted_in_source: int
    history_rows: int
    source: str


def _time(value: Any, fallback: datetime) -> datetime:
    if not value:
        return fallback
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return fallback
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _record(memory_id: str, payload: dict[str, Any], now: datetime) -> Mem0Record:
    text = payload.get("data", payload.get("memory"))
    if not isinstance(text, str) or not text.strip():
        raise ImportFormatError(f"mem0 memory {memory_id} has no text ('data' or 'memory'); "
                                "is this a mem0 store?")
    meta = {k: v for k, v in payload.items() if k not in PAYLOAD_SKIP and k not in ENTITY_KEYS}
    if isinstance(payload.get("metadata"), dict):  # get_all's nested form
        meta.update(payload["metadata"])
    ids = {k: str(payload[k]) for k in ENTITY_KEYS if payload.get(k)}
    if not ids:
        raise ImportFormatError(f"mem0 memory {memory_id} has no user_id, agent_id or run_id")
    created = _time(payload.get("created_at"), now)
    return Mem0Record(memory_id, text, ids, payload.get("role"), meta, created,
                      _time(payload.get("updated_at"), created))


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFormatError(f"cannot read {path} as JSON: {exc}") from None


def _records(data: Any, where: Path) -> list[Mem0Record]:
    now = datetime.now(UTC)
    if isinstance(data, dict) and isinstance(data.get("docstore"), dict):  # FAISS docstore
        return [_record(str(k), v, now) for k, v in data["docstore"].items()]
    rows = data.get("results") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) and r.get("id") for r in rows):
        raise ImportFormatError(f"{where} is neither a mem0 FAISS docstore nor a get_all export "
                                '({"results": [{"id", "memory", ...}]})')
    return [_record(str(r["id"]), r, now) for r in rows]


def _find_store(folder: Path) -> Path:
    candidates = [p for p in sorted(folder.rglob("*.json"))
                  if p.name not in ("expected.json",) and p.stat().st_size > 0]
    docstores = [p for p in candidates if p.with_suffix(".faiss").exists()]
    found = docstores or [p for p in candidates if "get_all" in p.name or "export" in p.name]
    if len(found) != 1:
        names = ", ".join(str(p) for p in found) or "none"
        raise ImportFormatError(f"expected one mem0 FAISS docstore (<collection>.json next to "
                                f"<collection>.faiss) or get_all export in {folder}, found: {names}; "
                                "pass the file itself")
    return found[0]


def read_history(path: Path) -> dict[str, list[dict[str, Any]]]:
    """mem0's history rows by memory id, oldest first."""
    if not path.is_file():
        raise ImportFormatError(f"{path} is not a file; pass mem0's history.db")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT memory_id, old_memory, new_memory, event, created_at, updated_at "
                              "FROM history ORDER BY created_at, updated_at, rowid").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ImportFormatError(f"{path} is not a mem0 history database: {exc}") from None
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["memory_id"], []).append(dict(row))
    return out


def read_mem0(path: str | Path, *, history_db: str | Path | None = None) -> Mem0Source:
    """Read a mem0 store (see the module docstring for what ``path`` may be)."""
    path = Path(path)
    if path.is_dir():
        store = _find_store(path)
        if history_db is None and (path / "history.db").is_file():
            history_db = path / "history.db"
    elif path.is_file():
        store = path
    else:
        raise ImportFormatError(f"{path} does not exist; pass a mem0 FAISS folder or a JSON export")
    records = _records(_load_json(store), store)
    history = read_history(Path(history_db)) if history_db is not None else {}
    live = {r.id for r in records}
    deleted = sum(1 for mid, rows in history.items()
                  if mid not in live and rows and rows[-1]["event"] == "DELETE")
    return Mem0Source(records, history, deleted, f"{store}" + (f" + {history_db}" if history_db else ""))


def engram_id(mem0_id: str, created: datetime) -> str:
    """A UUIDv7 whose time is ``created`` and whose other bits come from the mem0 id:
    sortable like Engram's own ids, and the same on every import of the same memory."""
    ms = max(0, int(created.timestamp() * 1000)) & ((1 << 48) - 1)
    seed = int.from_bytes(hashlib.sha256(mem0_id.encode()).digest()[:10], "big")
    value = ms << 80 | 0x7 << 76 | ((seed >> 62) & 0xFFF) << 64 | 0b10 << 62 | (seed & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def _versions(record: Mem0Record, new_id: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """mem0's ADD/UPDATE rows as Engram history (content-only snapshots)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if row["event"] not in ("ADD", "UPDATE") or row["new_memory"] is None:
            continue
        at = _time(row["updated_at"] or row["created_at"], record.created_at).isoformat()
        first = not out
        out.append({"memory_id": new_id, "version": len(out) + 1, "op": "add" if first else "update",
                    "actor": SOURCE, "at": at,
                    "old": None if first else {"content": row["old_memory"]},
                    "new": {"content": row["new_memory"]}})
    return out


def export_lines(source: Mem0Source, app_id: str | None) -> Iterator[str]:
    """The mem0 memories as Engram export lines (what ``Memory.import_`` reads)."""
    yield json.dumps({"format": "engram-export", "version": 1})
    for record in source.records:
        new_id = engram_id(record.id, record.created_at)
        history = _versions(record, new_id, source.history.get(record.id, []))
        scope = {("session_id" if k == "run_id" else k): v for k, v in record.ids.items()}
        if app_id:
            scope["app_id"] = app_id
        kind = "procedure" if record.metadata.get("memory_type") == "procedural_memory" else \
            "episodic" if record.role else "fact"
        item = {"id": new_id, "scope": scope, "kind": kind, "content": record.text, "role": record.role,
                "event_time": record.created_at.isoformat(), "valid_from": record.created_at.isoformat(),
                "created_at": record.created_at.isoformat(), "updated_at": record.updated_at.isoformat(),
                "version": max(1, len(history)), "metadata": {**record.metadata, "mem0_id": record.id},
                "provenance": {"source": SOURCE, "source_ids": [record.id]}}
        yield json.dumps({"item": item, "history": history}, ensure_ascii=False)


def import_mem0(memory: Any, path: str | Path, *, history_db: str | Path | None = None,
                app_id: str | None = DEFAULT_APP, actor: str | None = "import-mem0") -> Mem0ImportReport:
    """Read a mem0 store and import it into ``memory`` (an :class:`engram.Memory`),
    under ``app_id`` (default ``"mem0"``, where :class:`engram.compat.mem0.Memory` looks)."""
    source = read_mem0(path, history_db=history_db)
    report = memory.import_(export_lines(source, app_id), actor=actor)
    rows = sum(len(_versions(r, "x", source.history.get(r.id, []))) for r in source.records)
    return Mem0ImportReport(read=len(source.records), imported=report.imported, skipped=report.skipped,
                            deleted_in_source=source.deleted, history_rows=rows, source=source.described)


__all__ = ["Mem0ImportReport", "Mem0Record", "Mem0Source", "engram_id", "export_lines", "import_mem0",
           "read_history", "read_mem0"]
