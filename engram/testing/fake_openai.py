"""A real HTTP server on 127.0.0.1 that speaks just enough of the OpenAI chat API.

Tests script its replies: a queue of ``(status, content_or_body, headers)`` answers, or a
``responder`` function deciding from the request. Every request body is recorded.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = tuple[int, Any, dict[str, str]]


def completion(content: str) -> dict[str, Any]:
    return {"id": "chatcmpl-test", "object": "chat.completion", "model": "fake",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}]}


class FakeOpenAI:
    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.auth: list[str | None] = []
        self.responder: Callable[[dict[str, Any]], Reply] | None = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(body)
                fake.paths.append(self.path)
                fake.auth.append(self.headers.get("authorization"))
                if fake.replies:
                    status, payload, headers = fake.replies.popleft()
                elif fake.responder is not None:
                    status, payload, headers = fake.responder(body)
                else:
                    status, payload, headers = 500, {"error": "no scripted reply"}, {}
                if isinstance(payload, str):
                    payload = completion(payload)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def script(self, *replies: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        """Queue replies: a str is the assistant content, a dict is sent as the body."""
        for reply in replies:
            self.replies.append((status, reply, headers or {}))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
