"""Schemathesis against the server's own OpenAPI schema: no generated request (valid or
not) makes the server fail, and every response conforms to the documented schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")
from hypothesis import HealthCheck, given, settings
from schemathesis import checks as st_checks

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder

from .conftest import LiveServer, record

EXAMPLES = 40



@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: object, value: object) -> bytes:
    """The import body is JSON lines: send generated strings as-is, anything else as JSON."""
    if isinstance(value, bytes):
        return value
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()


CHECKS = [st_checks.not_a_server_error, st_checks.response_schema_conformance,
          st_checks.content_type_conformance, st_checks.status_code_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from engram.server.app import create_app

    tmp: Path = tmp_path_factory.mktemp("schema")
    mem = Memory(tmp / "fuzz.db", settings=Settings(data_dir=tmp / "data", max_content_chars=5_000,
                                                    embedding_cache=False),
                 embedder=HashingEmbedder())
    mem.add("seed memory about Lisbon", user_id="u")
    server = LiveServer(create_app(mem, max_body_bytes=50_000))
    yield schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    server.stop()
    mem.close()


def operations(schema: object) -> list[object]:
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[attr-defined]


def fuzz(operation: object, tried: dict[str, int]) -> None:
    """Run one operation's generated cases (a function, so each binds its own label)."""
    label = operation.label  # type: ignore[attr-defined]
    tried[label] = 0

    @given(case=operation.as_strategy())  # type: ignore[attr-defined]
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: object) -> None:
        tried[label] += 1
        case.call_and_validate(checks=CHECKS)  # type: ignore[attr-defined]

    run()


@pytest.mark.slow
def test_schema_conformance(api_schema: object) -> None:
    """Every operation, positive and negative cases (schemathesis' pytest plugin does not
    load under pytest 9, so operations are driven through hypothesis directly)."""
    tried: dict[str, int] = {}
    failures: list[str] = []
    for operation in operations(api_schema):
        try:
            fuzz(operation, tried)
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure
            failures.append(f"{operation.label}: {str(exc)[:800]}")  # type: ignore[attr-defined]
    record("schemathesis", {"operations": len(tried), "cases": sum(tried.values()),
                            "failures": len(failures)})
    assert not failures, "\n\n".join(failures)
