"""Serve the memory browser (``engram/server/ui/``) at ``/ui`` on a FastAPI app.

The UI is static files — plain ES modules, no build step, nothing fetched from
a CDN — that talk to the REST API under ``/v1`` with the user's own scope and
API key, so serving it adds no new server-side surface beyond the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from engram.errors import MissingDependencyError, reinstall_hint

if TYPE_CHECKING:
    from fastapi import FastAPI

UI_DIR = Path(__file__).with_name("ui")
UI_PATH = "/ui"


def mount_ui(app: FastAPI, path: str = UI_PATH) -> None:
    """Mount the UI at ``path`` (``/ui``); ``/ui`` redirects to ``/ui/``.

    The UI computes the API root from its own URL, so it must be mounted on
    the same app as the ``/v1`` routes.
    """
    try:
        from fastapi.responses import RedirectResponse
        from fastapi.staticfiles import StaticFiles
        from starlette.requests import Request
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependencyError("the web UI", "server") from exc
    if not (UI_DIR / "index.html").is_file():
        raise FileNotFoundError(f"the UI files are missing from {UI_DIR}; {reinstall_hint()}")

    async def to_index(request: Request) -> RedirectResponse:
        query = f"?{request.url.query}" if request.url.query else ""  # keep ?user_id=... links
        return RedirectResponse(url=f"{path}/{query}", status_code=307)

    # A plain Starlette route: no dependency injection, and nothing in the OpenAPI schema.
    app.add_route(path, to_index, methods=["GET", "HEAD"], include_in_schema=False)
    app.mount(path, StaticFiles(directory=UI_DIR, html=True), name="ui")


__all__ = ["UI_DIR", "mount_ui"]
