"""Property test: no JSON body, query string or path ever makes the server answer 500,
and every error has the envelope shape."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import Deployment

FIELDS = ["text", "messages", "query", "user_id", "agent_id", "session_id", "app_id", "kind",
          "metadata", "tags", "event_time", "importance", "filters", "limit", "since", "until",
          "token_budget", "content", "status", "valid_to", "expected_version", "role"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
                    st.sampled_from(["2024-01-01", "fact", "active", "user", "\x00", "a" * 300]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5),
                                                 inner, max_size=4)), max_leaves=12)
bodies = st.dictionaries(st.sampled_from(FIELDS), values, max_size=6) | values
ENDPOINTS = [("POST", "/v1/memories"), ("POST", "/v1/search"), ("PATCH", "/v1/memories/{id}"),
             ("GET", "/v1/memories"), ("DELETE", "/v1/memories"), ("GET", "/v1/stats"),
             ("GET", "/v1/export"), ("POST", "/v1/import"), ("GET", "/v1/memories/{id}/history")]


@pytest.fixture
def target(open_server: Deployment) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=open_server.url, timeout=30)
    item = client.post("/v1/memories", json={"text": "fuzz target", "user_id": "u"}).json()
    return client, item["items"][0]["id"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(ENDPOINTS), body=bodies,
       params=st.dictionaries(st.sampled_from(FIELDS + ["cursor", "confirm", "all_scopes"]),
                              st.text(max_size=20), max_size=4),
       memory_id=st.text(min_size=1, max_size=40) | st.just("-"))
def test_no_input_causes_a_500(target: tuple[httpx.Client, str], endpoint: tuple[str, str],
                               body: Any, params: dict[str, str], memory_id: str) -> None:
    client, real_id = target
    method, path = endpoint
    path = path.replace("{id}", quote(memory_id, safe="") if memory_id != "-" else real_id)
    content = json.dumps(body, allow_nan=True).encode()
    response = client.request(method, path, params=params, content=content,
                              headers={"content-type": "application/json"})
    assert response.status_code < 500, (response.status_code, response.text)
    if response.status_code >= 400:
        error = response.json()["error"]
        assert set(error) == {"code", "message"} and error["message"]
