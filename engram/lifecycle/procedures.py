"""Procedural memory: how a task was done, and what went wrong when it failed.

Agent-workflow memory (Wang et al., "Agent Workflow Memory", 2024) and Reflexion (Shinn
et al., 2023) show that agents improve when they can recall past *trajectories* for a
similar task — successful ones as recipes, failed ones as lessons. A procedure is a
``kind=procedure`` item whose content leads with the task (so dense and lexical search
match new tasks against it) followed by the steps and the outcome; the structured parts
are kept in ``metadata`` for programmatic use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram.errors import InvalidInputError

MAX_STEPS = 100


def procedure_content(task: str, steps: Sequence[str], outcome: str, success: bool) -> str:
    lines = [f"Task: {task.strip()}", "Steps:"]
    lines += [f"{n}. {step.strip()}" for n, step in enumerate(steps, start=1)]
    label = "Outcome" if success else "Lesson (failed)"
    lines.append(f"{label}: {outcome.strip()}" if outcome.strip() else f"{label}.")
    return "\n".join(lines)


def procedure_fields(task: str, steps: Sequence[str], outcome: str, success: bool) -> dict[str, Any]:
    """Validated content, tags, metadata and importance for a procedure item."""
    if not isinstance(task, str) or not task.strip():
        raise InvalidInputError("a procedure needs a task: say what was being done")
    if isinstance(steps, str) or not all(isinstance(s, str) for s in steps):
        raise InvalidInputError("steps must be a list of strings, one per step")
    if not 0 < len(steps) <= MAX_STEPS:
        raise InvalidInputError(f"a procedure needs 1 to {MAX_STEPS} steps")
    return {
        "content": procedure_content(task, steps, outcome, success),
        "tags": ["procedure", "success" if success else "lesson"],
        "metadata": {"task": task.strip(), "steps": [s.strip() for s in steps],
                     "outcome": outcome.strip(), "success": bool(success)},
        # failures are kept as lessons; they matter slightly less than what worked
        "importance": 0.7 if success else 0.6,
    }
