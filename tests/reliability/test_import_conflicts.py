"""Import id collisions (issue #14, items 3 and 9): an unscoped (administrative) import
that reuses the id of a memory in another scope is refused whole with a 409 naming the
line, unless ``on_conflict`` says ``skip`` or ``new_id``; a scoped import answers for a
taken id exactly as for a free one. Over the Python API, REST and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from engram import Memory
from engram.client import EngramClient
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ImportConflictError, InvalidInputError
from engram.ids import new_id
from engram.portability import IMPORT_KEY
from engram.store.keys import KeyStore

from .conftest import LiveServer

NDJSON = {"Content-Type": "application/x-ndjson"}


def five_lines(taken: str, user: str = "u", **scope: str) -> list[str]:
    """Five lines for ``user``; line 3 reuses ``taken``, line 2 links to line 3."""
    ids = [new_id(), new_id(), taken, new_id(), new_id()]
    lines = []
    for n, memory_id in enumerate(ids, 1):
        line: dict[str, object] = {"item": {"id": memory_id, "scope": {"user_id": user, **scope},
                                            "content": f"imported note {n}"}}
        if n == 2:
            line["links"] = [{"dst": taken, "reason": "related"}]
        lines.append(json.dumps(line))
    return lines


@pytest.fixture
def owned(make_memory: Callable[..., Memory]) -> tuple[Memory, str]:
    """A store where user v owns one memory; its id is what the files reuse."""
    mem = make_memory()
    [theirs] = mem.add("v's own note", user_id="v")
    return mem, theirs.id


def test_unscoped_collision_fails_whole_and_names_the_line(owned: tuple[Memory, str]) -> None:
    mem, taken = owned
    with pytest.raises(ImportConflictError, match="line 3") as caught:
        mem.import_(five_lines(taken))
    assert caught.value.lines == [3] and "on_conflict='new_id'" in str(caught.value)
    assert mem.count(user_id="u") == 0
    assert mem.get(taken, user_id="v").content == "v's own note"
    with pytest.raises(InvalidInputError, match="on_conflict must be one of fail, skip, new_id"):
        mem.import_(five_lines(taken), on_conflict="overwrite")  # type: ignore[arg-type]


def test_unscoped_skip_leaves_the_colliding_lines_out(owned: tuple[Memory, str]) -> None:
    mem, taken = owned
    report = mem.import_(five_lines(taken), on_conflict="skip")
    assert (report.imported, report.skipped, report.conflicts, report.links) == (4, 1, [3], 0)
    assert mem.count(user_id="u") == 4
    assert mem.get(taken, user_id="v").content == "v's own note"


def test_unscoped_new_id_renames_and_stays_idempotent(owned: tuple[Memory, str]) -> None:
    mem, taken = owned
    lines = five_lines(taken)
    report = mem.import_(lines, on_conflict="new_id")
    assert (report.imported, report.skipped, report.conflicts, report.links) == (5, 0, [3], 1)
    [renamed] = [i for i in mem.list(user_id="u").items if i.content == "imported note 3"]
    assert renamed.id != taken and renamed.metadata[IMPORT_KEY]["id"] == taken
    [link] = [r for r in mem.related(json.loads(lines[1])["item"]["id"], user_id="u")]
    assert link.item.id == renamed.id  # the link follows the renamed memory
    again = mem.import_(lines, on_conflict="new_id")
    assert (again.imported, again.skipped) == (0, 5)
    assert mem.get(taken, user_id="v").content == "v's own note"


def test_reimport_into_its_own_scope_is_no_conflict(owned: tuple[Memory, str]) -> None:
    mem, taken = owned
    report = mem.import_(list(mem.export(all_scopes=True)))
    assert (report.imported, report.skipped, report.conflicts) == (0, 1, [])


def test_scoped_import_answers_a_taken_id_as_a_free_one(owned: tuple[Memory, str]) -> None:
    mem, taken = owned
    reports = [mem.import_(five_lines(memory_id, user="w"), scope={"user_id": "w"},
                           on_conflict="fail").model_dump() for memory_id in (taken, new_id())]
    assert reports[0] == reports[1] == {"imported": 5, "skipped": 0, "links": 1,
                                        "bad_lines": [], "conflicts": []}
    assert mem.get(taken, user_id="v").content == "v's own note"


def test_rest_and_client(make_memory: Callable[..., Memory], serve: Callable[..., LiveServer],
                         tmp_path: Path) -> None:
    mem = make_memory()
    [theirs] = mem.add("v's own note", user_id="v")
    admin = serve(mem)
    body = "\n".join(five_lines(theirs.id))
    refused = httpx.post(f"{admin.url}/v1/import", content=body, headers=NDJSON)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "import_conflict" and "line 3" in error["message"]
    assert "?on_conflict=new_id" in error["message"]
    bogus = httpx.post(f"{admin.url}/v1/import", params={"on_conflict": "overwrite"},
                       content=body, headers=NDJSON)
    assert bogus.status_code == 422
    with EngramClient(admin.url) as client:
        with pytest.raises(ImportConflictError, match="line 3"):
            client.import_(body.splitlines())
        report = client.import_(body.splitlines(), on_conflict="new_id")
    assert (report.imported, report.conflicts) == (5, [3])
    # an API key's import is scoped: another tenant's id is no conflict and no oracle
    keys = KeyStore(tmp_path / "keys.sqlite")
    secret = keys.create("acme", user_id="alice")[1]
    keyed = serve(mem, keys=keys, require_auth=True)
    alice = {**NDJSON, "Authorization": f"Bearer {secret}"}
    answers = [httpx.post(f"{keyed.url}/v1/import", params={"on_conflict": "fail"}, headers=alice,
                          content="\n".join(five_lines(memory_id, "alice", app_id="acme"))).json()
               for memory_id in (theirs.id, new_id())]
    assert answers[0] == answers[1] and answers[0]["imported"] == 5 and answers[0]["conflicts"] == []


def test_cli(owned: tuple[Memory, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.cli import app

    mem, taken = owned
    db = Path(mem.store.path)  # type: ignore[attr-defined]
    mem.close()
    monkeypatch.setenv("ENGRAM_EMBEDDER", "hashing")
    monkeypatch.setenv("ENGRAM_EMBEDDING_CACHE", "false")
    dump = tmp_path / "file.jsonl"
    dump.write_text("\n".join(five_lines(taken)) + "\n")
    runner = CliRunner()
    refused = runner.invoke(app, ["--db", str(db), "import", str(dump)])
    assert refused.exit_code == 2 and "line 3" in refused.output and "--on-conflict" in refused.output
    settings = Settings(data_dir=tmp_path / "data", embedding_cache=False)
    with Memory(db, settings=settings, embedder=HashingEmbedder()) as reopened:  # item 1 over the CLI: all or nothing
        assert reopened.count(user_id="u") == 0
    wrong = runner.invoke(app, ["--db", str(db), "import", str(dump), "--on-conflict", "overwrite"])
    assert wrong.exit_code == 2 and "on_conflict must be one of" in wrong.output
    done = runner.invoke(app, ["--db", str(db), "import", str(dump), "--on-conflict", "skip", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["conflicts"] == [3] and json.loads(done.output)["imported"] == 4
