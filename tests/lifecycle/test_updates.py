"""Knowledge updates: supersede (bi-temporal), reinforce duplicates, negations, past queries."""

from __future__ import annotations

from datetime import timedelta

from engram import Memory
from engram.ingest.extract import Fact
from engram.lifecycle.updates import Candidate, HeuristicDecider, overlap, refines
from engram.model import MemoryItem, Scope

from .conftest import T0, MakeMemory, say


def facts(mem: Memory, *statuses: str) -> list[MemoryItem]:
    return mem.list(user_id="u", filters={"kinds": ["fact"], "statuses": list(statuses or ["active"])},
                    limit=100).items


def test_a_move_supersedes_the_old_location_with_history(lc: Memory) -> None:
    say(lc, "I live in Lisbon.", T0, session_id="s1")
    [old] = facts(lc)
    say(lc, "I moved to Porto last month!", T0 + timedelta(days=60), session_id="s2")
    [new] = facts(lc)
    assert new.content == "The user lives in Porto." and new.metadata["supersedes"] == [old.id]
    stale = lc.get(old.id, user_id="u")
    assert stale.status.value == "superseded"
    assert stale.valid_to == T0 + timedelta(days=60)
    assert stale.metadata["superseded_by"] == new.id
    ops = [h.op for h in lc.history(old.id, user_id="u")]
    assert ops == ["add", "supersede"]
    assert {f.id for f in facts(lc, "active", "superseded")} == {old.id, new.id}


def test_current_question_ranks_the_new_value_and_past_question_finds_the_old(lc: Memory) -> None:
    say(lc, "I live in Lisbon.", T0)
    say(lc, "I moved to Porto!", T0 + timedelta(days=60))
    now = T0 + timedelta(days=90)
    current = lc.search("where does the user live", user_id="u", limit=5, now=now).hits
    assert "Porto" in current[0].item.content
    assert all(h.item.status.value == "active" for h in current)
    # the Lisbon round's only fact is outdated: its validity ended and it sinks
    lisbon_round = [h for h in current if "Lisbon" in h.item.content]
    assert all(h.item.valid_to is not None and h.channels.get("stale") for h in lisbon_round)
    past = lc.search("where did the user live before?", user_id="u", limit=5, now=now).hits
    assert any(h.item.status.value == "superseded" and "Lisbon" in h.item.content for h in past)
    explicit = lc.search("where did the user live before?", user_id="u", limit=5, now=now,
                         filters={"statuses": ["active"]}).hits
    assert all(h.item.status.value == "active" for h in explicit)


def test_duplicates_reinforce_instead_of_piling_up(lc: Memory) -> None:
    say(lc, "I love hiking.", T0)
    [fact] = facts(lc)
    say(lc, "Did I mention I love hiking?", T0 + timedelta(days=1))
    say(lc, "I really love hiking", T0 + timedelta(days=2))
    [same] = facts(lc)
    assert same.id == fact.id and same.importance > fact.importance
    assert len(same.provenance.source_ids) == 3 and same.access_count >= 2


def test_negation_retires_the_value_and_is_itself_current(lc: Memory) -> None:
    say(lc, "I love sushi and I love jazz.", T0)
    say(lc, "I don't eat sushi anymore.", T0 + timedelta(days=5))
    current = {f.content for f in facts(lc)}
    assert current == {"The user likes jazz.", "The user no longer likes sushi."}
    [gone] = [f for f in facts(lc, "superseded")]
    assert gone.content == "The user likes sushi."
    # the round still holds a current fact (jazz): it stays valid
    [first_round] = [i for i in lc.list(user_id="u", filters={"kinds": ["episodic"]}).items
                     if "jazz" in i.content]
    assert first_round.valid_to is None


def test_correction_of_a_single_valued_slot(lc: Memory) -> None:
    say(lc, "My sister's name is Ana.", T0)
    say(lc, "Sorry, my sister's name is actually Anna, not Ana.", T0 + timedelta(minutes=5))
    assert [f.content for f in facts(lc)] == ["The user's sister is Anna."]


def test_multi_valued_slots_accumulate(lc: Memory) -> None:
    say(lc, "I love hiking.", T0)
    say(lc, "I love chess.", T0 + timedelta(days=1))
    assert len(facts(lc)) == 2


def test_facts_update_across_sessions_and_stay_in_their_users_scope(lc: Memory) -> None:
    say(lc, "I live in Lisbon.", T0, session_id="a")
    say(lc, "I live in Oslo.", T0, user_id="other")
    say(lc, "I moved to Porto.", T0 + timedelta(days=1), session_id="b")
    assert [f.content for f in facts(lc)] == ["The user lives in Porto."]
    other = lc.list(user_id="other", filters={"kinds": ["fact"]}).items
    assert [f.content for f in other] == ["The user lives in Oslo."]


def test_extraction_is_off_by_default(make_memory: MakeMemory) -> None:
    mem = make_memory()
    say(mem, "I live in Lisbon.", T0)
    assert mem.count(user_id="u") == 1


def item(value: str, *, negated: bool = False, slot: str = "user:location") -> MemoryItem:
    return MemoryItem(scope=Scope(user_id="u"), kind="fact", content=f"The user lives in {value}.",
                      metadata={"slot": slot, "value": value, "negated": negated})


def fact(value: str, **kw: object) -> Fact:
    return Fact(attribute="location", value=value, statement=f"The user lives in {value}.", **kw)  # type: ignore[arg-type]


def test_heuristic_decider_rules() -> None:
    d = HeuristicDecider(0.9)
    lisbon = item("Lisbon")
    assert d.decide(fact("Porto"), [Candidate(lisbon, 0.8)]).op == "UPDATE"
    assert d.decide(fact("lisbon"), [Candidate(lisbon, 0.99)]).op == "NOOP"
    assert d.decide(fact("Lisbon", negated=True), [Candidate(lisbon, 0.9)]).targets == [lisbon.id]
    nyc = item("New York")
    assert d.decide(fact("New York City"), [Candidate(nyc, 0.9)]).op == "UPDATE"  # refinement
    assert d.decide(fact("New York"), [Candidate(item("New York City"), 0.9)]).op == "NOOP"
    other_slot = item("Lisbon", slot="user:hometown")
    assert d.decide(fact("Lisbon"), [Candidate(other_slot, 0.99)]).op == "NOOP"  # near-duplicate
    assert d.decide(fact("Lisbon"), [Candidate(other_slot, 0.5)]).op == "ADD"
    assert refines("New York City", "New York") and not refines("Lisbon", "Lisbon")
    assert overlap("a b", "b c") == 1 / 3


def test_a_job_title_stated_through_an_employer_ends_with_that_employer(lc: Memory) -> None:
    say(lc, "I work at Acme as an analyst.", T0)
    analyst = next(f for f in facts(lc) if f.metadata["attribute"] == "job_title")
    assert analyst.metadata["depends_on"] == "user:employer|acme" and "job title" in analyst.keys
    say(lc, "I started a new job at Globex this week!", T0 + timedelta(days=30))
    [globex_round] = [i for i in lc.list(user_id="u", filters={"kinds": ["episodic"]}).items
                      if "Globex" in i.content]
    assert [f.content for f in facts(lc)] == ["The user works at Globex."]
    stale = lc.get(analyst.id, user_id="u")
    assert stale.status.value == "superseded" and stale.metadata["closed_by"] == globex_round.id


def test_a_closing_with_nothing_to_close_leaves_no_fact_behind(lc: Memory) -> None:
    """Regression: "I quit my job at Google" also closes the (unknown) job title; that
    closing was stored as an active "no longer works at Google" job-title fact, which then
    answered "where does the user work now?" after the user joined Stripe."""
    say(lc, "I've worked for Google since 2019.", T0)
    say(lc, "I quit my job at Google.", T0 + timedelta(days=60))
    say(lc, "I joined Stripe last month and I love the team.", T0 + timedelta(days=61))
    assert {f.content for f in facts(lc)} == {"The user works at Stripe.", "The user likes the team."}
