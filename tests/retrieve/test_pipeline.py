"""The ranking pipeline's stages, one by one, and the limit-independence of its top k."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engram import Memory
from engram.model import Filters, MemoryItem, MemoryStatus, Scope
from engram.retrieve import currency
from engram.retrieve.analysis import QueryAnalysis, content_words, lexical_text
from engram.retrieve.base import Ranked
from engram.retrieve.excerpt import excerpt, opening_turn, shorten_block
from engram.retrieve.hybrid import RETRIEVERS, make_retriever, session_diversity, session_prior
from engram.retrieve.pack import count_tokens, pack_context, render_item
from engram.store.base import Neighbors

U = Scope(user_id="u")
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def item(text: str, days: int = 0, **fields: object) -> MemoryItem:
    when = NOW - timedelta(days=100 - days)
    return MemoryItem(scope=U, content=text, event_time=when, created_at=when, updated_at=when,
                      **fields)  # type: ignore[arg-type]


# -- stage 1: query analysis -----------------------------------------------------------
def test_analysis_drops_function_words_but_keeps_content() -> None:
    assert content_words("What is my dog called?") == ["dog", "called"]
    assert content_words("Where do I live now?") == ["live"]
    assert lexical_text("who am I") == "who am I"  # nothing but function words: keep the text
    past = QueryAnalysis.of("where did I use to live?", NOW)
    assert past.past and not QueryAnalysis.of("where do I live?", NOW).past
    assert QueryAnalysis.of("what did I do with my old sneakers?", NOW).past
    assert not QueryAnalysis.of("where do I currently keep my old sneakers?", NOW).past  # says present
    assert QueryAnalysis.of("where did I keep my sneakers before I currently had a closet?", NOW).past


# -- stage 2: fusion and the session prior ----------------------------------------------
def test_session_prior_lifts_rounds_of_the_strongest_session() -> None:
    fused = [Ranked("a1", 0.50), Ranked("b1", 0.48), Ranked("b2", 0.45), Ranked("c1", 0.1)]
    sessions = {"a1": Neighbors(session="A"), "b1": Neighbors(session="B"),
                "b2": Neighbors(session="B"), "c1": Neighbors()}
    out = session_prior(fused, sessions, 0.3)
    assert [r.id for r in out][:2] == ["b1", "b2"]  # two good rounds beat one lucky one
    assert session_prior(list(fused), sessions, 0.0) == fused


def test_session_diversity_damps_a_sessions_later_hits_and_keeps_its_inner_order() -> None:
    fused = [Ranked("a1", 0.9), Ranked("a2", 0.85), Ranked("a3", 0.8), Ranked("b1", 0.7), Ranked("x", 0.6)]
    sessions = {"a1": Neighbors(session="A"), "a2": Neighbors(session="A"), "a3": Neighbors(session="A"),
                "b1": Neighbors(session="B")}  # "x" has no session: it is its own
    out = session_diversity([Ranked(r.id, r.score) for r in fused], sessions, 0.3)
    assert [r.id for r in out] == ["a1", "b1", "x", "a2", "a3"]
    assert [round(r.score, 4) for r in out] == [0.9, 0.7, 0.6, round(0.85 * 0.7, 4), round(0.8 * 0.49, 4)]
    same = [Ranked(r.id, r.score) for r in fused]
    assert session_diversity(same, sessions, 0.0) == same  # off: nothing moves


# -- stage 3: currency -----------------------------------------------------------------
def test_stale_memories_sink_once_for_present_questions_only() -> None:
    old = item("I live in Berlin", valid_to=NOW - timedelta(days=1))
    superseded = item("I live in Paris", status=MemoryStatus.SUPERSEDED)
    both = item("I lived in Rome", status=MemoryStatus.SUPERSEDED, valid_to=NOW - timedelta(days=2))
    items = {i.id: i for i in (old, superseded, both)}
    ranked = [Ranked(i.id, 1.0) for i in items.values()]
    out = currency.validity(ranked, items, QueryAnalysis.of("where do I live?", NOW))
    assert [r.score for r in out] == [currency.STALE_WEIGHT] * 3  # one signal, applied once
    again = [Ranked(i.id, 1.0) for i in items.values()]
    assert all(r.score == 1.0 for r in currency.validity(again, items, QueryAnalysis.of(
        "where did I use to live?", NOW)))


def test_current_state_orders_rivals_newest_first_inside_their_positions() -> None:
    old, other, new = item("I work as a nurse", 0), item("I like tea", 10), item("Now I teach biology", 50)
    items = {i.id: i for i in (old, other, new)}
    ranked = [Ranked(old.id, 0.9), Ranked(other.id, 0.5), Ranked(new.id, 0.48)]
    out = currency.current_state(ranked, items, QueryAnalysis.of("where do I work these days?", NOW))
    assert [r.id for r in out] == [new.id, other.id, old.id]  # tea keeps its position
    assert [r.score for r in out] == [0.9, 0.5, 0.48]  # positions keep their scores
    past = [Ranked(new.id, 0.9), Ranked(other.id, 0.5), Ranked(old.id, 0.48)]
    out = currency.current_state(past, items, QueryAnalysis.of("what was my previous job?", NOW))
    assert out[0].id == old.id
    plain = [Ranked(old.id, 0.9), Ranked(new.id, 0.3)]
    assert currency.current_state(plain, items, QueryAnalysis.of("nurse", NOW)) == plain  # no cue


@pytest.mark.parametrize(("query", "wanted"), [
    ("where do I live?", "newest"),  # names a single-valued slot
    ("how many cats do I have?", "newest"),  # asks for a quantity
    ("what is the average response time of the dashboard API?", "newest"),
    ("which editor do I use these days?", "newest"),  # says "now" in words
    ("what is the dashboard API built with?", None),  # present tense alone asks for no current value
    ("does the dashboard API use caching?", None),
    ("how many days passed between the kickoff and the launch?", None),  # an interval, not a value now
    ("how long did it take me to reach 85%?", None),
    ("where did I live before Madrid?", "oldest"),
    ("where do I currently keep my old sneakers?", "newest"),  # "old" describes the sneakers
    ("what is the deadline for the first sprint?", "newest"),  # "first" names the sprint
    ("when is the webinar on hiring scheduled?", "newest"),  # a moment is a value too
    ("what was my first car?", "oldest"),
    ("what was the first phone I bought?", "oldest"),
    # a value asked in the simple past or past perfect is that event's, not today's
    ("how much did I spend on the car wash?", None),
    ("how many bass did I catch on my fishing trip?", None),
    ("how long had I been using the rug when I rearranged the room?", None),
    ("how many weeks have I been in the program when I started the orientation?", None),
    # ... unless the question asks for a tally up to now
    ("how many films did I watch in the last 3 months?", "newest"),
    ("how much did I earn at the market on my most recent visit?", "newest"),
    ("how many books have I read so far?", "newest"),
    # a question about the whole history, or whether something ever happened, wants no one state first
    ("have I ever worked on triangle classification problems before?", None),
    ("summarize how my work with Robert has developed", None),
    ("how long did it take me to move to my new apartment?", None),  # an interval, though it names a home
    # the bare past tense says when, not that the earlier of several states is wanted
    ("how many copies of the album were released worldwide?", None),
    ("how old was I when Alex was born?", None),
    ("where were we living before the move?", "oldest"),  # "before" still asks for it
])
def test_which_questions_ask_for_the_current_value(query: str, wanted: str | None) -> None:
    assert currency.wanted_order(QueryAnalysis.of(query, NOW)) == wanted


def stage_order(hits: list[tuple[MemoryItem, float]], query: str) -> list[str]:
    """The ids of ``hits`` (item, fused score; best first) after the current-state stage."""
    items = {i.id: i for i, _ in hits}
    ranked = [Ranked(i.id, score) for i, score in hits]
    return [r.id for r in currency.current_state(ranked, items, QueryAnalysis.of(query, NOW))]


@pytest.mark.parametrize(("query", "subject"), [
    ("Where does my sister Emily live?", ("sister", "emily")),
    ("Where does Bob work?", ("bob",)),
    ("What is my best friend's job?", ("friend",)),
    ("Where do I live now?", ()),  # the user
    ("How many trips have I taken my Canon camera on?", ()),  # a thing, not a person
])
def test_the_person_a_question_is_about(query: str, subject: tuple[str, ...]) -> None:
    assert currency.subject_of(query) == subject


def test_a_value_about_someone_else_is_no_rival_for_the_users_question() -> None:
    sister = item("My sister Emily lives in Denver.", 0)
    mine = item("I live near 33rd street now.", 50)
    hits = [(sister, 0.9), (mine, 0.8)]
    assert stage_order(hits, "Where does my sister Emily live?") == [sister.id, mine.id]
    assert stage_order(hits, "Where do I live?") == [mine.id, sister.id]  # about the user, the newer home leads


def test_a_name_no_hit_mentions_is_read_as_the_user() -> None:
    nurse = item("I work as a nurse at St. Mary's hospital.", 0)
    teacher = item("I quit last month, now I teach biology at Lincoln High.", 50)
    # Bob is nobody else here: the newer job leads
    assert stage_order([(nurse, 0.9), (teacher, 0.8)], "Where does Bob work?") == [teacher.id, nurse.id]
    bob = item("Bob works at the post office.", 10)
    hits = [(nurse, 0.9), (bob, 0.85), (teacher, 0.8)]
    assert stage_order(hits, "Where does Bob work?") == [nurse.id, bob.id, teacher.id]  # only Bob's memory is his


def test_a_value_asked_in_the_past_tense_keeps_relevance_order() -> None:
    wash = item("I spent $30 on a car wash and $12 on a parking ticket.", 0)
    later = item("Next month I want to spend under $50 on car wash trips.", 50)
    hits = [(wash, 0.9), (later, 0.8)]
    assert stage_order(hits, "how much did I spend on the car wash?") == [wash.id, later.id]
    # asked in the present, the newer value leads
    assert stage_order(hits, "how much do I spend on the car wash?") == [later.id, wash.id]


@pytest.mark.parametrize("locality", ["round", "value", "sentence"])
def test_where_a_long_round_must_state_the_rival_value(locality: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(currency, "RIVAL_LOCALITY", locality)
    first = item("I lead a team of 4 engineers.", 0)
    spread = item("My team is great. The engineers love pizza. I bought 3 boxes yesterday.", 50)
    moved = stage_order([(first, 0.9), (spread, 0.8)], "how many engineers are on my team?") == [spread.id, first.id]
    # the number sits in a sentence without the query's words: a rival only when the round counts
    assert moved == (locality == "round")


def test_a_present_tense_question_that_asks_no_current_value_keeps_relevance_order() -> None:
    first, later = item("I built the dashboard API with Flask", 0), item("The dashboard API now caches queries", 50)
    hits = [(first, 0.9), (later, 0.6)]
    assert stage_order(hits, "what is the dashboard API built with?") == [first.id, later.id]
    # the same rivals, asked for the current state
    assert stage_order(hits, "what does the dashboard API use now?") == [later.id, first.id]


def test_a_newer_rival_far_weaker_than_the_leader_keeps_its_place() -> None:
    old, new = item("I work as a nurse at the hospital", 0), item("My boss asked about the office party", 50)
    items = {old.id: old, new.id: new}
    asked = QueryAnalysis.of("where do I work these days?", NOW)
    weak = [Ranked(old.id, 0.9), Ranked(new.id, 0.9 * currency.RIVAL_SHARE - 0.01)]
    assert currency.current_state(weak, items, asked) == weak  # it only named the attribute
    close = [Ranked(old.id, 0.9), Ranked(new.id, 0.9 * currency.RIVAL_SHARE + 0.01)]
    assert [r.id for r in currency.current_state(close, items, asked)] == [new.id, old.id]


@pytest.mark.parametrize(("text", "states"), [
    ("I have 3 cats", True), ("twelve of them came", True), ("coverage is at 65%", True),
    ("I went on May 10, 2024", False), ("we met at 7:30 am", False), ("back in 2023", False),
    ("on the 5th of June", False), ("no number here", False),
])
def test_what_states_a_quantity(text: str, states: bool) -> None:
    assert currency.states_quantity(text) is states


def test_for_a_quantity_question_a_rival_must_state_a_number() -> None:
    count, dated = item("I have read 12 books this year", 0), item("On March 3rd, 2024 I read books with the club", 50)
    items = {count.id: count, dated.id: dated}
    ranked = [Ranked(count.id, 0.9), Ranked(dated.id, 0.8)]
    asked = QueryAnalysis.of("how many books have I read?", NOW)
    assert currency.current_state(ranked, items, asked) == ranked  # a date is not a count
    newer = item("I have read 15 books now", 60)
    items[newer.id] = newer
    ranked = [*ranked, Ranked(newer.id, 0.7)]
    assert [r.id for r in currency.current_state(ranked, items, asked)] == [newer.id, dated.id, count.id]


def test_for_a_question_about_a_moment_a_rival_must_state_a_date_or_time() -> None:
    old, talk = item("The first sprint's deadline is April 1", 0), item("The first sprint went well", 40)
    new = item("The first sprint's deadline moved to April 5", 50)
    items = {i.id: i for i in (old, talk, new)}
    ranked = [Ranked(old.id, 0.9), Ranked(talk.id, 0.85), Ranked(new.id, 0.8)]
    asked = QueryAnalysis.of("what is the deadline for the first sprint?", NOW)
    assert [r.id for r in currency.current_state(ranked, items, asked)] == [new.id, talk.id, old.id]
    assert currency.states_value("see you on Friday", "when is the review?")
    assert not currency.states_value("see you soon", "when is the review?")
    assert not currency.states_value("on May 10", "how many books have I read?")  # a date is no count


def test_one_shared_word_does_not_make_rivals() -> None:
    pill, bus = item("I take sertraline every morning", 0), item("I take the bus every morning", 10)
    items = {pill.id: pill, bus.id: bus}
    ranked = [Ranked(pill.id, 0.8), Ranked(bus.id, 0.7)]
    assert currency.current_state(ranked, items, QueryAnalysis.of("what medication do I take?", NOW)) == ranked


# -- stage 6: packing excerpts -----------------------------------------------------------
def test_long_rounds_are_excerpted_with_a_pointer() -> None:
    essay = " ".join(f"Sentence number {n} talks about general gardening advice." for n in range(80))
    long = item(f"user: By the way, my dog Pixel is a beagle.\nassistant: {essay} Pixel sounds lovely.")
    text = excerpt(long.content, "what breed is Pixel", 60, count_tokens)
    assert "my dog Pixel is a beagle" in text and "…" in text and count_tokens(text) < 120
    block = shorten_block(long, render_item(long), "what breed is Pixel", render_item, count_tokens)
    assert long.id in block and count_tokens(block) < count_tokens(render_item(long)) / 3
    packed = pack_context([long], 400, query="what breed is Pixel")
    assert packed.items == [long] and packed.tokens <= 400 and "beagle" in packed.text
    assert pack_context([long], 400).items == []  # without a query the whole round does not fit


def test_an_excerpt_keeps_the_users_turn_whole() -> None:
    """"How much have I made from selling eggs?" shares no word with "I sold 12 dozen at $10":
    the user's turn, short, is kept whole, and the assistant's essay is cut."""
    essay = " ".join(f"Sentence number {n} talks about general gardening advice." for n in range(80))
    user = "user: I sold 12 dozen at the market today. Each dozen went for $10. My hens are busy."
    long = item(f"{user}\nassistant: {essay} Selling eggs sounds like fun.")
    long = long.model_copy(update={"role": "user+assistant"})
    assert opening_turn(long) == user
    block = shorten_block(long, render_item(long), "how much have I made from selling eggs?", render_item,
                          count_tokens)
    assert user in block and "Selling eggs sounds like fun." in block and "Sentence number 40" not in block
    assert count_tokens(block) < count_tokens(render_item(long)) / 3
    # one speaker, or an opening turn too long for the excerpt: its first line stands in
    assert opening_turn(long.model_copy(update={"role": "user"})) == ""
    wordy = long.model_copy(update={"content": f"user: {essay}\nassistant: Noted."})
    assert excerpt(wordy.content, "gardening", 60, count_tokens, opening=opening_turn(wordy)).startswith(
        "user: Sentence number 0")


# -- the whole pipeline ----------------------------------------------------------------
@pytest.mark.parametrize("spec", sorted(RETRIEVERS))
def test_top_k_does_not_depend_on_the_limit(memory: Memory, spec: str) -> None:
    """search(q, limit=k) is the first k of search(q, limit=100), for every retriever."""
    topics = ["hiking", "pottery", "taxes", "kayak", "jazz", "chess", "baking", "cycling"]
    for n in range(160):
        memory.add([{"role": "user", "content": f"I talked about {topics[n % 8]} and {topics[(n * 3) % 8]} "
                     f"on day {n}"}, {"role": "assistant", "content": f"Noted {n}."}],
                   user_id="u", session_id=f"s{n // 10}", event_time=NOW - timedelta(days=200 - n))
    memory.retriever = make_retriever(spec, depth=30)
    for query in ("what did I say about pottery and jazz", "cycling last week", "day 17"):
        full = [h.item.id for h in memory.search(query, user_id="u", limit=100, now=NOW).hits]
        for k in (1, 5, 10, 30):
            assert [h.item.id for h in memory.search(query, user_id="u", limit=k, now=NOW).hits] == full[:k]
        assert len(full) > 30  # past the depth, the deeper pass still fills the list


def test_exhaustive_small_history_records_access(memory: Memory) -> None:
    memory.add("I like green tea", user_id="u")
    result = memory.search("tea", user_id="u", token_budget=500)
    assert result.mode == "exhaustive"
    assert memory.get(result.hits[0].item.id, user_id="u").access_count == 1


def test_scores_are_calibrated_between_zero_and_one(memory: Memory) -> None:
    memory.add("I moved to Lisbon in May", user_id="u")
    memory.add("My favourite band is Radiohead", user_id="u")
    for query in ("Lisbon", "where do I live", "Radiohead band"):
        hits = memory.search(query, user_id="u", filters=Filters()).hits
        assert all(0.0 <= h.score <= 1.0 for h in hits)
