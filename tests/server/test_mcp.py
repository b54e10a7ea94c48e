"""The MCP server, driven through the official SDK client: in-process and over stdio."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import pytest

pytest.importorskip("mcp", reason="the MCP tests need the `mcp` extra: pip install -e '.[mcp]'")

from mcp import Client, StdioServerParameters

from engram.memory import Memory
from engram.model import Scope
from engram.server.mcp import build_mcp, render_profile

TOOLS = {"add", "search", "update", "delete", "list", "delete_all", "history", "profile"}


@pytest.fixture()
def memory(backend_memory: Memory) -> Memory:
    """The MCP suite runs on both stores (tests/conftest.py: backend_memory)."""
    return backend_memory


def run_client(server: Any, body: Callable[[Client], Awaitable[None]]) -> None:
    """Connect the SDK client in-process and run ``body`` against it."""

    async def main() -> None:
        async with Client(server, raise_exceptions=False) as client:
            await body(client)

    anyio.run(main)


def data(result: Any) -> dict[str, Any]:
    """A successful tool result's JSON payload (structured, with the text form as fallback)."""
    assert not result.is_error, result.content
    if result.structured_content is not None:
        return dict(result.structured_content)
    return dict(json.loads(result.content[0].text))


def error_text(result: Any) -> str:
    assert result.is_error
    return " ".join(getattr(block, "text", "") for block in result.content)


def test_tools_are_listed_with_schemas(memory: Memory) -> None:
    async def body(client: Client) -> None:
        listed = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert TOOLS <= set(listed)
        assert "query" in listed["search"].input_schema["properties"]
        assert listed["search"].input_schema["required"] == ["query"]
        templates = (await client.list_resource_templates()).resource_templates
        assert [t.uri_template for t in templates] == ["engram://profile/{user_id}"]

    run_client(build_mcp(memory, default_scope=Scope(user_id="me")), body)


def test_add_search_list_history_delete(memory: Memory) -> None:
    async def body(client: Client) -> None:
        stored = data(await client.call_tool("add", {
            "content": "I moved to Lisbon in May", "tags": ["home"], "kind": "fact"}))
        [item] = stored["memories"]
        assert item["scope"] == {"user_id": "me"} and item["tags"] == ["home"]
        data(await client.call_tool("add", {"messages": [
            {"role": "user", "content": "My sister Ana plays the cello"},
            {"role": "assistant", "content": "Lovely!"}]}))

        hits = data(await client.call_tool("search", {"query": "Lisbon", "limit": 5}))["hits"]
        assert hits[0]["id"] == item["id"] and hits[0]["content"] == "I moved to Lisbon in May"
        packed = data(await client.call_tool("search", {"query": "Lisbon", "token_budget": 60}))
        assert "Lisbon" in packed["context"] and 0 < packed["context_tokens"] <= 60
        tiny = data(await client.call_tool("search", {"query": "Lisbon", "token_budget": 2}))
        assert tiny["context"] == "" and tiny["context_tokens"] == 0

        everything = [i["id"] for i in data(await client.call_tool("list", {}))["items"]]
        paged: list[str] = []
        cursor = None
        while True:
            page = data(await client.call_tool("list", {"limit": 1, "cursor": cursor}))
            paged += [i["id"] for i in page["items"]]
            if not (cursor := page["next_cursor"]):
                break
        assert paged == everything and item["id"] in paged and len(paged) >= 2
        facts = data(await client.call_tool("list", {"kind": "fact"}))["items"]
        assert [f["id"] for f in facts] == [item["id"]]

        memory.update(item["id"], user_id="me", content="I moved to Porto in May")
        versions = data(await client.call_tool("history", {"memory_id": item["id"]}))["versions"]
        assert [(v["version"], v["op"]) for v in versions] == [(1, "add"), (2, "update")]
        assert versions[1]["content"] == "I moved to Porto in May"

        assert data(await client.call_tool("delete", {"memory_id": item["id"]})) == {"deleted": item["id"]}
        left = data(await client.call_tool("list", {}))["items"]
        assert item["id"] not in {i["id"] for i in left}

    run_client(build_mcp(memory, default_scope=Scope(user_id="me")), body)


def test_update_delete_all_and_profile_tools(memory: Memory) -> None:
    async def body(client: Client) -> None:
        [item] = data(await client.call_tool("add", {"content": "I live in Lisbon", "kind": "fact"}))["memories"]
        changed = data(await client.call_tool("update", {"memory_id": item["id"], "content": "I live in Porto",
                                                         "tags": ["home"]}))
        assert changed["content"] == "I live in Porto" and changed["version"] == 2 and changed["tags"] == ["home"]
        assert memory.get(item["id"], user_id="me").content == "I live in Porto"
        profile = data(await client.call_tool("profile", {}))["profile"]
        assert "## Facts\n- I live in Porto" in profile
        data(await client.call_tool("add", {"content": "Another memory"}))
        assert data(await client.call_tool("delete_all", {})) == {"deleted": 2}
        assert memory.count(user_id="me") == 0

    memory.add("Bob's memory stays", user_id="bob")
    run_client(build_mcp(memory, default_scope=Scope(user_id="me")), body)
    assert memory.count(user_id="bob") == 1


def test_default_scope_is_pinned(memory: Memory) -> None:
    """`engram mcp --user me` used to be only a default: a call naming user_id=bob read bob's."""
    secret = memory.add("Bob's bank PIN is 4321", user_id="bob")[0]

    async def body(client: Client) -> None:
        for tool, args in (("search", {"query": "PIN"}), ("list", {}), ("delete_all", {}),
                           ("history", {"memory_id": secret.id}), ("delete", {"memory_id": secret.id}),
                           ("update", {"memory_id": secret.id, "content": "x"}),
                           ("add", {"content": "planted"}), ("profile", {})):
            text = error_text(await client.call_tool(tool, {**args, "user_id": "bob"}))
            assert "pinned to user_id='me'" in text and "[forbidden]" in text, tool
        same = data(await client.call_tool("list", {"user_id": "me"}))  # naming the pinned id is fine
        assert same["items"] == []
        with pytest.raises(Exception, match="pinned to user_id='me'"):
            await client.read_resource("engram://profile/bob")

    run_client(build_mcp(memory, default_scope=Scope(user_id="me")), body)
    assert memory.get(secret.id, user_id="bob").content == "Bob's bank PIN is 4321"
    assert memory.count(user_id="me") == 0


def test_unpinned_scope_is_only_a_default(memory: Memory) -> None:
    async def body(client: Client) -> None:
        data(await client.call_tool("add", {"content": "Bob likes tea", "user_id": "bob"}))
        assert data(await client.call_tool("list", {}))["items"] == []
        bob = data(await client.call_tool("list", {"user_id": "bob"}))["items"]
        assert [i["content"] for i in bob] == ["Bob likes tea"]

    run_client(build_mcp(memory, default_scope=Scope(user_id="me"), pin_scope=False), body)


def test_errors_are_tool_errors_with_engram_messages(memory: Memory) -> None:
    async def body(client: Client) -> None:
        missing = error_text(await client.call_tool("delete", {"memory_id": "no-such-id", "user_id": "me"}))
        assert "no memory 'no-such-id'" in missing and "[not_found]" in missing
        assert "Traceback" not in missing
        unscoped = error_text(await client.call_tool("search", {"query": "anything"}))
        assert "no scope" in unscoped and "--user" in unscoped
        both = error_text(await client.call_tool("add", {"user_id": "me"}))
        assert "exactly one of `content` or `messages`" in both
        empty = error_text(await client.call_tool("search", {"query": "  ", "user_id": "me"}))
        assert "[invalid_input]" in empty
        bad_limit = error_text(await client.call_tool("list", {"user_id": "me", "limit": 0}))
        assert "limit must be" in bad_limit
        bad_cursor = error_text(await client.call_tool("list", {"user_id": "me", "cursor": "x"}))
        assert "invalid cursor" in bad_cursor

    run_client(build_mcp(memory, default_scope=None), body)


def test_profile_resource(memory: Memory) -> None:
    memory.add("Prefers window seats", user_id="me", kind="profile")
    memory.add("Allergic to peanuts", user_id="me", kind="fact")
    memory.add("Had pasta on Tuesday", user_id="me")

    async def body(client: Client) -> None:
        read = await client.read_resource("engram://profile/me")
        text = read.contents[0].text
        assert "## Profile\n- Prefers window seats" in text and "## Facts\n- Allergic to peanuts" in text
        assert "pasta" not in text
        nobody = (await client.read_resource("engram://profile/nobody")).contents[0].text
        assert nobody.startswith("No profile yet for user 'nobody'")

    run_client(build_mcp(memory, default_scope=None), body)  # no pin: any user may be read


def test_render_profile_without_items() -> None:
    assert render_profile("me", []).startswith("No profile yet for user 'me'")


def _engram_command() -> list[str]:
    """The installed ``engram`` script next to this interpreter, else the same entry point via -c."""
    script = Path(sys.executable).with_name("engram")
    if script.exists():
        return [str(script)]
    found = shutil.which("engram")
    return [found] if found else [sys.executable, "-c", "from engram.cli import main; main()"]


def test_stdio_subprocess(tmp_path: Path) -> None:
    command, *prefix = _engram_command()
    env = {**os.environ, "ENGRAM_EMBEDDER": "hashing", "ENGRAM_EMBEDDING_CACHE": "false",
           "ENGRAM_DATA_DIR": str(tmp_path), "ENGRAM_CONFIG": str(tmp_path / "absent.toml")}
    params = StdioServerParameters(
        command=command, env=env, cwd=str(tmp_path),
        args=[*prefix, "--db", str(tmp_path / "stdio.db"), "mcp", "--transport", "stdio", "--user", "me"])

    async def main() -> None:
        with anyio.fail_after(60):
            async with Client(params) as client:
                assert TOOLS <= {t.name for t in (await client.list_tools()).tools}
                stored = data(await client.call_tool("add", {"content": "Stdio works fine"}))
                hits = data(await client.call_tool("search", {"query": "stdio"}))["hits"]
                assert [h["id"] for h in hits] == [stored["memories"][0]["id"]]

    anyio.run(main)


def test_http_transport_subprocess(tmp_path: Path) -> None:
    import socket
    import subprocess
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ENGRAM_EMBEDDER": "hashing", "ENGRAM_EMBEDDING_CACHE": "false",
           "ENGRAM_DATA_DIR": str(tmp_path), "ENGRAM_CONFIG": str(tmp_path / "absent.toml")}
    proc = subprocess.Popen(
        [*_engram_command(), "--db", str(tmp_path / "http.db"), "mcp", "--transport", "http",
         "--port", str(port), "--user", "me"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "exited"
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "the MCP HTTP server did not start"
            time.sleep(0.1)

        async def main() -> None:
            with anyio.fail_after(30):
                async with Client(f"http://127.0.0.1:{port}/mcp") as client:
                    stored = data(await client.call_tool("add", {"content": "HTTP works too"}))
                    listed = data(await client.call_tool("list", {}))["items"]
                    assert [i["id"] for i in listed] == [stored["memories"][0]["id"]]

        anyio.run(main)
        # DNS rebinding: the SDK's transport security refuses a foreign Host header.
        import httpx

        rebound = httpx.post(f"http://127.0.0.1:{port}/mcp", headers={"host": "attacker.example"},
                             json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
        assert rebound.status_code in (400, 403, 421), rebound.status_code
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_http_transport_refuses_public_bind(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from engram.cli import app

    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "mcp", "--transport", "http",
                                      "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "no authentication" in result.output + (result.stderr if result.stderr_bytes else "")
