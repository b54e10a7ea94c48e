"""A lean HTTP/1.1 keep-alive client for benchmarks/load.py (``--client raw``, the default).

Why not httpx alone: on this 2-core machine the load generator shares the CPU with the
server, and httpx spent ~7-9 ms of CPU per request against the server's ~5 ms
(benchmarks/results/load-*.md, the ``client CPU ms/op`` column), so the benchmark
measured mostly its own clients. This client does only what the load test needs:
JSON bodies, Content-Length responses, one connection per in-flight request, reused.
Real deployments' clients run elsewhere; ``--client httpx`` keeps the old figure.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlencode, urlsplit

ERRORS = (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError)


class Reply:
    """The two things the load test reads from a response."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self._body = body

    def json(self) -> Any:
        return json.loads(self._body)


class RawClient:
    """``post/patch/get/delete`` like httpx.AsyncClient's, over pooled keep-alive sockets."""

    def __init__(self, base_url: str, timeout: float = 60) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.timeout = timeout
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def __aenter__(self) -> RawClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        for _, writer in self._idle:
            writer.close()
        self._idle.clear()

    async def post(self, path: str, *, json: Any = None) -> Reply:
        return await self.request("POST", path, json)

    async def patch(self, path: str, *, json: Any = None) -> Reply:
        return await self.request("PATCH", path, json)

    async def get(self, path: str, *, params: dict[str, Any] | None = None) -> Reply:
        return await self.request("GET", _with(path, params))

    async def delete(self, path: str, *, params: dict[str, Any] | None = None) -> Reply:
        return await self.request("DELETE", _with(path, params))

    async def request(self, method: str, path: str, body: Any = None) -> Reply:
        return await asyncio.wait_for(self._exchange(method, path, body), self.timeout)

    async def _exchange(self, method: str, path: str, body: Any) -> Reply:
        data = b"" if body is None else json.dumps(body).encode()
        head = (f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                f"Content-Length: {len(data)}\r\n"
                + ("Content-Type: application/json\r\n" if body is not None else "") + "\r\n")
        # A kept-alive connection the server closed meanwhile (uvicorn: after 5 s idle)
        # answers nothing: the request never reached a handler, so it goes out again on
        # another connection, as HTTP clients do. (A server that died mid-request would
        # make a retried add show up as an extra write in load.py's check.)
        while self._idle:
            reader, writer = self._idle.pop()
            try:
                writer.write(head.encode() + data)
                first = await reader.readline()
            except OSError:
                first = b""
            if first:
                return await self._finish(reader, writer, first)
            writer.close()
        reader, writer = await asyncio.open_connection(self.host, self.port)
        writer.write(head.encode() + data)
        return await self._finish(reader, writer, await reader.readline())

    async def _finish(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                      first: bytes) -> Reply:
        try:
            parts = first.split(b" ", 2)
            if len(parts) < 2:
                raise ValueError("the server closed the connection without an answer")
            status = int(parts[1])
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection" and value.strip().lower() == b"close":
                    close = True
                elif name == b"transfer-encoding":
                    raise ValueError("chunked responses are not expected by the load test")
            payload = await reader.readexactly(length) if length else b""
        except BaseException:
            writer.close()
            raise
        if close:
            writer.close()
        else:
            self._idle.append((reader, writer))
        return Reply(status, payload)


def _with(path: str, params: dict[str, Any] | None) -> str:
    return f"{path}?{urlencode(params)}" if params else path
