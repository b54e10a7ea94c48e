"""The HNSW graph saved beside a SQLite store: reused when current, never when stale or
foreign, kept up to date by this process's writes, and free of deleted vectors."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import faiss
import numpy as np
import pytest

from engram.index import ann_file
from engram.model import Filters, HistoryEntry, MemoryItem, MemoryStatus, Scope
from engram.store.sqlite import SQLiteStore
from tests.store.saved_graph import ALICE, LARGE, N, put, saved_store, search, unit


def builds(store: SQLiteStore) -> int:
    return store.graphs_built


def generation(path: Path) -> str:
    return json.loads((ann_file.ann_dir(path) / "current.json").read_text())["generation"]


@pytest.fixture()
def saved(tmp_path: Path) -> tuple[Path, list[MemoryItem]]:
    return saved_store(tmp_path)


def test_a_fresh_process_reuses_the_graph_with_identical_results(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    before = generation(path)
    reopened = SQLiteStore(path, **LARGE)
    rebuilt = SQLiteStore(path, persist_ann=False, **LARGE)
    for seed in (0, 3, 57, 119, 500):
        got, want = search(reopened, seed), search(rebuilt, seed)
        assert [h for h, _ in got] == [h for h, _ in want]
        assert [s for _, s in got] == pytest.approx([s for _, s in want], abs=1e-6)
    assert search(reopened, 57)[0][0] == items[57].id
    assert builds(reopened) == 0 and builds(rebuilt) == 1
    reopened.close()
    rebuilt.close()
    assert generation(path) == before  # nothing changed: nothing rewritten


def test_a_graph_made_stale_by_another_writer_is_caught_up_from_the_log(
        saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    other = SQLiteStore(path, persist_ann=False, **LARGE)  # a CLI `add` that never searches
    [late] = put(other, [9999])
    other.delete(ALICE, [items[4].id], [])
    other.close()
    store = SQLiteStore(path, **LARGE)
    assert search(store, 9999)[0][0] == late.id
    assert items[4].id not in {h for h, _ in search(store, 4, limit=20)}
    assert builds(store) == 0
    store.close()


def test_a_graph_older_than_the_log_is_rebuilt(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, _ = saved
    other = SQLiteStore(path, persist_ann=False, **LARGE)
    [late] = put(other, [9999])
    other.close()
    with sqlite3.connect(path) as conn:  # as if the log had been pruned past the saved graph
        conn.execute("UPDATE meta SET value = '999999' WHERE key = 'vector_log_floor'")
    store = SQLiteStore(path, **LARGE)
    assert search(store, 9999)[0][0] == late.id
    assert builds(store) == 1
    store.close()


def test_a_live_graph_follows_another_processs_writes(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    reader, writer = SQLiteStore(path, **LARGE), SQLiteStore(path, **LARGE)
    search(reader, 1)
    [late] = put(writer, [6001])
    writer.delete(ALICE, [items[8].id], [])
    moved = writer.get(ALICE, [items[9].id])[0].model_copy(update={"version": 2})
    writer.replace(moved, unit(6002), HistoryEntry(memory_id=moved.id, version=2, op="update"),
                   expected_version=1, model_id="m")
    assert search(reader, 6001)[0][0] == late.id
    assert search(reader, 6002)[0][0] == items[9].id
    assert items[8].id not in {h for h, _ in search(reader, 8, limit=20)}
    [mine] = put(reader, [6003])  # a write of its own after the other's: applied as well
    assert search(reader, 6003)[0][0] == mine.id
    assert builds(reader) == 0 and builds(writer) == 0
    writer.close()
    reader.close()


def test_a_graph_copied_from_another_store_is_ignored(tmp_path: Path,
                                                      saved: tuple[Path, list[MemoryItem]]) -> None:
    path, _ = saved
    twin = tmp_path / "twin.db"  # same rowids, count and model; other vectors
    store = SQLiteStore(twin, persist_ann=False, **LARGE)
    twins = put(store, list(range(1000, 1000 + N)))
    store.close()
    shutil.copytree(ann_file.ann_dir(path), ann_file.ann_dir(twin))
    store = SQLiteStore(twin, **LARGE)
    assert search(store, 1057)[0][0] == twins[57].id
    assert builds(store) == 1
    store.close()


def test_a_graph_of_another_model_is_ignored(tmp_path: Path, saved: tuple[Path, list[MemoryItem]]) -> None:
    path, _ = saved
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'other-model' WHERE key = 'embed_model'")
    store = SQLiteStore(path, **LARGE)
    search(store, 1)
    assert builds(store) == 1
    store.close()


@pytest.mark.parametrize("damage", ["count", "labels", "missing"])
def test_a_damaged_saved_graph_is_ignored(saved: tuple[Path, list[MemoryItem]], damage: str) -> None:
    path, items = saved
    folder = ann_file.ann_dir(path)
    gen = folder / generation(path)
    if damage == "count":
        meta = json.loads((folder / "current.json").read_text())
        (folder / "current.json").write_text(json.dumps({**meta, "count": meta["count"] - 1}))
    elif damage == "labels":
        labels = np.load(gen / "labels.npy")
        np.save(gen / "labels.npy", labels[::-1].copy())  # the same ids on the wrong rows
    else:
        (gen / "hnsw.faiss").unlink()
    store = SQLiteStore(path, **LARGE)
    hit = search(store, 57)[0]
    assert hit[0] == items[57].id and hit[1] == pytest.approx(1.0, abs=1e-5)
    assert builds(store) == 1
    store.close()


def test_own_writes_update_the_loaded_graph_and_are_saved(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    store = SQLiteStore(path, **LARGE)
    search(store, 1)
    [new] = put(store, [7777])
    store.delete(ALICE, [items[5].id], [])
    moved = store.get(ALICE, [items[6].id])[0].model_copy(update={"version": 2})
    store.replace(moved, unit(8888), HistoryEntry(memory_id=moved.id, version=2, op="update"),
                  expected_version=1, model_id="m")
    assert search(store, 7777)[0][0] == new.id
    assert items[5].id not in {h for h, _ in search(store, 5, limit=20)}
    assert search(store, 8888)[0][0] == items[6].id
    assert builds(store) == 0  # updated in place, not rebuilt
    store.close()
    again = SQLiteStore(path, **LARGE)
    assert search(again, 7777)[0][0] == new.id
    assert search(again, 8888)[0][0] == items[6].id
    assert items[5].id not in {h for h, _ in search(again, 5, limit=20)}
    assert builds(again) == 0
    again.close()


def test_deleted_vectors_do_not_stay_in_the_saved_graph(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    store = SQLiteStore(path, **LARGE)
    search(store, 1)
    store.delete(ALICE, [items[11].id], [])
    store.close()
    gen = ann_file.ann_dir(path) / generation(path)
    index = faiss.read_index(str(gen / "hnsw.faiss"))
    stored = np.vstack([index.reconstruct(i) for i in range(index.ntotal)])
    assert np.abs(stored @ unit(11)).max() < 0.99  # no row is the deleted vector any more


def test_compact_removes_the_saved_graph(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, _ = saved
    store = SQLiteStore(path, **LARGE)
    store.compact()
    assert not ann_file.ann_dir(path).exists()
    store.close()


def test_the_ledger_follows_every_vector_write(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    store = SQLiteStore(path, **LARGE)
    items = put(store, list(range(30)))
    search(store, 1)  # the first full load records the ledger
    put(store, [100, 101], scope=Scope(user_id="bob"))
    store.delete(ALICE, [items[0].id, items[1].id], [])
    archived = store.get(ALICE, [items[2].id])[0].model_copy(
        update={"status": MemoryStatus.ARCHIVED, "version": 2})
    store.replace(archived, unit(55), HistoryEntry(memory_id=archived.id, version=2, op="update"),
                  expected_version=1, model_id="m")
    store.delete_scope(Scope(user_id="bob"), actor=None)
    store.close()
    with sqlite3.connect(path) as conn:
        rowids = np.array([r[0] for r in conn.execute("SELECT rowid FROM vectors")], dtype=np.int64)
        ledger = conn.execute("SELECT value FROM meta WHERE key = 'vector_ledger'").fetchone()[0]
    count, checksum = ann_file.ids_checksum(rowids)
    assert ledger == f"{count}:{checksum}" and count == 28


BOB = Scope(user_id="bob")


def test_the_graph_never_returns_another_scopes_memory(tmp_path: Path) -> None:
    """Both scopes are large and share one graph; bob's exact vectors, searched in alice's
    scope (in this process and in a fresh one, with its saved large-scope hints), give
    only alice's memories."""
    path = tmp_path / "t.db"
    store = SQLiteStore(path, **LARGE)
    mine = {i.id for i in put(store, list(range(40)))}
    put(store, list(range(500, 540)), scope=BOB)
    for attempt in range(2):
        for seed in range(500, 540, 7):
            got = store.vector_search(ALICE, unit(seed), Filters(), limit=10)
            assert len(got) == 10 and {h for h, _ in got} <= mine
        assert builds(store) == (1 if attempt == 0 else 0)
        store.close()
        store = SQLiteStore(path, **LARGE)
    store.close()


def test_a_fresh_process_goes_straight_to_the_graph_for_a_known_large_scope(
        saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    hints = (ann_file.ann_dir(path) / "large-scopes.json").read_text()
    assert "alice" not in hints  # hashed: the file beside the store names no user
    store = SQLiteStore(path, **LARGE)
    store.preload_vectors()
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    assert search(store, 57)[0][0] == items[57].id
    scans = [s for s in statements if "FROM memories m WHERE" in s and "rowid IN" not in s]
    assert scans == []  # no O(scope) query: only the candidates were checked against the store
    store.close()


def test_own_writes_are_saved_as_layers_on_the_same_graph(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    before = generation(path)
    store = SQLiteStore(path, **LARGE)
    search(store, 1)
    [new] = put(store, [4242])
    store.delete(ALICE, [items[9].id], [])
    store.close()
    assert generation(path) == before  # the graph file was kept, not rewritten
    assert len(list((ann_file.ann_dir(path) / before).glob("delta-*.npz"))) == 1
    again = SQLiteStore(path, **LARGE)
    assert search(again, 4242)[0][0] == new.id
    assert items[9].id not in {h for h, _ in search(again, 9, limit=20)}
    assert builds(again) == 0
    again.close()


def test_a_large_delta_is_merged_into_a_new_graph(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, _ = saved
    before = generation(path)
    store = SQLiteStore(path, **LARGE)
    search(store, 1)
    added = put(store, list(range(2000, 2030)))  # > ann_threshold and > 10 % of the graph
    store.close()
    assert generation(path) != before
    again = SQLiteStore(path, **LARGE)
    assert search(again, 2017)[0][0] == added[17].id
    assert builds(again) == 0
    again.close()


def test_compact_then_close_saves_a_whole_graph_again(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    store = SQLiteStore(path, **LARGE)
    search(store, 1)
    store.delete(ALICE, [items[3].id], [])
    store.compact()
    store.close()
    gen = ann_file.ann_dir(path) / generation(path)
    index = faiss.read_index(str(gen / "hnsw.faiss"))
    stored = np.vstack([index.reconstruct(i) for i in range(index.ntotal)])
    assert np.abs(stored @ unit(3)).max() < 0.99
    again = SQLiteStore(path, **LARGE)
    assert search(again, 44)[0][0] == items[44].id and builds(again) == 0
    again.close()


def test_a_truncated_graph_file_is_ignored(saved: tuple[Path, list[MemoryItem]]) -> None:
    path, items = saved
    graph = ann_file.ann_dir(path) / generation(path) / "hnsw.faiss"
    graph.write_bytes(graph.read_bytes()[: graph.stat().st_size // 2])
    store = SQLiteStore(path, **LARGE)
    assert search(store, 57)[0][0] == items[57].id
    assert builds(store) == 1
    store.close()


def test_a_stale_large_scope_hint_falls_back_to_exact_search(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    store = SQLiteStore(path, **LARGE)
    alice = put(store, list(range(120)))
    put(store, list(range(3000, 3300)), scope=BOB)
    search(store, 1)  # alice is large: hinted beside the saved graph
    store.close()
    other = SQLiteStore(path, persist_ann=False, **LARGE)
    other.delete(ALICE, [i.id for i in alice[5:]], [])  # alice shrinks to 5, below the threshold
    other.close()
    store = SQLiteStore(path, **LARGE)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    got = store.vector_search(ALICE, unit(3100), Filters(), limit=5)  # near bob: alice's rows are far
    assert {h for h, _ in got} == {i.id for i in alice[:5]}
    assert any("count(*)" in s for s in statements)  # the hint was checked once ...
    assert not store._large  # ... and dropped
    store.close()


def test_a_large_scope_search_checks_only_the_nearest_candidates_against_the_store(
        saved: tuple[Path, list[MemoryItem]]) -> None:
    """Each candidate checked reads its (wide) memories row: a scope that is the whole
    graph is answered from the nearest few, with the exact top results."""
    path, items = saved
    store = SQLiteStore(path, open_ann_ahead=False, **LARGE)
    store.preload_vectors()
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    hits = search(store, 57, limit=5)
    store._conn.set_trace_callback(None)
    checked = [len(s.split("rowid IN (", 1)[1].split(")", 1)[0].split(",")) for s in statements if "rowid IN (" in s]
    assert checked == [16]  # not every candidate the graph returned (all 120 here)
    vectors = np.stack([unit(i) for i in range(N)])
    best = np.argsort(-(vectors @ unit(57)))[:5]
    assert [h for h, _ in hits] == [items[i].id for i in best]
    store.close()
