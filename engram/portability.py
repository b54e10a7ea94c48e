"""JSONL export and validated, all-or-nothing import.

Format: a header line, then one line per memory: ``{"item": {...},
"history": [...], "links": [...]}`` (``links``: the memory's outgoing A-MEM links to
other exported memories). Importing an export reproduces items exactly (same ids,
timestamps, versions, history and links); vectors are recomputed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from engram.errors import ImportFormatError
from engram.model import HistoryEntry, ImportReport, MemoryItem, Scope
from engram.store.base import Link, Store

FORMAT = "engram-export"
FORMAT_VERSION = 1
MAX_REPORTED = 10


@dataclass
class ImportRecord:
    item: MemoryItem
    history: list[HistoryEntry]
    links: list[Link] = field(default_factory=list)


def _link_json(link: Link) -> dict[str, Any]:
    return {"dst": link.dst, "reason": link.reason, "score": link.score,
            "created_at": link.created_at.isoformat()}


def _parse_links(src: str, raw: Any) -> list[Link]:
    if not isinstance(raw, list):
        raise ValueError('"links" must be a list')
    links = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("dst"), str) \
                or not isinstance(entry.get("reason", ""), str):
            raise ValueError('each link needs a string "dst" and an optional string "reason"')
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


def _parse(text: str, confine: Scope | None) -> ImportRecord | None:
    data: Any = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    if data.get("format") == FORMAT:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported export version {data.get('version')!r}")
        return None
    if set(data) - {"item", "history", "links"} or "item" not in data:
        raise ValueError('expected keys "item" and optional "history" and "links"')
    item = MemoryItem.model_validate(data["item"])
    history = [HistoryEntry.model_validate(h) for h in data.get("history") or []]
    if any(h.memory_id != item.id for h in history):
        raise ValueError("history rows must belong to the item on the same line")
    if confine is not None and not confine.covers(item.scope):
        raise ValueError(f"item scope {item.scope} is outside the import scope {confine}")
    return ImportRecord(item, history, _parse_links(item.id, data.get("links") or []))


def parse_import(
    source: Iterable[str] | str | Path, *, confine: Scope | None, skip_bad: bool
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
                record = _parse(text, confine)
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


def restore(store: Store, records: list[ImportRecord], report: ImportReport, *,
            embed: Callable[[Sequence[str]], Any], model_id: str, actor: str | None,
            progress: Callable[[int, int], None] | None = None, batch: int = 64) -> ImportReport:
    """Write validated records in batches; ids already present are skipped (so an
    import is idempotent). A memory deleted here before keeps its tombstoned
    history: re-importing it appends one "import" row instead of reusing the
    exported row ids."""
    total = len(records)
    for start in range(0, total, batch):
        chunk = records[start:start + batch]
        fresh = [r for r in chunk if not store.get(r.item.scope, [r.item.id])]
        report.skipped += len(chunk) - len(fresh)
        if fresh:
            items = [r.item for r in fresh]
            seen = {h.memory_id for r in fresh for h in store.history(r.item.scope, [r.item.id])}
            history = [h for r in fresh for h in (
                r.history if r.history and r.item.id not in seen else
                [HistoryEntry(memory_id=r.item.id, version=r.item.version, op="import",
                              actor=actor, new=r.item.snapshot())])]
            store.add(items, embed([i.content for i in items]), history, model_id=model_id)
            report.imported += len(fresh)
        if progress:
            progress(min(start + batch, total), total)
    report.links = _restore_links(store, records)
    return report


def _restore_links(store: Store, records: list[ImportRecord]) -> int:
    """Links between memories of this file only (a link to anything else could point
    outside the scope the import was confined to); re-importing refreshes them."""
    ids = {r.item.id for r in records}
    by_scope: dict[Scope, list[Link]] = {}
    for record in records:
        kept = [l for l in record.links if l.dst in ids]
        if kept:
            by_scope.setdefault(record.item.scope.across_sessions(), []).extend(kept)
    return sum(store.add_links(scope, links) for scope, links in by_scope.items())
