from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from engram.model import MemoryItem, Scope
from engram.retrieve.pack import approx_tokens, count_tokens, pack_context, reading_order, render_item

T0 = datetime(2023, 5, 8, 13, 56, tzinfo=UTC)


def _item(content: str, session: str | None, minutes: int, role: str | None = None) -> MemoryItem:
    scope = Scope(user_id="u", session_id=session)
    return MemoryItem(scope=scope, content=content, event_time=T0 + timedelta(minutes=minutes),
                      role=role)


def test_approx_tokens_is_sane() -> None:
    assert approx_tokens("") == 0
    assert approx_tokens("hello") >= 1
    assert approx_tokens("I went to a LGBTQ support group yesterday.") >= 9
    assert count_tokens("one two three") >= 3


def test_pack_orders_by_session_then_time_with_headers() -> None:
    items = [_item("late in s2", "s2", 100), _item("early in s1", "s1", 5, role="user"),
             _item("first of s2", "s2", 50), _item("start of s1", "s1", 0)]
    packed = pack_context(items, budget=1000)
    assert [i.content for i in packed.items] == ["start of s1", "early in s1", "first of s2",
                                                "late in s2"]
    assert packed.text.startswith("[2023-05-08 13:56 · session s1]\nstart of s1")
    assert "[2023-05-08 14:01 · session s1 · user]\nearly in s1" in packed.text
    assert packed.tokens == count_tokens(packed.text) <= 1000


def test_pack_selects_by_relevance_then_skips_what_does_not_fit() -> None:
    big = _item("word " * 200, "s1", 0)
    items = [_item("most relevant", "s2", 10), big, _item("third", "s1", 20)]
    packed = pack_context(items, budget=40)
    assert [i.content for i in packed.items] == ["most relevant", "third"]  # s2 starts earlier
    assert pack_context(items, budget=0).items == []
    assert pack_context([], budget=100).text == ""


def test_created_at_is_the_fallback_time() -> None:
    a = MemoryItem(scope=Scope(user_id="u", session_id="s"), content="b",
                   created_at=T0 + timedelta(hours=1))
    b = MemoryItem(scope=Scope(user_id="u", session_id="s"), content="a", created_at=T0)
    assert [i.content for i in reading_order([a, b])] == ["a", "b"]


_items = st.lists(
    st.builds(_item, st.text(min_size=1, max_size=80).filter(lambda s: s.strip() and "\x00" not in s),
              st.sampled_from(["s1", "s2", "s3", None]), st.integers(0, 10_000)),
    max_size=25)


@settings(max_examples=150, deadline=None)
@given(_items, st.integers(min_value=0, max_value=400))
def test_budget_is_never_exceeded(items: list[MemoryItem], budget: int) -> None:
    packed = pack_context(items, budget)
    assert packed.tokens == count_tokens(packed.text) <= budget
    ordered = reading_order(packed.items)
    assert [i.id for i in ordered] == [i.id for i in packed.items]
    for session in {i.scope.session_id for i in packed.items}:
        times = [i.event_time for i in packed.items if i.scope.session_id == session]
        assert times == sorted(times)  # type: ignore[type-var]


def _reference_pack(items: list[MemoryItem], budget: int, query: str) -> str:
    """The plain greedy packer, one budget at a time: the best hit whole when it takes at
    most a quarter of the budget, every other long round excerpted."""
    from engram.retrieve.excerpt import shorten_block
    from engram.retrieve.pack import SEPARATOR, TOP_WHOLE_SHARE, render_item

    chosen: list[tuple[MemoryItem, str]] = []
    used = 0
    for n, item in enumerate(items):
        block = render_item(item)
        if n > 0 or count_tokens(block) * TOP_WHOLE_SHARE > budget:
            block = shorten_block(item, block, query, render_item, count_tokens)
        cost = count_tokens(block) + (count_tokens(SEPARATOR) if chosen else 0)
        if used + cost <= budget:
            chosen.append((item, block))
            used += cost
    while chosen:
        blocks = {id(item): block for item, block in chosen}
        text = SEPARATOR.join(blocks[id(i)] for i in reading_order([i for i, _ in chosen]))
        if count_tokens(text) <= budget:
            return text
        chosen.pop()
    return ""


_SENTENCES = st.sampled_from(["My dog Pixel is a beagle.", "We talked about the weather for a while.",
                              "Dr. Smith moved to St. Louis in 2021.", "The price went up to 3.5 dollars!",
                              "I prefer tabs over spaces."])
_long_items = st.lists(
    st.builds(_item, st.lists(_SENTENCES, min_size=1, max_size=120).map(" ".join),
              st.sampled_from(["s1", "s2", None]), st.integers(0, 10_000)),
    max_size=12)


@settings(max_examples=60, deadline=None)
@given(_long_items, st.lists(st.integers(min_value=0, max_value=3000), min_size=1, max_size=4))
def test_packing_several_budgets_at_once_matches_packing_each(items: list[MemoryItem],
                                                              budgets: list[int]) -> None:
    from engram.retrieve.pack import pack_contexts

    packed = pack_contexts(items, budgets, query="what breed is Pixel")
    for budget in budgets:
        assert packed[budget].text == _reference_pack(items, budget, "what breed is Pixel")
        assert packed[budget].tokens <= budget


def test_the_best_hit_is_read_whole_when_it_takes_a_quarter_of_the_budget() -> None:
    """Its answer may sit in a sentence sharing no word with the question, which an excerpt
    drops; lower hits stay excerpted."""
    filler = " ".join(["We talked about the weather for a while."] * 40)
    answer = "By the way, the total came to 42 dozen."
    best = _item(f"user: how are my egg sales going?\nassistant: {filler} {answer}", "s1", 0,
                 role="user+assistant")
    other = _item(f"user: any tips?\nassistant: {filler} {answer}", "s2", 5, role="user+assistant")
    size = count_tokens(render_item(best))
    wide = pack_context([best, other], size * 4, query="how many eggs did I sell?")
    assert render_item(best) in wide.text  # whole
    assert wide.text.count(answer) == 1  # the second hit is excerpted, its answer cut
    narrow = pack_context([best, other], size * 4 - 1, query="how many eggs did I sell?")
    assert answer not in narrow.text and "excerpt of memory" in narrow.text
