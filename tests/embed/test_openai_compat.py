"""The OpenAI-compatible client against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import pytest

from engram.embed.openai_compat import OpenAIEmbedder
from engram.errors import EmbedderError

DIM = 4


@dataclass
class Script:
    """What the fake server replies: queued (status, body) overrides, else real vectors."""

    replies: list[tuple[int, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)


def _vector(text: str) -> list[float]:
    # Deterministic, unnormalized, so the client's normalization is tested.
    return [float(len(text)), 1.0, float(sum(map(ord, text)) % 7), 2.0]


def _make_handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            script.requests.append(body)
            script.headers.append(dict(self.headers))
            if self.path != "/v1/embeddings":
                status, reply = 404, {"error": {"message": "no such route"}}
            elif script.replies:
                status, reply = script.replies.pop(0)
            else:
                data = [{"object": "embedding", "index": i, "embedding": _vector(t)}
                        for i, t in enumerate(body["input"])]
                status, reply = 200, {"object": "list", "data": data[::-1], "model": body["model"]}
            raw = reply if isinstance(reply, bytes) else json.dumps(reply).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture()
def server() -> Iterator[tuple[str, Script]]:
    script = Script()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(script))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", script
    httpd.shutdown()
    httpd.server_close()


def test_embeds_in_order_and_normalizes(server: tuple[str, Script]) -> None:
    url, script = server
    emb = OpenAIEmbedder(url, "nomic-embed", api_key="sk-test", batch_size=2)
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    vecs = emb.embed(texts)
    assert emb.model_id == "openai:nomic-embed"
    assert emb.dim == DIM
    assert vecs.shape == (5, DIM) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-6)
    expected = np.array([_vector(t) for t in texts], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    np.testing.assert_allclose(vecs, expected, atol=1e-6)  # server replied out of order
    assert [len(r["input"]) for r in script.requests] == [2, 2, 1]
    assert script.requests[0]["model"] == "nomic-embed"
    assert script.headers[0]["Authorization"] == "Bearer sk-test"
    assert emb.embed([]).shape == (0, DIM)
    emb.close()


def test_dim_probe_when_unknown(server: tuple[str, Script]) -> None:
    url, script = server
    emb = OpenAIEmbedder(url, "m")
    assert emb.dim == DIM
    assert len(script.requests) == 1


def test_retries_500_then_succeeds(server: tuple[str, Script]) -> None:
    url, script = server
    script.replies = [(500, {"error": {"message": "boom"}}), (429, {"error": "slow down"})]
    emb = OpenAIEmbedder(url, "m", backoff=0.01)
    vecs = emb.embed(["hello"])
    assert vecs.shape == (1, DIM)
    assert len(script.requests) == 3


def test_gives_up_after_retries(server: tuple[str, Script]) -> None:
    url, script = server
    script.replies = [(503, {"error": "down"})] * 10
    emb = OpenAIEmbedder(url, "m", backoff=0.01, max_retries=3)
    with pytest.raises(EmbedderError, match="after 4 attempts"):
        emb.embed(["private text"])
    assert len(script.requests) == 4


@pytest.mark.parametrize(
    "reply",
    [
        {"data": [{"nope": 1}]},
        {"unexpected": True},
        {"data": [{"index": 0, "embedding": [1.0, 2.0]}, {"index": 1, "embedding": [1.0]}]},
        {"data": []},
        b"<html>not json</html>",
        {"data": [{"index": 0, "embedding": [0.0, 0.0, 0.0, 0.0]}]},
    ],
)
def test_malformed_reply_is_embedder_error(server: tuple[str, Script], reply: Any) -> None:
    url, script = server
    script.replies = [(200, reply)]
    with pytest.raises(EmbedderError) as info:
        OpenAIEmbedder(url, "m", backoff=0.01).embed(["my secret text"])
    assert "my secret text" not in str(info.value)


def test_client_error_is_not_retried_and_hides_input(server: tuple[str, Script]) -> None:
    url, script = server
    script.replies = [(400, {"error": {"message": "input 'my secret text' is too long"}})]
    with pytest.raises(EmbedderError) as info:
        OpenAIEmbedder(url, "m", backoff=0.01).embed(["my secret text"])
    assert len(script.requests) == 1
    assert "my secret text" not in str(info.value)
    assert "400" in str(info.value)


def test_wrong_path_gives_hint(server: tuple[str, Script]) -> None:
    url, _ = server
    with pytest.raises(EmbedderError, match="base_url"):
        OpenAIEmbedder(url.removesuffix("/v1"), "m").embed(["x"])


def test_dim_mismatch(server: tuple[str, Script]) -> None:
    url, _ = server
    with pytest.raises(EmbedderError, match="dim"):
        OpenAIEmbedder(url, "m", dim=8).embed(["x"])


def test_connection_refused() -> None:
    emb = OpenAIEmbedder("http://127.0.0.1:9/v1", "m", backoff=0.01, max_retries=1, timeout=2)
    with pytest.raises(EmbedderError, match="could not connect"):
        emb.embed(["x"])
