"""Turn conversations into rounds: a user turn plus the replies that follow it.

LongMemEval found the round (user turn + assistant reply) the best storage
granularity: finer than a session (less noise per item), coarser than a
turn (the question and its answer stay together).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Sequence

from engram.model import Message


@dataclass
class Round:
    messages: list[Message] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(f"{m.name or m.role}: {m.content}" for m in self.messages)

    @property
    def role(self) -> str:
        return "+".join(dict.fromkeys(m.name or m.role for m in self.messages))

    @property
    def timestamp(self) -> datetime | None:
        return next((m.timestamp for m in self.messages if m.timestamp), None)

    @property
    def source_ids(self) -> list[str]:
        return [m.id for m in self.messages if m.id]


def to_messages(data: Sequence[Message | dict[str, Any]]) -> list[Message]:
    return [m if isinstance(m, Message) else Message(**m) for m in data]


def group_rounds(messages: Sequence[Message], *, opener: str = "user") -> list[Round]:
    """A new round starts at each message whose role is ``opener`` (or at the
    first message); following messages of other roles join it."""
    rounds: list[Round] = []
    for message in messages:
        if not message.content.strip():
            continue
        if not rounds or message.role == opener:
            rounds.append(Round())
        rounds[-1].messages.append(message)
    return rounds
