"""Excerpts of long rounds for packed contexts (the last stage of the ranking pipeline).

LongMemEval rounds are long: an assistant's answer is often hundreds of words, and
the fact a question needs is one sentence of the user's turn. Under a token budget a
long round therefore contributes its best sentences for the query (by content-word
overlap, in their original order, with the round's opening line for context), and a
pointer (``memory <id>``) to fetch the whole round with ``Memory.get``.
"""

from __future__ import annotations

from collections.abc import Callable

from engram.ingest.sentences import quick_sentences
from engram.model import MemoryItem
from engram.retrieve.analysis import content_words, shared_words

LONG_BLOCK = 250  # tokens: a rendered round longer than this is excerpted
EXCERPT_TOKENS = 160  # tokens of sentences an excerpt keeps


def sentences(text: str) -> list[str]:
    """The project's quick splitter (titles, initials and decimals are no boundary), stripped:
    cheap enough for every packed round, and it never drops text."""
    return [part.strip() for part in quick_sentences(text) if part.strip()]


def _score(sentence: str, words: list[str]) -> float:
    return float(shared_words(words, sentence))


def excerpt(text: str, query: str, budget: int, counter: Callable[[str], int]) -> str:
    """The opening line plus the sentences that best match ``query`` while they fit in
    ``budget`` tokens, in text order, gaps marked with "…"."""
    parts = sentences(text)
    if not parts:
        return text
    words = content_words(query)
    keep = {0}
    used = counter(parts[0])
    scores = [_score(part, words) for part in parts]
    ranked = sorted(range(1, len(parts)), key=lambda i: (-scores[i], i))
    for i in ranked:
        if scores[i] <= 0:
            break
        cost = counter(parts[i])
        if used + cost > budget:
            continue
        keep.add(i)
        used += cost
    out: list[str] = []
    last = -1
    for i in sorted(keep):
        if last >= 0 and i != last + 1:
            out.append("…")
        out.append(parts[i])
        last = i
    if last != len(parts) - 1:
        out.append("…")
    return "\n".join(out)


def shorten_block(item: MemoryItem, block: str, query: str, render: Callable[[MemoryItem], str],
                  counter: Callable[[str], int]) -> str:
    """``block`` itself when short, else the item rendered with an excerpt of its content
    and a pointer to the whole memory."""
    if counter(block) <= LONG_BLOCK:
        return block
    short = excerpt(item.content, query, EXCERPT_TOKENS, counter)
    pointer = f"[excerpt of memory {item.id}; Memory.get(id) returns it whole]"
    return render(item.model_copy(update={"content": f"{short}\n{pointer}"}))
