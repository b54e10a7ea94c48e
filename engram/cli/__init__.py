"""The ``engram`` command line: a thin Typer adapter over :class:`engram.Memory`.

Command groups live in sibling modules and register themselves on ``app``;
``COMMAND_MODULES`` lists them so importing this package wires everything.
"""

from __future__ import annotations

import importlib

from engram.cli.app import app

COMMAND_MODULES = [
    "engram.cli.memory_cmds",
    "engram.cli.add_many_cmds",
    "engram.cli.demo_cmds",
    "engram.cli.bench_cmds",
    "engram.cli.mcp_cmds",
    "engram.cli.server_cmds",
    "engram.cli.lifecycle_cmds",
    "engram.cli.privacy_cmds",
    "engram.cli.compat_cmds",
]

for _module in COMMAND_MODULES:
    importlib.import_module(_module)


def main() -> None:
    app()


__all__ = ["app", "main"]
