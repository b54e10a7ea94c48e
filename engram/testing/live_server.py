"""A real uvicorn server for an ASGI app on a free 127.0.0.1 port, in a thread.

Used by the REST, UI and reliability tests (and handy for testing agents against a
local Engram): ``with LiveServer(create_app(memory)) as server: httpx.get(server.url)``.
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any


class LiveServer:
    """Starts on construction; :meth:`stop` (or leaving the ``with`` block) ends it."""

    def __init__(self, app: Any, *, backlog: int = 2048, start_timeout_s: float = 20.0) -> None:
        import uvicorn  # the `server` extra

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port: int = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False,
                                backlog=backlog)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]},
                                       name="engram-live-server", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + start_timeout_s
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def wait_until_ready(url: str, proc: subprocess.Popen[Any], *, timeout_s: float = 120.0,
                     log: Callable[[], str] | None = None) -> None:
    """Poll ``url``/readyz until an ``engram serve`` process answers 200; raise
    ``RuntimeError`` (with ``log()``, e.g. the server's stderr) if it exits or times out."""
    import httpx

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        exited = proc.poll() is not None
        if exited or time.monotonic() > deadline:
            state = "exited" if exited else "did not become ready"
            raise RuntimeError(f"server {state}: {log() if log else ''}")
        time.sleep(0.3)

