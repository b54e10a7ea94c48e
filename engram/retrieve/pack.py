"""Token counting and context packing.

Retrieval is judged by what reaches the reader. LongMemEval (Wu et al., 2024) found that
reading retrieved rounds *in chronological order, with their timestamps* ("time-aware
reading", chain-of-note style) beats reading them in relevance order, and ConvoMem
(2025) that a budgeted context should cover sessions coherently. So
:func:`pack_context` selects by relevance but presents by time, grouped by session.

Token counts: always an approximation of cl100k, ``ceil(max(1.1 × regex_tokens, chars / 4))``,
so packing is the same on every machine (using ``tiktoken`` when its encoding happened to
be cached made the result depend on a private cache layout and on the machine), with regex tokens =
``\\w+`` runs and single punctuation marks. Measured on all 5,882 LoCoMo turns against
cl100k: total over-estimate 13.5%, under-estimates 0.6% of turns by at most 4 tokens.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from engram.model import MemoryItem, SearchHit, SearchResult
from engram.retrieve.excerpt import shorten_block

if TYPE_CHECKING:
    from engram.retrieve.base import Query
    from engram.store.base import Store

logger = logging.getLogger(__name__)

SEPARATOR = "\n\n"
# The best hit is kept whole when it fits in a quarter of the budget: its answer is often
# in a sentence that shares no word with the question, which an excerpt drops. Chosen on
# the dev splits (LongMemEval's 62 fully embedded dev questions: evidence in 2k/4k/8k
# 0.859/0.895/0.914 -> 0.894/0.940/0.962; BEAM dev 0.537/0.604/0.672 -> 0.537/0.603/0.683;
# half the budget lost 2k on both; LoCoMo rounds are short and never excerpted).
TOP_WHOLE_SHARE = 4
_REGEX_TOKEN = re.compile(r"\w+|[^\w\s]")


def approx_tokens(text: str) -> int:
    """Upper-bound-ish estimate of cl100k tokens (see the module docstring)."""
    if not text:
        return 0
    return math.ceil(max(1.1 * len(_REGEX_TOKEN.findall(text)), len(text) / 4))


def count_tokens(text: str) -> int:
    """The token count packing uses: :func:`approx_tokens`, on every machine alike."""
    return approx_tokens(text)


def item_time(item: MemoryItem) -> datetime:
    """When the memory happened: ``event_time``, falling back to ``created_at``."""
    value = item.event_time or item.created_at
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def render_item(item: MemoryItem) -> str:
    """Default block: ``[2023-05-08 13:56 · session s1 · user]`` then the content."""
    parts = [item_time(item).astimezone(UTC).strftime("%Y-%m-%d %H:%M")]
    if item.scope.session_id:
        parts.append(f"session {item.scope.session_id}")
    if item.role:
        parts.append(item.role)
    return f"[{' · '.join(parts)}]\n{item.content}"


@dataclass
class PackedContext:
    """The chosen items in reading order, their rendered text and its token count."""

    items: list[MemoryItem] = field(default_factory=list)
    text: str = ""
    tokens: int = 0


def reading_order(items: Sequence[MemoryItem]) -> list[MemoryItem]:
    """Group by session; sessions by their earliest item; items chronologically inside.

    Items without a session form their own group, ordered the same way. Ties keep the
    given order (the sort is stable).
    """
    groups: dict[str | None, list[MemoryItem]] = {}
    for item in items:
        groups.setdefault(item.scope.session_id, []).append(item)
    for members in groups.values():
        members.sort(key=item_time)
    ordered = sorted(groups.values(), key=lambda members: item_time(members[0]))
    return [item for members in ordered for item in members]


def pack_context(items: Sequence[MemoryItem], budget: int, *, query: str | None = None,
                 render: Callable[[MemoryItem], str] = render_item,
                 counter: Callable[[str], int] = count_tokens) -> PackedContext:
    """Take items in the given (relevance) order while they fit in ``budget`` tokens,
    skipping any that would overflow, then lay the chosen ones out in :func:`reading_order`.

    With ``query``, a round longer than :data:`engram.retrieve.excerpt.LONG_BLOCK` tokens
    contributes only the sentences that answer the query (:func:`engram.retrieve.excerpt.excerpt`)
    and a pointer to the whole memory, so an agent does not read 500 tokens of an
    assistant's essay to find one user fact. The best hit is the exception: it is kept
    whole when it takes at most 1/:data:`TOP_WHOLE_SHARE` of the budget.

    The budget covers everything in ``text`` (headers and separators included); the final
    text is re-counted and trimmed from the least relevant end, so
    ``counter(text) <= budget`` always holds.
    """
    return pack_contexts(items, [budget], query=query, render=render, counter=counter)[budget]


def pack_contexts(items: Sequence[MemoryItem], budgets: Sequence[int], *, query: str | None = None,
                  render: Callable[[MemoryItem], str] = render_item,
                  counter: Callable[[str], int] = count_tokens) -> dict[int, PackedContext]:
    """:func:`pack_context` for several budgets at once: each item is rendered, excerpted
    and counted once, however many budgets read it (benchmarks pack 1k-8k per question)."""
    sep_cost = counter(SEPARATOR)
    blocks: list[tuple[str, int]] = []
    top_whole = render(items[0]) if items else ""
    top_whole_size = counter(top_whole) if query is not None and items else 0

    def block_of(index: int, budget: int) -> tuple[str, int]:
        if index == 0 and query is not None and top_whole_size * TOP_WHOLE_SHARE <= budget:
            return top_whole, top_whole_size  # the best hit, read whole
        while len(blocks) <= index:
            item = items[len(blocks)]
            block = top_whole if not blocks else render(item)
            if query is not None:
                block = shorten_block(item, block, query, render, counter)
            blocks.append((block, counter(block)))
        return blocks[index]

    out: dict[int, PackedContext] = {}
    for budget in budgets:
        if budget <= 0 or not items:
            out[budget] = PackedContext()
            continue
        chosen: list[tuple[MemoryItem, str]] = []
        used = 0
        for index, item in enumerate(items):
            if chosen and budget - used <= sep_cost:  # nothing more can fit
                break
            block, size = block_of(index, budget)
            cost = size + (sep_cost if chosen else 0)
            if used + cost <= budget:
                chosen.append((item, block))
                used += cost
        out[budget] = _laid_out(chosen, budget, counter)
    return out


def _laid_out(chosen: list[tuple[MemoryItem, str]], budget: int,
              counter: Callable[[str], int]) -> PackedContext:
    """The chosen blocks in reading order; re-counted, and trimmed from the least relevant
    end while the joined text is over ``budget``."""
    while chosen:
        blocks = {id(item): block for item, block in chosen}
        ordered = reading_order([item for item, _ in chosen])
        text = SEPARATOR.join(blocks[id(item)] for item in ordered)
        tokens = counter(text)
        if tokens <= budget:
            return PackedContext(items=ordered, text=text, tokens=tokens)
        chosen.pop()  # counts are not exactly additive across joins: drop the least relevant
    return PackedContext()


def exhaustive(store: Store, request: Query, budget: int, cap: int) -> SearchResult | None:
    """ConvoMem's finding: when a scope's whole (filtered) history fits the caller's
    budget, return all of it in reading order instead of a lossy retrieval. ``cap``
    bounds how many items are considered (0 turns the mode off); None = retrieve."""
    if cap == 0 or store.count(request.scope, request.filters) > cap:
        return None
    items = reading_order(store.list(request.scope, request.filters, limit=cap, descending=False))
    packed = pack_context(items, budget)
    if not items or len(packed.items) < len(items):
        return None
    hits = [SearchHit(item=i, score=0.0, channels={"exhaustive": 1.0}) for i in packed.items]
    return SearchResult(hits=hits, mode="exhaustive", context=packed.text, context_tokens=packed.tokens)
