"""Conformance: every door carries every operation of the table, with the same argument
names and types (issue #15: REST and the clients had 11 of the facade's 20 operations,
AsyncMemory 12 returning Any, MCP's 'forget' meant something else, REST add said `text`).

A door may lack an operation only where the table says why (``Operation.absent``).
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

import anyio
import pytest
from pydantic import BaseModel

import engram.operations as ops
from engram.aio import AsyncMemory
from engram.client import AsyncEngramClient, EngramClient
from engram.memory import Memory
from engram.model import SCOPE_FIELDS, MemoryKind, MemoryStatus
from engram.operations import OPERATIONS, PYTHON_ONLY, MemoryAPI, Operation

PY_DOORS: dict[str, type] = {"Memory": Memory, "AsyncMemory": AsyncMemory,
                             "EngramClient": EngramClient, "AsyncEngramClient": AsyncEngramClient}
# A query string (and MCP's flat tool arguments) cannot carry the nested `filters` object:
# they spell it out as these.
QUERY_FILTERS: dict[str, Any] = {"kind": list[MemoryKind] | MemoryKind,
                                 "status": list[MemoryStatus], "tag": list[str],
                                 "since": datetime, "until": datetime}
NS = dict(vars(ops))


def _hints(func: Callable[..., Any]) -> dict[str, Any]:
    return typing.get_type_hints(func, globalns={**vars(inspect.getmodule(func)), **NS},
                                 include_extras=False)


def signature_of(func: Callable[..., Any]) -> tuple[list[tuple[str, Any]], dict[str, Any], Any]:
    """(positional params, keyword params by name, return type), with ``**args:
    Unpack[TypedDict]`` expanded and ``**ids: str | None`` read as the scope ids."""
    hints = _hints(func)
    sig = inspect.signature(func)
    positional: list[tuple[str, Any]] = []
    keywords: dict[str, Any] = {}
    for name, param in list(sig.parameters.items())[1:]:  # self
        if param.kind is param.VAR_KEYWORD:
            raw = func.__annotations__.get(name)
            unpacked = _unpacked(hints.get(name), raw)
            if unpacked is not None:
                keywords.update(typing.get_type_hints(unpacked, globalns=NS))
            else:  # **ids: str | None — the four scope ids
                keywords.update({f: hints[name] for f in SCOPE_FIELDS})
        elif param.kind is param.KEYWORD_ONLY or param.default is not param.empty:
            keywords[name] = hints[name]
        else:
            positional.append((name, hints[name]))
    return positional, keywords, hints.get("return", type(None))


def _unpacked(hint: Any, raw: Any) -> Any:
    if typing.get_origin(hint) is typing.Unpack:
        return typing.get_args(hint)[0]
    if isinstance(raw, str) and raw.startswith("Unpack["):
        return NS[raw.removeprefix("Unpack[").removesuffix("]")]
    return None


def expected(op: Operation) -> tuple[list[tuple[str, Any]], dict[str, Any], Any]:
    keywords = {**typing.get_type_hints(op.args, globalns=NS), **dict(op.optional)}
    return list(op.params), keywords, op.returns


def _norm(tp: Any) -> Any:
    """Compare types modulo spelling: ``X | None`` vs ``Optional[X]``, None vs NoneType."""
    if tp is None:
        return type(None)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return frozenset(_norm(a) for a in typing.get_args(tp))
    return tp


@pytest.mark.parametrize("door", sorted(PY_DOORS))
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.name)
def test_python_door_agrees_with_the_table(door: str, op: Operation) -> None:
    check_python_door(door, PY_DOORS[door], op)


def test_the_check_catches_a_disagreeing_door() -> None:
    """The conformance check itself can fail: a renamed argument, a narrower type, a
    missing operation and an `Any` return are each caught."""

    class Renamed:
        def get(self, memory_id: str, *, scope: Any = None, user: str | None = None) -> Any: ...

    class Retyped:
        def count(self, *, scope: ops.ScopeLike = None, filters: dict[str, Any] | None = None,
                  **ids: str | None) -> int: ...

    class Untyped:
        def purge(self) -> Any: ...

    for cls, name in ((Renamed, "get"), (Retyped, "count"), (Untyped, "purge"), (Untyped, "add")):
        with pytest.raises(AssertionError):
            check_python_door("Memory", cls, ops.BY_NAME[name])


def check_python_door(door: str, cls: type, op: Operation) -> None:
    if door in op.absent:
        assert not hasattr(cls, op.name), f"{door}.{op.name} exists but the table says it cannot"
        return
    method = getattr(cls, op.name, None)
    assert method is not None, f"{door} lacks {op.name}"
    want_pos, want_kw, want_ret = expected(op)
    got_pos, got_kw, got_ret = signature_of(method)
    assert [n for n, _ in got_pos] == [n for n, _ in want_pos], f"{door}.{op.name} positional names"
    assert got_pos == want_pos, f"{door}.{op.name} positional types"
    assert sorted(got_kw) == sorted(want_kw), f"{door}.{op.name} keyword names"
    for name, tp in want_kw.items():
        assert _norm(got_kw[name]) == _norm(tp), f"{door}.{op.name}({name}=...) type"
    is_async = inspect.iscoroutinefunction(method)
    assert is_async == door.startswith("Async"), f"{door}.{op.name} sync/async"
    if is_async and op.name == "export":
        want_ret = list[str]  # the async doors return the list of lines
    assert got_ret is not Any, f"{door}.{op.name} returns Any"
    assert _norm(got_ret) == _norm(want_ret), f"{door}.{op.name} return type"


def test_protocol_matches_the_table() -> None:
    declared = {n for n, v in vars(MemoryAPI).items() if callable(v) and not n.startswith("_")}
    assert declared == {op.name for op in OPERATIONS}
    for op in OPERATIONS:
        assert signature_of(getattr(MemoryAPI, op.name)) == expected(op), op.name
    assert isinstance(Memory.__new__(Memory), MemoryAPI)
    assert isinstance(EngramClient.__new__(EngramClient), MemoryAPI)


# -- REST ----------------------------------------------------------------------------
def _wire_kind(tp: Any) -> Any:
    """What a type becomes on the wire, so facade and request-model types compare."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        kinds = {_wire_kind(a) for a in typing.get_args(tp) if a is not type(None)}
        enums = {k for k in kinds if isinstance(k, type) and issubclass(k, Enum)}
        models = {k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)}
        kinds -= {"string"} if enums else set()  # MemoryKind | str: the enum
        kinds -= {"object"} if models else set()  # Filters | dict: the model
        return next(iter(kinds)) if len(kinds) == 1 else frozenset(kinds)
    if origin in (list, tuple, Sequence, set) or tp in (list, tuple):
        args = typing.get_args(tp)
        return ("array", _wire_kind(args[0]) if args else None)
    if origin in (dict, Mapping) or tp is dict:
        return "object"
    if origin is typing.Literal:  # a choice of strings (on_conflict)
        return "string" if all(isinstance(a, str) for a in typing.get_args(tp)) else tp
    return {str: "string", int: "integer", float: "number", bool: "boolean",
            datetime: "datetime"}.get(tp, tp)


@pytest.fixture(scope="module")
def rest_routes() -> dict[tuple[str, str], dict[str, Any]]:
    """(method, path) -> {argument: JSON schema}, from the app's own OpenAPI document
    (query parameters and the JSON body's properties, deprecated spellings left out)."""
    pytest.importorskip("fastapi")
    from engram.server.app import create_app

    spec = create_app(Memory.__new__(Memory)).openapi()  # routes only: no store is opened
    components = spec["components"]["schemas"]
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            fields = {p["name"]: p["schema"] for p in operation.get("parameters", [])
                      if p["in"] == "query"}
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None:
                ref = body["schema"]["$ref"].rsplit("/", 1)[1]
                fields.update({k: v for k, v in components[ref]["properties"].items()
                               if not v.get("deprecated")})
            found[(method.upper(), path)] = resolve(fields, components)
    return found


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.name)
def test_rest_route_agrees_with_the_table(op: Operation,
                                          rest_routes: dict[tuple[str, str], dict[str, Any]]) -> None:
    if op.rest is None:
        assert "rest" in op.absent, f"{op.name} has no REST route and no reason"
        return
    key = (op.rest.method, op.rest.path)
    assert key in rest_routes, f"no REST route {key} for {op.name}"
    fields = rest_routes[key]
    _, want_kw, _ = expected(op)
    allowed = {n for n in want_kw if n not in PYTHON_ONLY}
    if "scope" in want_kw:
        allowed |= {f for f in SCOPE_FIELDS if f in want_kw or "user_id" not in want_kw}
    positional = {n for n, _ in op.params} - {"memory_id"}  # memory_id is in the path
    body = set(fields) - positional
    types_ = {**{f: str | None for f in SCOPE_FIELDS}, **want_kw}  # `scope`, flattened
    if op.rest.method == "GET" and "filters" in allowed:
        allowed = (allowed - {"filters"}) | set(QUERY_FILTERS)
        types_.update(QUERY_FILTERS)
    if op.name == "add":  # data: a string (content) or a conversation (messages)
        body -= {"content", "messages"}
    body -= set(op.rest.extra)
    assert body == allowed, f"REST {key}: fields {sorted(body)} vs the table's {sorted(allowed)}"
    for name in body:
        assert _json_kinds(fields[name]) <= _json_of(types_[name]), f"REST {key}: {name} type"


def test_a_batch_entry_is_an_add_body(rest_routes: dict[tuple[str, str], dict[str, Any]]) -> None:
    """POST /v1/memories/batch takes a list of POST /v1/memories bodies: the same fields with
    the same types, so add and add_many never drift apart."""
    add = rest_routes[("POST", "/v1/memories")]
    entry = rest_routes[("POST", "/v1/memories/batch")]["requests"]["items"]["properties"]
    assert {k: v for k, v in entry.items() if not v.get("deprecated")} == add


# -- MCP -------------------------------------------------------------------------------
def resolve(schema: Any, defs: Mapping[str, Any]) -> Any:
    """Inline ``$ref``s (OpenAPI components or JSON-schema ``$defs``)."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return resolve(defs[schema["$ref"].rsplit("/", 1)[1]], defs)
        return {k: resolve(v, defs) for k, v in schema.items()}
    if isinstance(schema, list):
        return [resolve(v, defs) for v in schema]
    return schema


def _json_kinds(schema: Mapping[str, Any]) -> set[str]:
    if "anyOf" in schema:
        return set().union(*(_json_kinds(s) for s in schema["anyOf"])) - {"null"}
    if "enum" in schema:
        return {"string"}
    kind = schema.get("type", "object")
    return {"datetime"} if schema.get("format") == "date-time" else {kind}


def _as_json(kind: Any) -> set[str]:
    if isinstance(kind, tuple):
        return {"array"}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return {"string"}
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {"object"}
    return {kind} if isinstance(kind, str) else {"object"}


def _json_of(tp: Any) -> set[str]:
    """The JSON schema kinds a facade type may take on the wire."""
    kind = _wire_kind(tp)
    kinds = set().union(*(_as_json(k) for k in kind)) if isinstance(kind, frozenset) else _as_json(kind)
    return kinds


def _datetime_ok(tp: Any) -> set[str]:
    return {"string"} if "datetime" in _json_of(tp) else set()


@pytest.fixture(scope="module")
def mcp_tools() -> dict[str, Any]:
    pytest.importorskip("mcp")
    from mcp import Client

    from engram.server.mcp import build_mcp

    found: dict[str, Any] = {}

    async def main() -> None:
        async with Client(build_mcp(Memory.__new__(Memory))) as client:
            found.update({t.name: t for t in (await client.list_tools()).tools})

    anyio.run(main)
    return found


def test_mcp_tools_are_the_table_s(mcp_tools: dict[str, Any]) -> None:
    assert sorted(mcp_tools) == sorted(ops.MCP_TOOLS)
    for op in OPERATIONS:
        assert op.mcp is not None or "mcp" in op.absent, f"{op.name}: no MCP tool and no reason"


@pytest.mark.parametrize("op", [o for o in OPERATIONS if o.mcp], ids=lambda o: o.name)
def test_mcp_tool_agrees_with_the_table(op: Operation, mcp_tools: dict[str, Any]) -> None:
    tool = mcp_tools[op.mcp]
    assert tool.description and len(tool.description) > 30, f"{op.mcp}: describe the tool"
    properties: dict[str, Any] = resolve(tool.input_schema["properties"],
                                         tool.input_schema.get("$defs", {}))
    _, want_kw, _ = expected(op)
    names = {n: t for n, t in [*op.params, *want_kw.items()] if n not in PYTHON_ONLY}
    if op.name == "add":
        names = {**{k: v for k, v in names.items() if k != "data"}, "content": str,
                 "messages": list[dict[str, Any]]}
    if "filters" in names:
        names = {**QUERY_FILTERS, **names}
    extra = set(properties) - set(names)
    assert not extra, f"MCP {op.mcp}: arguments {sorted(extra)} are not in the table"
    for name, schema in properties.items():
        assert _json_kinds(schema) <= _json_of(names[name]) | _datetime_ok(names[name]), \
            f"MCP {op.mcp}({name}): {schema} vs {names[name]}"


# -- CLI -------------------------------------------------------------------------------
SCOPE_OPTIONS = {"user_id": "--user", "agent_id": "--agent", "session_id": "--session",
                 "app_id": "--app"}


@pytest.fixture(scope="module")
def cli_commands() -> dict[str, Any]:
    import typer

    from engram.cli import app

    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def check_cli(op: Operation, commands: Mapping[str, Any]) -> None:
    if op.cli is None:
        assert "cli" in op.absent, f"{op.name} has no engram command and no reason"
        return
    name, *options = op.cli.split()
    assert name in commands, f"no `engram {name}` for {op.name}"
    taken = {flag for param in commands[name].params for flag in getattr(param, "opts", [])}
    _, want_kw, _ = expected(op)
    scope = {flag for field, flag in SCOPE_OPTIONS.items() if field in want_kw}
    missing = (set(options) | scope) - taken
    assert not missing, f"`engram {name}` lacks {sorted(missing)} for {op.name}"


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.name)
def test_cli_command_agrees_with_the_table(op: Operation, cli_commands: dict[str, Any]) -> None:
    check_cli(op, cli_commands)


def test_the_cli_check_catches_a_missing_command_or_option(cli_commands: dict[str, Any]) -> None:
    get = ops.BY_NAME["get"]
    for broken in (dataclasses.replace(get, cli="fetch"), dataclasses.replace(get, cli="get --all"),
                   dataclasses.replace(get, cli=None)):
        with pytest.raises(AssertionError):
            check_cli(broken, cli_commands)
    without_session = {**cli_commands, "get": cli_commands["archive"]}  # archive has no --session
    with pytest.raises(AssertionError, match="--session"):
        check_cli(get, without_session)


def test_one_name_per_concept() -> None:
    """'forget' erases a whole user everywhere; no door uses it for one memory."""
    forget = ops.BY_NAME["forget"]
    assert forget.params == (("user_id", str),) and forget.mcp is None
    assert "forget" not in ops.MCP_TOOLS and ops.BY_NAME["delete"].mcp == "delete"


def _iter_ops() -> Iterator[str]:
    yield from (op.name for op in OPERATIONS)


# Public methods of Memory that are not memory operations, and why no other door needs them.
NOT_OPERATIONS = {
    "close": "releases the object's own resources; every door has its own close",
    "pipeline": "returns the in-process ranking pipeline object (benchmarks, tuning)",
}


def test_every_public_facade_method_is_in_the_table() -> None:
    """A new public facade method fails here until it is in the table (or listed above);
    the mixins Memory is assembled from (memory_privacy, memory_portability) count too."""
    public = {n for cls in Memory.__mro__ if cls is not object
              for n, v in vars(cls).items() if callable(v) and not n.startswith("_")}
    assert public - set(_iter_ops()) == set(NOT_OPERATIONS)
