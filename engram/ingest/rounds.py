"""Turn conversations into rounds: a user turn plus the replies that follow it.

LongMemEval found the round (user turn + assistant reply) the best storage
granularity: finer than a session (less noise per item), coarser than a
turn (the question and its answer stay together).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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


@dataclass
class Unit:
    """One memory to create from the caller's input."""

    text: str
    role: str | None = None
    source_ids: list[str] = field(default_factory=list)
    at: datetime | None = None


def to_units(data: object, when: datetime | None) -> list[Unit]:
    """Text → one unit; a conversation → one unit per round (see :func:`group_rounds`)."""
    from pydantic import ValidationError

    from engram.errors import InvalidInputError
    from engram.validation import explain

    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInputError(f"input is not valid UTF-8 (byte {exc.start}); fix its encoding") from None
    if isinstance(data, str):
        return [Unit(data, at=when)]
    if not isinstance(data, (list, tuple)):
        raise InvalidInputError("add() takes text or a list of {role, content} messages, "
                                f"not {type(data).__name__}")
    try:
        messages = to_messages(list(data))
    except (ValidationError, TypeError) as exc:
        detail = explain(exc) if isinstance(exc, ValidationError) else str(exc)
        raise InvalidInputError(f"messages must be {{role, content}} objects: {detail}") from None
    rounds = group_rounds(messages)
    if not rounds:
        raise InvalidInputError("the conversation has no non-empty messages; nothing to add")
    return [Unit(r.text, r.role, r.source_ids, r.timestamp or when) for r in rounds]
