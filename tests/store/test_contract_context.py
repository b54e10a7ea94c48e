"""The neighbour-context part of the Store contract, run against every backend.

An active episodic round with a session is indexed lexically with the text of the
active episodic rounds right before and after it in that session (same user, agent,
app; ordered by event_time, NULL first, then insertion order) as a low-weight extra
field: the answer to a question often sits in the round next to the one that shares
its words. Every write keeps those contexts exact, and a deleted round's text must
leave every other row's index.
"""

from __future__ import annotations

import random
import threading
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from engram.model import (
    Filters,
    HistoryEntry,
    MemoryItem,
    MemoryKind,
    MemoryStatus,
    Scope,
    tombstone,
)
from engram.store import Store

T0 = datetime(2024, 1, 1, tzinfo=UTC)
U = Scope(user_id="u")
S1 = Scope(user_id="u", session_id="s1")


def at(minute: int | None) -> datetime | None:
    return None if minute is None else T0 + timedelta(minutes=minute)


def rounds(store: Store, scope: Scope, texts: list[str], minutes: list[int | None] | None = None,
           **fields: Any) -> list[MemoryItem]:
    """Add these rounds in one call, in list order (= insertion order)."""
    times = minutes if minutes is not None else list(range(len(texts)))
    items = [MemoryItem(scope=scope, content=t, event_time=at(m), **fields)
             for t, m in zip(texts, times, strict=True)]
    store.add(items, None, [HistoryEntry(memory_id=i.id, version=1, op="add") for i in items])
    return items


def change(store: Store, item: MemoryItem, **updates: Any) -> MemoryItem:
    new = item.model_copy(update={**updates, "version": item.version + 1})
    store.replace(new, None, HistoryEntry(memory_id=item.id, version=new.version, op="update"),
                  expected_version=item.version)
    return new


def drop(store: Store, scope: Scope, *items: MemoryItem) -> int:
    return store.delete(scope, [i.id for i in items], [tombstone(i.id, i.version, None) for i in items])


def is_sqlite(store: Store) -> bool:
    return type(store).__name__ == "SQLiteStore"


def contexts(store: Store) -> dict[str, str]:
    """Every row's stored context field, by id."""
    sql = ("SELECT m.id, f.context FROM memories m JOIN memories_fts f ON f.rowid = m.rowid"
           if is_sqlite(store) else "SELECT id, context_text FROM memories")
    return dict(store._read(sql))  # type: ignore[attr-defined]


def indexed_anywhere(store: Store, word: str) -> list[str]:
    """Rows whose lexical index (any field) still holds ``word``, read from the raw
    index, not through lexical_search: the inverted index and the stored text."""
    if is_sqlite(store):
        hits = store._read(  # type: ignore[attr-defined]
            "SELECT rowid FROM memories_fts WHERE memories_fts MATCH ?", [f'"{word}"'])
        stored = store._read(  # type: ignore[attr-defined]
            "SELECT rowid FROM memories_fts WHERE text || keys || context LIKE ?", [f"%{word}%"])
    else:
        hits = store._read(  # type: ignore[attr-defined]
            "SELECT id FROM memories WHERE tsv @@ to_tsquery('english', %s)", [word])
        stored = store._read(  # type: ignore[attr-defined]
            "SELECT id FROM memories WHERE content || key_text || context_text || tsv::text"
            " LIKE %s", [f"%{word}%"])
    return [str(r[0]) for r in hits + stored]


def expected(items: list[MemoryItem]) -> dict[str, str]:
    """The reference definition; ``items`` in insertion order, in their current state."""
    sessions: dict[tuple[str | None, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for pos, item in enumerate(items):
        s = item.scope
        if item.kind == MemoryKind.EPISODIC and item.status == MemoryStatus.ACTIVE and s.session_id:
            order = (item.event_time is not None, item.event_time or T0, pos)
            sessions[(s.user_id, s.agent_id, s.app_id, s.session_id)].append((order, item.content, item.id))
    out = {item.id: "" for item in items}
    for rows in sessions.values():
        rows.sort()
        for k, (_, _, item_id) in enumerate(rows):
            out[item_id] = "\n".join(rows[j][1] for j in (k - 1, k + 1) if 0 <= j < len(rows))
    return out


def lexical(store: Store, scope: Scope, query: str, context: bool = True) -> list[str]:
    return [i for i, _ in store.lexical_search(scope, query, Filters(), limit=10, context=context)]


# -- the field and its ranking ------------------------------------------------------

def test_a_round_is_found_by_its_neighbours_words(store: Store) -> None:
    question, answer, later = rounds(store, S1, [
        "B: where did you buy the snake?", "A: in Paris a year ago", "B: lovely weather today"])
    assert contexts(store) == {question.id: answer.content,
                               answer.id: f"{question.content}\n{later.content}",
                               later.id: answer.content}
    # the round holding the words ranks above the one that only neighbours them
    assert lexical(store, U, "snake") == [question.id, answer.id]
    paris = lexical(store, U, "Paris")
    assert paris[0] == answer.id and sorted(paris[1:]) == sorted([question.id, later.id])
    assert lexical(store, U, "weather") == [later.id, answer.id]
    # without context (the default, and the hybrid's: spread lifts neighbours instead)
    # a round is found by its own words only
    assert lexical(store, U, "snake", context=False) == [question.id]
    assert lexical(store, U, "Paris", context=False) == [answer.id]
    assert [i for i, _ in store.lexical_search(U, "snake", Filters(), limit=10)] == [question.id]


def test_order_is_event_time_null_first_then_insertion(store: Store) -> None:
    # inserted out of time order; two share a time; one is undated
    c, a, undated, b2, b1 = rounds(store, S1, ["gamma", "alpha", "undated", "beta two", "beta one"],
                                   [30, 10, None, 20, 20])
    ctx = contexts(store)
    # running order: undated, alpha, beta two (inserted first), beta one, gamma
    assert ctx[undated.id] == "alpha"
    assert ctx[a.id] == "undated\nbeta two"
    assert ctx[b2.id] == "alpha\nbeta one"
    assert ctx[b1.id] == "beta two\ngamma"
    assert ctx[c.id] == "beta one"
    [late] = rounds(store, S1, ["delta"], [40])  # an append touches only the old tail
    assert contexts(store) == {**ctx, c.id: "beta one\ndelta", late.id: "gamma"}


def test_no_session_or_not_episodic_means_no_context(store: Store) -> None:
    loose = rounds(store, U, ["no session one", "no session two"])
    first, last = rounds(store, S1, ["first round", "last round"], [0, 2])
    [fact] = rounds(store, S1, ["a fact in between"], [1], kind=MemoryKind.FACT)
    ctx = contexts(store)
    assert [ctx[i.id] for i in loose] == ["", ""]
    assert ctx[fact.id] == ""
    assert (ctx[first.id], ctx[last.id]) == ("last round", "first round")  # the fact is no neighbour


def test_neighbours_never_cross_scopes(store: Store) -> None:
    """Same session id, another user / agent / app: never a neighbour (NULL-safe)."""
    early, late = rounds(store, S1, ["mine early", "mine late"], [0, 10])
    others = [*rounds(store, Scope(user_id="other", session_id="s1"), ["zqxother"], [5]),
              *rounds(store, Scope(user_id="u", agent_id="bot", session_id="s1"), ["zqxagent"], [5]),
              *rounds(store, Scope(user_id="u", app_id="app", session_id="s1"), ["zqxapp"], [5])]
    assert contexts(store) == {early.id: "mine late", late.id: "mine early",
                               **{o.id: "" for o in others}}
    for other in others:
        assert lexical(store, U, other.content) in ([], [other.id])
    assert lexical(store, Scope(user_id="other"), "mine") == []


def test_an_update_reaches_the_neighbours(store: Store) -> None:
    first, middle, last = rounds(store, S1, ["first", "zqxold middle", "last"])
    middle = change(store, middle, content="zqxnew middle")
    ctx = contexts(store)
    assert ctx[first.id] == "zqxnew middle" and ctx[last.id] == "zqxnew middle"
    assert indexed_anywhere(store, "zqxold") == []
    assert set(lexical(store, U, "zqxnew")) == {first.id, middle.id, last.id}
    # moving it in time re-links both its old and its new neighbours
    middle = change(store, middle, event_time=at(9))
    assert contexts(store) == expected([first, middle, last])


def test_archived_rounds_are_nobodys_neighbour(store: Store) -> None:
    first, middle, last = rounds(store, S1, ["first", "zqxmid archived", "last"])
    middle = change(store, middle, status=MemoryStatus.ARCHIVED)
    ctx = contexts(store)
    assert (ctx[first.id], ctx[middle.id], ctx[last.id]) == ("last", "", "first")
    assert set(indexed_anywhere(store, "zqxmid")) == {_rid(store, middle.id)}  # its own text only
    assert lexical(store, U, "zqxmid") == []
    change(store, middle, status=MemoryStatus.ACTIVE)  # and back
    assert contexts(store)[first.id] == "zqxmid archived"
    [born] = rounds(store, S1, ["zqxborn archived"], [5], status=MemoryStatus.ARCHIVED)
    assert contexts(store)[last.id] == "zqxmid archived" and contexts(store)[born.id] == ""


def _rid(store: Store, item_id: str) -> str:
    """How :func:`indexed_anywhere` names a row (SQLite rowid, else the id)."""
    if not is_sqlite(store):
        return item_id
    return str(store._read("SELECT rowid FROM memories WHERE id = ?", [item_id])[0][0])  # type: ignore[attr-defined]


# -- deletion scrubs the neighbours' index ----------------------------------------

def test_deleting_a_round_scrubs_it_from_its_neighbours(store: Store) -> None:
    first, middle, last = rounds(store, S1, ["zqxfirst round", "zqxmiddle round", "zqxlast round"])
    assert len(indexed_anywhere(store, "zqxmiddle")) >= 3  # itself and both neighbours
    assert drop(store, U, middle) == 1
    assert lexical(store, U, "zqxmiddle") == []
    assert indexed_anywhere(store, "zqxmiddle") == []  # no row's raw index holds it
    ctx = contexts(store)
    assert ctx == {first.id: "zqxlast round", last.id: "zqxfirst round"}


def test_deleting_runs_and_ends_relinks_the_survivors(store: Store) -> None:
    items = rounds(store, S1, [f"zqxr{n} text" for n in range(6)])
    drop(store, U, items[0], items[2], items[3])  # an end, and a run of two
    assert contexts(store) == expected([items[1], items[4], items[5]])
    for n in (0, 2, 3):
        assert indexed_anywhere(store, f"zqxr{n}") == []


def test_delete_scope_leaves_no_context_behind(store: Store) -> None:
    rounds(store, S1, ["zqxgone one", "zqxgone two"])
    [kept] = rounds(store, Scope(user_id="u", session_id="s2"), ["kept alone"])
    assert store.delete_scope(S1, actor=None) == 2
    assert indexed_anywhere(store, "zqxgone") == []
    assert contexts(store) == {kept.id: ""}


# -- every write against the reference definition ----------------------------------

def test_random_writes_keep_every_context_exact(store: Store) -> None:
    rng = random.Random(7)
    scopes = [S1, Scope(user_id="u", session_id="s2"), Scope(user_id="v", session_id="s1"),
              Scope(user_id="u", agent_id="a", session_id="s1"), U]
    order: list[str] = []  # insertion order
    live: dict[str, MemoryItem] = {}
    for step in range(45):
        op = rng.random()
        if op < 0.45 or len(live) < 3:
            scope = rng.choice(scopes)
            texts = [f"w{step}x{k}" for k in range(rng.randint(1, 3))]
            times = [rng.choice([None, 1, 2, 2, 3, 5, 8]) for _ in texts]
            kind = MemoryKind.FACT if rng.random() < 0.1 else MemoryKind.EPISODIC
            for item in rounds(store, scope, texts, times, kind=kind):
                order.append(item.id)
                live[item.id] = item
        elif op < 0.75:
            item = live[rng.choice(sorted(live))]
            updates: dict[str, Any] = rng.choice([{"content": f"edited{step}"},
                                                   {"status": MemoryStatus.ARCHIVED},
                                                   {"status": MemoryStatus.ACTIVE},
                                                   {"event_time": at(rng.choice([None, 0, 4, 9]))}])
            live[item.id] = change(store, item, **updates)
        else:
            user = live[rng.choice(sorted(live))].scope.user_id
            mine = sorted(i for i, item in live.items() if item.scope.user_id == user)
            gone = [live.pop(i) for i in rng.sample(mine, min(len(mine), rng.randint(1, 2)))]
            assert drop(store, Scope(user_id=user), *gone) == len(gone)
        now = [live[i] for i in order if i in live]
        assert contexts(store) == expected(now), f"step {step}"


def test_concurrent_writers_to_one_session_stay_consistent(make_store) -> None:  # type: ignore[no-untyped-def]
    """Writers on several handles (PostgreSQL: several connections, READ COMMITTED)
    add and delete rounds of one session at once; contexts must end up exact."""
    handles = [make_store() for _ in range(3)]
    added: dict[str, MemoryItem] = {}
    lock = threading.Lock()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            store = handles[n]
            for k in range(12):
                [item] = rounds(store, S1, [f"t{n}k{k}"], [k * 3 + n])
                with lock:
                    added[item.id] = item
                if k % 4 == 3:
                    drop(store, U, item)
                    with lock:
                        del added[item.id]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    items = sorted(added.values(), key=lambda i: i.event_time or T0)  # distinct times
    assert contexts(handles[0]) == expected(items)


# -- migration of an existing v2 store ----------------------------------------------

def test_sqlite_v2_file_gains_contexts_on_open(tmp_path: Path) -> None:
    from engram.store.sqlite import SQLiteStore
    from engram.store.sqlite_schema import SCHEMA_VERSION
    from tests.store.legacy_sqlite import legacy_file

    path = tmp_path / "v2.db"
    items = [MemoryItem(scope=S1, content=t, event_time=at(m)) for t, m in
             [("zqxlater answer in Paris", 5), ("zqxquestion about the snake", 1),
              ("zqxundated opener", None), ("zqxarchived aside", 3)]]
    items[3] = items[3].model_copy(update={"status": MemoryStatus.ARCHIVED})
    items.append(MemoryItem(scope=Scope(user_id="v", session_id="s1"), content="zqxother", event_time=at(2)))
    legacy_file(path, 2, items, "text, keys")  # as the v2 store wrote them: two lexical fields

    store = SQLiteStore(path)
    try:
        assert store._read("SELECT max(version) FROM schema_version")[0][0] == SCHEMA_VERSION
        later, question, opener, _aside, _other = items
        assert contexts(store) == expected(items)
        assert contexts(store)[question.id] == f"{opener.content}\n{later.content}"
        snake = lexical(store, U, "snake")
        assert snake[0] == question.id and sorted(snake[1:]) == sorted([opener.id, later.id])
        assert store.integrity_check() == []
        [new] = rounds(store, S1, ["zqxnew last word"], [9])  # upkeep goes on from here
        assert contexts(store)[later.id] == f"{question.content}\n{new.content}"
    finally:
        store.close()


def test_postgres_v2_database_gains_contexts_on_open(pg_url: str) -> None:
    import psycopg

    from engram.store.postgres import PostgresStore
    from engram.store.postgres_schema import MIGRATIONS, SCHEMA_VERSION
    from engram.store.postgres_sql import WRITE_COLUMNS, item_to_row

    later, question, opener = [MemoryItem(scope=S1, content=t, event_time=at(m)) for t, m in
                               [("zqxlater answer in Paris", 5), ("zqxquestion about the snake", 1),
                                ("zqxundated opener", None)]]
    items = [later, question, opener]
    with psycopg.connect(pg_url, autocommit=True) as conn, conn.transaction():
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for version, statements in enumerate(MIGRATIONS[:2], start=1):
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))
        v2 = WRITE_COLUMNS[:-1]  # without v4's tenant (last)
        for item in items:
            conn.execute(f"INSERT INTO memories ({', '.join(v2)}) VALUES "
                         f"({', '.join(['%s'] * len(v2))})", item_to_row(item)[:-1])
    store = PostgresStore(pg_url)
    try:
        assert store._read("SELECT max(version) FROM schema_version")[0][0] == SCHEMA_VERSION
        # ids are UUIDv7, so existing rows are numbered in creation order
        assert [r[0] for r in store._read("SELECT id FROM memories ORDER BY seq")] == sorted(
            i.id for i in items)
        assert contexts(store) == expected(items)
        snake = lexical(store, U, "snake")
        assert snake[0] == question.id and sorted(snake[1:]) == sorted([opener.id, later.id])
        [new] = rounds(store, S1, ["zqxnew last word"], [9])
        assert contexts(store)[later.id] == f"{question.content}\n{new.content}"
        seqs = dict(store._read("SELECT id, seq FROM memories"))
        assert seqs[new.id] > max(seqs[i.id] for i in items)  # the identity goes on after them
    finally:
        store.close()


@pytest.mark.parametrize("descending", [False, True])
def test_session_order_helpers_agree_across_backends(descending: bool) -> None:
    """Both dialects' ordering helper: event time (NULL first), then insertion order."""
    from engram.store import postgres_sql, sqlite_sql

    lite = sqlite_sql.session_order("m", descending=descending)
    pg = postgres_sql.session_order("m", descending=descending)
    assert lite.endswith("m.rowid" + (" DESC" if descending else ""))
    assert pg.endswith("m.seq" + (" DESC" if descending else ""))
    assert "event_time" in lite and "event_time" in pg


def test_neighbors_agrees_with_the_context_field(store: Store) -> None:
    """Store.neighbors and the context field share one running order: ties in
    event_time break by insertion order, whatever the items' created_at or ids."""
    base = [MemoryItem(scope=S1, content=f"tie {n}", event_time=at(1)) for n in range(3)]
    late = MemoryItem(scope=S1, content="later", event_time=at(2))
    # added in reverse creation order: insertion order disagrees with created_at and id
    ordered = [late, *reversed(base)]
    for item in ordered:
        store.add([item], None, [HistoryEntry(memory_id=item.id, version=1, op="add")])
    inserted = [*reversed(base), late]  # running order: the ties as inserted, then later
    found = store.neighbors(U, [i.id for i in inserted])
    for k, item in enumerate(inserted):
        prev = inserted[k - 1].id if k else None
        nxt = inserted[k + 1].id if k + 1 < len(inserted) else None
        assert (found[item.id].prev, found[item.id].next) == (prev, nxt), item.content
    assert contexts(store) == expected(ordered)


def test_context_never_drowns_a_rounds_own_words_in_a_small_store(store: Store) -> None:
    """The demo's regression: with one FTS5 table, every term also counted in the
    neighbours' context column, so in an 8-round store "commute" (said in 2 rounds)
    looked common, its IDF fell to zero and stopword matches ranked first."""
    texts = ["I adopted a puppy named Biscuit", "He chews everything, any tips?",
             "I got the job as a data engineer", "I'm nervous about the commute, 50 minutes",
             "We moved to Porto, the commute was too much", "He loves the beach",
             "I'm vegetarian now, suggest recipes", "Sister Marta visits, she is allergic to nuts"]
    items = [MemoryItem(scope=S1, content=t, event_time=at(n)) for n, t in enumerate(texts)]
    store.add(items, None, [HistoryEntry(memory_id=i.id, version=1, op="add", new=i.snapshot())
                            for i in items])
    ranked = [i for i, _ in store.lexical_search(U, "What did I say about my commute?",
                                                 Filters(), limit=8, context=True)]
    assert set(ranked[:2]) == {items[3].id, items[4].id}
