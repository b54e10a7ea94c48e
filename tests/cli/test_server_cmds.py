"""``engram serve`` shuts down gracefully on SIGTERM: the store is closed, so its WAL is
checkpointed and removed (issue #14, item 6: uvicorn re-raised the signal and the
process died before ``memory.close()``)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_sigterm_closes_the_store(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    db, port = tmp_path / "serve.db", free_port()
    env = {**os.environ, "ENGRAM_EMBEDDER": "hashing", "ENGRAM_DATA_DIR": str(tmp_path / "data"),
           "ENGRAM_KEYS_DB": str(tmp_path / "keys.sqlite"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from engram.cli import main; main()", "--db", str(db), "serve",
         "--port", str(port), "--log-level", "warning"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        [item] = httpx.post(f"{url}/v1/memories", json={"text": "qjkwombatfig", "user_id": "u"}).json()["items"]
        assert httpx.get(f"{url}/v1/memories/{item['id']}", params={"user_id": "u"}).status_code == 200
        wal = db.with_name(db.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the write sits in the WAL
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, output  # before: -15, killed before memory.close()
    assert "store is closed" in output
    assert not wal.exists() or wal.stat().st_size == 0  # closing checkpointed the WAL
    assert b"qjkwombatfig" in db.read_bytes()  # ... into the database file
