"""Bad input: each case gets the right status and error code, and writes nothing."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from engram.client import AuthenticationError, EngramClient, PermissionDeniedError
from engram.errors import (
    ContentTooLargeError,
    ImportFormatError,
    InvalidInputError,
    NotFoundError,
)

from .conftest import MAX_BODY_BYTES, MAX_CONTENT_CHARS, Deployment

NDJSON = {"content-type": "application/x-ndjson"}


def _error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code, body
    return str(body["error"]["message"])


@pytest.fixture
def seeded(open_server: Deployment) -> Deployment:
    EngramClient(open_server.url).add("Erin likes climbing", user_id="erin")
    return open_server


BAD_BODIES = [
    pytest.param(b'{"text": "x", "user_id": ', "not valid JSON", id="malformed-json"),
    pytest.param(b"[1, 2]", "JSON object", id="json-array"),
    pytest.param(b"", "empty body", id="empty"),
    pytest.param(json.dumps({"text": 42, "user_id": "erin"}).encode(), "text", id="wrong-type-text"),
    pytest.param(json.dumps({"text": "x", "user_id": "erin", "importance": "very"}).encode(),
                 "importance", id="wrong-type-importance"),
    pytest.param(json.dumps({"text": "x", "user_id": "erin", "importance": 3}).encode(),
                 "importance", id="out-of-range"),
    pytest.param(json.dumps({"text": "x", "user": "erin"}).encode(), "user", id="unknown-field"),
    pytest.param(json.dumps({"text": "x", "messages": [], "user_id": "erin"}).encode(),
                 "exactly one", id="text-and-messages"),
    pytest.param(json.dumps({"messages": [{"role": "user", "content": "hi", "x": 1}],
                             "user_id": "erin"}).encode(), "messages.0.x", id="unknown-message-field"),
    pytest.param(json.dumps({"text": "x", "user_id": "erin", "kind": "dream"}).encode(),
                 "kind", id="bad-enum"),
    pytest.param(json.dumps({"text": "x", "user_id": "erin", "event_time": "yesterday-ish"}).encode(),
                 "event_time", id="bad-datetime"),
]


@pytest.mark.parametrize("body, hint", BAD_BODIES)
def test_invalid_add_bodies_are_422(seeded: Deployment, body: bytes, hint: str) -> None:
    before = seeded.total()
    response = httpx.post(seeded.url + "/v1/memories", content=body,
                          headers={"content-type": "application/json"})
    message = _error(response, 422, "invalid_request")
    if hint != "empty body":
        assert hint in message
    assert "42" not in message and "very" not in message  # input values are not echoed
    assert seeded.total() == before


def test_invalid_search_update_and_query_params(seeded: Deployment) -> None:
    url, before = seeded.url, seeded.total()
    item_id = seeded.memory.list(user_id="erin").items[0].id
    cases = [
        httpx.post(url + "/v1/search", json={"query": "x", "user_id": "erin", "limit": "ten"}),
        httpx.post(url + "/v1/search", json={"query": "x", "user_id": "erin", "filter": {}}),
        httpx.post(url + "/v1/search", json={"query": "x", "user_id": "erin",
                                             "filters": {"kinds": ["fact"], "colour": "red"}}),
        httpx.post(url + "/v1/search", json={"query": ["x"], "user_id": "erin"}),
        httpx.patch(url + f"/v1/memories/{item_id}", json={"user_id": "erin", "version": 3}),
        httpx.patch(url + f"/v1/memories/{item_id}", json={"user_id": "erin", "tags": "a,b"}),
        httpx.get(url + "/v1/memories", params={"user_id": "erin", "limit": 0}),
        httpx.get(url + "/v1/memories", params={"user_id": "erin", "limit": "many"}),
        httpx.get(url + "/v1/memories", params={"user": "erin"}),  # unknown query param
        httpx.get(url + "/v1/memories", params={"user_id": "erin", "kind": "dream"}),
    ]
    for response in cases:
        _error(response, 422, "invalid_request")
    assert seeded.total() == before
    assert seeded.memory.get(item_id, user_id="erin").version == 1


def test_facade_rejections_are_400(seeded: Deployment) -> None:
    url, before = seeded.url, seeded.total()
    _error(httpx.post(url + "/v1/memories", json={"text": "no scope"}), 400, "invalid_input")
    _error(httpx.post(url + "/v1/memories", json={"text": "   ", "user_id": "erin"}),
           400, "invalid_input")
    _error(httpx.post(url + "/v1/memories", json={"text": "nul\u0000", "user_id": "erin"}),
           400, "invalid_input")
    _error(httpx.post(url + "/v1/search", json={"query": "  ", "user_id": "erin"}),
           400, "invalid_input")
    _error(httpx.delete(url + "/v1/memories", params={"user_id": "erin"}), 400, "invalid_input")
    _error(httpx.patch(url + "/v1/memories/nope", json={"user_id": "erin"}), 404, "not_found")
    assert seeded.total() == before


@pytest.mark.parametrize("cursor", ["garbage", "eyJhIjogMX0", "", "%%%"])
def test_invalid_cursor_is_400(seeded: Deployment, cursor: str) -> None:
    response = httpx.get(seeded.url + "/v1/memories", params={"user_id": "erin", "cursor": cursor})
    if cursor == "":
        assert response.status_code == 200  # an empty cursor means the first page
        return
    assert "cursor" in _error(response, 400, "invalid_input")
    with pytest.raises(InvalidInputError, match="cursor"):
        EngramClient(seeded.url).list(user_id="erin", cursor=cursor)


def test_cursor_from_another_scope_is_rejected(seeded: Deployment) -> None:
    mem = EngramClient(seeded.url)
    mem.add("one more", user_id="erin")
    cursor = mem.list(user_id="erin", limit=1).next_cursor
    assert cursor
    with pytest.raises(InvalidInputError, match="cursor"):
        mem.list(user_id="frank", cursor=cursor)


def test_not_found_and_unknown_routes(seeded: Deployment) -> None:
    url = seeded.url
    _error(httpx.get(url + "/v1/memories/0190-nope", params={"user_id": "erin"}), 404, "not_found")
    _error(httpx.delete(url + "/v1/memories/0190-nope", params={"user_id": "erin"}), 404, "not_found")
    _error(httpx.get(url + "/v1/memories/0190-nope/history", params={"user_id": "erin"}),
           404, "not_found")
    _error(httpx.get(url + "/v2/nothing"), 404, "not_found")
    _error(httpx.put(url + "/v1/search", json={}), 405, "method_not_allowed")
    with pytest.raises(NotFoundError):
        EngramClient(url).get("0190-nope", user_id="erin")


def test_oversize_body_by_content_length(seeded: Deployment) -> None:
    before = seeded.total()
    text = "x" * (MAX_BODY_BYTES + 10)
    response = httpx.post(seeded.url + "/v1/memories", json={"text": text, "user_id": "erin"})
    _error(response, 413, "body_too_large")
    with pytest.raises(ContentTooLargeError):
        EngramClient(seeded.url).add(text, user_id="erin")
    assert seeded.total() == before


def test_oversize_body_streamed_without_content_length(seeded: Deployment) -> None:
    before = seeded.total()
    chunk = b'{"user_id": "erin", "text": "' + b"y" * 1000

    def body():  # type: ignore[no-untyped-def]
        yield chunk
        for _ in range(MAX_BODY_BYTES // 1000 + 5):
            yield b"y" * 1000
        yield b'"}'

    response = httpx.post(seeded.url + "/v1/memories", content=body(),
                          headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    _error(response, 413, "body_too_large")
    raw = b"\n".join([b'{"format": "engram-export", "version": 1}'] + [b"z" * 1000] * 60)
    response = httpx.post(seeded.url + "/v1/import", content=iter([raw[:25_000], raw[25_000:]]),
                          headers=NDJSON)
    _error(response, 413, "body_too_large")
    assert seeded.total() == before


def test_declared_oversize_is_refused_before_the_body_is_sent(seeded: Deployment) -> None:
    host, port = seeded.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"POST /v1/memories HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 999999999\r\n\r\n")
        chunks = []
        while chunk := sock.recv(65536):  # the server closes the connection after replying
            chunks.append(chunk)
        reply = b"".join(chunks).decode()
    assert reply.startswith("HTTP/1.1 413")
    assert '"body_too_large"' in reply


def test_content_over_the_character_limit(seeded: Deployment) -> None:
    before = seeded.total()
    response = httpx.post(seeded.url + "/v1/memories",
                          json={"text": "z" * (MAX_CONTENT_CHARS + 1), "user_id": "erin"})
    _error(response, 413, "content_too_large")
    assert seeded.total() == before


def test_conversation_is_all_or_nothing(seeded: Deployment) -> None:
    before = seeded.total()
    messages = [{"role": "user", "content": "fine"}, {"role": "assistant", "content": "ok"},
                {"role": "user", "content": "w" * (MAX_CONTENT_CHARS + 1)}]
    response = httpx.post(seeded.url + "/v1/memories", json={"messages": messages, "user_id": "erin"})
    _error(response, 413, "content_too_large")
    assert seeded.total() == before


def test_bad_import_writes_nothing(seeded: Deployment) -> None:
    mem = EngramClient(seeded.url)
    good = list(mem.export(user_id="erin"))
    target = seeded.memory
    target.delete_all(user_id="erin")
    before = seeded.total()
    lines = good + ["{not json", '{"item": {"id": 1}}']
    response = httpx.post(seeded.url + "/v1/import", content="\n".join(lines).encode(),
                          headers=NDJSON)
    assert "line 3" in _error(response, 400, "import_format")
    response = httpx.post(seeded.url + "/v1/import", content=b"\xff\xfe\n" + good[0].encode(),
                          headers=NDJSON)
    _error(response, 400, "import_format")
    with pytest.raises(ImportFormatError):
        mem.import_(lines)
    assert seeded.total() == before


def test_skip_bad_imports_the_good_lines(deploy) -> None:  # type: ignore[no-untyped-def]
    source, target = deploy(), deploy()
    EngramClient(source.url).add("portable memory", user_id="gus")
    lines = list(EngramClient(source.url).export(user_id="gus"))
    body = "\n".join([*lines, "{broken"]).encode() + b"\n\xff\n"
    response = httpx.post(target.url + "/v1/import", params={"skip_bad": "true"}, content=body,
                          headers=NDJSON)
    assert response.status_code == 200, response.text
    assert response.json() == {"imported": 1, "skipped": 2, "links": 0, "bad_lines": [3, 4], "conflicts": []}


def test_bad_auth_headers_on_an_open_server(seeded: Deployment) -> None:
    """A presented key is checked even when the server does not require one."""
    response = httpx.get(seeded.url + "/v1/stats", params={"user_id": "erin"},
                         headers={"authorization": "Bearer egk_not-a-real-key"})
    _error(response, 401, "unauthorized")
    response = httpx.get(seeded.url + "/v1/stats", params={"user_id": "erin"},
                         headers={"authorization": "Basic abc"})
    _error(response, 401, "unauthorized")
    with pytest.raises(AuthenticationError):
        EngramClient(seeded.url, api_key="egk_wrong").stats(user_id="erin")


def test_all_scopes_needs_a_keyless_server(keyed: Deployment) -> None:
    for path in ("/v1/stats", "/v1/export"):
        response = httpx.get(keyed.url + path, params={"all_scopes": "true"},
                             headers={"x-api-key": keyed.secrets["acme"]})
        _error(response, 403, "forbidden")
    with pytest.raises(PermissionDeniedError):
        EngramClient(keyed.url, keyed.secrets["acme"]).stats(all_scopes=True)
