"""Memory lifecycle: knowledge updates, forgetting, consolidation, links, procedures.

See ``docs/lifecycle.md``. Everything here is opt-in through :class:`engram.config.Settings`
and reached through the facade (:class:`engram.Memory`); nothing writes SQL.
"""

from engram.lifecycle.consolidate import ConsolidationReport
from engram.lifecycle.engine import Lifecycle
from engram.lifecycle.links import RelatedMemory

__all__ = ["ConsolidationReport", "Lifecycle", "RelatedMemory"]
