"""Message roles are the chat roles; anything else is refused with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import InvalidInputError
from engram.memory import Memory
from engram.model import ROLES, Message


def test_unknown_role_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    with Memory(tmp_path / "r.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path)) as mem:
        with pytest.raises(InvalidInputError, match="role 'robot' is not one of user, assistant"):
            mem.add([{"role": "user", "content": "hi"}, {"role": "robot", "content": "beep"}], user_id="u")
        assert mem.count(user_id="u") == 0
        mem.add([{"role": "user", "content": "hi"}, {"role": "assistant", "name": "robo", "content": "hello"}],
                user_id="u")
        assert mem.count(user_id="u") == 1


@pytest.mark.parametrize("role", ROLES)
def test_chat_roles_are_accepted(role: str) -> None:
    assert Message(role=role, content="x").role == role
