"""Verifiable deletion: after delete / delete_all / forget and purge(), distinctive
canary strings are absent from the RAW bytes of every file Engram wrote — the database,
its WAL, the embedding cache and the PII vault — while a bystander's data survives."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from engram import Memory
from engram.config import Settings
from engram.embed.cache import CachedEmbedder, cache_key
from engram.embed.hashing import HashingEmbedder
from engram.model import Filters, MemoryStatus
from engram.testing import doors

from .conftest import record

ALL = Filters(statuses=list(MemoryStatus))
CANARIES = [f"qzxcanary{n}vv" for n in range(8)]
BYSTANDER = "qzxbystanderkeep"


def open_memory(tmp_path: Path, **extra: Any) -> Memory:
    fields = Settings.model_fields
    options = {k: v for k, v in {"links": True, "extraction": True}.items() if k in fields}
    settings = Settings(data_dir=tmp_path / "data", embedding_cache=True, pii_mode="vault",
                        enrichers=["pii", "guard", "keys"], **options, **extra)
    embedder = CachedEmbedder(HashingEmbedder(), settings.embedding_cache_path)
    return Memory(tmp_path / "engram.db", settings=settings, embedder=embedder)


def files_of(mem: Memory) -> list[Path]:
    paths = [Path(mem.store.path), mem.settings.embedding_cache_path,  # the vault is a table
             mem.settings.guard_lessons_path]                          # of the store
    return [p.with_name(p.name + suffix) for p in paths for suffix in ("", "-wal", "-shm")
            if p.with_name(p.name + suffix).exists()]


def leaks(mem: Memory, needles: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in files_of(mem):
        raw = path.read_bytes()
        hits = [n for n in needles if n.encode() in raw or n.encode("utf-16-le") in raw]
        if hits:
            found[path.name] = hits
    return found


def seed_victim(mem: Memory) -> list[str]:
    """Canaries in content, tags, metadata, an old version, a vaulted email, a summary."""
    ids = []
    for n, canary in enumerate(CANARIES[:3]):
        [item] = mem.add(f"Victim note {canary} about Lisbon trams and Pastel shops", user_id="victim",
                         session_id=f"s{n % 2}", app_id="a")
        ids.append(item.id)
    [tagged] = mem.add("plain text", user_id="victim", session_id="s0", app_id="a",
                       tags=[CANARIES[3]], metadata={"note": CANARIES[4]})
    [edited] = mem.add(f"first draft {CANARIES[5]}", user_id="victim", session_id="s1", app_id="a")
    mem.update(edited.id, user_id="victim", content="final draft without the secret")
    [mail] = mem.add(f"mail me at {CANARIES[6]}@example.com", user_id="victim", session_id="s0",
                     app_id="a")
    # a derived item (as consolidation makes): its provenance points at a deleted item
    [summary] = mem.add([{"role": "user", "content": f"Summary: {CANARIES[7]} likes trams",
                          "id": ids[0]}], user_id="victim", app_id="a", kind="summary")
    if hasattr(mem, "consolidate"):
        mem.consolidate(user_id="victim")
    mem.search(f"Lisbon {CANARIES[0]}", user_id="victim")  # a cached query vector too
    return [*ids, tagged.id, edited.id, mail.id, summary.id]


def test_forget_leaves_no_bytes_behind(tmp_path: Path) -> None:
    mem = open_memory(tmp_path)
    victim_ids = seed_victim(mem)
    # guard lessons (memory-derived): a malicious one outlives its memory, not its user
    mem.guard_feedback(victim_ids[0], "malicious", user_id="victim", app_id="a")
    mem.guard_feedback(victim_ids[1], "benign", user_id="victim", app_id="a")
    assert mem.lessons is not None and mem.lessons.count() == 2
    [keep] = mem.add(f"Bystander {BYSTANDER} likes Lisbon trams", user_id="bystander", app_id="a")
    texts = [i.content for i in mem.store.iter_items(None)]
    mem.purge()
    before = leaks(mem, CANARIES)
    assert before, "the canaries should be on disk before deletion (else the grep proves nothing)"

    deleted = mem.forget("victim")
    assert deleted >= 7
    assert mem.count(user_id="victim", filters=ALL) == 0
    assert mem.get(keep.id, user_id="bystander").content.startswith("Bystander")
    residue = leaks(mem, CANARIES)
    assert residue == {}, residue
    assert leaks(mem, [BYSTANDER]), "the bystander's data must survive (and be greppable)"
    conn = sqlite3.connect(mem.store.path)
    assert conn.execute("SELECT count(*) FROM history WHERE user_id='victim' AND "
                        "(old IS NOT NULL OR new IS NOT NULL)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM history WHERE user_id='victim' AND op='delete'"
                        ).fetchone()[0] == deleted  # content-free tombstones remain
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "links" in tables:
        live = {r[0] for r in conn.execute("SELECT id FROM memories")}
        cols = [r[1] for r in conn.execute("PRAGMA table_info(links)")][:2]
        ends = {v for row in conn.execute(f"SELECT {cols[0]}, {cols[1]} FROM links") for v in row}
        assert ends <= live, "links must not outlive either end"
    conn.close()
    cache = sqlite3.connect(mem.settings.embedding_cache_path)
    cached = {bytes(r[0]) for r in cache.execute("SELECT key FROM embeddings")}
    victim_texts = [t for t in texts if "ictim" in t or "draft" in t or "Summary" in t]
    assert not cached & {cache_key(mem.embedder.model_id, r, t) for t in victim_texts
                         for r in ("passage", "query")}
    assert mem.vault is not None and mem.vault.count() == 0
    assert mem.lessons.count() == 0
    sizes = {p.name: p.stat().st_size for p in files_of(mem) if p.name.endswith("-wal")}
    mem.close()
    record("deletion", {"canaries": len(CANARIES), "files_scanned": len(files_of(mem)),
                        "files_with_canaries_before": len(before), "residue_after": 0,
                        "memories_deleted": deleted, "wal_bytes_after_purge": sizes})


def test_single_delete_cascades_to_derived_and_purges(tmp_path: Path) -> None:
    mem = open_memory(tmp_path)
    [episode] = mem.add(f"I adopted a cat named {CANARIES[0]}", user_id="u", session_id="s1")
    [other] = mem.add("I like tea", user_id="u", session_id="s2")
    # a user-level profile (wider scope) derived from the session-level episode
    [profile] = mem.add([{"role": "user", "content": f"Profile: has cat {CANARIES[0]}",
                          "id": episode.id}], user_id="u", kind="profile")
    [second] = mem.add([{"role": "user", "content": f"Digest of profile {CANARIES[1]}",
                         "id": profile.id}], user_id="u", kind="summary")  # derived from derived
    mem.delete(episode.id, user_id="u", session_id="s1")
    remaining = {i.id for i in mem.store.iter_items(None)}
    assert profile.id not in remaining and second.id not in remaining
    assert other.id in remaining
    assert [h.op for h in mem.history(profile.id, user_id="u")][-1] == "delete"
    mem.purge()
    assert leaks(mem, CANARIES[:2]) == {}
    mem.close()


def test_delete_all_in_one_scope_spares_the_rest(tmp_path: Path) -> None:
    mem = open_memory(tmp_path)
    mem.add(f"session one {CANARIES[0]}", user_id="u", session_id="s1")
    [kept] = mem.add(f"session two {BYSTANDER}", user_id="u", session_id="s2")
    assert mem.delete_all(user_id="u", session_id="s1") == 1
    mem.purge()
    assert leaks(mem, CANARIES[:1]) == {}
    assert mem.get(kept.id, user_id="u").id == kept.id
    mem.close()


# -- item 6: every door deletes physically, with no purge() --------------------------------
DOOR_SETTINGS = {"embedder": "hashing", "embedding_cache": True, "pii_mode": "vault",
                 "enrichers": ["pii", "guard", "keys"]}


def door_memory(tmp_path: Path) -> Memory:
    return Memory(tmp_path / "engram.db", settings=Settings(data_dir=tmp_path / "data", **DOOR_SETTINGS))


def seed_one(mem: Memory) -> tuple[str, list[str]]:
    """One memory whose text had two versions, a vaulted email, a tag and metadata."""
    # no two share a prefix, and each tail (past 3 letters) is distinctive: FTS5 leaf pages
    # store a term as (length shared with the previous term, rest), so a scan looks for both
    secret = ["qjkwombatfig", "xqzpelicanjot", "zvkotterbun", "jxqheronmop", "vqzlynxtub"]
    [item] = mem.add(f"first version {secret[0]} about trams, mail {secret[1]}@example.com",
                     user_id="victim", session_id="s1", tags=[secret[2]], metadata={"k": secret[3]})
    mem.guard_feedback(item.id, "benign", user_id="victim")  # a lesson of the first version
    mem.update(item.id, user_id="victim", content=f"second version {secret[4]} about trams")
    mem.store.settle()  # both versions now in the database file itself, not just the WAL
    mem.add("a neighbour round about trams", user_id="victim", session_id="s1")  # its context: WAL
    mem.search(f"trams {secret[4]}", user_id="victim")
    return item.id, secret


def delete_through(door: str, mem: Memory, memory_id: str, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    cli_args: list[str] = []
    if door == "cli":
        mem.close()  # the CLI opens the file itself
        monkeypatch.setenv("ENGRAM_DATA_DIR", str(tmp_path / "data"))
        for name, value in DOOR_SETTINGS.items():
            monkeypatch.setenv(f"ENGRAM_{name.upper()}",
                               json.dumps(value) if isinstance(value, list) else str(value))
        cli_args = ["--db", str(tmp_path / "engram.db")]
    doors.delete_through(door, mem, memory_id, user_id="victim", cli_args=cli_args)


@pytest.mark.parametrize("door", ["api", "rest", "cli", "mcp"])
def test_delete_through_every_door_leaves_no_bytes(door: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    if door == "rest":
        pytest.importorskip("fastapi")
    if door == "mcp":
        pytest.importorskip("mcp")
    mem = door_memory(tmp_path)
    memory_id, secret = seed_one(mem)
    before = leaks(mem, secret)
    assert before, "the canaries should be on disk before deletion"
    delete_through(door, mem, memory_id, tmp_path, monkeypatch)
    if door == "cli":
        mem = door_memory(tmp_path)  # the CLI closed its own Memory; reopen to scan and check
    tails = [s[3:] for s in secret]
    assert leaks(mem, secret + tails) == {}  # db, WAL, SHM, FTS segments, cache, vault; no purge()
    assert mem.lessons is not None and mem.lessons.count() == 0  # its benign lesson went too
    assert [h.op for h in mem.history(memory_id, user_id="victim")][-1] == "delete"
    assert mem.search("neighbour trams", user_id="victim").hits  # the rest still works
    scanned = sorted(p.name for p in files_of(mem))
    mem.close()
    record(f"deletion-{door}", {"canaries": len(secret), "files_scanned": scanned,
                                "files_with_canaries_before": sorted(before),
                                "residue_after_delete": 0, "purge": False})


def test_fts_keeps_no_tokens_of_a_deleted_version(tmp_path: Path) -> None:
    """The case of the issue: after delete() (no purge), no FTS segment still holds the
    stemmed tokens of any version of the deleted text."""
    mem = door_memory(tmp_path)
    memory_id, secret = seed_one(mem)
    conn = sqlite3.connect(mem.store.path)
    index = b"".join(bytes(r[0]) for r in conn.execute("SELECT block FROM memories_fts_data"))
    assert [s for s in secret if s[3:].encode() in index], "the tokens are indexed before"
    mem.delete(memory_id, user_id="victim")
    blobs = b"".join(bytes(r[0]) for r in conn.execute("SELECT block FROM memories_fts_data"))
    conn.close()
    assert [s for s in secret if s[3:].encode() in blobs] == []
    mem.close()
