"""The package's shape: its public surface, and an import graph without cycles.

The graph is read from the source (``ast``), counting every import — module level,
``if TYPE_CHECKING:`` blocks and imports inside functions — since a lazy or type-only
import still couples the two modules (the facade and the lifecycle once imported each
other that way).
"""

from __future__ import annotations

import ast
import types
from pathlib import Path

import engram

PACKAGE = Path(engram.__file__).parent

PUBLIC = [
    "AsyncMemory", "EngramError", "Filters", "HistoryEntry", "Memory", "MemoryItem",
    "MemoryKind", "MemoryStatus", "Message", "Scope", "__version__",
]


def test_exported_members() -> None:
    """``engram.__all__`` is exactly the public surface (as httpx's test_exported_members):
    a change to it is deliberate, and nothing public leaks in without being listed."""
    assert engram.__all__ == PUBLIC
    for name in engram.__all__:  # first: the lazy names (PEP 562) land in vars() when resolved
        assert getattr(engram, name) is not None
    public = sorted(name for name, value in vars(engram).items()
                    if not name.startswith("_") and not isinstance(value, types.ModuleType))
    assert public == sorted(n for n in PUBLIC if not n.startswith("_"))


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every ``engram`` module that ``name`` imports, anywhere in its source."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            for alias in node.names:  # `from engram.x import y` imports engram.x.y if a module
                out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in out if m in known and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_graph_sees_lazy_and_type_only_imports() -> None:
    graph = _graph()
    assert "engram.lifecycle.engine" in graph["engram.memory"]  # imported inside a property
    assert "engram.store.sqlite" in graph["engram.store.backends"]  # imported inside a method


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_lifecycle_never_imports_the_facade() -> None:
    graph = _graph()
    offenders = sorted(name for name, deps in graph.items()
                       if name.startswith("engram.lifecycle") and "engram.memory" in deps)
    assert offenders == []


def test_token_counting_uses_no_optional_library() -> None:
    """Packing must count tokens the same on every machine: no tiktoken, whose result
    depended on whether (and where) its private cache held the encoding."""
    assert "tiktoken" not in _imports("engram.retrieve.pack", _modules()["engram.retrieve.pack"],
                                      {"tiktoken"})


def _attribute_probes(tree: ast.AST) -> list[int]:
    """Lines that probe for an attribute by name: ``hasattr(x, n)``, ``getattr(x, n, default)``
    or a ``__getattr__`` method forwarding to a wrapped object (module-level ``__getattr__``,
    PEP 562 lazy imports, is not a probe)."""
    lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Name)
             and (node.func.id == "hasattr" or (node.func.id == "getattr" and len(node.args) > 2))]
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        lines += [f.lineno for f in cls.body
                  if isinstance(f, ast.FunctionDef) and f.name == "__getattr__"]
    return sorted(lines)


def test_no_feature_is_found_by_probing_attributes() -> None:
    """Optional features are runtime-checked protocols or typed attributes (issue #16),
    never a name probed with hasattr/getattr, which no type checker can follow."""
    found = {str(path.relative_to(PACKAGE)): lines for path in sorted(PACKAGE.rglob("*.py"))
             if (lines := _attribute_probes(ast.parse(path.read_text())))}
    assert found == {}
    assert _attribute_probes(ast.parse(
        "class W:\n    def __getattr__(self, n):\n        return getattr(self.inner, n, None)\n"
        "hasattr(W(), 'close')\n")) == [2, 3, 4]
