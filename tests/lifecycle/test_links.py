"""A-MEM links: made on insert with a reason, evolve neighbours, vanish on delete."""

from __future__ import annotations

from datetime import timedelta

from engram import Memory

from .conftest import T0, MakeMemory, say


def linked(make_memory: MakeMemory) -> Memory:
    return make_memory(links=True, link_min_similarity=0.3)


def test_new_memory_links_to_related_ones_with_reasons(make_memory: MakeMemory) -> None:
    mem = linked(make_memory)
    [a] = mem.add("Trip planning with Maria to Kyoto temples", user_id="u", event_time=T0)
    [b] = mem.add("Maria booked the Kyoto temples tour", user_id="u", event_time=T0 + timedelta(days=1))
    [c] = mem.add("Quarterly tax forms are due", user_id="u", event_time=T0 + timedelta(days=2))
    rel = mem.related(b.id, user_id="u")
    assert [r.item.id for r in rel] == [a.id]
    assert rel[0].direction == "out" and rel[0].reason.startswith("similar")
    assert "maria" in rel[0].reason or "kyoto" in rel[0].reason
    back = mem.related(a.id, user_id="u")
    assert [r.direction for r in back] == ["in"]
    assert mem.related(c.id, user_id="u") == []


def test_evolution_adds_new_context_to_linked_notes(make_memory: MakeMemory) -> None:
    mem = linked(make_memory)
    [a] = mem.add("Dinner with Maria at the Kyoto restaurant", user_id="u", event_time=T0)
    mem.add("Maria loves the Kyoto restaurant and Sapporo beer", user_id="u", event_time=T0)
    evolved = mem.get(a.id, user_id="u")
    assert evolved.version == 2 and "sapporo" in evolved.keys
    assert mem.history(a.id, user_id="u")[-1].actor == "engram:evolve"


def test_links_respect_scope_and_deletion(make_memory: MakeMemory) -> None:
    mem = linked(make_memory)
    [a] = mem.add("Maria Kyoto temples trip", user_id="u", event_time=T0)
    [x] = mem.add("Maria Kyoto temples trip", user_id="v", event_time=T0)
    [b] = mem.add("Maria Kyoto temples tour booked", user_id="u", event_time=T0)
    assert [r.item.id for r in mem.related(b.id, user_id="u")] == [a.id]
    assert mem.related(x.id, user_id="v") == []
    mem.delete(a.id, user_id="u")
    assert mem.related(b.id, user_id="u") == []
    assert mem.store.links(mem.store.get(b.scope, [b.id])[0].scope, [a.id]) == []


def test_facts_link_to_their_round(lc: Memory) -> None:
    say(lc, "I live in Lisbon.", T0)
    [fact] = lc.list(user_id="u", filters={"kinds": ["fact"]}).items
    [rel] = lc.related(fact.id, user_id="u")
    assert rel.item.id == fact.provenance.source_ids[0] and rel.reason == "derived from this round"


def test_links_off_by_default(make_memory: MakeMemory) -> None:
    mem = make_memory()
    [a] = mem.add("Maria Kyoto temples trip", user_id="u")
    [b] = mem.add("Maria Kyoto temples trip again", user_id="u")
    assert mem.related(b.id, user_id="u") == [] and mem.get(a.id, user_id="u").version == 1
