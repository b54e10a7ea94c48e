"""The guard's verdict on one item: a score in [0, 1], its reasons, and whether it may be
lowered (its own module so the second-opinion steps can take it without a cycle)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: a verdict whose strongest signal is below this may be lowered (by the scope's consensus,
#: a benign lesson or the LLM judge); a stronger one is never argued away
LOWERABLE_BELOW = 0.5


@dataclass
class Verdict:
    """The guard's judgement of one text: a score in [0, 1] and the reasons behind it."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    strongest: float = 0.0
    lesson: str | None = None  # "benign" / "malicious" when a confirmed lesson decided

    def add(self, reason: str, weight: float, *, lowerable: bool = False) -> None:
        """Add a signal; ``lowerable``: however high its weight, a second opinion may still
        lower it (the detector was not sure enough for it to be final)."""
        if reason not in self.reasons:
            self.reasons.append(reason)
            self.score = 1.0 - (1.0 - self.score) * (1.0 - weight)
            self.strongest = max(self.strongest,
                                 min(weight, LOWERABLE_BELOW / 2) if lowerable else weight)

    @property
    def weak(self) -> bool:
        """Made of weak cues only (and nothing hidden): open to a second opinion."""
        return self.strongest < LOWERABLE_BELOW

    def lower(self, reason: str, score: float) -> None:
        self.reasons.append(reason)
        self.score = score


__all__ = ["LOWERABLE_BELOW", "Verdict"]
