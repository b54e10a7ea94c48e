"""/docs (Swagger UI) and /redoc render with the network off, in Chromium.

Issue #15: /docs was blank offline because FastAPI loads Swagger UI from a CDN. The
assets now come from the ``fastapi-offline`` package; this test blocks every request
that does not go to the local server and checks that both pages render the API.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi_offline", reason="the docs test needs the `server` extra")

from fastapi.testclient import TestClient

from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.memory import Memory
from engram.server.app import create_app
from engram.testing.live_server import LiveServer

from .test_ui import Browser, browser, shot  # the Chromium fixture

__all__ = ["browser"]
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _memory(tmp_path: Path) -> Memory:
    return Memory(tmp_path / "docs.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path))


def test_docs_pages_reference_only_local_assets(tmp_path: Path) -> None:
    with _memory(tmp_path) as mem:
        client = TestClient(create_app(mem), base_url="http://127.0.0.1")
        for page in ("/docs", "/redoc"):
            html = client.get(page).text
            assert "cdn.jsdelivr.net" not in html and "fonts.googleapis" not in html, page
            assert "/static-offline-docs/" in html, page
        script = client.get("/static-offline-docs/swagger-ui-bundle.js")
        assert script.status_code == 200 and len(script.content) > 100_000


def test_docs_render_in_chromium_without_network(tmp_path: Path, browser: Browser) -> None:
    page = browser.page
    memory = _memory(tmp_path)
    try:
        with LiveServer(create_app(memory)) as server:
            blocked: list[str] = []

            def only_local(route: object) -> None:
                url = route.request.url  # type: ignore[attr-defined]
                if url.startswith(server.url + "/"):
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    blocked.append(url)
                    route.abort()  # type: ignore[attr-defined]

            page.context.route("**/*", only_local)
            operations = len([op for path in memory_paths(server.url) for op in path])
            page.goto(f"{server.url}/docs")
            blocks = page.locator(".swagger-ui .opblock")
            blocks.first.wait_for(state="visible")
            assert blocks.count() == operations
            assert "Engram" in page.locator(".swagger-ui .info .title").inner_text()
            shot(page, "docs-swagger")
            assert blocked == [], blocked  # Swagger UI needs nothing from the network
            page.goto(f"{server.url}/redoc")
            page.locator("h1").first.wait_for(state="visible")
            assert "Engram" in page.locator("h1").first.inner_text()
            page.get_by_text("/v1/search").first.wait_for(state="attached")
            shot(page, "docs-redoc")
            # ReDoc's menu footer links a "powered by" logo from its CDN; it is cosmetic, and
            # the page above rendered without it.
            assert set(blocked) <= {REDOC_LOGO}, blocked
            assert not [e for e in browser.errors if "Failed to load resource" not in e], browser.errors
    finally:
        memory.close()


def memory_paths(url: str) -> list[dict[str, object]]:
    import httpx

    spec = httpx.get(url + "/openapi.json", timeout=60).json()  # slow on a loaded machine
    return [{m: op for m, op in ops.items() if m in ("get", "post", "patch", "delete", "put")}
            for ops in spec["paths"].values()]
