"""The write service: the facade and the lifecycle store items the same way.

The lifecycle is built here on a bare :class:`Writer` over a real SQLite store, with no
:class:`~engram.Memory` at all: it must not need one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engram.config import Settings
from engram.embed.hashing import HashingEmbedder
from engram.errors import ConflictError, ContentTooLargeError, InvalidInputError
from engram.ingest.pipeline import KeyExpansion
from engram.lifecycle.engine import Lifecycle
from engram.model import Filters, HistoryEntry, MemoryItem, MemoryStatus, Scope
from engram.store.sqlite import SQLiteStore
from engram.write import Writer

SCOPE = Scope(user_id="u")


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[Writer]:
    store = SQLiteStore(tmp_path / "w.db")
    yield Writer(store, HashingEmbedder(), [KeyExpansion()], max_content_chars=200)
    store.close()


@pytest.fixture
def lifecycle(writer: Writer, tmp_path: Path) -> Lifecycle:
    return Lifecycle(writer, Settings(data_dir=tmp_path / "data", max_content_chars=200))


def _item(writer: Writer, text: str = "I moved to Lisbon in May 2023") -> MemoryItem:
    return writer.item(scope=SCOPE, content=text)


def test_add_enriches_embeds_stores_and_records_history(writer: Writer) -> None:
    [stored] = writer.add([_item(writer)], actor="me")
    assert "lisbon" in " ".join(stored.keys + stored.entities).lower()  # enriched
    assert writer.store.get(SCOPE, [stored.id]) == [stored]
    assert set(writer.store.vectors(SCOPE, [stored.id])) == {stored.id}
    [entry] = writer.store.history(SCOPE, [stored.id])
    assert (entry.op, entry.version, entry.actor) == ("add", 1, "me")


def test_item_validates_and_checks_size(writer: Writer) -> None:
    with pytest.raises(ContentTooLargeError, match="ENGRAM_MAX_CONTENT_CHARS"):
        _item(writer, "x" * 201)
    with pytest.raises(InvalidInputError, match="importance"):
        writer.item(scope=SCOPE, content="fine", importance=5)


def test_write_stores_built_items_with_their_history_as_given(writer: Writer) -> None:
    item = _item(writer).model_copy(update={"version": 3})
    entries = [HistoryEntry(memory_id=item.id, version=v, op="import", actor="old", at=item.created_at)
               for v in (1, 2, 3)]
    writer.write([item], entries)
    assert writer.store.get(SCOPE, [item.id]) == [item]  # not enriched again
    assert [h.version for h in writer.store.history(SCOPE, [item.id])] == [1, 2, 3]
    with pytest.raises(ContentTooLargeError):
        writer.write([item.model_copy(update={"content": "y" * 201, "id": "other"})], [])


def test_revise_checks_the_expected_version(writer: Writer) -> None:
    [stored] = writer.add([_item(writer)], actor=None)
    with pytest.raises(ConflictError, match="version 1, not 7"):
        writer.revise(stored, {"importance": 0.9}, actor=None, expected_version=7)


def test_lifecycle_insert_checks_size(lifecycle: Lifecycle, writer: Writer) -> None:
    big = MemoryItem(scope=SCOPE, content="z" * 201)
    with pytest.raises(ContentTooLargeError):
        lifecycle.insert([big])
    assert writer.store.count(SCOPE, Filters(statuses=list(MemoryStatus))) == 0


def test_lifecycle_revise_validates_checks_size_and_names_the_op(lifecycle: Lifecycle,
                                                                  writer: Writer) -> None:
    [stored] = lifecycle.insert([_item(writer)])
    with pytest.raises(ContentTooLargeError):
        lifecycle.revise(stored, content="z" * 201)
    with pytest.raises(InvalidInputError, match="importance"):
        lifecycle.revise(stored, importance=7.0)
    archived = lifecycle.revise(stored, status=MemoryStatus.ARCHIVED)
    again = lifecycle.revise(archived, importance=0.9)
    restored = lifecycle.revise(again, status=MemoryStatus.ACTIVE)
    edited = lifecycle.revise(restored, content="I moved to Porto in June 2024")
    ops = [h.op for h in writer.store.history(SCOPE, [stored.id])]
    assert ops == ["add", "archive", "update", "restore", "update"]
    assert "porto" in " ".join(edited.keys + edited.entities).lower()  # re-enriched


def test_lifecycle_archive_goes_through_the_writer(lifecycle: Lifecycle, writer: Writer) -> None:
    [stored] = lifecycle.insert([_item(writer).model_copy(update={"importance": 0.1})])
    found = lifecycle.archive_stale(SCOPE, now=stored.created_at.replace(year=2100))
    assert found == [stored.id]
    [entry] = writer.store.history(SCOPE, [stored.id])[1:]
    assert (entry.op, entry.actor) == ("archive", "engram:archive")
