"""End-to-end test of the web UI: the real REST app under uvicorn, driven by Chromium.

The browser is Debian's ``chromium`` (``.ci/system-deps.sh`` installs it) driven by
the ``playwright`` package; Playwright's own browser downloads are never used.
Screenshots land in ``tests/artifacts/`` (git-ignored) for a human to look at.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the UI tests need the `server` extra")
pytest.importorskip("uvicorn", reason="the UI tests need the `server` extra")

from fastapi import FastAPI
from fastapi.testclient import TestClient

from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import NotFoundError
from engram.memory import Memory
from engram.server.app import create_app
from engram.server.ui import UI_DIR
from engram.testing.live_server import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
XSS = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>'


def ui_app(memory: Memory, **options: Any) -> FastAPI:
    """The real REST app; create_app mounts the UI itself."""
    return create_app(memory, **options)


# -- without a browser ---------------------------------------------------------------
def test_ui_files_are_self_contained() -> None:
    """No CDN, no external fonts, no innerHTML: everything is local and text-only."""
    files = {p.name: p.read_text(encoding="utf-8") for p in UI_DIR.iterdir() if p.is_file()}
    assert {"index.html", "app.js", "style.css"} <= set(files)
    for name, text in files.items():
        assert not re.search(r"(src|href)=\"https?:|url\(\s*['\"]?https?:|@import|import\s.*https?:", text), name
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, name
        assert "document.write" not in text, name


def test_mount_ui_serves_files_and_redirects(tmp_path: Path) -> None:
    with Memory(tmp_path / "m.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path)) as mem:
        client = TestClient(ui_app(mem), base_url="http://127.0.0.1")
        redirect = client.get("/ui", follow_redirects=False)
        assert redirect.status_code in (301, 302, 307, 308) and redirect.headers["location"].endswith("/ui/")
        index = client.get("/ui/")
        assert index.status_code == 200 and "text/html" in index.headers["content-type"]
        assert '<script type="module" src="app.js">' in index.text
        script = client.get("/ui/app.js")
        assert script.status_code == 200 and "javascript" in script.headers["content-type"]
        assert client.get("/ui/style.css").headers["content-type"].startswith("text/css")
        assert client.get("/ui/../engram.db").status_code == 404


# -- the browser ----------------------------------------------------------------------
def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def seed(memory: Memory) -> dict[str, str]:
    """Six memories for alice (one updated twice), one for bob; returns ids by nickname."""
    ids: dict[str, str] = {}
    for nick, text, day, tags, kind in (
        ("lisbon", "Alice moved to Lisbon with her partner Marco", "2024-01-10", ["home"], "episodic"),
        ("job", "Alice works at Acme as a data engineer", "2024-02-01", ["work"], "fact"),
        ("cat", "Alice adopted a cat named Miso", "2024-03-02", ["pets", "home"], "episodic"),
        ("sister", "Alice's sister Ana visited Lisbon in spring", "2024-04-15", [], "episodic"),
        ("xss", XSS, "2024-04-20", [], "episodic"),
        ("temp", "Temporary note to delete", "2024-05-01", ["scratch"], "episodic"),
    ):
        [item] = memory.add(text, user_id="alice", event_time=_at(day), tags=tags, kind=kind)
        ids[nick] = item.id
    memory.update(ids["job"], user_id="alice", content="Alice works at Acme as a senior data engineer")
    memory.update(ids["job"], user_id="alice", content="Alice works at Globex as a senior data engineer")
    memory.add("Bob secretly prefers tea", user_id="bob")
    return ids


@dataclass
class Browser:
    page: Any
    errors: list[str] = field(default_factory=list)  # page exceptions and console errors


@pytest.fixture()
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):  # CI installs chromium (.ci/system-deps.sh): missing is a failure
            pytest.fail(f"{CHROMIUM} is missing in CI; .ci/system-deps.sh should have installed it")
        pytest.skip(f"!!! UI END-TO-END TEST SKIPPED: {CHROMIUM} is missing. Install it with "
                    "`sh .ci/system-deps.sh` (apt-get install chromium); CI must not skip this. !!!")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the UI tests need the `ui-test` extra")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1360, "height": 900})
            found = Browser(context.new_page())
            found.page.set_default_timeout(15_000)
            found.page.on("pageerror", lambda exc: found.errors.append(str(exc)))
            found.page.on("console", lambda msg: found.errors.append(msg.text) if msg.type == "error" else None)
            yield found
        finally:
            browser.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"ui-{name}.png"), full_page=True)


def test_ui_end_to_end(tmp_path: Path, browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    memory = Memory(tmp_path / "ui.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path))
    ids = seed(memory)
    try:
        with LiveServer(ui_app(memory)) as server:
            # Scope + paged listing (page size 4 → a second page via the cursor).
            page.goto(f"{server.url}/ui?page_size=4")
            assert page.url.startswith(f"{server.url}/ui/")
            expect(page.locator("#status")).to_contain_text("Choose a scope")
            page.get_by_label("User id").fill("alice")
            page.get_by_role("button", name="Load").click()
            cards = page.locator("#memory-list .card")
            expect(cards).to_have_count(4)
            expect(page.locator("#load-more")).to_be_visible()
            page.locator("#load-more").click()
            expect(cards).to_have_count(6)
            expect(page.locator("#load-more")).to_be_hidden()
            expect(page.locator("#memory-list")).not_to_contain_text("Bob")
            # Memory text is shown as text, never parsed as markup.
            expect(page.locator(f'.card[data-id="{ids["xss"]}"] .content')).to_have_text(XSS)
            assert page.evaluate("window.__xss") is None
            shot(page, "list")

            # Search.
            page.get_by_label("Search memories").fill("cat named Miso")
            page.get_by_role("button", name="Search", exact=True).click()
            expect(page.locator("#list-summary")).to_contain_text("for “cat named Miso”")
            expect(cards.first).to_have_attribute("data-id", ids["cat"])
            expect(cards.first.locator(".score")).to_be_visible()
            shot(page, "search")
            page.get_by_role("button", name="Show all").click()
            expect(cards).to_have_count(4)
            page.locator("#load-more").click()
            expect(cards).to_have_count(6)

            # History with word-level diffs between consecutive versions.
            job = page.locator(f'.card[data-id="{ids["job"]}"]')
            expect(job.locator(".content")).to_have_text("Alice works at Globex as a senior data engineer")
            job.get_by_role("button", name=re.compile("^History")).click()
            versions = page.locator("#history-panel .version")
            expect(versions).to_have_count(3)
            expect(versions.nth(0)).to_contain_text("Alice works at Acme as a data engineer")
            expect(versions.nth(1).locator("ins")).to_have_text(["senior "])
            expect(versions.nth(1).locator("del")).to_have_count(0)
            expect(versions.nth(2).locator("del")).to_have_text(["Acme"])
            expect(versions.nth(2).locator("ins")).to_have_text(["Globex"])
            expect(versions.nth(2).locator(".version-head")).to_contain_text("update")
            shot(page, "history")
            page.keyboard.press("Escape")
            expect(page.locator("#history-panel")).to_be_hidden()

            # Timeline: one point per dated memory, oldest on the left.
            page.get_by_role("tab", name="Timeline").click()
            points = page.locator("svg.timeline .tl-point")
            expect(points).to_have_count(6)
            xs = {p.get_attribute("data-id"): float(p.locator("circle").get_attribute("cx"))
                  for p in points.all()}
            assert xs[ids["lisbon"]] < xs[ids["job"]] < xs[ids["cat"]] < xs[ids["temp"]]
            expect(page.locator("svg.timeline .tick-label").first).to_have_text("2024-01-10")
            shot(page, "timeline")
            page.locator(f'svg.timeline .tl-point[data-id="{ids["job"]}"]').focus()
            page.keyboard.press("Enter")
            expect(versions).to_have_count(3)
            page.get_by_role("button", name="Close version history").click()

            # Graph: memory nodes, tag nodes, and the entity logic on a synthetic input.
            page.get_by_role("tab", name="Graph").click()
            expect(page.locator("svg.graph .node-memory")).to_have_count(6)
            expect(page.locator("svg.graph .node-tag")).to_have_count(4)
            expect(page.locator('svg.graph .node-tag[data-id="t:home"]')).to_be_visible()
            if memory.get(ids["cat"], user_id="alice").entities:  # entity extraction is on
                expect(page.locator("svg.graph .node-entity").first).to_be_visible()
            shot(page, "graph")
            built = page.evaluate("""async () => {
                const { buildGraph } = await import('./views.js');
                const g = buildGraph([
                    {id: 'a', content: 'Ana met Marco', entities: ['Ana', 'Marco'], tags: []},
                    {id: 'b', content: 'Marco cooks', entities: ['marco'], tags: []},
                    {id: 'c', content: 'Unrelated', entities: [], tags: []}]);
                return {entities: g.nodes.filter(n => n.type === 'entity').map(n => n.label),
                        shared: g.edges.filter(e => e.type === 'shared')
                                       .map(e => [e.source, e.target].sort().join('-'))};
            }""")
            assert built == {"entities": ["Ana", "Marco"], "shared": ["m:a-m:b"]}

            # Delete with confirmation: cancel first, then confirm.
            page.get_by_role("tab", name="Memories").click()
            temp = page.locator(f'.card[data-id="{ids["temp"]}"]')
            temp.get_by_role("button", name=re.compile("^Delete")).click()
            dialog = page.locator("#confirm-delete")
            expect(dialog).to_be_visible()
            expect(dialog.locator("blockquote")).to_have_text("Temporary note to delete")
            shot(page, "confirm-delete")
            dialog.get_by_role("button", name="Cancel").click()
            expect(page.locator("#status")).to_have_text("Delete cancelled.")
            expect(temp).to_have_count(1)
            memory.get(ids["temp"], user_id="alice")

            temp.get_by_role("button", name=re.compile("^Delete")).click()
            dialog.get_by_role("button", name="Delete", exact=True).click()
            expect(page.locator("#status")).to_have_text("Memory deleted.")
            expect(temp).to_have_count(0)
            expect(cards).to_have_count(5)
            with pytest.raises(NotFoundError):
                memory.get(ids["temp"], user_id="alice")
            shot(page, "after-delete")

            assert browser.errors == [], f"browser errors: {browser.errors}"

            # Errors from the API are shown, not swallowed.
            page.get_by_label("User id").fill(" ")
            page.get_by_label("App id").fill("x" * 300)
            page.get_by_role("button", name="Load").click()
            expect(page.locator("#status")).to_have_attribute("data-kind", "error")
            expect(page.locator("#status")).to_contain_text("[invalid_input]")
            expect(cards).to_have_count(0)
            shot(page, "error")
            assert all("400 (Bad Request)" in e for e in browser.errors), browser.errors
    finally:
        memory.close()


def test_ui_with_api_key(tmp_path: Path, browser: Browser) -> None:
    """A server that requires keys: the UI shows the 401, then works with the key alone."""
    from playwright.sync_api import expect

    from engram.store.keys import KeyStore

    page = browser.page
    keys = KeyStore(tmp_path / "keys.db")
    _, secret = keys.create("acme", user_id="alice")
    memory = Memory(tmp_path / "ui.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path))
    memory.add("Acme's Alice likes green tea", app_id="acme", user_id="alice")
    memory.add("Another tenant's secret", app_id="other", user_id="alice")
    try:
        with LiveServer(ui_app(memory, keys=keys, require_auth=True)) as server:
            page.goto(f"{server.url}/ui/")
            page.get_by_label("User id").fill("alice")
            page.get_by_role("button", name="Load").click()
            expect(page.locator("#status")).to_contain_text("[unauthorized]")
            assert all("401" in e for e in browser.errors), browser.errors
            browser.errors.clear()

            page.get_by_label("User id").fill("")
            page.get_by_label("API key").fill(secret)
            page.get_by_role("button", name="Load").click()
            cards = page.locator("#memory-list .card")
            expect(cards).to_have_count(1)
            expect(cards.first).to_contain_text("Acme's Alice likes green tea")
            assert page.evaluate("sessionStorage.getItem('engram.api_key')") == secret
            assert page.evaluate("localStorage.length") == 0
            assert browser.errors == []
    finally:
        memory.close()


# -- adding, editing, stats, export, and readable views ---------------------------------
def seed_views(memory: Memory) -> dict[str, str]:
    """Carol: a two-round conversation in session s1, a run of close-together memories (their
    labels compete for space), one whose validity ended, and one undated (imported)."""
    ids: dict[str, str] = {}
    rounds = memory.add([
        {"role": "user", "content": "We should plan the Lisbon trip"},
        {"role": "assistant", "content": "Happy to help plan it"},
        {"role": "user", "content": "Book the train to Porto too"},
        {"role": "assistant", "content": "Noted, train to Porto"}],
        user_id="carol", session_id="s1", event_time=_at("2024-03-01"))
    ids["round"] = rounds[0].id
    for n, (text, tags) in enumerate((
            ("Carol likes long walks along the river", ["hobby"]),
            ("Carol's favourite café is on Rua Augusta", ["food", "lisbon"]),
            ("Carol learns Portuguese on Tuesdays", ["learning"]),
            ("Carol's brother Rui lives in Braga", ["family"]),
            ("Carol cooks bacalhau on Fridays", ["food"]),
            ("Carol runs the Lisbon half marathon", ["sport", "lisbon"]))):
        [item] = memory.add(text, user_id="carol", tags=tags, event_time=_at(f"2024-03-0{2 + n // 3}"))
        ids[f"m{n}"] = item.id
    [old] = memory.add("Carol works at Initech", user_id="carol", kind="fact", event_time=_at("2024-01-05"))
    memory.update(old.id, user_id="carol", valid_to=_at("2024-02-28"))
    ids["ended"] = old.id
    line = {"item": {"id": "01a20000-0000-7000-8000-000000000001", "scope": {"user_id": "carol"},
                     "content": "A note with no date", "event_time": None}}
    memory.import_(['{"format": "engram-export", "version": 1}', json.dumps(line)])
    ids["undated"] = line["item"]["id"]
    return ids


def boxes_overlap(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i]["x"] < boxes[j]["x"] + boxes[j]["width"] and boxes[j]["x"] < boxes[i]["x"] + boxes[i]["width"]
            and boxes[i]["y"] < boxes[j]["y"] + boxes[j]["height"] and boxes[j]["y"] < boxes[i]["y"] + boxes[i]["height"]]


def test_ui_add_edit_stats_export_and_views(tmp_path: Path, browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    memory = Memory(tmp_path / "ui.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path))
    ids = seed_views(memory)
    try:
        with LiveServer(ui_app(memory)) as server:
            page.goto(f"{server.url}/ui/?user_id=carol")
            cards = page.locator("#memory-list .card")
            expect(cards).to_have_count(len(ids) + 1)  # two rounds in the conversation
            expect(page.locator(f'.card[data-id="{ids["round"]}"] .session')).to_have_text("session s1")
            expect(page.locator(f'.card[data-id="{ids["ended"]}"] .validity')).to_have_text(
                re.compile(r"^valid 2024-01-05 .* – 2024-02-2[78] "))
            expect(page.locator(f'.card[data-id="{ids["m0"]}"] .validity')).to_contain_text("valid since 2024-03-02")

            # Add a memory from the form.
            page.get_by_label("New memory").fill("Carol adopted a parrot named Kiwi")
            page.locator("#new-session").fill("s9")
            page.locator("#new-tags").fill("pets, home")
            page.get_by_role("button", name="Add memory").click()
            expect(page.locator("#status")).to_have_text("Memory added (1).")
            added = page.locator(".card", has_text="Carol adopted a parrot named Kiwi")
            expect(added.locator(".session")).to_have_text("session s9")
            [stored] = [i for i in memory.list(user_id="carol", limit=100).items if "Kiwi" in i.content]
            assert stored.scope.session_id == "s9" and stored.tags == ["pets", "home"]
            shot(page, "add")

            # Edit it in place: a new version, kept in the history.
            added.get_by_role("button", name=re.compile("^Edit")).click()
            page.get_by_label("Memory text").fill("Carol adopted a parrot named Kiwi in March")
            page.get_by_role("button", name="Save").click()
            expect(page.locator("#status")).to_have_text("Memory updated to version 2.")
            assert memory.get(stored.id, user_id="carol").content == "Carol adopted a parrot named Kiwi in March"
            expect(page.locator(f'.card[data-id="{stored.id}"] .content')).to_have_text(
                "Carol adopted a parrot named Kiwi in March")

            # Stats and export.
            page.get_by_role("button", name="Stats").click()
            expect(page.locator('#stats dd[data-key="memories"]')).to_have_text(str(memory.count(user_id="carol")))
            shot(page, "stats")
            with page.expect_download() as download:
                page.get_by_role("button", name="Export").click()
            lines = Path(download.value.path()).read_text().splitlines()
            assert json.loads(lines[0])["format"] == "engram-export"
            assert len(lines) - 1 == memory.count(user_id="carol")
            expect(page.locator("#status")).to_contain_text(f"Exported {len(lines) - 1} memories")

            # Timeline: no speaker prefixes, labels that do not overlap, undated apart.
            page.get_by_role("tab", name="Timeline").click()
            labels = page.locator("svg.timeline .tl-label")
            expect(labels).to_have_count(len(ids) + 1)  # dated: + round 2 + the added one - undated
            texts = labels.all_text_contents()
            assert not [t for t in texts if re.match(r"^(user|assistant): ", t)], texts
            assert any(t.startswith("We should plan the Lisbon trip") for t in texts)
            rects = [r.bounding_box() for r in page.locator("svg.timeline .tl-label-bg").all()]
            assert not boxes_overlap(rects), rects
            for text_box, rect in zip([t.bounding_box() for t in labels.all()], rects, strict=True):
                assert text_box["x"] >= rect["x"] - 0.5 and text_box["x"] + text_box["width"] <= rect["x"] + rect["width"] + 0.5
            expect(page.locator("#undated")).to_be_visible()
            expect(page.locator("#undated-list li")).to_have_text(["A note with no date"])
            shot(page, "timeline-readable")

            # Graph: the whole drawing is inside the window, and no two labels collide.
            page.get_by_role("tab", name="Graph").click()
            graph = page.locator("svg.graph")
            expect(graph).to_be_visible()
            box = graph.bounding_box()
            view = page.viewport_size
            assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"] + 1, (box, view)
            assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"] + 1, (box, view)
            shown = [t.bounding_box() for t in page.locator("svg.graph .node-label:not(.label-hidden)").all()]
            assert len(shown) >= 5 and not boxes_overlap(shown), shown
            for label in shown:
                assert box["x"] - 1 <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"] + 1
            shot(page, "graph-fit")
            assert browser.errors == [], browser.errors
    finally:
        memory.close()
