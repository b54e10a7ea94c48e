"""JSONL export → import round-trips exactly; malformed files import nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from engram import Memory
from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ImportFormatError
from engram.ids import new_id
from engram.model import MemoryItem
from engram.portability import IMPORT_KEY

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               min_size=1, max_size=80).filter(lambda s: s.strip())
json_scalar = st.none() | st.booleans() | st.integers(-2**53, 2**53) | \
    st.floats(allow_nan=False, allow_infinity=False) | text
metadata = st.dictionaries(st.text(min_size=1, max_size=10).filter(lambda s: "\x00" not in s and not
                           any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
                           st.recursive(json_scalar, lambda inner: st.lists(inner, max_size=3) |
                                        st.dictionaries(st.text(max_size=5).filter(
                                            lambda s: "\x00" not in s and not any(
                                                0xD800 <= ord(c) <= 0xDFFF for c in s)),
                                            inner, max_size=3), max_leaves=8), max_size=4)
times = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1),
                     timezones=st.just(UTC))


def fresh(path: Path) -> Memory:
    return Memory(path, settings=Settings(data_dir=path.parent), embedder=HashingEmbedder())


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(text, metadata, times, st.lists(text, max_size=3)),
                        min_size=1, max_size=6),
       edit=st.booleans())
def test_roundtrip_is_exact(tmp_path_factory: pytest.TempPathFactory, entries, edit: bool) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("rt")
    with fresh(folder / "src.db") as src:
        for content, meta, when, tags in entries:
            [item] = src.add(content, user_id="u", metadata=meta, event_time=when, tags=tags)
        if edit:
            src.update(item.id, user_id="u", content=content + " (edited)")
        lines = list(src.export(user_id="u"))
        originals = {i.id: i for i in src.list(user_id="u", limit=100).items}
        histories = {i: src.history(i, user_id="u") for i in originals}
    dump = folder / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with fresh(folder / "dst.db") as dst:
        report = dst.import_(dump, actor="restorer")
        assert report.imported == len(originals) and report.skipped == 0
        restored = {i.id: i for i in dst.list(user_id="u", limit=100).items}
        assert {i: strip_import(item) for i, item in restored.items()} == originals
        for memory_id, item in restored.items():
            # the file's history is data on the item; the audit trail is this import only
            claimed = item.metadata[IMPORT_KEY]["history"]
            assert [(c["version"], c["op"], c["at"]) for c in claimed] == [
                (h.version, h.op, h.at.isoformat()) for h in histories[memory_id]]
            [row] = dst.history(memory_id, user_id="u")
            assert (row.op, row.actor, row.version) == ("import", "restorer", item.version)
        again = dst.import_(dump)  # idempotent
        assert again.imported == 0 and again.skipped == len(originals)


def strip_import(item: MemoryItem) -> MemoryItem:
    """The item as exported, without the import note."""
    return item.model_copy(update={"metadata": {k: v for k, v in item.metadata.items()
                                                if k != IMPORT_KEY}})


def test_malformed_lines_abort_whole_import_with_line_numbers(tmp_path: Path) -> None:
    with fresh(tmp_path / "src.db") as src:
        src.add("one", user_id="u")
        src.add("two", user_id="u")
        lines = list(src.export(user_id="u"))
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(("\n".join([lines[0], lines[1], "{not json", lines[2],
                                '{"item": {"content": "no scope"}}']) + "\n").encode()
                    + b'\xff\xfe{"item": 1}\n')
    with fresh(tmp_path / "dst.db") as dst:
        with pytest.raises(ImportFormatError) as info:
            dst.import_(bad)
        assert [n for n, _ in info.value.bad_lines] == [3, 5, 6]
        assert "line 3" in str(info.value) and "--skip-bad" in str(info.value)
        assert dst.count(user_id="u") == 0
        report = dst.import_(bad, skip_bad=True)
        assert report.imported == 2 and report.bad_lines == [3, 5, 6]


def test_import_confined_to_scope(tmp_path: Path) -> None:
    with fresh(tmp_path / "src.db") as src:
        src.add("mine", user_id="u")
        src.add("theirs", user_id="v")
        lines = list(src.export(all_scopes=True))
    with fresh(tmp_path / "dst.db") as dst:
        with pytest.raises(ImportFormatError, match="outside the import scope"):
            dst.import_(lines, scope={"user_id": "u"})
        assert dst.count(user_id="u") == 0


def test_duplicate_ids_in_file_are_rejected(tmp_path: Path) -> None:
    with fresh(tmp_path / "src.db") as src:
        src.add("one", user_id="u")
        lines = list(src.export(user_id="u"))
    with fresh(tmp_path / "dst.db") as dst:
        with pytest.raises(ImportFormatError, match="duplicate"):
            dst.import_([lines[1], lines[1]])
        header = json.loads(lines[0])
        assert header["format"] == "engram-export"


def test_reimport_after_delete_into_same_store(tmp_path: Path) -> None:
    with fresh(tmp_path / "m.db") as mem:
        [item] = mem.add("come back", user_id="u")
        lines = list(mem.export(user_id="u"))
        assert mem.delete_all(user_id="u") == 1
        report = mem.import_(lines)
        assert report.imported == 1
        assert mem.get(item.id, user_id="u").content == "come back"
        assert [h.op for h in mem.history(item.id, user_id="u")] == ["add", "delete", "import"]


def test_links_round_trip_and_never_leave_the_exported_scope(tmp_path: Path) -> None:
    from engram.model import Scope
    from engram.store.base import Link

    with fresh(tmp_path / "src.db") as src:
        a, b, c = (src.add(t, user_id="u", session_id=s)[0] for t, s in
                   (("I moved to Lisbon", "s1"), ("Lisbon trams are yellow", "s2"), ("Tram 28 again", "s2")))
        [other] = src.add("Another tenant's note", user_id="v")
        u = Scope(user_id="u")
        assert src.store.add_links(u, [Link(a.id, b.id, "similar 0.81; shares lisbon", 0.81),
                                       Link(c.id, b.id, "similar 0.70", 0.7)]) == 2
        full = list(src.export(all_scopes=True))
        session_only = list(src.export(user_id="u", session_id="s2"))
    assert sum(1 for line in full if '"links"' in line) == 2
    # a scoped export keeps only links with both ends inside it (c -> b), not a -> b
    kept = [json.loads(line).get("links", []) for line in session_only[1:]]
    assert sorted(link["dst"] for links in kept for link in links) == [b.id]
    assert all(a.id not in line and other.id not in line for line in session_only)
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(full) + "\n", encoding="utf-8")
    with fresh(tmp_path / "dst.db") as dst:
        report = dst.import_(dump)
        assert report.imported == 4 and report.links == 2
        restored = dst.store.links(Scope(user_id="u"), [b.id])
        assert {(l.src, l.dst, l.reason, l.score) for l in restored} == {
            (a.id, b.id, "similar 0.81; shares lisbon", 0.81), (c.id, b.id, "similar 0.70", 0.7)}
        exported = [json.loads(line) for line in dst.export(all_scopes=True)][1:]
        assert [(e["item"]["id"], e["item"]["content"], e.get("links")) for e in exported] == [
            (e["item"]["id"], e["item"]["content"], e.get("links"))
            for e in map(json.loads, full[1:])]  # same ids, contents and links


def test_links_to_memories_outside_the_file_are_not_restored(tmp_path: Path) -> None:
    with fresh(tmp_path / "dst.db") as dst:
        [existing] = dst.add("already here", user_id="u")
        line = {"item": {"scope": {"user_id": "u"}, "content": "new note", "id": new_id()},
                "links": [{"dst": existing.id, "reason": "similar", "score": 0.9}]}
        report = dst.import_([json.dumps(line)])
        assert report.imported == 1 and report.links == 0
        bad = {"item": {"scope": {"user_id": "u"}, "content": "x"}, "links": [{"reason": 3}]}
        with pytest.raises(ImportFormatError, match="link"):
            dst.import_([json.dumps(bad)])
