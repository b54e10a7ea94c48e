"""Prompts live as data files in ``engram/data/prompts`` so they can be read, diffed and
tuned without touching code. Placeholders are ``{{name}}`` (JSON examples in the
prompts use single braces freely)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from engram.errors import ConfigError, reinstall_hint


@cache
def load_prompt(name: str) -> str:
    """The text of ``engram/data/prompts/<name>.md``."""
    try:
        return (resources.files("engram.data") / "prompts" / f"{name}.md").read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"no prompt named {name!r} in engram/data/prompts; "
                          f"check the name, or {reinstall_hint()}") from None


def render(name: str, **values: str) -> str:
    """The prompt with every ``{{key}}`` replaced by its value."""
    text = load_prompt(name)
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text
