"""Importing a store that a real mem0ai 2.2.1 wrote (tests/fixtures/mem0/make_fixture.py):
1,050 memories added with infer=False over FAISS + SQLite history, 60 updated, 25 deleted."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engram.cli import app
from engram.compat.mem0 import Memory as Mem0Compat
from engram.compat.mem0_import import engram_id, import_mem0, read_mem0
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ImportFormatError
from engram.memory import Memory
from engram.model import Scope

STORE = Path(__file__).resolve().parents[1] / "fixtures" / "mem0" / "store"
EXPECTED = json.loads((STORE / "expected.json").read_text())


@pytest.fixture
def engram(tmp_path: Path) -> Iterator[Memory]:
    with Memory(tmp_path / "e.db", embedder=HashingEmbedder(), settings=Settings(data_dir=tmp_path)) as mem:
        yield mem


def docstore() -> dict[str, dict]:
    return json.loads((STORE / "faiss" / "mem0.json").read_text())["docstore"]


def test_faiss_store_with_history_imports_every_memory(engram: Memory) -> None:
    report = import_mem0(engram, STORE)  # the folder: FAISS docstore + history.db beside it
    assert EXPECTED["live"] >= 1000
    assert (report.read, report.imported, report.skipped) == (EXPECTED["live"], EXPECTED["live"], 0)
    assert report.deleted_in_source == len(EXPECTED["deleted"])
    stats = engram.stats(app_id="mem0")
    assert stats.memories == EXPECTED["live"]                      # 0 lost

    # Every mem0 memory is there, with its text, scope and metadata, under its mem0 id.
    compat = Mem0Compat(memory=engram)
    by_mem0 = {i.metadata["mem0_id"]: i for i in engram.store.iter_items(Scope(app_id="mem0"))}
    source = docstore()
    assert set(by_mem0) == set(source)
    for mem0_id, payload in source.items():
        item = by_mem0[mem0_id]
        assert item.content == payload["data"]
        assert item.scope.user_id == payload.get("user_id")
        assert item.scope.agent_id == payload.get("agent_id")
        assert item.scope.session_id == payload.get("run_id")
        assert item.metadata["category"] == payload["category"]
        assert item.role == payload["role"]
    for mem0_id, payload in list(source.items())[::20]:  # the compat API reads them back
        mine = compat.get(by_mem0[mem0_id].id)
        assert mine["memory"] == payload["data"] and mine["hash"] == payload["hash"]
    assert not set(EXPECTED["deleted"]) & set(by_mem0)

    # Updated memories arrive at version 2 with their current text; mem0's history is kept
    # as data (ops and times), since an import never writes claimed history rows.
    for mem0_id in EXPECTED["updated"]:
        item = by_mem0[mem0_id]
        assert item.version == 2 and item.content.endswith(" (updated)")
        assert [h["op"] for h in item.metadata["engram.import"]["history"]] == ["add", "update"]
    first = by_mem0[EXPECTED["updated"][0]]
    assert [h.op for h in engram.history(first.id, scope=first.scope)] == ["import"]

    # Searchable at once, and re-importing adds nothing.
    some = next(iter(source.values()))
    hits = compat.search(some["data"], user_id=some["user_id"], limit=5)["results"]
    assert some["data"] in [h["memory"] for h in hits]
    again = import_mem0(engram, STORE)
    assert (again.imported, again.skipped) == (0, EXPECTED["live"])


def test_get_all_export_imports_the_same(engram: Memory) -> None:
    report = import_mem0(engram, STORE / "get_all.json", app_id="legacy")
    assert (report.read, report.imported) == (EXPECTED["live"], EXPECTED["live"])
    assert engram.stats(app_id="legacy").memories == EXPECTED["live"]
    # The same ids as from the FAISS store: the id depends on the mem0 id and created_at only.
    ids = {r.id: engram_id(r.id, r.created_at) for r in read_mem0(STORE / "get_all.json").records}
    faiss_ids = {r.id: engram_id(r.id, r.created_at) for r in read_mem0(STORE).records}
    assert ids == faiss_ids


def test_bad_inputs_say_what_to_pass(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="does not exist"):
        read_mem0(tmp_path / "nope")
    (tmp_path / "x.json").write_text('{"hello": 1}')
    with pytest.raises(ImportFormatError, match="neither a mem0 FAISS docstore nor a get_all export"):
        read_mem0(tmp_path / "x.json")
    (tmp_path / "y.json").write_text('{"results": [{"id": "1", "memory": "no owner"}]}')
    with pytest.raises(ImportFormatError, match="no user_id"):
        read_mem0(tmp_path / "y.json")
    (tmp_path / "h.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(ImportFormatError, match="not a mem0 history database"):
        read_mem0(STORE / "get_all.json", history_db=tmp_path / "h.db")


def test_history_rows_out_of_order_still_give_versions(tmp_path: Path, engram: Memory) -> None:
    """The history db is read oldest first whatever its row order."""
    shutil.copy(STORE / "history.db", tmp_path / "h.db")
    with sqlite3.connect(tmp_path / "h.db") as db:
        rows = db.execute("SELECT * FROM history ORDER BY created_at DESC").fetchall()
        db.execute("DELETE FROM history")
        db.executemany(f"INSERT INTO history VALUES ({','.join('?' * len(rows[0]))})", rows)
    import_mem0(engram, STORE / "get_all.json", history_db=tmp_path / "h.db")
    updated = set(EXPECTED["updated"])
    items = [i for i in engram.store.iter_items(Scope(app_id="mem0")) if i.metadata["mem0_id"] in updated]
    assert len(items) == len(updated)
    for item in items:
        assert item.version == 2 and item.content.endswith("(updated)")
        assert [h["op"] for h in item.metadata["engram.import"]["history"]] == ["add", "update"]


def test_cli_import_mem0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ENGRAM_EMBEDDER", "hashing")
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["import-mem0", str(STORE), "--db", str(db), "--create", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["imported"] == EXPECTED["live"] and report["deleted_in_source"] == len(EXPECTED["deleted"])
    bad = CliRunner().invoke(app, ["import-mem0", str(tmp_path / "missing"), "--db", str(db)])
    assert bad.exit_code == 2 and "does not exist" in " ".join(bad.output.split())
