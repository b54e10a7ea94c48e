"""The facade's administrative reads and restores: export, import_ and stats.

The formats and the restore live in :mod:`engram.portability`; these methods only
apply the facade's scope rules (``all_scopes`` for an unscoped, administrative run).
A mixin of :class:`~engram.memory.Memory`, kept apart so the facade module stays small.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from engram.memory_base import FacadeBase
from engram.model import ImportReport, OnConflict, Scope, Stats
from engram.portability import check_on_conflict, export_lines, parse_import, restore
from engram.validation import ScopeLike, check_actor, resolve_scope


class PortabilityOps(FacadeBase):
    """Moving memories in and out of the store, and counting them."""

    def export(self, *, scope: ScopeLike = None, all_scopes: bool = False,
               **ids: str | None) -> Iterator[str]:
        """JSONL lines (item + its history) that :meth:`import_` restores (same ids when unscoped).

        Pass a scope, or ``all_scopes=True`` for an administrative full export.
        """
        return export_lines(self.store, _admin_scope(scope, all_scopes, ids))

    def import_(self, lines: Iterable[str] | str | Path, *, scope: ScopeLike = None,
                skip_bad: bool = False, actor: str | None = None, on_conflict: OnConflict = "fail",
                progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Restore an export in one transaction: a malformed line (or a failed write)
        imports nothing, unless ``skip_bad`` skips the malformed lines. Items already
        present are skipped. Content passes the same limits and enrichers as :meth:`add`;
        the history is ``actor``'s import, the file's own history is kept as data.
        A scoped import stores new ids derived from the scope; an unscoped one keeps the
        file's ids, and ``on_conflict`` (``fail``, ``skip``, ``new_id``) says what to do
        with an id another scope holds (see :mod:`engram.portability`)."""
        on_conflict = check_on_conflict(on_conflict)
        check_actor(actor)
        confine = resolve_scope(scope) if scope is not None else None
        records, report = parse_import(lines, confine=confine, skip_bad=skip_bad,
                                       check=lambda item: self.writer.check_size(item.content))
        return restore(self.writer, records, report, confine=confine, actor=actor,
                       on_conflict=on_conflict, progress=progress)

    def stats(self, *, scope: ScopeLike = None, all_scopes: bool = False,
              **ids: str | None) -> Stats:
        return self.store.stats(_admin_scope(scope, all_scopes, ids))


def _admin_scope(scope: ScopeLike, all_scopes: bool, ids: dict[str, str | None]) -> Scope | None:
    """``None`` (every scope) only when asked for with nothing else named; else the scope."""
    return None if all_scopes and scope is None and not any(ids.values()) \
        else resolve_scope(scope, **ids)


__all__ = ["PortabilityOps"]
