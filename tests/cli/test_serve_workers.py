"""`engram serve --workers N`: several processes serve one SQLite store (WAL, one writer
at a time) and every acknowledged write is visible through any of them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from engram.testing.live_server import wait_until_ready

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_two_workers_share_one_store(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "ENGRAM_DATA_DIR": str(tmp_path / "data"), "ENGRAM_EMBEDDER": "hashing",
           "ENGRAM_EMBEDDING_CACHE": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from engram.cli import main; main()", "--db", str(tmp_path / "s.db"),
         "serve", "--port", str(port), "--workers", "2", "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, proc, log=lambda: proc.stderr.read() if proc.stderr else "")

        def add(n: int) -> str:
            with httpx.Client(base_url=url, timeout=60) as http:  # a new connection each
                reply = http.post("/v1/memories", json={"text": f"note {n} about Lisbon", "user_id": "u"})
                assert reply.status_code == 201, reply.text
                return str(reply.json()["items"][0]["id"])

        with ThreadPoolExecutor(8) as pool:
            ids = set(pool.map(add, range(40)))
        assert len(ids) == 40
        for _ in range(6):  # new connections land on either worker: each sees every write
            listed = httpx.get(f"{url}/v1/memories", params={"user_id": "u", "limit": 100}, timeout=60)
            assert {i["id"] for i in listed.json()["items"]} == ids
        hits = httpx.post(f"{url}/v1/search", json={"query": "note 7 Lisbon", "user_id": "u"}, timeout=60)
        assert hits.status_code == 200 and hits.json()["hits"]
    finally:
        proc.terminate()
        proc.wait(60)
    assert proc.returncode == 0
